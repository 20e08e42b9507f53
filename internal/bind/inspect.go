package bind

import (
	"bytes"
	"fmt"
	"github.com/mkspace/mkspace/internal/pdfconf"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/mkspace/mkspace/internal/docver"
	"github.com/mkspace/mkspace/internal/safefile"
)

// Info is what Inspect reads from a PDF: its document information and, for
// every page, the stamp found in the page's content.
type Info struct {
	// Pages is the number of pages.
	Pages int
	// Title, Creator and Producer are standard document information.
	Title, Creator, Producer string
	// Version, Generated, Digest, Draft and Tool are what Bind recorded
	// (KeyVersion …); empty when absent. Generated is zero when absent or
	// unreadable.
	Version   string
	Generated time.Time
	Digest    string
	Draft     bool
	Tool      string
	// Stamps holds, for each page in order, what its stamp says.
	Stamps []Stamp
}

// Stamp is what the stamp on a page says, read from the page's content
// (its content streams and the forms they draw), not from the document
// information.
type Stamp struct {
	// Version is the version number printed in the page's footer; "" when
	// the page has no mkspace footer. A page bound twice (a 申报书 bound as
	// an attachment of another) shows the last footer drawn: the
	// outermost.
	Version string
	// Number and Total are the page numbers of the footer (第 N 页 共 M
	// 页); 0 when absent.
	Number, Total int
	// Draft tells whether the footer marks the page as a draft.
	Draft bool
	// Watermark is the version number of the page's watermark; "" when
	// it has none.
	Watermark string
}

// MaxPDFBytes bounds the PDFs Inspect and the binding read: a 申报书 of
// hundreds of attachments of a few megabytes each stays far below it.
const MaxPDFBytes = 1 << 30

// Inspect reads a PDF that Bind wrote (or any PDF: then Version is empty
// and the pages have no stamp). Only a regular file of at most
// MaxPDFBytes is read (never a device or a named pipe).
func Inspect(path string) (*Info, error) {
	data, err := safefile.ReadFile(path, MaxPDFBytes)
	if err != nil {
		return nil, err
	}
	return InspectReader(bytes.NewReader(data))
}

// InspectReader is Inspect of a PDF in r. Its errors are *DocumentError
// (with no Path).
func InspectReader(r io.ReadSeeker) (info *Info, err error) {
	defer func() {
		if p := recover(); p != nil {
			info, err = nil, &DocumentError{Err: fmt.Errorf("%w: %v", ErrUnreadable, p)}
		}
	}()
	ctx, err := api.ReadContext(r, pdfconf.New())
	if err != nil {
		return nil, &DocumentError{Err: fmt.Errorf("%w: %w", ErrUnreadable, err)}
	}
	pages, err := pageLeaves(ctx)
	if err != nil {
		return nil, &DocumentError{Err: fmt.Errorf("%w: %w", ErrUnreadable, err)}
	}
	info = &Info{Pages: len(pages), Stamps: make([]Stamp, len(pages))}
	readInfo(ctx, info)
	fonts := map[int]cmap{}
	for i, p := range pages {
		sc := scanner{ctx: ctx, seen: map[int]bool{}, fonts: fonts}
		sc.page(p.dict)
		info.Stamps[i] = sc.stamp
	}
	return info, nil
}

func readInfo(ctx *model.Context, info *Info) {
	if ctx.Info == nil {
		return
	}
	d, err := ctx.DereferenceDict(*ctx.Info)
	if err != nil || d == nil {
		return
	}
	text := func(k string) string {
		o, ok := d[k]
		if !ok || o == nil {
			return ""
		}
		s, err := ctx.DereferenceText(o)
		if err != nil {
			return ""
		}
		return s
	}
	info.Title = text("Title")
	info.Creator = text("Creator")
	info.Producer = text("Producer")
	info.Version = text(KeyVersion)
	info.Digest = text(KeyDigest)
	info.Tool = text(KeyTool)
	info.Draft = text(KeyDraft) == "true"
	if t, err := time.Parse(time.RFC3339, text(KeyGenerated)); err == nil {
		info.Generated = t
	}
}

// maxFormDepth bounds the nesting of forms followed.
const maxFormDepth = 12

// maxContent bounds the decoded size of one content stream.
const maxContent = 64 << 20

var (
	// doOp finds the forms (and images) a content stream draws, in order.
	doOp = regexp.MustCompile(`/([^\s/\[\]()<>{}%]+)\s*Do\b`)
	// textOps finds the font changes (group 1: the font's name) and the
	// strings shown (group 2) of the stamp's content, in order.
	textOps = regexp.MustCompile(`/([^\s/\[\]()<>{}%]+)\s+[-+\d.]+\s+Tf|\(((?:[^()\\]|\\.)*)\)\s*Tj`)
	// footerLine is the footer's text (FooterText).
	// The dash of DraftMark may come back as another dash: the font
	// draws U+2014 and U+2015 with one glyph, mapped back to one of them.
	footerLine = regexp.MustCompile(`(草稿\s*\S\s*不可用于申报)?\s*版本号：(\S+)\s+第\s*(\d+)\s*页\s*共\s*(\d+)\s*页`)
	// watermarkLine is the watermark's version line.
	watermarkLine = regexp.MustCompile(`版本号：(\S+)`)
)

// scanner reads one page's stamp.
type scanner struct {
	ctx   *model.Context
	seen  map[int]bool // forms already followed on this page
	fonts map[int]cmap // ToUnicode maps by font object, shared by the pages
	stamp Stamp
}

func (sc *scanner) page(d types.Dict) {
	res := sc.dict(d["Resources"])
	o, ok := d["Contents"]
	if !ok || o == nil {
		return
	}
	var streams types.Array
	v, err := sc.ctx.Dereference(o)
	if err != nil {
		return
	}
	switch v := v.(type) {
	case types.Array:
		streams = v
	default:
		streams = types.Array{o}
	}
	// A page's content streams are one stream cut in pieces (PDF 32000
	// §7.8.2): an operand may end one piece and its operator start the
	// next.
	var content []byte
	for _, s := range streams {
		if b, ok := sc.decode(s); ok {
			content = append(content, b...)
			content = append(content, '\n')
		}
	}
	sc.scan(content, res, 0)
}

func (sc *scanner) dict(o types.Object) types.Dict {
	if o == nil {
		return nil
	}
	d, err := sc.ctx.DereferenceDict(o)
	if err != nil {
		return nil
	}
	return d
}

func (sc *scanner) decode(o types.Object) ([]byte, bool) {
	sd, _, err := sc.ctx.DereferenceStreamDict(o)
	if err != nil || sd == nil {
		return nil, false
	}
	if err := sd.DecodeWithLimit(maxContent); err != nil {
		return nil, false
	}
	return sd.Content, true
}

// scan follows the forms drawn by content, in order.
func (sc *scanner) scan(content []byte, res types.Dict, depth int) {
	xobjects := sc.dict(res["XObject"])
	if xobjects == nil {
		return
	}
	for _, m := range doOp.FindAllSubmatch(content, -1) {
		ref, ok := xobjects[string(m[1])]
		if !ok || ref == nil {
			continue
		}
		if ir, ok := ref.(types.IndirectRef); ok {
			nr := ir.ObjectNumber.Value()
			if sc.seen[nr] {
				continue
			}
			sc.seen[nr] = true
		}
		sd, _, err := sc.ctx.DereferenceStreamDict(ref)
		if err != nil || sd == nil {
			continue
		}
		if st := sd.Dict.NameEntry("Subtype"); st == nil || *st != "Form" {
			continue // an image
		}
		marker := sd.Dict.NameEntry(MarkerKey)
		switch {
		case marker != nil && (*marker == markerFooter || *marker == markerWatermark):
			b, ok := sc.decode(ref)
			if !ok {
				continue
			}
			text := sc.text(b, sc.dict(sd.Dict["Resources"]))
			if *marker == markerFooter {
				sc.footer(text)
			} else if m := watermarkLine.FindStringSubmatch(text); m != nil && docver.Canonical(m[1]) {
				sc.stamp.Watermark = m[1]
			}
		case depth < maxFormDepth:
			if b, ok := sc.decode(ref); ok {
				formRes := sc.dict(sd.Dict["Resources"])
				if formRes == nil {
					formRes = res
				}
				sc.scan(b, formRes, depth+1)
			}
		}
	}
}

// footer reads the text of a footer form. A later footer replaces an
// earlier one (the outermost stamp is drawn last).
func (sc *scanner) footer(text string) {
	m := footerLine.FindStringSubmatch(text)
	if m == nil || !docver.Canonical(m[2]) {
		return
	}
	st := Stamp{Version: m[2], Draft: m[1] != "", Watermark: sc.stamp.Watermark}
	st.Number, _ = strconv.Atoi(m[3])
	st.Total, _ = strconv.Atoi(m[4])
	sc.stamp = st
}

// text returns the text a stamp's content shows, decoded through the
// ToUnicode maps of its fonts, as pdftotext reads it.
func (sc *scanner) text(content []byte, res types.Dict) string {
	fonts := sc.dict(res["Font"])
	var b strings.Builder
	var cm cmap
	for _, m := range textOps.FindAllSubmatchIndex(content, -1) {
		if m[2] >= 0 {
			cm = sc.cmap(fonts[string(content[m[2]:m[3]])])
			continue
		}
		raw, err := types.Unescape(string(content[m[4]:m[5]]))
		if err != nil || cm == nil {
			continue
		}
		for i := 0; i+1 < len(raw); i += 2 {
			b.WriteString(cm[uint16(raw[i])<<8|uint16(raw[i+1])])
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// cmap returns the ToUnicode map of a Type0 font with 2-byte codes.
func (sc *scanner) cmap(o types.Object) cmap {
	ref, ok := o.(types.IndirectRef)
	if !ok {
		return nil
	}
	nr := ref.ObjectNumber.Value()
	if m, ok := sc.fonts[nr]; ok {
		return m
	}
	var m cmap
	if d := sc.dict(ref); d != nil {
		if b, ok := sc.decode(d["ToUnicode"]); ok {
			m = parseCMap(b)
		}
	}
	sc.fonts[nr] = m
	return m
}

// What a Problem is about.
type ProblemKind string

const (
	// NotStamped: no page carries an mkspace footer and the document
	// information records no version: not a 申报书 made by mkspace.
	NotStamped ProblemKind = "not-stamped"
	// NoRecord: pages are stamped but the document information records
	// no version (the pages were put together by another tool).
	NoRecord ProblemKind = "no-record"
	// Unstamped: these pages carry no footer.
	Unstamped ProblemKind = "unstamped"
	// OtherVersion: these pages carry another version than the
	// document's (Version says which).
	OtherVersion ProblemKind = "other-version"
	// NoWatermark: these pages carry the footer but no watermark of the
	// same version.
	NoWatermark ProblemKind = "no-watermark"
	// Misnumbered: these pages' 第 N 页 共 M 页 does not match their
	// place in the document: pages were removed, added or reordered.
	Misnumbered ProblemKind = "misnumbered"
)

// Problem is a way a PDF falls short of one 申报书 with one version number
// on every page.
type Problem struct {
	Kind ProblemKind
	// Pages are the pages concerned, from 1 (none for NotStamped and
	// NoRecord).
	Pages []int
	// Version is the other version, for OtherVersion.
	Version string
}

// DocumentVersion is the version the document claims: the one recorded in
// its document information, else the one most pages carry (the first
// page's on a tie).
func (info *Info) DocumentVersion() string {
	if info.Version != "" {
		return info.Version
	}
	count := map[string]int{}
	best := ""
	for _, s := range info.Stamps {
		if s.Version == "" {
			continue
		}
		count[s.Version]++
		if best == "" || count[s.Version] > count[best] {
			best = s.Version
		}
	}
	return best
}

// Problems lists what is wrong with the PDF as a 申报书 of one version:
// none when every page carries the document's version, the watermark and
// its own page number.
func (info *Info) Problems() []Problem {
	want := info.DocumentVersion()
	if want == "" {
		return []Problem{{Kind: NotStamped}}
	}
	var out []Problem
	if info.Version == "" {
		out = append(out, Problem{Kind: NoRecord})
	}
	var unstamped, noWM, misnumbered []int
	others := map[string][]int{}
	for i, s := range info.Stamps {
		n := i + 1
		switch {
		case s.Version == "":
			unstamped = append(unstamped, n)
			continue
		case s.Version != want:
			others[s.Version] = append(others[s.Version], n)
		}
		if s.Watermark != s.Version {
			noWM = append(noWM, n)
		}
		if s.Number != n || s.Total != info.Pages {
			misnumbered = append(misnumbered, n)
		}
	}
	if len(unstamped) > 0 {
		out = append(out, Problem{Kind: Unstamped, Pages: unstamped})
	}
	versions := make([]string, 0, len(others))
	for v := range others {
		versions = append(versions, v)
	}
	slices.SortFunc(versions, func(a, b string) int { return others[a][0] - others[b][0] })
	for _, v := range versions {
		out = append(out, Problem{Kind: OtherVersion, Pages: others[v], Version: v})
	}
	if len(noWM) > 0 {
		out = append(out, Problem{Kind: NoWatermark, Pages: noWM})
	}
	if len(misnumbered) > 0 {
		out = append(out, Problem{Kind: Misnumbered, Pages: misnumbered})
	}
	return out
}
