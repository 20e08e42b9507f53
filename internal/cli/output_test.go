package cli

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// outputFixture is a folder holding, relative to it:
//
//	p/          the good example package (no mkspace.yaml)
//	good.zip    it, packed
//	u/          good.zip unpacked: a package with manifest.json and its
//	            申报书 in output/
//	cfg.yaml    a configuration
func outputFixture(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	require.NoError(t, os.CopyFS(filepath.Join(root, "p"), os.DirFS(exampleDir("good"))))
	copyTo(t, goodZip(t), filepath.Join(root, "good.zip"))
	unzipTo(t, filepath.Join(root, "good.zip"), filepath.Join(root, "u"))
	require.NoError(t, os.WriteFile(filepath.Join(root, "cfg.yaml"), []byte("lang: zh\n"), 0o644))
	t.Chdir(root)
	return root
}

func unzipTo(t *testing.T, zipPath, dir string) {
	t.Helper()
	zr, err := zip.OpenReader(zipPath)
	require.NoError(t, err)
	defer zr.Close()
	for _, f := range zr.File {
		target := filepath.Join(dir, filepath.FromSlash(f.Name))
		require.NoError(t, os.MkdirAll(filepath.Dir(target), 0o755))
		rc, err := f.Open()
		require.NoError(t, err)
		data, err := io.ReadAll(rc)
		rc.Close()
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(target, data, 0o644))
	}
}

// treeSums maps every file under root to the SHA-256 of its content (and
// a symbolic link to its target).
func treeSums(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	require.NoError(t, filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := os.Readlink(p)
			out[rel] = "-> " + target
			return err
		}
		data, err := os.ReadFile(p)
		sum := sha256.Sum256(data)
		out[rel] = hex.EncodeToString(sum[:])
		return err
	}))
	return out
}

// pdfIn returns the 申报书 of the unpacked package, relative to root.
func pdfIn(t *testing.T) string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join("u", "output", "申报书-*.pdf"))
	require.NoError(t, err)
	require.Len(t, m, 1)
	return m[0]
}

// Every writing flag of every command refuses a file of the package the
// run reads — the workbooks, mkspace.yaml (there or not), the attachments
// the workbooks name, the 申报书 or zip being verified — by its name or
// through a link, --force or not, and changes nothing.
func TestNoOutputOverInput(t *testing.T) {
	link := func(target, name string) func(t *testing.T) {
		return func(t *testing.T) { require.NoError(t, os.Link(target, name)) }
	}
	symlink := func(target, name string) func(t *testing.T) {
		return func(t *testing.T) { require.NoError(t, os.Symlink(target, name)) }
	}
	const refused = "不能把结果写入"
	tests := []struct {
		name  string
		setup func(t *testing.T)
		args  func(t *testing.T) []string
		want  string // in the message; "" means refused
	}{
		// validate: --output, --report, --summary
		{name: "validate --output the workbook",
			args: fixed("validate", "p", "--output", "p/申报数据.xlsx")},
		{name: "validate --output the workbook, another spelling",
			args: fixed("validate", "p", "--output", "p/attachments/../申报数据.xlsx")},
		{name: "validate --output the config not there yet",
			args: fixed("validate", "p", "--output", "p/mkspace.yaml")},
		{name: "validate --output the --config file",
			args: fixed("validate", "p", "--config", "cfg.yaml", "-f", "json", "--output", "cfg.yaml")},
		{name: "validate --report the signed letter",
			args: fixed("validate", "p", "--report", "json=p/attachments/承诺书.pdf")},
		{name: "validate --report an attachment of a table",
			args: func(t *testing.T) []string {
				m, err := filepath.Glob("p/attachments/创业团队/*.pdf")
				require.NoError(t, err)
				require.NotEmpty(t, m)
				return []string{"validate", "p", "--report", "sarif=" + m[0]}
			}},
		{name: "validate --report a hard link to the workbook", setup: link("p/申报数据.xlsx", "wb.sarif"),
			args: fixed("validate", "p", "--report", "sarif=wb.sarif"), want: "是同一个文件"},
		{name: "validate --summary a symbolic link to the workbook", setup: symlink("p/申报数据.xlsx", "s.csv"),
			args: fixed("validate", "p", "--summary", "s.csv"), want: "是同一个文件"},
		{name: "validate --output the zip being validated",
			args: fixed("validate", "good.zip", "--output", "good.zip")},
		{name: "validate --output a workbook given as a file",
			args: fixed("validate", "p/申报数据.xlsx", "-o", "p/申报数据.xlsx")},

		// build-pdf -o
		{name: "build-pdf -o the signed letter --force",
			args: fixed("build-pdf", "p", "-o", "p/attachments/承诺书.pdf", "--force")},
		{name: "build-pdf -o the signed letter",
			args: fixed("build-pdf", "p", "-o", "p/attachments/承诺书.pdf")},
		{name: "build-pdf -o a hard link to the workbook --force", setup: link("p/申报数据.xlsx", "wb.pdf"),
			args: fixed("build-pdf", "p", "-o", "wb.pdf", "--force"), want: "是同一个文件"},
		{name: "build-pdf -o the workbook --force",
			args: fixed("build-pdf", "p", "-o", "p/申报数据.xlsx", "--force"), want: "应以 .pdf 结尾"},
		{name: "build-pdf -o the --config file --force", setup: link("cfg.yaml", "cfg.pdf"),
			args: fixed("build-pdf", "p", "--config", "cfg.yaml", "-o", "cfg.pdf", "--force"), want: "是同一个文件"},

		// pack -o
		{name: "pack -o a hard link to the workbook --force", setup: link("p/申报数据.xlsx", "wb.zip"),
			args: fixed("pack", "p", "-o", "wb.zip", "--force"), want: "是同一个文件"},
		{name: "pack -o the workbook --force",
			args: fixed("pack", "p", "-o", "p/申报数据.xlsx", "--force"), want: ".zip"},

		// verify --summary
		{name: "verify --summary a hard link to the zip", setup: link("good.zip", "good.csv"),
			args: fixed("verify", "good.zip", "--summary", "good.csv"), want: "是同一个文件"},
		{name: "verify --summary a hard link to the 申报书",
			setup: func(t *testing.T) { require.NoError(t, os.Link(pdfIn(t), "pdf.json")) },
			args:  func(t *testing.T) []string { return []string{"verify", pdfIn(t), "u", "--summary", "pdf.json"} },
			want:  "是同一个文件"},
		{name: "verify --summary a hard link to an attachment of the folder",
			setup: link("u/attachments/承诺书.pdf", "u/letter.csv"),
			args:  fixed("verify", "u", "--summary", "u/letter.csv"), want: "是同一个文件"},
		{name: "verify --summary the manifest's link", setup: link("u/manifest.json", "m.json"),
			args: fixed("verify", "u", "--summary", "m.json"), want: "是同一个文件"},
		{name: "verify --summary the workbook's link", setup: link("u/申报数据.xlsx", "u.csv"),
			args: fixed("verify", "u", "--summary", "u.csv"), want: "是同一个文件"},

		// template -o
		{name: "template -o a hard link to the --config file --force", setup: link("cfg.yaml", "cfg.xlsx"),
			args: fixed("template", "--config", "cfg.yaml", "-o", "cfg.xlsx", "--force"), want: "是同一个文件"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := outputFixture(t)
			if tt.setup != nil {
				tt.setup(t)
			}
			args := tt.args(t)
			before := treeSums(t, root)
			code, out, errOut := runCLI(t, args...)
			assert.Equal(t, ExitNoRun, code, "%s\n%s", out, errOut)
			want := tt.want
			if want == "" {
				want = refused
			}
			assert.Contains(t, errOut, want)
			assert.Equal(t, before, treeSums(t, root), "nothing changed, nothing left behind")

			code, _, errOut = runCLI(t, append([]string{"--lang", "en"}, args...)...)
			assert.Equal(t, ExitNoRun, code)
			assert.NotContains(t, errOut, refused, "English: %s", errOut)
			assert.Equal(t, before, treeSums(t, root))
		})
	}
}

func fixed(args ...string) func(*testing.T) []string {
	return func(*testing.T) []string { return args }
}

// A new file inside the package is fine: outputs are refused only when
// they are inputs.
func TestOutputInsidePackage(t *testing.T) {
	outputFixture(t)
	tests := [][]string{
		{"validate", "p", "--output", "p/报告.json", "-f", "json", "--summary", "p/汇总.csv"},
		{"validate", "p", "--report", "sarif=p/attachments/results.sarif"},
		{"build-pdf", "p", "-o", "p/attachments/新申报书.pdf", "--no-attachments"},
		{"verify", "u", "--summary", "u/汇总.csv"},
		{"verify", "good.zip", "--summary", "good.json"},
		{"template", "-o", "p/output/空白.xlsx"},
	}
	for _, args := range tests {
		code, out, errOut := runCLI(t, args...)
		assert.Equal(t, ExitOK, code, "%v\n%s\n%s", args, out, errOut)
	}
	for _, f := range []string{"p/报告.json", "p/汇总.csv", "p/attachments/results.sarif", "p/attachments/新申报书.pdf",
		"u/汇总.csv", "good.json", "p/output/空白.xlsx"} {
		assert.FileExists(t, f)
	}
	// Run again: the reports written by the first run are no inputs.
	code, _, errOut := runCLI(t, "verify", "good.zip", "--summary", "good.json")
	assert.Equal(t, ExitOK, code, errOut)
	code, _, errOut = runCLI(t, "validate", "p", "--output", "p/报告.json", "-f", "json", "--summary", "p/汇总.csv")
	assert.Equal(t, ExitOK, code, errOut)
}

// -o naming a folder says so, with --force too (it used to say "add
// --force"); build-pdf -o wants a .pdf name.
func TestOutputFolderAndExtension(t *testing.T) {
	outputFixture(t)
	require.NoError(t, os.Mkdir("out.pdf", 0o755))
	tests := []struct {
		args   []string
		zh, en string
	}{
		{[]string{"build-pdf", "p", "-o", "p/attachments", "--force"},
			"p/attachments 是一个文件夹，不能作为输出文件", "is a folder, not a file to write"},
		{[]string{"build-pdf", "p", "-o", "out.pdf", "--force"}, "out.pdf 是一个文件夹", "e.g. " + filepath.Join("out.pdf", pdfName)},
		{[]string{"build-pdf", "p", "-o", "out.pdf"}, "out.pdf 是一个文件夹", "is a folder"},
		{[]string{"pack", "p", "-o", "p", "--force"}, "p 是一个文件夹", "is a folder"},
		{[]string{"template", "-o", "p", "--force"}, "p 是一个文件夹", "is a folder"},
		{[]string{"validate", "p", "--report", "json=p/attachments"}, "p/attachments 是一个文件夹", "is a folder"},
		{[]string{"verify", "good.zip", "--summary", "out.pdf"}, "汇总表 out.pdf 的扩展名应为 .csv、.json、.xlsx 或 .html", ".csv, .json, .xlsx or .html"},
		{[]string{"build-pdf", "p", "-o", "申报书.docx"}, "申报书的文件名应以 .pdf 结尾：申报书.docx。请改为例如 申报书.pdf。", "申报书.pdf"},
		{[]string{"build-pdf", "p", "-o", "申报书"}, "应以 .pdf 结尾", "should be named with .pdf"},
	}
	for _, tt := range tests {
		code, _, errOut := runCLI(t, tt.args...)
		assert.Equal(t, ExitNoRun, code, "%v", tt.args)
		assert.Contains(t, errOut, tt.zh, "%v", tt.args)
		assert.NotContains(t, errOut, "请加 --force", "%v", tt.args)
		code, _, errOut = runCLI(t, append([]string{"--lang", "en"}, tt.args...)...)
		assert.Equal(t, ExitNoRun, code, "%v", tt.args)
		assert.Contains(t, errOut, tt.en, "%v", tt.args)
	}
	assert.NoFileExists(t, "申报书")
	entries, err := os.ReadDir("out.pdf")
	require.NoError(t, err)
	assert.Empty(t, entries)
}

// init writes only files that do not exist: it never replaces the files
// of the package it is run in.
func TestInitReplacesNothing(t *testing.T) {
	root := outputFixture(t)
	require.NoError(t, os.WriteFile("p/mkspace.yaml", []byte("lang: zh\n"), 0o644))
	before := treeSums(t, filepath.Join(root, "p"))
	code, out, errOut := runCLI(t, "init", "p")
	require.Equal(t, ExitOK, code, errOut)
	after := treeSums(t, filepath.Join(root, "p"))
	for f, sum := range before {
		assert.Equal(t, sum, after[f], "%s unchanged", f)
	}
	assert.True(t, strings.Contains(out, "跳过"), out)
}
