package cli

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/pack"
)

// The good example is packed once for the tests of this file (a build of
// its 申报书 takes most of a second); every test works on copies.
var packFx struct {
	once sync.Once
	root string
	zip  string
	err  error
}

// TestMain removes the fixtures shared by the tests once they have run.
func TestMain(m *testing.M) {
	code := m.Run()
	stopBrowser()
	if packFx.root != "" {
		os.RemoveAll(packFx.root)
	}
	os.Exit(code)
}

func goodZip(t testing.TB) string {
	t.Helper()
	packFx.once.Do(func() {
		if packFx.root, packFx.err = os.MkdirTemp("", "mkspace-cli-pack-*"); packFx.err != nil {
			return
		}
		dir := filepath.Join(packFx.root, "good")
		if packFx.err = os.CopyFS(dir, os.DirFS(exampleDir("good"))); packFx.err != nil {
			return
		}
		var out, errb bytes.Buffer
		if code := Run(&IO{In: strings.NewReader(""), Out: &out, Err: &errb}, []string{"pack", dir, "-o", filepath.Join(packFx.root, "good.zip")}); code != 0 {
			packFx.err = fmt.Errorf("pack: exit %d: %s%s", code, out.String(), errb.String())
			return
		}
		packFx.zip = filepath.Join(packFx.root, "good.zip")
	})
	require.NoError(t, packFx.err)
	return packFx.zip
}

func copyTo(t testing.TB, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(dst, data, 0o644))
}

// zipEntries reads every entry of a zip.
func zipEntries(t testing.TB, path string) (names []string, data map[string][]byte) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	require.NoError(t, err)
	defer zr.Close()
	data = map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		rc.Close()
		names = append(names, f.Name)
		data[f.Name] = b
	}
	return names, data
}

// rezip writes the entries again, with the manifest's checksums made to
// match when refresh is set.
func rezip(t testing.TB, dst string, names []string, data map[string][]byte, refresh bool) {
	t.Helper()
	if refresh {
		m, err := pack.ParseManifest(bytes.NewReader(data[pack.ManifestName]))
		require.NoError(t, err)
		for i, f := range m.Files {
			sum := sha256.Sum256(data[f.Name])
			m.Files[i].Size, m.Files[i].SHA256 = int64(len(data[f.Name])), hex.EncodeToString(sum[:])
		}
		b, err := json.Marshal(m)
		require.NoError(t, err)
		data[pack.ManifestName] = b
	}
	f, err := os.Create(dst)
	require.NoError(t, err)
	zw := zip.NewWriter(f)
	for _, n := range names {
		w, err := zw.Create(n)
		require.NoError(t, err)
		_, err = w.Write(data[n])
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	require.NoError(t, f.Close())
}

// setBasic changes the 内容 of a 基础信息 field of a workbook's bytes.
func setBasic(t testing.TB, xlsx []byte, field, value string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows("基础信息")
	require.NoError(t, err)
	for i, r := range rows {
		if len(r) > 0 && strings.TrimPrefix(r[0], "*") == field {
			require.NoError(t, f.SetCellStr("基础信息", fmt.Sprintf("B%d", i+1), value))
			var out bytes.Buffer
			require.NoError(t, f.Write(&out))
			return out.Bytes()
		}
	}
	t.Fatalf("no field %s", field)
	return nil
}

// verifyRun runs `mkspace verify` with the given workers.
func verifyRun(t testing.TB, workers int, terminal bool, args ...string) runOut {
	t.Helper()
	var out, errb bytes.Buffer
	io := &IO{In: strings.NewReader(""), Out: &out, Err: &errb, Terminal: terminal}
	root, g := rootWith(io, func(g *Globals) *cobra.Command {
		return newVerifyCmd(g, func(o *verifyOptions) error {
			o.Workers = workers
			return runVerify(o)
		})
	})
	root.SetArgs(append([]string{"verify"}, args...))
	err := root.Execute()
	if err != nil && ExitCode(err) == ExitNoRun {
		fmt.Fprintln(&errb, describe(err, g.Language()))
	}
	return runOut{code: ExitCode(err), out: out.String(), errOut: errb.String()}
}

func TestPackCommand(t *testing.T) {
	t.Parallel()
	dir := copyPackage(t, "good")
	code, out, errOut := runCLI(t, "pack", dir)
	require.Equal(t, ExitOK, code, errOut)
	m := regexp.MustCompile(`已打包 (.+\.zip)（版本号 (\S+)，(\d+) 个文件和清单 manifest.json，`).FindStringSubmatch(out)
	require.NotNil(t, m, out)
	assert.Equal(t, filepath.Join(dir, "output", "申报材料-"+m[2]+".zip"), m[1])
	assert.Contains(t, errOut, "已生成申报书", "the 申报书 was built")

	code, out, _ = runCLI(t, "verify", m[1])
	assert.Equal(t, ExitOK, code, out)
	assert.Contains(t, out, "通过："+m[1]+" — 星火创客空间（版本号 "+m[2])

	// Packing again reuses the 申报书 and keeps the zip unless --force.
	code, _, errOut = runCLI(t, "pack", dir)
	assert.Equal(t, ExitNoRun, code)
	assert.Contains(t, errOut, "已存在，未覆盖")
	code, _, errOut = runCLI(t, "pack", dir, "--force")
	assert.Equal(t, ExitOK, code, errOut)
	assert.Contains(t, errOut, "使用已有的申报书")
	code, out, errOut = runCLI(t, "--lang", "en", "pack", dir, "-o", filepath.Join(t.TempDir(), "x.zip"))
	assert.Equal(t, ExitOK, code, errOut)
	assert.Contains(t, out, "Packed ")

	code, _, errOut = runCLI(t, "pack", dir, "-o", filepath.Join(t.TempDir(), "x.txt"))
	assert.Equal(t, ExitNoRun, code)
	assert.Contains(t, errOut, ".zip")
	code, _, errOut = runCLI(t, "pack", m[1])
	assert.Equal(t, ExitNoRun, code)
	assert.Contains(t, errOut, "mkspace verify")
}

func TestPackRefusesBrokenExample(t *testing.T) {
	t.Parallel()
	dir := copyPackage(t, "broken")
	code, out, errOut := runCLI(t, "pack", dir)
	assert.Equal(t, ExitFindings, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "CELL-NOT-FILLABLE", "the findings are listed as build-pdf lists them")
	assert.Contains(t, errOut, "未打包")
	assert.NoDirExists(t, filepath.Join(dir, "output"))
}

func TestVerifyFlagParsing(t *testing.T) {
	t.Parallel()
	var got *verifyOptions
	_, g := NewRoot(&IO{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard})
	cmd := newVerifyCmd(g, func(o *verifyOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"a.zip", "b.zip", "--summary", "汇总.csv"})
	require.NoError(t, cmd.Execute())
	assert.Equal(t, []string{"a.zip", "b.zip"}, got.Args)
	assert.Equal(t, "汇总.csv", got.Summary)
}

func TestVerifyTargets(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.MkdirAll(filepath.Join("pkg", "output"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join("pkg", "申报数据.xlsx"), []byte("x"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join("pkg", "output", "申报书-A.pdf"), []byte("%PDF-1.7"), 0o644))
	require.NoError(t, os.WriteFile("a.zip", []byte("x"), 0o644))
	require.NoError(t, os.WriteFile("无扩展名", []byte("%PDF-1.7"), 0o644))

	ts, err := verifyTargets([]string{"pkg/output/申报书-A.pdf", "pkg"})
	require.NoError(t, err)
	assert.Equal(t, []verifyTarget{{Arg: "pkg/output/申报书-A.pdf", Kind: pack.KindPDF, Package: "pkg"}}, ts)

	ts, err = verifyTargets([]string{"a.zip", "pkg", "./a.zip", "pkg/output/申报书-A.pdf", "无扩展名"})
	require.NoError(t, err)
	assert.Equal(t, []verifyTarget{
		{Arg: "a.zip", Kind: pack.KindZip},
		{Arg: "pkg", Kind: pack.KindFolder},
		{Arg: "pkg/output/申报书-A.pdf", Kind: pack.KindPDF, Package: "pkg"},
		{Arg: "无扩展名", Kind: pack.KindPDF, Package: "."},
	}, ts)

	// From inside the output folder, the package is the folder above.
	t.Chdir(filepath.Join(dir, "pkg", "output"))
	assert.Equal(t, filepath.Join(dir, "pkg"), pack.PackageOfPDF("申报书-A.pdf"))

	_, err = verifyTargets([]string{"a.zip", "none.zip"})
	assert.Equal(t, ExitNoRun, ExitCode(err))
}

func TestVerifyExitCodesAndMessages(t *testing.T) {
	t.Parallel()
	z := goodZip(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "好.zip")
	copyTo(t, z, good)
	notZip := filepath.Join(dir, "坏.zip")
	require.NoError(t, os.WriteFile(notZip, []byte("hello"), 0o644))

	r := verifyRun(t, 0, false, good)
	assert.Equal(t, ExitOK, r.code, r.out+r.errOut)
	assert.Empty(t, r.errOut)
	assert.NotContains(t, r.out, "共核验", "no total for one package")

	r = verifyRun(t, 0, false, notZip)
	assert.Equal(t, ExitFindings, r.code)
	assert.Contains(t, r.out, "未通过："+notZip)
	assert.Contains(t, r.out, "  - 坏.zip 不是 zip 压缩包")

	r = verifyRun(t, 0, false, "--lang", "en", notZip, good)
	assert.Equal(t, ExitFindings, r.code)
	assert.Contains(t, r.out, "Failed: "+notZip)
	assert.Contains(t, r.out, "is not a zip archive")
	assert.Contains(t, r.out, "Passed: "+good)
	assert.Contains(t, r.out, "Checked 2: 1 passed, 1 failed.")

	r = verifyRun(t, 0, false, good, filepath.Join(dir, "没有.zip"))
	assert.Equal(t, ExitNoRun, r.code)
	assert.Contains(t, r.errOut, "没有.zip")
	r = verifyRun(t, 0, false, good, "--summary", filepath.Join(dir, "汇总.txt"))
	assert.Equal(t, ExitNoRun, r.code)
	assert.Contains(t, r.errOut, ".csv、.json、.xlsx 或 .html")
	r = verifyRun(t, 0, false, good, "--summary", filepath.Join(dir, "no-such-folder", "汇总.csv"))
	assert.Equal(t, ExitNoRun, r.code)
}

// The progress bar shows on a terminal only.
func TestVerifyProgressBar(t *testing.T) {
	t.Parallel()
	z := goodZip(t)
	dir := t.TempDir()
	var args []string
	for i := range progressMin {
		p := filepath.Join(dir, fmt.Sprintf("%d.zip", i))
		copyTo(t, z, p)
		args = append(args, p)
	}
	r := verifyRun(t, 2, false, args...)
	assert.Equal(t, ExitOK, r.code, r.out)
	assert.Empty(t, r.errOut, "no progress bar when not on a terminal")
	r = verifyRun(t, 2, true, args...)
	assert.Equal(t, ExitOK, r.code, r.out)
	assert.Contains(t, r.errOut, "核验中", "a progress bar on a terminal")
	assert.NotContains(t, r.out, "核验中", "never on standard output")
}

// blocks splits verify's output into one block per package (its line and
// the problem lines under it), dropping the total.
func blocks(out string) []string {
	var bs []string
	for _, line := range strings.SplitAfter(out, "\n") {
		switch {
		case line == "":
		case strings.HasPrefix(line, "  - ") && len(bs) > 0:
			bs[len(bs)-1] += line
		case strings.HasPrefix(line, "共核验"):
		case strings.HasPrefix(line, "跨包检查"), strings.HasPrefix(line, "  警告  INTAKE-"), strings.HasPrefix(line, "  提示  INTAKE-"):
		default:
			bs = append(bs, line)
		}
	}
	return bs
}

// readSummaryCSV parses a summary back, checking what Excel needs: the
// byte order mark and CRLF line ends.
func readSummaryCSV(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.True(t, bytes.HasPrefix(data, []byte("\ufeff")), "UTF-8 BOM")
	assert.Equal(t, bytes.Count(data, []byte("\n")), bytes.Count(data, []byte("\r\n")), "CRLF line ends")
	recs, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
	require.NoError(t, err)
	return recs
}

// TestVerifyBatch: a batch of ten packages of five kinds (two rounds of:
// good, data errors, good, a changed attachment, an unpacked folder or a
// good zip) gives every package's block and summary row in argument order,
// the same with any number of workers and the same as one by one. Its
// speed at scale is BenchmarkVerifyBatch's.
func TestVerifyBatch(t *testing.T) {
	t.Parallel()
	const n = 10
	z := goodZip(t)
	names, data := zipEntries(t, z)
	dir := t.TempDir()

	broken := map[string][]byte{}
	for k, v := range data {
		broken[k] = v
	}
	broken["申报数据.xlsx"] = setBasic(t, data["申报数据.xlsx"], "联系电话", "不详")
	brokenZip := filepath.Join(dir, "broken.src")
	rezip(t, brokenZip, names, broken, true)
	changed := map[string][]byte{}
	for k, v := range data {
		changed[k] = v
	}
	changed["attachments/承诺书.pdf"] = append(append([]byte(nil), data["attachments/承诺书.pdf"]...), "\n%x\n"...)
	changedZip := filepath.Join(dir, "changed.src")
	rezip(t, changedZip, names, changed, false)

	type want struct {
		verified bool
		errors   string
		problem  string
	}
	var args []string
	var wants []want
	for i := range n {
		switch i % 5 {
		case 1:
			p := filepath.Join(dir, fmt.Sprintf("%02d-有错误.zip", i))
			copyTo(t, brokenZip, p)
			args, wants = append(args, p), append(wants, want{false, "1", "数据错误：基础信息!B11"})
		case 3:
			p := filepath.Join(dir, fmt.Sprintf("%02d-附件被改.zip", i))
			copyTo(t, changedZip, p)
			args, wants = append(args, p), append(wants, want{false, "0", "attachments/承诺书.pdf 与清单不符"})
		case 4:
			if i == 4 {
				p := filepath.Join(dir, fmt.Sprintf("%02d-解压", i))
				for n, b := range data {
					f := filepath.Join(p, filepath.FromSlash(n))
					require.NoError(t, os.MkdirAll(filepath.Dir(f), 0o755))
					require.NoError(t, os.WriteFile(f, b, 0o644))
				}
				args, wants = append(args, p), append(wants, want{true, "0", ""})
				continue
			}
			fallthrough
		default:
			p := filepath.Join(dir, fmt.Sprintf("%02d-申报材料.zip", i))
			copyTo(t, z, p)
			args, wants = append(args, p), append(wants, want{true, "0", ""})
		}
	}
	csvPath := filepath.Join(dir, "汇总.csv")
	jsonPath := filepath.Join(dir, "汇总.json")
	batch := verifyRun(t, 4, false, append(args, "--summary", csvPath)...)
	assert.Equal(t, ExitFindings, batch.code)
	passed := 0
	for _, w := range wants {
		if w.verified {
			passed++
		}
	}
	assert.Contains(t, batch.out, fmt.Sprintf("共核验 %d 个：%d 个通过，%d 个未通过。", n, passed, n-passed))
	bs := blocks(batch.out)
	require.Len(t, bs, n, "every package reported")

	recs := readSummaryCSV(t, csvPath)
	require.Len(t, recs, n+1, "a header and a row per package")
	head := recs[0]
	assert.Equal(t, []string{"文件", "众创空间名称", "运营主体", "受理机构", "版本号", "错误数", "警告数"}, head[:7])
	assert.Equal(t, []string{"核验通过", "第一个问题", "与默认值不同的配置"}, head[len(head)-4:len(head)-1])
	assert.Equal(t, "跨包提示", head[len(head)-1], "the findings across packages, last")
	assert.Contains(t, head, "自查：运营时间")
	for i, rec := range recs[1:] {
		require.Len(t, rec, len(head))
		w := wants[i]
		assert.Equal(t, args[i], rec[0], "argument order")
		assert.Contains(t, bs[i], args[i], "argument order")
		assert.Equal(t, "星火创客空间", rec[1])
		assert.Equal(t, "青澜星火众创科技服务有限公司", rec[2])
		assert.Equal(t, "青澜市科学技术局", rec[3])
		assert.Regexp(t, `^MK-[0-9A-Z-]+$`, rec[4])
		assert.Equal(t, w.errors, rec[5], "errors of %s", args[i])
		assert.Equal(t, "0", rec[6])
		for j := 7; j < len(head)-4; j++ {
			assert.Equal(t, "满足", rec[j], "%s %s", args[i], head[j])
		}
		assert.Empty(t, rec[len(rec)-2], "the default settings")
		assert.Contains(t, rec[len(rec)-1], "INTAKE-SAME-APPLICANT", "copies of one package")
		if w.verified {
			assert.Equal(t, "是", rec[len(rec)-4])
			assert.Empty(t, rec[len(rec)-3])
			assert.True(t, strings.HasPrefix(bs[i], "通过："), bs[i])
		} else {
			assert.Equal(t, "否", rec[len(rec)-4])
			assert.Contains(t, rec[len(rec)-3], w.problem)
			assert.True(t, strings.HasPrefix(bs[i], "未通过："), bs[i])
		}
	}

	// The JSON summary says the same.
	r := verifyRun(t, 3, false, append(args, "--summary", jsonPath)...)
	assert.Equal(t, batch.out, r.out, "the same output whatever the number of workers")
	var doc struct {
		Packages []struct {
			File        string           `json:"file"`
			SpaceName   string           `json:"space_name"`
			Errors      *int             `json:"errors"`
			Eligibility map[string]*bool `json:"eligibility"`
			Verified    bool             `json:"verified"`
			Problems    []struct{ Code, Message string }
		} `json:"packages"`
		Summary map[string]int `json:"summary"`
	}
	data2, err := os.ReadFile(jsonPath)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data2, &doc))
	require.Len(t, doc.Packages, n)
	assert.Equal(t, n, doc.Summary["packages"])
	assert.Equal(t, passed, doc.Summary["verified"])
	assert.Equal(t, n-passed, doc.Summary["failed"])
	assert.Positive(t, doc.Summary["intake"], "copies of one package share everything")
	for i, p := range doc.Packages {
		assert.Equal(t, args[i], p.File)
		assert.Equal(t, wants[i].verified, p.Verified)
		require.NotNil(t, p.Errors)
		assert.Equal(t, wants[i].errors, fmt.Sprint(*p.Errors))
		assert.Len(t, p.Eligibility, 13, "every condition, those to confirm by hand as null")
	}

	// The summary of verify carries the keys: merged, it gives the same
	// findings across packages.
	merged := filepath.Join(dir, "merged.json")
	m := verifyRun(t, 1, false, "--merge", jsonPath, "--summary", merged)
	assert.Equal(t, ExitFindings, m.code, m.errOut)
	assert.Equal(t, summaryIntake(t, jsonPath), summaryIntake(t, merged))
	assert.NotEmpty(t, summaryIntake(t, merged))

	// One by one: the same block and the same row for each.
	for i, a := range args {
		one := filepath.Join(dir, fmt.Sprintf("one-%d.csv", i))
		r := verifyRun(t, 1, false, a, "--summary", one)
		want := ExitOK
		if !wants[i].verified {
			want = ExitFindings
		}
		assert.Equal(t, want, r.code, a)
		assert.Equal(t, bs[i], r.out, "the same report one by one: %s", a)
		rs := readSummaryCSV(t, one)
		require.Len(t, rs, 2)
		// (alone, a package has nothing to share: the last column is empty)
		assert.Equal(t, recs[i+1][:len(recs[i+1])-1], rs[1][:len(rs[1])-1], "the same row one by one: %s", a)
		assert.Empty(t, rs[1][len(rs[1])-1])
	}
}

// validate and totals read a packed package too: unpacked safely, the
// folder removed afterwards, findings named as in the package.
func TestValidateZip(t *testing.T) {
	z := goodZip(t)
	names, data := zipEntries(t, z)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dir := t.TempDir()

	good := filepath.Join(dir, "好.zip")
	copyTo(t, z, good)
	code, out, errOut := runCLI(t, "validate", good)
	assert.Equal(t, ExitOK, code, out+errOut)
	assert.Contains(t, out, "未发现问题")
	code, out, _ = runCLI(t, "totals", good, "--format", "json")
	assert.Equal(t, ExitOK, code, out)
	assert.Contains(t, out, `"media_reports": 3`)

	bad := map[string][]byte{}
	for k, v := range data {
		bad[k] = v
	}
	bad["申报数据.xlsx"] = setBasic(t, data["申报数据.xlsx"], "电子邮箱", "无")
	broken := filepath.Join(dir, "错.zip")
	rezip(t, broken, names, bad, true)
	code, out, _ = runCLI(t, "validate", broken, "--format", "json")
	assert.Equal(t, ExitFindings, code)
	var doc struct {
		Files    []string `json:"files"`
		Findings []struct{ Rule, File, Cell string }
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc), out)
	assert.Equal(t, []string{"申报数据.xlsx"}, doc.Files)
	require.Len(t, doc.Findings, 1)
	assert.Equal(t, "CELL-FORMAT", doc.Findings[0].Rule)
	assert.Equal(t, "申报数据.xlsx", doc.Findings[0].File)

	slip := filepath.Join(dir, "slip.zip")
	rezip(t, slip, append(names, "../evil.pdf"), map[string][]byte{"../evil.pdf": []byte("x")}, false)
	code, out, _ = runCLI(t, "validate", slip)
	assert.Equal(t, ExitFindings, code)
	assert.Contains(t, out, "FILE-UNREADABLE")
	assert.Contains(t, out, "指向压缩包之外")
	assert.NoFileExists(t, filepath.Join(filepath.Dir(dir), "evil.pdf"))

	left, err := os.ReadDir(tmp)
	require.NoError(t, err)
	assert.Empty(t, left, "the temporary folders are removed")
}
