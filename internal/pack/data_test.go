package pack

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
)

// The data of a zip is read from a temporary folder with the package's own
// mkspace.yaml (unless one is given), and named as in the zip.
func TestUnpackData(t *testing.T) {
	t.Parallel()
	z := zipCopy(t)
	en := config.Default()
	en.Lang = msg.EN
	d, unreadable, err := UnpackData(z, en)
	require.NoError(t, err)
	require.Nil(t, unreadable)
	assert.DirExists(t, d.Dir)
	assert.Equal(t, msg.EN, d.Config.Lang, "the run's language")

	files := []string{filepath.Join(d.Dir, "申报数据.xlsx"), "/elsewhere/x.xlsx"}
	fs := []finding.Finding{
		{File: d.Dir, Message: "in " + filepath.Join(d.Dir, "申报数据.xlsx")},
		{File: filepath.Join(d.Dir, "attachments", "a.pdf")},
	}
	d.Localize(files, fs)
	assert.Equal(t, []string{"申报数据.xlsx", "/elsewhere/x.xlsx"}, files)
	assert.Equal(t, "申报材料.zip", fs[0].File, "the folder itself is the zip")
	assert.Equal(t, "in 申报材料.zip/申报数据.xlsx", fs[0].Message)
	assert.Equal(t, "attachments/a.pdf", fs[1].File)

	require.NoError(t, d.Remove())
	assert.NoDirExists(t, d.Dir)
}

func TestUnpackDataUnreadable(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	notZip := filepath.Join(dir, "a.zip")
	require.NoError(t, os.WriteFile(notZip, []byte("plain text"), 0o644))
	d, unreadable, err := UnpackData(notZip, config.Default())
	require.NoError(t, err)
	assert.Nil(t, d)
	require.NotNil(t, unreadable)
	assert.Equal(t, finding.FileUnreadable, unreadable.Rule)
	assert.Equal(t, finding.Error, unreadable.Severity)

	// A zip whose own mkspace.yaml does not load names it inside the zip.
	fixture(t)
	ents := readZip(t, fx.zip)
	ents = append(ents, zent{Name: config.FileName, Data: []byte("window:\n  strat: 2020-01-01\n")})
	bad := filepath.Join(dir, "申报材料.zip")
	writeZip(t, bad, ents)
	d, unreadable, err = UnpackData(bad, config.Default())
	require.NoError(t, err)
	assert.Nil(t, d)
	require.NotNil(t, unreadable)
	assert.Contains(t, unreadable.Message, filepath.Join(bad, config.FileName))
	assert.Contains(t, unreadable.Message, "window.strat")

	// Given a configuration file (--config), the zip's own is not read.
	given := config.Default()
	given.File = "mkspace.yaml"
	d, unreadable, err = UnpackData(bad, given)
	require.NoError(t, err)
	require.Nil(t, unreadable)
	assert.Same(t, given, d.Config)
	require.NoError(t, d.Remove())
}
