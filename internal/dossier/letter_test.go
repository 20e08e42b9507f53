package dossier

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/pdf/font"
	"github.com/mkspace/mkspace/templates"
)

// pdfTool runs a poppler tool on a PDF and returns its output.
func pdfTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	needTool(t, name)
	out, err := exec.Command(name, args...).CombinedOutput()
	require.NoError(t, err, "%s %v: %s", name, args, out)
	return string(out)
}

// squeeze removes all white space, so that text can be compared across
// line breaks.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

func TestParseLetterShipped(t *testing.T) {
	t.Parallel()
	src, err := templates.FS.ReadFile(CommitmentFile)
	require.NoError(t, err)
	l, err := parseLetter(string(src))
	require.NoError(t, err)
	assert.Equal(t, "国家备案众创空间申报承诺书", l.Title)
	body := strings.Join(l.Body, "")
	for _, want := range []string{"真实", "准确", "完整", "一致", "核查", "责任"} {
		assert.Contains(t, body, want, "the letter promises %s", want)
	}
	var labels []string
	for _, f := range l.Sign {
		labels = append(labels, f.Label)
	}
	assert.Equal(t, []string{"众创空间名称：", "运营主体（盖章）：", "法定代表人（签字）：", "日期："}, labels)
	assert.Equal(t, signField{Label: "众创空间名称：", Value: "{name}", Blank: true}, l.Sign[0])
	assert.False(t, l.Sign[3].Blank, "the date line has its own 年月日")
}

func TestParseLetterErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src, want string }{
		{"no title", "[body]\n正文\n[sign]\n日期：\n", "needs [title]"},
		{"two titles", "[title]\n甲\n乙\n", "line 3: the title is one line"},
		{"text before a section", "正文\n", "line 1: text outside"},
		{"unknown section", "[foot]\n正文\n", "line 2: text outside"},
		{"field without label", "[title]\n甲\n[body]\n乙\n[sign]\n签字_\n", "line 6: a signature field needs a label"},
		{"no signature block", "[title]\n甲\n[body]\n乙\n", "needs [title], [body] and [sign]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseLetter(tt.src)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestCommitmentLetter(t *testing.T) {
	t.Parallel()
	src, err := templates.FS.ReadFile(CommitmentFile)
	require.NoError(t, err)
	l, err := parseLetter(string(src))
	require.NoError(t, err)

	tests := []struct{ name, space string }{
		{"blank", ""},
		{"short name", "星火创客空间"},
		{"long name", "深圳市南山区星火科技创新创业服务有限公司运营的星火创客空间（南山智园分部）"},
		{"longest name", strings.Repeat("星火创客空间", 16) + "甲乙丙丁"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, CommitmentLetter(&buf, CommitmentOptions{SpaceName: tt.space, Creator: "mkspace test"}))
			require.True(t, bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")))
			path := writeFile(t, "承诺书模板.pdf", buf.Bytes())
			info := pdfTool(t, "pdfinfo", path)
			assert.Regexp(t, `(?m)^Pages:\s+1$`, info, "one page to print")
			got := squeeze(pdfTool(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-"))
			for _, want := range append([]string{l.Title}, l.Body...) {
				assert.Contains(t, got, squeeze(want))
			}
			for _, f := range l.Sign {
				assert.Contains(t, got, squeeze(f.Label))
			}
			assert.Contains(t, got, tt.space, "the name is filled in")
			assert.NotContains(t, got, "{name}")
			fonts := pdfTool(t, "pdffonts", path)
			assert.Regexp(t, `(?m)^[A-Z]{6}\+WenQuanYiMicroHei\s+CID TrueType\s+Identity-H\s+yes yes yes`, fonts, "embedded as a subset")
			assert.Contains(t, info, "国家备案众创空间申报承诺书", "title in the metadata")
			assert.Regexp(t, `Page size:\s+595(\.28)? x 84(2|1\.89) pts \(A4\)`, info)
		})
	}
}

func TestCommitmentLetterBadFont(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	err := CommitmentLetter(&buf, CommitmentOptions{Fonts: []string{writeFile(t, "NotoSansCJK-Regular.otf", header("OTTO"))}})
	var fe *font.Error
	require.True(t, errors.As(err, &fe), "got %v", err)
	assert.Equal(t, "font.cff", fe.Key)
	assert.Zero(t, buf.Len(), "nothing written")
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, data, 0o644))
	return p
}

func header(tag string) []byte { return append([]byte(tag), make([]byte, 60)...) }

func BenchmarkCommitmentLetter(b *testing.B) {
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := CommitmentLetter(&buf, CommitmentOptions{SpaceName: "星火创客空间"}); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "pdf-bytes")
}
