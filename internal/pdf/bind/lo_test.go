package bind

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/mkspace/mkspace/internal/lotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A PDF exported by LibreOffice, a common producer of attachments.
func TestBindLibreOfficePDF(t *testing.T) {
	t.Parallel()
	lotest.Require(t)
	f := getFixtures(t)
	dir := t.TempDir()
	// Only LibreOffice Calc is installed on the build machines: export a
	// sheet.
	src := filepath.Join(dir, "letter.csv")
	require.NoError(t, os.WriteFile(src, bytes.Repeat([]byte("Letter of appointment,1,聘书\n"), 120), 0o644))
	lo := lotest.Convert(t, "pdf", dir, src)[0]
	pages, err := Probe(lo)
	require.NoError(t, err)
	require.NotEmpty(t, pages)

	v := NewVersion()
	out := filepath.Join(dir, "out.pdf")
	res, err := BindFile(Input{Body: f.body, Documents: []Document{{Path: lo, Title: "LibreOffice", After: 5}}, Version: v}, out)
	require.NoError(t, err)
	assert.Equal(t, 5+len(pages), res.Pages)
	qpdfCheck(t, out)
	texts := pageTexts(t, out, "-raw")
	assert.Contains(t, texts[5], "Letter of appointment")
	for i, text := range texts {
		assert.Regexp(t, footerRE(v, i+1, res.Pages), text)
	}
	info, err := Inspect(out)
	require.NoError(t, err)
	assert.Empty(t, info.Problems())
}

// Bindings may run at once (pack checks packages in parallel): the
// documents kept by Probe are shared process state, guarded.
func TestBindConcurrent(t *testing.T) {
	t.Parallel()
	f := getFixtures(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	infos := make([]*Info, 4)
	vs := make([]string, 4)
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			vs[i] = NewVersion()
			var buf bytes.Buffer
			if _, errs[i] = Bind(Input{Body: f.body, Documents: []Document{{Path: f.mixed, After: 5}}, Version: vs[i]}, &buf); errs[i] != nil {
				return
			}
			infos[i], errs[i] = InspectReader(bytes.NewReader(buf.Bytes()))
		}()
	}
	wg.Wait()
	for i := range 4 {
		require.NoError(t, errs[i])
		assert.Equal(t, vs[i], infos[i].Version)
		assert.Empty(t, infos[i].Problems())
	}
}
