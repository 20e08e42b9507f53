package pack

import (
	"archive/zip"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/dossier"
	"github.com/mkspace/mkspace/internal/msg"
)

// check runs Check with a temporary folder of the test's own and asserts
// that nothing is left in it.
func check(t *testing.T, path string, opts CheckOptions) *Report {
	t.Helper()
	tmp := t.TempDir()
	opts.TempDir = tmp
	r, err := Check(path, opts)
	require.NoError(t, err)
	left, err := os.ReadDir(tmp)
	require.NoError(t, err)
	assert.Empty(t, left, "the temporary folder is removed")
	return r
}

func codes(r *Report) []string {
	var out []string
	for _, p := range r.Problems {
		out = append(out, p.Code)
	}
	return out
}

// The packed good example verifies as a zip, unpacked and as a folder; its
// manifest lists every file the workbook names and nothing else.
func TestPackVerifyRoundTrip(t *testing.T) {
	t.Parallel()
	dir := goodCopy(t)
	before, err := filepath.Glob(filepath.Join(dir, "output", "申报书-*.pdf"))
	require.NoError(t, err)
	require.Len(t, before, 1)

	now := time.Date(2021, 11, 5, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))
	p, err := Pack([]string{dir}, config.Default(), Options{Now: func() time.Time { return now }})
	require.NoError(t, err)
	assert.True(t, p.Reused, "the 申报书 matching the data is reused")
	assert.Equal(t, before[0], p.PDF)
	assert.Equal(t, filepath.Join(dir, "output", "申报材料-"+p.Manifest.Version+".zip"), p.Output)

	m := p.Manifest
	assert.Equal(t, "星火创客空间", m.SpaceName)
	assert.NotEmpty(t, m.Operator)
	assert.NotEmpty(t, m.Agency)
	assert.Equal(t, p.Data.Digest.SHA256, m.Digest)
	assert.Equal(t, "2021-11-05T09:30:00+08:00", m.Created)
	assert.Equal(t, "output/"+filepath.Base(p.PDF), m.PDF)

	// Every attachment the workbook names, once; nothing else.
	var atts []string
	for _, a := range p.Data.Attachments {
		atts = append(atts, a.Path)
	}
	var listed, roles []string
	for _, f := range m.Files {
		listed = append(listed, f.Name)
		if f.Role == RoleAttachment {
			roles = append(roles, f.Name)
		}
	}
	slices.Sort(atts)
	assert.Equal(t, atts, roles)
	assert.Contains(t, listed, "申报数据.xlsx")
	assert.Contains(t, listed, "attachments/承诺书.pdf")
	assert.NotContains(t, listed, "output/版本记录.csv")
	assert.Len(t, m.Files, len(atts)+2)

	// The zip: sorted entries, the manifest last, the UTF-8 flag on every
	// name that is not ASCII, the manifest parses and matches.
	zr, err := zip.OpenReader(p.Output)
	require.NoError(t, err)
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		ascii := strings.IndexFunc(f.Name, func(r rune) bool { return r > 127 }) < 0
		assert.Equal(t, !ascii, f.Flags&0x800 != 0, "UTF-8 flag of %s", f.Name)
	}
	require.Equal(t, ManifestName, names[len(names)-1])
	assert.True(t, slices.IsSorted(names[:len(names)-1]), "entries in sorted order")
	rc, err := zr.File[len(zr.File)-1].Open()
	require.NoError(t, err)
	got, err := ParseManifest(rc)
	rc.Close()
	require.NoError(t, err)
	assert.Equal(t, m, got)

	r := check(t, p.Output, CheckOptions{})
	assert.True(t, r.OK(), "%v", r.Lines(msg.ZH))
	assert.Equal(t, KindZip, r.Kind)
	assert.Equal(t, m.Version, r.Version())
	assert.Equal(t, len(m.Files), r.Files)
	name, op, agency := r.Identity()
	assert.Equal(t, []string{m.SpaceName, m.Operator, m.Agency}, []string{name, op, agency})

	// Unpacked with unzip (or Go), as an office would.
	unpacked := filepath.Join(t.TempDir(), "unpacked")
	unzipTo(t, p.Output, unpacked)
	r = check(t, unpacked, CheckOptions{})
	assert.True(t, r.OK(), "%v", r.Lines(msg.ZH))
	assert.Equal(t, KindUnpacked, r.Kind)

	r = check(t, dir, CheckOptions{})
	assert.True(t, r.OK(), "%v", r.Lines(msg.ZH))
	assert.Equal(t, KindFolder, r.Kind)

	// The zip is never replaced without Force.
	st, err := os.Stat(p.Output)
	require.NoError(t, err)
	_, err = Pack([]string{dir}, config.Default(), Options{})
	assert.True(t, errors.Is(err, ErrExists), "got %v", err)
	st2, err := os.Stat(p.Output)
	require.NoError(t, err)
	assert.Equal(t, st.ModTime(), st2.ModTime())
	p2, err := Pack([]string{dir}, config.Default(), Options{Force: true})
	require.NoError(t, err)
	assert.Equal(t, p.Output, p2.Output)
	out := filepath.Join(t.TempDir(), "提交.zip")
	p3, err := Pack([]string{dir}, config.Default(), Options{Output: out})
	require.NoError(t, err)
	assert.Equal(t, out, p3.Output)
	tmps, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*.tmp"))
	assert.Empty(t, tmps, "no temporary file left")
}

// unzipTo unpacks with Info-ZIP's unzip where there is one.
func unzipTo(t *testing.T, zipPath, dest string) {
	t.Helper()
	needTool(t, "unzip")
	out, err := exec.Command("unzip", "-q", zipPath, "-d", dest).CombinedOutput()
	require.NoError(t, err, "%s", out)
}

// unzip -l lists the Chinese names as they are: the UTF-8 flag is set.
func TestUnzipListsChineseNames(t *testing.T) {
	t.Parallel()
	needTool(t, "unzip")
	z := zipCopy(t)
	cmd := exec.Command("unzip", "-l", z)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	for _, f := range fx.man.Files {
		assert.Contains(t, string(out), f.Name)
	}
	assert.Contains(t, string(out), "attachments/创业团队/")
	assert.Contains(t, string(out), "申报数据.xlsx")
}

// A package with errors is not packed; nothing is written.
func TestPackRefusesErrors(t *testing.T) {
	t.Parallel()
	dir := goodCopy(t)
	editPackage(t, dir, "联系电话", "不是电话")
	p, err := Pack([]string{dir}, config.Default(), Options{})
	require.ErrorIs(t, err, ErrHasErrors)
	errs, _ := p.Data.Counts()
	assert.Equal(t, 1, errs)
	zips, _ := filepath.Glob(filepath.Join(dir, "output", "*.zip"))
	assert.Empty(t, zips)
}

// A 申报书 of other data, a draft or one built without the attachments is
// not reused: a new one is built.
func TestPackBuildsWhenNoneMatches(t *testing.T) {
	t.Parallel()
	dir := goodCopy(t)
	old, _ := filepath.Glob(filepath.Join(dir, "output", "申报书-*.pdf"))
	require.Len(t, old, 1)
	// A newer 申报书 of the same data, without the attachments.
	na, err := dossier.Build([]string{dir}, config.Default(), dossier.Options{NoAttachments: true})
	require.NoError(t, err)
	cs, err := candidates(dir, config.Default())
	require.NoError(t, err)
	require.Len(t, cs, 2)
	assert.Equal(t, na.Path, cs[0].Path, "newest first")
	assert.False(t, reusable(cs[0], na.Data), "without attachments")
	assert.True(t, reusable(cs[1], na.Data))

	p, err := Pack([]string{dir}, config.Default(), Options{})
	require.NoError(t, err)
	assert.True(t, p.Reused)
	assert.Equal(t, old[0], p.PDF, "the complete one, though older")

	// Once the data changes, neither matches: a new 申报书 is built.
	editPackage(t, dir, "联系人", "周末")
	p, err = Pack([]string{dir}, config.Default(), Options{})
	require.NoError(t, err)
	assert.False(t, p.Reused)
	require.NotNil(t, p.Built)
	assert.Equal(t, p.Built.Version, p.Manifest.Version)
	r := check(t, p.Output, CheckOptions{})
	assert.True(t, r.OK(), "%v", r.Lines(msg.ZH))

	// A folder whose newest 申报书 lacks the attachments fails verify.
	_, err = dossier.Build([]string{dir}, config.Default(), dossier.Options{NoAttachments: true})
	require.NoError(t, err)
	r = check(t, dir, CheckOptions{})
	assert.Equal(t, []string{CodePDFIncomplete}, codes(r), "%v", r.Lines(msg.ZH))
}

// A draft is never packed and fails verify.
func TestDraftFailsVerify(t *testing.T) {
	t.Parallel()
	dir := goodCopy(t)
	b, err := dossier.Build([]string{dir}, config.Default(), dossier.Options{Draft: true, NoAttachments: true})
	require.NoError(t, err)
	cs, err := candidates(dir, config.Default())
	require.NoError(t, err)
	assert.False(t, reusable(cs[0], b.Data))
	r := check(t, dir, CheckOptions{})
	assert.Equal(t, []string{CodePDFDraft}, codes(r), "%v", r.Lines(msg.ZH))
	assert.Contains(t, r.Lines(msg.ZH)[0], "草稿")
}

func TestPackEntryNames(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, want, code string
	}{
		{"attachments/承诺书.pdf", "attachments/承诺书.pdf", ""},
		{"dir/", "dir", ""},
		{`attachments\a.pdf`, "attachments/a.pdf", ""},
		{"../evil.pdf", "", CodeUnsafePath},
		{`..\evil.pdf`, "", CodeUnsafePath},
		{"a/../../evil.pdf", "", CodeUnsafePath},
		{"/etc/passwd", "", CodeUnsafePath},
		{`C:\Windows\evil.pdf`, "", CodeUnsafePath},
		{"c:evil.pdf", "", CodeUnsafePath},
		{"a//b.pdf", "", CodeBadName},
		{"./a.pdf", "", CodeBadName},
		{"a.pdf:stream", "", CodeBadName},
		{"aux.pdf", "", CodeBadName},
		{"COM1", "", CodeBadName},
		{"a./b.pdf", "", CodeBadName},
		{"a\x00b", "", CodeBadName},
		{"\xff\xfe.pdf", "", CodeBadName},
		{"", "", CodeBadName},
		{"console.pdf", "console.pdf", ""},
	} {
		got, code := entryName(tc.name)
		assert.Equal(t, tc.want, got, "%q", tc.name)
		assert.Equal(t, tc.code, code, "%q", tc.name)
	}
}

func TestParseManifestRefuses(t *testing.T) {
	t.Parallel()
	good := `{"format":"mkspace-package","format_version":1,"version":"MK-1","digest":"` + strings.Repeat("a", 64) +
		`","pdf":"output/a.pdf","files":[{"name":"output/a.pdf","role":"pdf","size":1,"sha256":"` + strings.Repeat("b", 64) + `"}]}`
	_, err := ParseManifest(strings.NewReader(good))
	require.NoError(t, err)
	for name, s := range map[string]string{
		"not json":          "{",
		"other format":      strings.Replace(good, "mkspace-package", "x", 1),
		"newer":             strings.Replace(good, `"format_version":1`, `"format_version":9`, 1),
		"no version":        strings.Replace(good, `"MK-1"`, `""`, 1),
		"bad digest":        strings.Replace(good, strings.Repeat("a", 64), "zz", 1),
		"bad sum":           strings.Replace(good, strings.Repeat("b", 64), "B", 1),
		"pdf unlisted":      strings.Replace(good, `"pdf":"output/a.pdf"`, `"pdf":"x.pdf"`, 1),
		"twice":             strings.Replace(good, `}]}`, `},{"name":"output/a.pdf","role":"pdf","size":1,"sha256":"`+strings.Repeat("b", 64)+`"}]}`, 1),
		"no format_version": strings.Replace(good, `"format_version":1`, `"format_version":0`, 1),
		"one newer":         strings.Replace(good, `"format_version":1`, fmt.Sprintf(`"format_version":%d`, FormatVersion+1), 1),
		"version shape":     strings.Replace(good, `"MK-1"`, `"mk 1"`, 1),
		"no digest":         strings.Replace(good, strings.Repeat("a", 64), "", 1),
		"digest upper case": strings.Replace(good, strings.Repeat("a", 64), strings.Repeat("A", 64), 1),
		"negative size":     strings.Replace(good, `"size":1`, `"size":-1`, 1),
		"no name":           strings.Replace(good, `{"name":"output/a.pdf"`, `{"name":""`, 1),
		"the manifest":      strings.Replace(good, `"pdf":"output/a.pdf","files":[{"name":"output/a.pdf"`, `"pdf":"manifest.json","files":[{"name":"manifest.json"`, 1),
		"no pdf":            strings.Replace(good, `"pdf":"output/a.pdf"`, `"pdf":""`, 1),
	} {
		_, err := ParseManifest(strings.NewReader(s))
		assert.ErrorIs(t, err, ErrManifest, name)
	}
}
