package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/xlsxtmpl"
)

// runCLI runs mkspace with args and returns the exit status, stdout and
// stderr.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(&IO{In: strings.NewReader(""), Out: &out, Err: &errb}, args)
	return code, out.String(), errb.String()
}

// initEntries are the paths init creates in a package folder.
var initEntries = []string{initWorkbook, config.FileName, initAttachments, filepath.Join(initAttachments, initReadme), initLetter}

// fileState is what must not change of a file that init skips (of a
// folder: its mode).
type fileState struct {
	data  []byte
	mtime time.Time
	mode  os.FileMode
}

func snapshot(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	out := map[string]fileState{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		require.NoError(t, err)
		st, err := os.Lstat(p)
		require.NoError(t, err)
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() { // a folder's time changes when a file is added to it
			out[rel] = fileState{mode: st.Mode()}
			return nil
		}
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		out[rel] = fileState{data: data, mtime: st.ModTime(), mode: st.Mode()}
		return nil
	}))
	return out
}

func TestInitNewFolder(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "申报材料", "2021")
	code, out, errOut := runCLI(t, "init", dir, "--name", "星火创客空间")
	require.Equal(t, ExitOK, code, "stderr: %s", errOut)

	for _, e := range initEntries {
		shown := filepath.Join(dir, e)
		if e == initAttachments {
			shown += string(filepath.Separator)
		}
		assert.Contains(t, out, msg.ZH.T("init.created", "file", shown))
		_, err := os.Stat(filepath.Join(dir, e))
		assert.NoError(t, err, "%s exists", e)
	}
	assert.NotContains(t, out, "已跳过")
	assert.Contains(t, errOut, "下一步", "the next steps are on stderr")

	// No temporary files are left behind.
	for p := range snapshot(t, dir) {
		assert.False(t, strings.HasSuffix(p, ".tmp"), "left over: %s", p)
	}

	// The workbook is the template.
	f, err := excelize.OpenFile(filepath.Join(dir, initWorkbook))
	require.NoError(t, err)
	defer f.Close()
	for _, name := range xlsxtmpl.SheetNames() {
		assert.Contains(t, f.GetSheetList(), name)
	}
	name, err := f.GetCellValue(schema.Basic.Sheet.Name, xlsxtmpl.Cell(schema.Basic.Name, 0))
	require.NoError(t, err)
	assert.Equal(t, "星火创客空间", name, "--name reaches 基础信息 too")

	// The config is the defaults.
	cfg, err := config.Load(config.Source{Dir: dir})
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, config.FileName), cfg.File)

	// The README is Chinese, for Notepad.
	readme, err := os.ReadFile(filepath.Join(dir, initAttachments, initReadme))
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(readme, []byte("\ufeff附件文件夹\r\n")), "BOM, Chinese title, CRLF: %q", readme[:min(40, len(readme))])
	assert.NotContains(t, strings.ReplaceAll(string(readme), "\r\n", ""), "\n", "every line ends in CRLF")
	assert.Contains(t, string(readme), "3 MB（3145728 字节）")

	// The letter is a PDF with the name filled in.
	pdf := filepath.Join(dir, initLetter)
	data, err := os.ReadFile(pdf)
	require.NoError(t, err)
	require.True(t, bytes.HasPrefix(data, []byte("%PDF-")))
	if _, err := exec.LookPath("pdftotext"); err != nil && os.Getenv("CI") == "" {
		t.Skip("pdftotext not installed")
	}
	text, err := exec.Command("pdftotext", "-raw", pdf, "-").Output()
	require.NoError(t, err)
	assert.Contains(t, string(text), "国家备案众创空间申报承诺书")
	assert.Contains(t, string(text), "星火创客空间")
}

func TestInitCurrentFolder(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	code, out, errOut := runCLI(t, "init", "--lang", "en")
	require.Equal(t, ExitOK, code, "stderr: %s", errOut)
	assert.Contains(t, out, "created  "+initWorkbook)
	assert.Contains(t, out, "created  "+initLetter)
	assert.Contains(t, errOut, "Next:")
	for _, e := range initEntries {
		_, err := os.Stat(filepath.Join(dir, e))
		assert.NoError(t, err, "%s exists", e)
	}
}

func TestInitExistingFolder(t *testing.T) {
	t.Parallel()
	t.Run("complete package: nothing overwritten", func(t *testing.T) {
		dir := t.TempDir()
		code, _, _ := runCLI(t, "init", dir)
		require.Equal(t, ExitOK, code)
		// The user's edits: a different config and workbook content.
		require.NoError(t, os.WriteFile(filepath.Join(dir, config.FileName), []byte("lang: zh\nwindow: {start: 2021-01-01, end: 2021-12-31}\n"), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(dir, initWorkbook), []byte("not really a workbook"), 0o600))
		old := time.Now().Add(-48 * time.Hour).Truncate(time.Second)
		for _, e := range initEntries {
			require.NoError(t, os.Chtimes(filepath.Join(dir, e), old, old))
		}
		before := snapshot(t, dir)

		code, out, errOut := runCLI(t, "init", dir)
		require.Equal(t, ExitOK, code, "stderr: %s", errOut)
		assert.Equal(t, before, snapshot(t, dir), "no file changed, none added")
		for _, e := range initEntries {
			assert.Contains(t, out, "已跳过  "+filepath.Join(dir, e))
		}
		assert.NotContains(t, out, "已创建")
	})

	t.Run("partial package: only the missing files are written", func(t *testing.T) {
		dir := t.TempDir()
		yaml := []byte("lang: en\n")
		require.NoError(t, os.WriteFile(filepath.Join(dir, config.FileName), yaml, 0o644))
		require.NoError(t, os.Mkdir(filepath.Join(dir, initAttachments), 0o755))
		proof := filepath.Join(dir, initAttachments, "场地租赁合同.pdf")
		require.NoError(t, os.WriteFile(proof, []byte("%PDF-1.4 user file"), 0o644))
		before := snapshot(t, dir)

		code, out, errOut := runCLI(t, "init", dir)
		require.Equal(t, ExitOK, code, "stderr: %s", errOut)
		after := snapshot(t, dir)
		for p, st := range before {
			assert.Equal(t, st, after[p], "%s unchanged", p)
		}
		// The package's own config says English.
		assert.Contains(t, out, "skipped  "+filepath.Join(dir, config.FileName))
		assert.Contains(t, out, "skipped  "+filepath.Join(dir, initAttachments)+string(filepath.Separator))
		assert.Contains(t, out, "created  "+filepath.Join(dir, initWorkbook))
		assert.Contains(t, out, "created  "+filepath.Join(dir, initAttachments, initReadme))
		assert.Contains(t, out, "created  "+filepath.Join(dir, initLetter))
		readme, err := os.ReadFile(filepath.Join(dir, initAttachments, initReadme))
		require.NoError(t, err)
		assert.Contains(t, string(readme), "Attachments folder")
	})
}

func TestInitUnwritable(t *testing.T) {
	t.Parallel()
	// Tests may run as root, who can write anywhere: a folder below a
	// regular file cannot be created by anyone.
	parent := filepath.Join(t.TempDir(), "file.txt")
	require.NoError(t, os.WriteFile(parent, []byte("x"), 0o644))
	dir := filepath.Join(parent, "pkg")

	tests := []struct{ lang, want string }{
		{"zh", "无法写入 " + dir},
		{"en", "cannot write " + dir},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			code, out, errOut := runCLI(t, "init", dir, "--lang", tt.lang)
			assert.Equal(t, ExitNoRun, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tt.want)
			data, err := os.ReadFile(parent)
			require.NoError(t, err)
			assert.Equal(t, "x", string(data), "the file in the way is untouched")
		})
	}
}

func TestInitBadFontWritesNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, config.FileName), []byte("pdf: {font: fonts/NotoSansCJK.ttc}\n"), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "fonts"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "fonts", "NotoSansCJK.ttc"), append([]byte("ttcf"), make([]byte, 64)...), 0o644))
	before := snapshot(t, dir)

	code, out, errOut := runCLI(t, "init", dir)
	assert.Equal(t, ExitNoRun, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "字体集合")
	assert.Contains(t, errOut, filepath.Join(dir, "fonts", "NotoSansCJK.ttc"))
	assert.Equal(t, before, snapshot(t, dir), "nothing written")
}

func TestInitFlags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args      []string
		dir, name string
		wantErr   bool
	}{
		{args: nil},
		{args: []string{"pkg"}, dir: "pkg"},
		{args: []string{"pkg", "--name", "星火创客空间"}, dir: "pkg", name: "星火创客空间"},
		{args: []string{"a", "b"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var got *initOptions
			g := &Globals{IO: &IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}}
			cmd := newInitCmd(g, func(o *initOptions) error { got = o; return nil })
			cmd.SetArgs(tt.args)
			cmd.SetOut(&bytes.Buffer{})
			cmd.SetErr(&bytes.Buffer{})
			err := cmd.Execute()
			if tt.wantErr {
				assert.Error(t, err)
				assert.Nil(t, got)
				return
			}
			require.NoError(t, err)
			require.NotNil(t, got)
			assert.Equal(t, tt.dir, got.Dir)
			assert.Equal(t, tt.name, got.Name)
		})
	}
}
