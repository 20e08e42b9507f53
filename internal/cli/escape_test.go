package cli

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/schema"
)

// hostile control characters: ESC sequences that clear the screen and set
// the window title, BEL, a C1 CSI and a right-to-left override.
const (
	clearScreen = "\x1b[2J\x1b[H"
	setTitle    = "\x1b]0;owned\x07"
	c1CSI       = "\u009b31m"
)

// xlsxEscapes writes C0 characters into a workbook as Excel does, as
// _x001B_ (excelize would replace them by U+FFFD): cells are written with
// the characters, then every XML part of the saved file is rewritten.
func xlsxEscapes(t *testing.T, path string) {
	t.Helper()
	r, err := zip.OpenReader(path)
	require.NoError(t, err)
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, f := range r.File {
		rc, err := f.Open()
		require.NoError(t, err)
		data, err := io.ReadAll(rc)
		require.NoError(t, err)
		rc.Close()
		if strings.HasSuffix(f.Name, ".xml") {
			for _, c := range []byte{0x1b, 0x07, 0x00} {
				data = bytes.ReplaceAll(data, []byte(fmt.Sprintf("{%02X}", c)), []byte(fmt.Sprintf("_x%04X_", c)))
			}
		}
		fw, err := w.Create(f.Name)
		require.NoError(t, err)
		_, err = fw.Write(data)
		require.NoError(t, err)
	}
	require.NoError(t, w.Close())
	r.Close()
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
}

// marked writes the C0 characters of s as markers that xlsxEscapes turns
// into Excel's escapes.
func marked(s string) string {
	return strings.NewReplacer("\x1b", "{1B}", "\x07", "{07}", "\x00", "{00}").Replace(s)
}

// terminalSafeOut fails on any character that would act on a terminal.
func terminalSafeOut(t *testing.T, what, out string) {
	t.Helper()
	for i, r := range out {
		if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7F && r <= 0x9F || r >= 0x202A && r <= 0x202E {
			t.Errorf("%s: %U at byte %d: %q", what, r, i, out[max(0, i-40):min(len(out), i+40)])
			return
		}
	}
}

// hostilePackage is a small valid package whose space name, a team, an
// attachment path and an extra sheet carry control characters, in a
// workbook whose own file name has one.
func hostilePackage(t *testing.T) (dir, workbook string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "pkg")
	smallPackage(t, dir)
	workbook = "申报\x07数据.xlsx"
	require.NoError(t, os.Rename(filepath.Join(dir, "申报数据.xlsx"), filepath.Join(dir, workbook)))
	f, err := excelize.OpenFile(filepath.Join(dir, workbook))
	require.NoError(t, err)
	basic := schema.ByKey("basic")
	require.NoError(t, f.SetCellValue(basic.Name, "B2", marked("星火"+clearScreen+"众创空间"+setTitle)))
	media := schema.ByKey("media")
	col := media.ColumnIndex("outlet")
	ref, _ := excelize.CoordinatesToCellName(col+1, 2)
	require.NoError(t, f.SetCellValue(media.Name, ref, "人民日报"+c1CSI+"\u202e"))
	col = media.ColumnIndex("proof")
	ref, _ = excelize.CoordinatesToCellName(col+1, 2)
	require.NoError(t, f.SetCellValue(media.Name, ref, marked("attachments/无\x1b[1A此文件.pdf")))
	_, err = f.NewSheet("备注\u202e")
	require.NoError(t, err)
	require.NoError(t, f.Save())
	require.NoError(t, f.Close())
	xlsxEscapes(t, filepath.Join(dir, workbook))
	return dir, workbook
}

func TestValidateEscapesControlCharacters(t *testing.T) {
	t.Parallel()
	dir, _ := hostilePackage(t)
	for _, format := range []string{"text", "github", "json", "sarif", "junit"} {
		code, out, errOut := runCLI(t, "validate", dir, "--format", format)
		require.Equal(t, ExitFindings, code, "%s: %s", format, errOut)
		terminalSafeOut(t, format, out)
		terminalSafeOut(t, format+" stderr", errOut)
		switch format {
		case "text", "github":
			assert.Contains(t, out, `星火\x1b[2J\x1b[H众创空间\x1b]0;owned\x07`, format)
			assert.Contains(t, out, `人民日报\u009b31m\u202e`, format)
			assert.Contains(t, out, `申报\x07数据.xlsx`, format)
			assert.Contains(t, out, `备注\u202e`, format)
			assert.Contains(t, out, "CELL-CONTROL-CHAR", format)
		case "json", "sarif":
			require.True(t, json.Valid([]byte(out)), format)
			assert.Contains(t, out, `星火\u001b[2J`, format)
		case "junit":
			dec := xml.NewDecoder(strings.NewReader(out))
			for {
				if _, err := dec.Token(); err != nil {
					require.Equal(t, "EOF", err.Error(), "well-formed XML")
					break
				}
			}
			assert.Contains(t, out, `星火\x1b[2J`)
		}
	}
	var j struct{ Findings []map[string]any }
	_, out, _ := runCLI(t, "validate", dir, "--format", "json")
	require.NoError(t, json.Unmarshal([]byte(out), &j))
	rules := map[string]int{}
	for _, f := range j.Findings {
		rules[f["rule"].(string)]++
		if f["rule"] == "CELL-CONTROL-CHAR" && f["cell"] == "B2" && f["sheet"] == "基础信息" {
			assert.Equal(t, "星火"+clearScreen+"众创空间"+setTitle, f["value"], "JSON carries the raw value")
		}
	}
	assert.Equal(t, 3, rules["CELL-CONTROL-CHAR"], "space name, outlet, attachment path: %v", rules)
}

// verify's lines and the summary name packages by their file and space
// names: escaped, in the CSV too.
func TestVerifyEscapesNames(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data, err := os.ReadFile(goodZip(t))
	require.NoError(t, err)
	passing := filepath.Join(dir, "申报"+clearScreen+".zip")
	require.NoError(t, os.WriteFile(passing, data, 0o644))
	failing, _ := hostilePackage(t)
	sum := filepath.Join(dir, "汇总.csv")

	code, out, errOut := runCLI(t, "verify", passing, failing, "--summary", sum)
	require.Equal(t, ExitFindings, code, out+errOut)
	terminalSafeOut(t, "verify", out)
	terminalSafeOut(t, "verify stderr", errOut)
	assert.Contains(t, out, `申报\x1b[2J\x1b[H.zip`, "the pass line")
	assert.Contains(t, out, `星火\x1b[2J\x1b[H众创空间\x1b]0;owned\x07`, "the fail line names the space")

	b, err := os.ReadFile(sum)
	require.NoError(t, err)
	terminalSafeOut(t, "summary", strings.ReplaceAll(string(b), "\r\n", "\n"))
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\ufeff"))).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 3)
	assert.Equal(t, filepath.ToSlash(passing), filepath.ToSlash(strings.ReplaceAll(recs[1][0], `\x1b`, "\x1b")))
	assert.Contains(t, recs[2][1], `星火\x1b[2J`)
}
