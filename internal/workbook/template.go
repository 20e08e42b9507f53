package workbook

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/version"
)

// customPropsLimit bounds the custom document properties read: the
// template writes one short property.
const customPropsLimit = 1 << 20

// templateVersion is the template version the workbook records in its
// custom document properties (version.TemplateProperty); "" for a workbook
// not made from mkspace's template, or whose properties cannot be read
// (nothing to compare, so nothing to say).
func (b *book) templateVersion() string {
	zf := b.part("docProps/custom.xml")
	if zf == nil || zf.UncompressedSize64 > customPropsLimit {
		return ""
	}
	rc, err := zf.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	var props struct {
		Property []struct {
			Name  string `xml:"name,attr"`
			Value string `xml:"lpwstr"`
		} `xml:"property"`
	}
	if xml.NewDecoder(io.LimitReader(rc, customPropsLimit)).Decode(&props) != nil {
		return ""
	}
	for _, p := range props.Property {
		if p.Name == version.TemplateProperty {
			return strings.TrimSpace(p.Value)
		}
	}
	return ""
}

// checkTemplate warns about a workbook made from another version of the
// template than this mkspace writes, as a checker first confirms it reads
// the right workbook of the right version.
func (p *Package) checkTemplate(b *book) {
	have := b.templateVersion()
	if have == "" {
		return
	}
	c := compareVersions(have, version.Template)
	if c == 0 {
		return
	}
	key := finding.TemplateVersion + ".old"
	if c > 0 {
		key = finding.TemplateVersion + ".new"
	}
	p.add(finding.Finding{Rule: finding.TemplateVersion, File: b.rel, Value: have},
		key, "file", b.rel, "have", have, "want", version.Template)
}

// compareVersions compares dotted versions part by part, numerically where
// both parts are numbers ("2021.10" is after "2021.9").
func compareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < max(len(as), len(bs)); i++ {
		x, y := "0", "0" // a missing part is 0: 2021.1 = 2021.1.0
		if i < len(as) {
			x = as[i]
		}
		if i < len(bs) {
			y = bs[i]
		}
		xn, xerr := strconv.Atoi(x)
		yn, yerr := strconv.Atoi(y)
		switch {
		case xerr == nil && yerr == nil && xn != yn:
			if xn < yn {
				return -1
			}
			return 1
		case (xerr != nil || yerr != nil) && x != y:
			return strings.Compare(x, y)
		}
	}
	return 0
}
