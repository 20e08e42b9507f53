package bind

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A document Probe read is bound without being parsed again, once; a file
// changed since is read again, and Cleanup forgets what was kept.
func TestProbeKeepsDocumentForBind(t *testing.T) {
	f := getFixtures(t)
	t.Cleanup(Cleanup)
	dir := t.TempDir()
	path := filepath.Join(dir, "a.pdf")
	require.NoError(t, os.WriteFile(path, mustRead(t, f.mixed), 0o644))

	pages, err := Probe(path)
	require.NoError(t, err)
	kept := probed.docs[path].ctx
	require.NotNil(t, kept, "kept after Probe")
	ctx, err := readFile(path)
	require.NoError(t, err)
	assert.Same(t, kept, ctx, "bound without parsing again")
	again, err := readFile(path)
	require.NoError(t, err)
	assert.NotSame(t, kept, again, "taken once: a second read parses")

	// Changed since Probe: read again.
	_, err = Probe(path)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, mustRead(t, f.ones[0]), 0o644))
	later := time.Now().Add(time.Minute)
	require.NoError(t, os.Chtimes(path, later, later))
	ctx, err = readFile(path)
	require.NoError(t, err)
	leaves, err := pageLeaves(ctx)
	require.NoError(t, err)
	assert.Len(t, leaves, 1, "the file as it is now, not the %d pages probed", len(pages))

	_, err = Probe(path)
	require.NoError(t, err)
	Cleanup()
	assert.Empty(t, probed.docs, "Cleanup forgets")
	assert.Zero(t, probed.bytes)
}

// The bound document is the same whether its attachments were probed
// before or not.
func TestBindAfterProbe(t *testing.T) {
	f := getFixtures(t)
	t.Cleanup(Cleanup)
	in := Input{Body: f.body, Documents: []Document{{Path: f.mixed, After: 2}, {Path: f.ones[0], After: 3}},
		Version: NewVersion(), Meta: testMeta()}
	var plain, probedFirst bytes.Buffer
	r1, err := Bind(in, &plain)
	require.NoError(t, err)
	for _, d := range in.Documents {
		_, err := Probe(d.Path)
		require.NoError(t, err)
	}
	r2, err := Bind(in, &probedFirst)
	require.NoError(t, err)
	assert.Equal(t, r1.Pages, r2.Pages)
	assert.Equal(t, r1.Starts, r2.Starts)
	for _, d := range in.Documents {
		assert.NotContains(t, probed.docs, d.Path, "every document kept was bound")
	}
	info, err := InspectReader(bytes.NewReader(probedFirst.Bytes()))
	require.NoError(t, err)
	assert.Empty(t, info.Problems())
}
