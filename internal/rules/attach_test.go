package rules

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/finding"
)

func TestAttachments(t *testing.T) {
	t.Parallel()
	outside := t.TempDir()
	writeFile(t, outside, "secret.pdf", minimalPDF("outside"))

	dir := t.TempDir()
	writeFile(t, dir, "附件/ok.pdf", minimalPDF("ok"))
	writeFile(t, dir, "附件/UPPER.PDF", minimalPDF("upper"))
	writeFile(t, dir, "附件/scan.docx", minimalPDF("docx"))
	writeFile(t, dir, "附件/picture.pdf", []byte("\x89PNG\r\n\x1a\nnot a pdf"))
	writeFile(t, dir, "附件/big.pdf", append(minimalPDF("big"), make([]byte, 2000)...))
	pdf := minimalPDF("truncated")
	writeFile(t, dir, "附件/truncated.pdf", pdf[:len(pdf)/2])
	writeFile(t, dir, "附件/garbage.pdf", []byte("%PDF-1.4\nthis is not really a pdf at all\n%%EOF\n"))
	writeFile(t, dir, "附件/userpw.pdf", encryptedPDF(t, "open", "owner"))
	writeFile(t, dir, "附件/ownerpw.pdf", encryptedPDF(t, "", "owner"))
	require.NoError(t, os.Symlink(filepath.Join(outside, "secret.pdf"), filepath.Join(dir, "附件", "link-out.pdf")))
	require.NoError(t, os.Symlink(filepath.Join(dir, "附件", "ok.pdf"), filepath.Join(dir, "附件", "link-in.pdf")))
	require.NoError(t, os.Symlink(outside, filepath.Join(dir, "outdir")))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "folder.pdf"), 0o755))

	// The cap sits between the small files and big.pdf.
	maxBytes := int64(len(minimalPDF("big")) + 1000)

	cases := []struct {
		value, rule, variant string
	}{
		{"附件/ok.pdf", "", ""},
		{`附件\ok.pdf`, "", ""},
		{"./附件/ok.pdf", "", ""},
		{"附件/../附件/ok.pdf", "", ""},
		{"  附件/ok.pdf  ", "", ""},
		{"附件/UPPER.PDF", "", ""},
		{"附件/link-in.pdf", "", ""},
		{"附件/ownerpw.pdf", "", ""},
		{"/etc/passwd", finding.AttachmentOutside, "absolute"},
		{filepath.Join(outside, "secret.pdf"), finding.AttachmentOutside, "absolute"},
		{`C:\Users\me\ok.pdf`, finding.AttachmentOutside, "absolute"},
		{`c:ok.pdf`, finding.AttachmentOutside, "absolute"},
		{`\\server\share\ok.pdf`, finding.AttachmentOutside, "absolute"},
		{`\附件\ok.pdf`, finding.AttachmentOutside, "absolute"},
		{"file:///tmp/ok.pdf", finding.AttachmentOutside, "absolute"},
		{"../secret.pdf", finding.AttachmentOutside, ""},
		{`附件\..\..\secret.pdf`, finding.AttachmentOutside, ""},
		{"附件/link-out.pdf", finding.AttachmentOutside, "link"},
		{"outdir/secret.pdf", finding.AttachmentOutside, "link"},
		{"附件/none.pdf", finding.AttachmentMissing, ""},
		{"附件/OK.pdf", finding.AttachmentMissing, "case"},
		{"附件/upper.pdf", finding.AttachmentMissing, "case"},
		{"附件/ok.pdf/x.pdf", finding.AttachmentMissing, ""},
		{"folder.pdf", finding.AttachmentMissing, "folder"},
		{"附件/scan.docx", finding.AttachmentNotPDF, "name"},
		{"附件/picture.pdf", finding.AttachmentNotPDF, "content"},
		{"附件/big.pdf", finding.AttachmentTooLarge, ""},
		{"附件/truncated.pdf", finding.AttachmentUnreadable, "truncated"},
		{"附件/garbage.pdf", finding.AttachmentUnreadable, ""},
		{"附件/userpw.pdf", finding.AttachmentUnreadable, "password"},
	}
	a := newAttachments(dir, maxBytes)
	for _, tc := range cases {
		t.Run(tc.value, func(t *testing.T) {
			if _, err := os.Stat(filepath.Join(dir, tc.value)); err == nil && tc.variant == "case" {
				t.Skip("case-insensitive file system")
			}
			v := a.Check(tc.value)
			assert.Equal(t, tc.rule, v.Rule, "rule of %q (args %v)", tc.value, v.Args)
			assert.Equal(t, tc.variant, v.Variant, "variant of %q", tc.value)
		})
	}
}

func TestAttachmentsOpenEachFileOnce(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, dir, "a.pdf", minimalPDF("a"))
	writeFile(t, dir, "b.pdf", minimalPDF("b"))
	require.NoError(t, os.Symlink(filepath.Join(dir, "a.pdf"), filepath.Join(dir, "alias.pdf")))
	a := newAttachments(dir, 1<<20)
	for i := 0; i < 300; i++ {
		for _, v := range []string{"a.pdf", "./a.pdf", `.\a.pdf`, "alias.pdf", "b.pdf"} {
			require.Empty(t, a.Check(v).Rule, v)
		}
	}
	assert.Equal(t, 2, a.Opened(), "files read")
}

// Reading PDFs must not create pdfcpu's configuration folder in the user's
// home (or anywhere else).
func TestAttachmentsWriteNothingUnderHome(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	dir := t.TempDir()
	writeFile(t, dir, "a.pdf", minimalPDF("a"))
	writeFile(t, dir, "b.pdf", encryptedPDF(t, "", "owner"))
	writeFile(t, dir, "c.pdf", encryptedPDF(t, "user", "owner"))
	before := listTree(t, dir)
	a := newAttachments(dir, 1<<20)
	assert.Empty(t, a.Check("a.pdf").Rule)
	assert.Empty(t, a.Check("b.pdf").Rule)
	assert.Equal(t, finding.AttachmentUnreadable, a.Check("c.pdf").Rule)
	assert.Empty(t, listTree(t, home), "files written under HOME")
	assert.Equal(t, before, listTree(t, dir), "the package folder changed")
}

func listTree(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	require.NoError(t, filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != root {
			rel, _ := filepath.Rel(root, p)
			out = append(out, rel)
		}
		return nil
	}))
	return out
}

// FuzzAttachmentPath: whatever a cell says, the check never panics and never
// accepts (or opens) a file outside the package.
func FuzzAttachmentPath(f *testing.F) {
	for _, s := range []string{"附件/ok.pdf", "../x.pdf", `C:\x.pdf`, `\\srv\s\x.pdf`, "/etc/passwd", "a/../../x.pdf",
		"link/x.pdf", "./附件/./ok.pdf", "附件\\..\\附件\\ok.pdf", "", ".", "..", "附件/", "file:///x.pdf", "a:b.pdf"} {
		f.Add(s)
	}
	outside := f.TempDir()
	writeFile(f, outside, "x.pdf", minimalPDF("out"))
	dir := f.TempDir()
	writeFile(f, dir, "附件/ok.pdf", minimalPDF("ok"))
	if err := os.Symlink(outside, filepath.Join(dir, "link")); err != nil {
		f.Fatal(err)
	}
	a := newAttachments(dir, 1<<20)
	f.Fuzz(func(t *testing.T, value string) {
		v := a.Check(value)
		if v.Path != "" && !within(a.root, v.Path) {
			t.Fatalf("%q resolved outside the package: %s", value, v.Path)
		}
		if v.Rule == "" && v.Path == "" {
			t.Fatalf("%q accepted without a file", value)
		}
	})
}

// Through a symbolic link to a folder outside the package — a folder inside
// it or the attachment folder itself, existing or dangling — every path is
// ATTACHMENT-OUTSIDE, whether the file is there or not, and no message
// names anything found outside. A name that differs only in case is
// pointed out in a folder part as in the file name.
func TestAttachmentLinksAndCase(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	outside := t.TempDir()
	writeFile(t, outside, "SECRET.pdf", minimalPDF("outside"))
	writeFile(t, outside, "Sub/private.pdf", minimalPDF("outside"))

	dir := t.TempDir()
	writeFile(t, dir, "附件/ok.pdf", minimalPDF("ok"))
	writeFile(t, dir, "attachments/宣传报道/x.pdf", minimalPDF("x"))
	link := func(target, name string) {
		t.Helper()
		require.NoError(t, os.Symlink(target, filepath.Join(dir, name)))
	}
	link(outside, "附件/elsewhere")                                // a folder inside leads out
	link(filepath.Join(outside, "gone"), "附件/gone")              // dangling, out
	link(filepath.Join(outside, "gone", "x.pdf"), "附件/gone.pdf") // dangling file link, out
	link(filepath.Join(dir, "附件", "nothere.pdf"), "附件/dead.pdf") // dangling, inside
	link("loop2", "附件/loop1")
	link("loop1", "附件/loop2")
	link(filepath.Join(dir, "附件"), "inside") // a folder link that stays inside

	pkg2 := t.TempDir() // a package whose attachment folder itself is a link
	require.NoError(t, os.Symlink(outside, filepath.Join(pkg2, "attachments")))

	cases := []struct {
		pkg, value, rule, variant, actual string
	}{
		{dir, "附件/elsewhere/SECRET.pdf", finding.AttachmentOutside, "link", ""},
		{dir, "附件/elsewhere/secret.pdf", finding.AttachmentOutside, "link", ""}, // no case hint from outside
		{dir, "附件/elsewhere/none.pdf", finding.AttachmentOutside, "link", ""},
		{dir, "附件/elsewhere/sub/private.pdf", finding.AttachmentOutside, "link", ""},
		{dir, "附件/Elsewhere/Sub/private.pdf", finding.AttachmentOutside, "link", ""},
		{dir, "附件/gone/x.pdf", finding.AttachmentOutside, "link", ""},
		{dir, "附件/gone.pdf", finding.AttachmentOutside, "link", ""},
		{dir, "附件/dead.pdf", finding.AttachmentMissing, "", ""},
		{dir, "附件/loop1/x.pdf", finding.AttachmentMissing, "near", ""}, // the x.pdf under attachments/
		{dir, "inside/ok.pdf", "", "", ""},
		{dir, "inside/OK.pdf", finding.AttachmentMissing, "case", "inside/ok.pdf"},
		{pkg2, "attachments/SECRET.pdf", finding.AttachmentOutside, "link", ""},
		{pkg2, "attachments/secret.pdf", finding.AttachmentOutside, "link", ""},
		{pkg2, "attachments/none.pdf", finding.AttachmentOutside, "link", ""},
		{pkg2, "Attachments/none.pdf", finding.AttachmentOutside, "link", ""},

		{dir, "attachments/宣传报道/x.pdf", "", "", ""},
		{dir, "Attachments/宣传报道/x.pdf", finding.AttachmentMissing, "case", "attachments/宣传报道/x.pdf"},
		{dir, `Attachments\宣传报道\X.pdf`, finding.AttachmentMissing, "case", `attachments\宣传报道\x.pdf`},
		{dir, "./ATTACHMENTS/宣传报道/x.PDF", finding.AttachmentMissing, "case", "attachments/宣传报道/x.pdf"},
		{dir, "Attachments/宣传报道/none.pdf", finding.AttachmentMissing, "", ""},
		{dir, "附件/OK.pdf", finding.AttachmentMissing, "case", "附件/ok.pdf"},
	}
	for _, tc := range cases {
		t.Run(tc.value, func(t *testing.T) {
			if _, err := os.Stat(filepath.Join(tc.pkg, "ATTACHMENTS")); err == nil && tc.variant == "case" {
				t.Skip("case-insensitive file system")
			}
			v := newAttachments(tc.pkg, 1<<20).Check(tc.value)
			assert.Equal(t, tc.rule, v.Rule, "rule of %q (args %v)", tc.value, v.Args)
			assert.Equal(t, tc.variant, v.Variant, "variant of %q", tc.value)
			if tc.actual != "" {
				assert.Equal(t, []string{"actual", tc.actual}, v.Args)
			}
			for _, arg := range v.Args {
				for _, secret := range []string{"SECRET", "Sub", "private", outside} {
					assert.NotContains(t, arg, secret, "a message names what is outside")
				}
			}
			if v.Path != "" {
				assert.True(t, within(newAttachments(tc.pkg, 1).root, v.Path), v.Path)
			}
		})
	}
}

// caseless plays a case-insensitive file system (Windows, macOS) below
// root: a name is found whatever its case, and the folder lists it as
// stored.
func caseless(root string) func(string) (fs.FileInfo, error) {
	return func(p string) (fs.FileInfo, error) {
		rel, err := filepath.Rel(root, p)
		if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
			return os.Lstat(p)
		}
		cur := root
		for _, c := range strings.Split(rel, string(filepath.Separator)) {
			next := filepath.Join(cur, c)
			if _, err := os.Lstat(next); err != nil {
				entries, _ := os.ReadDir(cur)
				for _, e := range entries {
					if strings.EqualFold(e.Name(), c) {
						next = filepath.Join(cur, e.Name())
						break
					}
				}
			}
			cur = next
		}
		return os.Lstat(cur)
	}
}

// On a case-insensitive file system a path that differs from the files only
// in case opens — here. The office's checks run on a case-sensitive one:
// the cell gets the same finding as there.
func TestAttachmentCaseInsensitiveFileSystem(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, dir, "attachments/宣传报道/x.pdf", minimalPDF("x"))
	writeFile(t, dir, "附件/ok.pdf", minimalPDF("ok"))
	for _, tc := range []struct{ value, variant, actual string }{
		{"attachments/宣传报道/x.pdf", "", ""},
		{"附件/ok.pdf", "", ""},
		{"Attachments/宣传报道/x.pdf", "case", "attachments/宣传报道/x.pdf"},
		{"attachments/宣传报道/X.PDF", "case", "attachments/宣传报道/x.pdf"},
		{"附件/Ok.pdf", "case", "附件/ok.pdf"},
	} {
		t.Run(tc.value, func(t *testing.T) {
			a := newAttachments(dir, 1<<20)
			a.lstat = caseless(a.root)
			v := a.Check(tc.value)
			if tc.variant == "" {
				assert.Empty(t, v.Rule, "%q: %v", tc.value, v.Args)
				return
			}
			assert.Equal(t, finding.AttachmentMissing, v.Rule)
			assert.Equal(t, tc.variant, v.Variant)
			assert.Equal(t, []string{"actual", tc.actual}, v.Args)
		})
	}
}
