package bind

import (
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// pageTexts runs pdftotext and returns each page's text.
func pageTexts(t *testing.T, path string, args ...string) []string {
	t.Helper()
	bin := need(t, "pdftotext")
	out, err := exec.Command(bin, append(args, path, "-")...).Output()
	require.NoError(t, err, "pdftotext %s", path)
	pages := strings.Split(string(out), "\f")
	return pages[:len(pages)-1] // the text ends with a form feed
}

var (
	infoSize = regexp.MustCompile(`(?m)^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts`)
	infoRot  = regexp.MustCompile(`(?m)^Page\s+(\d+) rot:\s+(\d+)`)
)

// pdfinfoPages returns each page's size and rotation as pdfinfo reports
// them.
func pdfinfoPages(t *testing.T, path string) []Page {
	t.Helper()
	bin := need(t, "pdfinfo")
	out, err := exec.Command(bin, "-f", "1", "-l", "100000", path).Output()
	require.NoError(t, err)
	var pages []Page
	for _, m := range infoSize.FindAllStringSubmatch(string(out), -1) {
		w, _ := strconv.ParseFloat(m[2], 64)
		h, _ := strconv.ParseFloat(m[3], 64)
		pages = append(pages, Page{Width: w, Height: h})
	}
	for _, m := range infoRot.FindAllStringSubmatch(string(out), -1) {
		n, _ := strconv.Atoi(m[1])
		r, _ := strconv.Atoi(m[2])
		pages[n-1].Rotate = r
	}
	return pages
}

func pdfinfoField(t *testing.T, path, field string) string {
	t.Helper()
	bin := need(t, "pdfinfo")
	out, err := exec.Command(bin, path).Output()
	require.NoError(t, err)
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(field) + `:\s*(.*)$`).FindStringSubmatch(string(out))
	if m == nil {
		return ""
	}
	return m[1]
}

func qpdfCheck(t *testing.T, path string) {
	t.Helper()
	bin := need(t, "qpdf")
	out, err := exec.Command(bin, "--check", path).CombinedOutput()
	require.NoError(t, err, "qpdf --check %s:\n%s", path, out)
	require.Contains(t, string(out), "No syntax or stream encoding errors")
}

// pdffonts returns the fonts of a PDF: name and whether embedded.
func pdffonts(t *testing.T, path string) map[string]bool {
	t.Helper()
	bin := need(t, "pdffonts")
	out, err := exec.Command(bin, path).Output()
	require.NoError(t, err)
	fonts := map[string]bool{}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	require.GreaterOrEqual(t, len(lines), 2, "pdffonts output: %s", out)
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type [type…] encoding emb sub uni object ID
		require.GreaterOrEqual(t, len(f), 7, "line %q", l)
		fonts[f[0]] = f[len(f)-5] == "yes"
	}
	return fonts
}

func qpdf(t *testing.T, args ...string) {
	t.Helper()
	bin := need(t, "qpdf")
	out, err := exec.Command(bin, args...).CombinedOutput()
	// qpdf exits 3 for warnings.
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 3 {
		return
	}
	require.NoError(t, err, "qpdf %v: %s", args, out)
}

func footerRE(version string, n, total int) *regexp.Regexp {
	return regexp.MustCompile(fmt.Sprintf(`版本号：%s\s+第\s*%d\s*页\s*共\s*%d\s*页`, regexp.QuoteMeta(version), n, total))
}
