package annotate

import (
	"archive/zip"
	"encoding/xml"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/lotest"
	"github.com/mkspace/mkspace/internal/msg"
)

func TestMain(m *testing.M) { os.Exit(lotest.Main(m)) }

// LibreOffice opens the copy: saved again by it, the notes, the fills, the
// list and its links are there.
func TestLibreOfficeReadsCopy(t *testing.T) {
	lotest.Require(t)
	dir := examplePath("broken")
	fs := check(t, dir)
	out := annotated(t, dir, fs, msg.ZH)
	resaved := lotest.Convert(t, "xlsx", filepath.Join(t.TempDir(), "lo"), out)[0]

	f, err := excelize.OpenFile(resaved)
	require.NoError(t, err)
	defer f.Close()
	require.Equal(t, SheetName, f.GetSheetList()[0])
	fills := xfFills(t, resaved)
	notes := map[string]map[string]string{}
	for _, fd := range fs {
		if fd.Cell == "" {
			continue
		}
		top, _, _ := cells(fd.Cell)
		if notes[fd.Sheet] == nil {
			notes[fd.Sheet] = commentsOf(t, f, fd.Sheet)
		}
		note := notes[fd.Sheet][top]
		assert.Contains(t, note, fd.Rule, "note of %s!%s", fd.Sheet, top)
		want := ErrorFill
		if fd.Severity == finding.Warning {
			want = WarningFill
		}
		id, err := f.GetCellStyle(fd.Sheet, top)
		require.NoError(t, err)
		assert.Equal(t, want, fills[id], "fill of %s!%s", fd.Sheet, top)
	}
	rows, err := f.GetRows(SheetName)
	require.NoError(t, err)
	require.Len(t, rows, len(fs)+1)
	links := 0
	for i, fd := range fs {
		if fd.Cell == "" {
			continue
		}
		ok, loc, err := f.GetCellHyperLink(SheetName, "C"+strconv.Itoa(i+2))
		require.NoError(t, err)
		if assert.True(t, ok, "link of row %d", i+2) {
			links++
			assert.True(t, strings.Contains(loc, fd.Sheet) && strings.Contains(loc, strings.Split(fd.Cell, ":")[0]),
				"link of row %d: %s, want %s!%s", i+2, loc, fd.Sheet, fd.Cell)
		}
	}
	assert.Positive(t, links)
}

// xfFills reads the solid fill colour (RRGGBB) of every cell format of the
// workbook at path (excelize's GetStyle does not read LibreOffice's fills,
// which carry a background colour besides).
func xfFills(t *testing.T, path string) []string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	require.NoError(t, err)
	defer zr.Close()
	var st struct {
		Fills []struct {
			Pattern struct {
				Type string `xml:"patternType,attr"`
				Fg   struct {
					RGB string `xml:"rgb,attr"`
				} `xml:"fgColor"`
			} `xml:"patternFill"`
		} `xml:"fills>fill"`
		Xfs []struct {
			FillID int `xml:"fillId,attr"`
		} `xml:"cellXfs>xf"`
	}
	for _, zf := range zr.File {
		if zf.Name != "xl/styles.xml" {
			continue
		}
		r, err := zf.Open()
		require.NoError(t, err)
		require.NoError(t, xml.NewDecoder(r).Decode(&st))
		r.Close()
	}
	out := make([]string, len(st.Xfs))
	for i, x := range st.Xfs {
		if x.FillID < len(st.Fills) && st.Fills[x.FillID].Pattern.Type == "solid" {
			c := strings.ToUpper(st.Fills[x.FillID].Pattern.Fg.RGB)
			if len(c) == 8 {
				c = c[2:]
			}
			out[i] = c
		}
	}
	return out
}
