package intake

import (
	"strconv"
	"strings"
	"time"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
)

// Message is the finding's text in l: the key, every package and cell, and
// what the office should check.
func (f *Finding) Message(l msg.Lang) string {
	key := "intake." + f.Rule
	if f.Rule == finding.IntakeDupEnterprise && f.Severity == finding.Info {
		key += ".info"
	}
	kv := []string{"value", f.Key, "n", strconv.Itoa(len(f.Packages())), "list", f.PlaceList(l)}
	if f.Rule == finding.IntakeSameApplicant {
		what := l.T("intake.newer-unknown")
		if f.Newer != "" {
			what = l.T("intake.newer", "package", f.Newer)
		}
		kv = append(kv, "what", what)
	}
	return l.T(key, kv...)
}

// PlaceList names every place of the finding, separated for l.
func (f *Finding) PlaceList(l msg.Lang) string {
	parts := make([]string, len(f.Places))
	for i := range f.Places {
		parts[i] = f.Places[i].Text(l)
	}
	return strings.Join(parts, l.Pick("；", "; "))
}

// Location is the Excel place: 入驻企业!C5, or the sheet alone.
func (p *Place) Location() string {
	if p.Cell == "" {
		return p.Sheet
	}
	return p.Sheet + "!" + p.Cell
}

// Row is the Excel row of the place (0 when it has none).
func (p *Place) Row() int {
	i := strings.IndexFunc(p.Cell, func(r rune) bool { return r >= '0' && r <= '9' })
	if i < 0 {
		return 0
	}
	n, _ := strconv.Atoi(p.Cell[i:])
	return n
}

// Text names the place for a person in l.
func (p *Place) Text(l msg.Lang) string {
	switch {
	case p.Version != "" || p.Time != "":
		return l.T("intake.place.version", "package", p.Package, "loc", p.Location(), "version", orUnknown(l, p.Version),
			"at", orUnknown(l, shownTime(p.Time)))
	case p.From != "" || p.To != "":
		end := p.To
		if end == "" {
			end = l.T("intake.place.open-end")
		}
		return l.T("intake.place.stay", "package", p.Package, "loc", p.Location(), "start", orUnknown(l, p.From), "end", end)
	}
	return l.T("intake.place", "package", p.Package, "loc", p.Location())
}

// shownTime is an RFC 3339 time as people read it: 2021-10-31 09:30 UTC.
func shownTime(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return t.UTC().Format("2006-01-02 15:04") + " UTC"
}

func orUnknown(l msg.Lang, s string) string {
	if s == "" {
		return l.T("intake.place.unknown")
	}
	return s
}
