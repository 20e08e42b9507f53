// Package attachname compares attachment file names as people write them:
// normalised (NFKC, so full-width characters fold; white space and
// punctuation dropped; lower case), and by edit distance for a "did you
// mean" when a named file is missing.
package attachname

import (
	"path"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Folder is the folder of the package that holds the attachments, by the
// convention of init's README.txt and the examples:
// attachments/<sheet>/<name>-<material>.pdf.
const Folder = "attachments"

// Normal returns s normalised for comparing names: NFKC (full-width
// letters and digits fold to ASCII), lower case, only letters and digits
// kept (spaces, dashes, brackets, quotes and the like dropped).
func Normal(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Stem is the normalised name of a file without its folder and extension.
func Stem(p string) string {
	base := path.Base(strings.ReplaceAll(p, `\`, "/"))
	return Normal(strings.TrimSuffix(base, path.Ext(base)))
}

// Distance is the edit distance (insertions, deletions, substitutions of
// characters) between a and b.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// MaxDistance is the largest edit distance between normalised names at
// which a file is offered for a missing one: two characters, or one for
// names of up to four characters.
func MaxDistance(name string) int {
	if len([]rune(name)) <= 4 {
		return 1
	}
	return 2
}

// Suggest returns the existing files (package-relative, "/" separators)
// that the missing path written in a cell most likely means, best first:
//
//  1. the path with attachments/ put in front, or with .pdf added, when
//     that file exists;
//  2. the files whose normalised name is within MaxDistance of the
//     written one's, those of the same folder first, nearer first.
//
// files lists every file of the package under attachments/.
func Suggest(written string, files []string) []string {
	p := strings.TrimPrefix(path.Clean(strings.ReplaceAll(strings.TrimSpace(written), `\`, "/")), "./")
	exists := make(map[string]bool, len(files))
	for _, f := range files {
		exists[f] = true
	}
	var out []string
	for _, c := range []string{Folder + "/" + p, p + ".pdf", Folder + "/" + p + ".pdf"} {
		if exists[c] && c != p {
			out = append(out, c)
		}
	}
	if len(out) > 0 {
		return out
	}
	stem, dir := Stem(p), path.Dir(p)
	if stem == "" {
		return nil
	}
	limit := MaxDistance(stem)
	type cand struct {
		file       string
		same, dist int
	}
	var cs []cand
	for _, f := range files {
		if !strings.EqualFold(path.Ext(f), ".pdf") {
			continue
		}
		d := Distance(stem, Stem(f))
		if d > limit {
			continue
		}
		same := 1
		if path.Dir(f) == dir {
			same = 0
		}
		cs = append(cs, cand{f, same, d})
	}
	// Same folder first, then nearer; stable on the listing's order.
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && (cs[j].same < cs[j-1].same || cs[j].same == cs[j-1].same && cs[j].dist < cs[j-1].dist); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
	for _, c := range cs {
		out = append(out, c.file)
	}
	return out
}
