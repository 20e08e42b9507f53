package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/finding"
)

func TestAttachments(t *testing.T) {
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
