package pack

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/pdf/bind"
)

// The good example is built and packed once for the whole package (a build
// takes most of a second); every test works on its own copy.
var fx struct {
	once sync.Once
	root string
	good string // a copy of examples/good with its 申报书 in output/
	zip  string // good, packed
	man  *Manifest
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	bind.Cleanup() // the stamp's fonts
	if fx.root != "" {
		os.RemoveAll(fx.root)
	}
	os.Exit(code)
}

func fixture(t testing.TB) {
	t.Helper()
	fx.once.Do(func() {
		if fx.root, fx.err = os.MkdirTemp("", "mkspace-pack-test-*"); fx.err != nil {
			return
		}
		fx.good = filepath.Join(fx.root, "good")
		if fx.err = os.CopyFS(fx.good, os.DirFS(filepath.Join("..", "..", "examples", "good"))); fx.err != nil {
			return
		}
		var p *Packed
		if p, fx.err = Pack([]string{fx.good}, config.Default(), Options{}); fx.err != nil {
			return
		}
		fx.man = p.Manifest
		fx.zip = filepath.Join(fx.root, "good.zip")
		fx.err = os.Rename(p.Output, fx.zip)
	})
	require.NoError(t, fx.err, "fixture")
}

// goodCopy returns a copy of the good example with its 申报书.
func goodCopy(t testing.TB) string {
	fixture(t)
	dst := filepath.Join(t.TempDir(), "good")
	require.NoError(t, os.CopyFS(dst, os.DirFS(fx.good)))
	return dst
}

// zipCopy returns a copy of the packed good example.
func zipCopy(t testing.TB) string {
	fixture(t)
	dst := filepath.Join(t.TempDir(), "申报材料.zip")
	copyFile(t, fx.zip, dst)
	return dst
}

func copyFile(t testing.TB, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Dir(dst), 0o755))
	require.NoError(t, os.WriteFile(dst, data, 0o644))
}

// zent is an entry of a zip as the tests rewrite it.
type zent struct {
	Name string
	Data []byte
	Mode fs.FileMode // 0: a plain file
}

func readZip(t testing.TB, path string) []zent {
	t.Helper()
	zr, err := zip.OpenReader(path)
	require.NoError(t, err)
	defer zr.Close()
	var out []zent
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		data, err := io.ReadAll(rc)
		require.NoError(t, err)
		rc.Close()
		out = append(out, zent{Name: f.Name, Data: data})
	}
	return out
}

func writeZip(t testing.TB, path string, ents []zent) {
	t.Helper()
	f, err := os.Create(path)
	require.NoError(t, err)
	zw := zip.NewWriter(f)
	for _, e := range ents {
		h := &zip.FileHeader{Name: e.Name, Method: zip.Deflate}
		mode := e.Mode
		if mode == 0 {
			mode = 0o644
		}
		h.SetMode(mode)
		w, err := zw.CreateHeader(h)
		require.NoError(t, err)
		_, err = w.Write(e.Data)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	require.NoError(t, f.Close())
}

func entryData(t testing.TB, ents []zent, name string) []byte {
	t.Helper()
	for _, e := range ents {
		if e.Name == name {
			return e.Data
		}
	}
	require.Failf(t, "no entry", "%s", name)
	return nil
}

func setEntry(ents []zent, name string, data []byte) []zent {
	for i := range ents {
		if ents[i].Name == name {
			ents[i].Data = data
			return ents
		}
	}
	return append(ents, zent{Name: name, Data: data})
}

func dropEntry(ents []zent, name string) []zent {
	var out []zent
	for _, e := range ents {
		if e.Name != name {
			out = append(out, e)
		}
	}
	return out
}

// refreshManifest rewrites the manifest's sizes and checksums from the
// entries, as someone covering their tracks would.
func refreshManifest(t testing.TB, ents []zent) []zent {
	t.Helper()
	m, err := ParseManifest(bytes.NewReader(entryData(t, ents, ManifestName)))
	require.NoError(t, err)
	for i, f := range m.Files {
		for _, e := range ents {
			if e.Name == f.Name {
				sum := sha256.Sum256(e.Data)
				m.Files[i].Size, m.Files[i].SHA256 = int64(len(e.Data)), hex.EncodeToString(sum[:])
			}
		}
	}
	data, err := m.encode()
	require.NoError(t, err)
	return setEntry(ents, ManifestName, data)
}

// editWorkbook changes the 内容 of a 基础信息 field in a workbook's bytes.
func editWorkbook(t testing.TB, data []byte, field, value string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	defer f.Close()
	setField(t, f, field, value)
	var out bytes.Buffer
	require.NoError(t, f.Write(&out))
	return out.Bytes()
}

// editPackage changes the 内容 of a 基础信息 field in the workbook of a
// package folder.
func editPackage(t testing.TB, dir, field, value string) {
	t.Helper()
	path := filepath.Join(dir, "申报数据.xlsx")
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	setField(t, f, field, value)
	require.NoError(t, f.Save())
	require.NoError(t, f.Close())
}

func setField(t testing.TB, f *excelize.File, field, value string) {
	t.Helper()
	rows, err := f.GetRows("基础信息")
	require.NoError(t, err)
	for i, r := range rows {
		if len(r) > 0 && strings.TrimPrefix(r[0], "*") == field {
			cell, err := excelize.CoordinatesToCellName(2, i+1)
			require.NoError(t, err)
			require.NoError(t, f.SetCellStr("基础信息", cell, value))
			return
		}
	}
	require.Failf(t, "no field", "%s", field)
}

func needTool(t testing.TB, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is needed in CI: %v", name, err)
		}
		t.Skipf("%s not installed", name)
	}
}

// zeros reads as an endless run of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
