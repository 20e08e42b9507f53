package dossier

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/digest"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pdf/bind"
	"github.com/mkspace/mkspace/internal/rows"
)

// Verdict is what Verify finds out about a 申报书 and its package.
type Verdict struct {
	PDF      string
	Info     *bind.Info
	Version  string
	Problems []bind.Problem // of the PDF as one 申报书 of one version
	// Recorded is the digest the PDF records; RecordedErr says why it
	// could not be read.
	Recorded    digest.Digest
	RecordedErr error
	// Data is the package as it is now (nil when no package was checked).
	Data    *Data
	Changes []digest.Change // from the PDF's data to the package's
}

// OK reports whether the PDF is an mkspace 申报书 of one version whose
// digest matches the package as it is now.
func (v *Verdict) OK() bool {
	if len(v.Problems) > 0 || v.RecordedErr != nil {
		return false
	}
	return v.Data == nil || len(v.Changes) == 0
}

// Verify checks the 申报书 pdf: that mkspace generated it, that every page
// carries the same version (read from the pages' content, not from the
// metadata alone) and, when pkg names a package, that the digest it records
// equals the digest of the package now.
func Verify(pdf string, pkg []string, cfg *config.Config) (*Verdict, error) {
	info, err := bind.Inspect(pdf)
	if err != nil {
		return nil, err
	}
	return verdict(pdf, info, pkg, cfg)
}

// VerifyData is Verify of a 申报书 read already (data), named pdf in the
// verdict: the caller chose where and how it may be read.
func VerifyData(pdf string, data []byte, pkg []string, cfg *config.Config, more ...rows.Consumer) (*Verdict, error) {
	info, err := bind.InspectReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return verdict(pdf, info, pkg, cfg, more...)
}

func verdict(pdf string, info *bind.Info, pkg []string, cfg *config.Config, more ...rows.Consumer) (v *Verdict, err error) {
	v = &Verdict{PDF: pdf, Info: info, Version: info.DocumentVersion(), Problems: info.Problems()}
	if info.Digest == "" {
		v.RecordedErr = fmt.Errorf("no digest recorded")
	} else if v.Recorded, err = digest.Parse(info.Digest); err != nil {
		v.RecordedErr = err
	}
	if pkg == nil {
		return v, nil
	}
	if v.Data, err = Read(pkg, cfg, more...); err != nil {
		return nil, err
	}
	if v.RecordedErr == nil {
		v.Changes = digest.Diff(v.Recorded, v.Data.Digest)
	}
	return v, nil
}

// maxChanges is the number of changes Lines names before it counts the rest.
const maxChanges = 8

// Lines renders the verdict for a person, one statement a line.
func (v *Verdict) Lines(l msg.Lang) []string {
	var out []string
	pages := func(p []int) string { return pageList(p, l) }
	for _, p := range v.Problems {
		switch p.Kind {
		case bind.NotStamped:
			out = append(out, l.T("verify.not-mkspace"))
		case bind.NoRecord:
			out = append(out, l.T("verify.no-record"))
		case bind.Unstamped:
			out = append(out, l.T("verify.unstamped", "pages", pages(p.Pages)))
		case bind.OtherVersion:
			out = append(out, l.T("verify.other-version", "pages", pages(p.Pages), "other", p.Version, "version", v.Version))
		case bind.NoWatermark:
			out = append(out, l.T("verify.no-watermark", "pages", pages(p.Pages)))
		case bind.Misnumbered:
			out = append(out, l.T("verify.misnumbered", "pages", pages(p.Pages)))
		case bind.Missing:
			out = append(out, l.T("verify.missing-pages", "pages", pages(p.Pages), "total", fmt.Sprint(p.Total)))
		case bind.Duplicated:
			out = append(out, l.T("verify.duplicated-pages", "pages", pages(p.Pages)))
		case bind.Reordered:
			out = append(out, l.T("verify.reordered-pages", "pages", pages(p.Pages), "at", pages(p.At)))
		case bind.TooSmall:
			out = append(out, l.T("verify.small-pages", "pages", pages(p.Pages),
				"size", pageSize(v.Info, p.Pages[0])))
		}
	}
	if v.RecordedErr != nil && len(v.Problems) == 0 {
		out = append(out, l.T("verify.no-digest"))
	}
	if len(v.Changes) > 0 {
		var what []string
		for i, c := range v.Changes {
			if i == maxChanges && len(v.Changes) > maxChanges+1 {
				what = append(what, l.T("verify.more-changes", "n", fmt.Sprint(len(v.Changes)-maxChanges)))
				break
			}
			what = append(what, l.T("verify.change."+string(c.Kind)+"."+string(c.Op), "name", c.Name))
		}
		out = append(out, l.T("verify.data-changed", "changes", strings.Join(what, l.T("elig.list-sep"))))
	}
	return out
}

// maxPageGroups is the number of groups (single pages or runs) pageList
// writes before it counts the rest.
const maxPageGroups = 10

// pageList writes page numbers compactly: 3、5–9、12; after maxPageGroups
// groups, how many there are in all ("3、5、…、40 等 57").
func pageList(p []int, l msg.Lang) string {
	sep, dash := "、", "–"
	if l == msg.EN {
		sep = ", "
	}
	var parts []string
	for i := 0; i < len(p); {
		if len(parts) == maxPageGroups {
			return strings.Join(parts, sep) + " " + l.T("verify.pages-more", "n", fmt.Sprint(len(p)))
		}
		j := i
		for j+1 < len(p) && p[j+1] == p[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d%s%d", p[i], dash, p[j]))
		} else {
			parts = append(parts, fmt.Sprint(p[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, sep)
}

// pageSize is the size of page n (from 1) in millimetres, width × height.
func pageSize(info *bind.Info, n int) string {
	if info == nil || n < 1 || n > len(info.Stamps) {
		return ""
	}
	s := info.Stamps[n-1]
	return fmt.Sprintf("%d×%d", bind.Millimetres(s.Width), bind.Millimetres(s.Height))
}
