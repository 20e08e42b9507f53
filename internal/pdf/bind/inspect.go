package bind

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

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
	// Bound are the attachments bound in, as Meta.Bound recorded them;
	// BoundRecorded tells whether the document records them (a 申报书 of
	// an earlier mkspace does not).
	Bound         []string
	BoundRecorded bool
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
	// Width and Height are the page's size as viewed, in points (0 when
	// its boxes cannot be read).
	Width, Height float64
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
	defer recoverUnreadable(&err)
	ctx, err := readForInspection(r)
	if err != nil {
		return nil, err
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
		if g, err := geometryOf(ctx, p.dict); err == nil {
			info.Stamps[i].Width, info.Stamps[i].Height = g.displayed()
		}
	}
	return info, nil
}

// ReadInfo reads the document information of a PDF that Bind wrote
// (Info without Stamps and Pages): cheaper than Inspect, which reads every
// page.
func ReadInfo(r io.ReadSeeker) (info *Info, err error) {
	defer recoverUnreadable(&err)
	ctx, err := readForInspection(r)
	if err != nil {
		return nil, err
	}
	info = &Info{}
	readInfo(ctx, info)
	return info, nil
}

// readForInspection reads a PDF without validating it (Inspect and
// ReadInfo look at what is there); its errors wrap ErrUnreadable.
func readForInspection(r io.ReadSeeker) (*model.Context, error) {
	ctx, err := api.ReadContext(r, Config())
	if err != nil {
		return nil, &DocumentError{Err: fmt.Errorf("%w: %w", ErrUnreadable, err)}
	}
	return ctx, nil
}

// recoverUnreadable turns a panic of pdfcpu on a malformed file into an
// ErrUnreadable error: deferred by the functions that read a PDF.
func recoverUnreadable(err *error) {
	if p := recover(); p != nil {
		*err = &DocumentError{Err: fmt.Errorf("%w: %v", ErrUnreadable, p)}
	}
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
	if b := text(KeyBound); b != "" {
		info.BoundRecorded = json.Unmarshal([]byte(b), &info.Bound) == nil
	}
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
	footerLine = regexp.MustCompile(`(` + draftPattern + `)?\s*` + versionLabel + `(\S+)\s+第\s*(\d+)\s*页\s*共\s*(\d+)\s*页`)
	// watermarkLine is the watermark's version line.
	watermarkLine = regexp.MustCompile(versionLabel + `(\S+)`)
	// draftPattern is DraftMark as it comes back: its dash may be another
	// dash (the font draws U+2014 and U+2015 with one glyph, mapped back to
	// one of them), the spaces around it none.
	draftPattern = strings.ReplaceAll(regexp.QuoteMeta(DraftMark), " — ", `\s*\S\s*`)
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
			} else if m := watermarkLine.FindStringSubmatch(text); m != nil && CanonicalVersion(m[1]) {
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
	if m == nil || !CanonicalVersion(m[2]) {
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
	// place in the document, for no reason Missing, Duplicated or
	// Reordered names.
	Misnumbered ProblemKind = "misnumbered"
	// Missing: the footers count Total pages and none says 第 N 页 for
	// these N (Pages holds the numbers the footers would print).
	Missing ProblemKind = "missing"
	// Duplicated: these page numbers (as the footers print them) are on
	// more than one page.
	Duplicated ProblemKind = "duplicated"
	// Reordered: the pages numbered Pages (as the footers print them)
	// are out of their order; At holds where each is in the document.
	Reordered ProblemKind = "reordered"
	// TooSmall: these pages are too small for a legible footer (see
	// PageTooSmall).
	TooSmall ProblemKind = "too-small"
)

// The smallest page that carries a legible footer: A7 (74 × 105 mm), less
// the few millimetres a scanner crops. A page whose shorter side is under
// MinShortSide or whose longer side is under MinLongSide (in points) is
// too small: its footer would be printed at a size nobody can read, over
// much of the page. A receipt, a business card or an ID card scanned to
// its own size is; A5 and A6 are not.
const (
	pointsPerMM  = 72 / 25.4
	MinShortSide = 70 * pointsPerMM
	MinLongSide  = 100 * pointsPerMM
)

// PageTooSmall reports whether a page of w × h points (as viewed, either
// way round) is too small for a legible footer.
func PageTooSmall(w, h float64) bool {
	short, long := min(w, h), max(w, h)
	return short > 0 && (short < MinShortSide || long < MinLongSide)
}

// Small is what SmallPages finds: the number of pages too small for a
// legible footer, and the first of them (from 1) with its size as viewed.
type Small struct {
	Count, First  int
	Width, Height float64 // points
}

// Size is the first small page's size in whole millimetres: 54×86.
func (s Small) Size() string {
	return strconv.Itoa(Millimetres(s.Width)) + "×" + strconv.Itoa(Millimetres(s.Height))
}

// SmallPages finds the pages of ctx too small for a legible footer
// (PageTooSmall), measured as the binding measures them. Pages whose size
// cannot be read are left to the binding's own errors.
func SmallPages(ctx *model.Context) Small {
	var s Small
	leaves, err := pageLeaves(ctx)
	if err != nil {
		return s
	}
	for i, l := range leaves {
		g, err := geometryOf(ctx, l.dict)
		if err != nil {
			continue
		}
		if w, h := g.displayed(); PageTooSmall(w, h) {
			if s.Count == 0 {
				s.First, s.Width, s.Height = i+1, w, h
			}
			s.Count++
		}
	}
	return s
}

// Millimetres converts points to whole millimetres.
func Millimetres(pt float64) int { return int(math.Round(pt / pointsPerMM)) }

// Problem is a way a PDF falls short of one 申报书 with one version number
// on every page.
type Problem struct {
	Kind ProblemKind
	// Pages are the pages concerned, from 1 (none for NotStamped and
	// NoRecord).
	Pages []int
	// Version is the other version, for OtherVersion.
	Version string
	// Total is the number of pages the footers count, for Missing.
	Total int
	// At holds, for Reordered, the place in the document of each page
	// of Pages.
	At []int
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
	var unstamped, noWM, misnumbered, small []int
	others := map[string][]int{}
	for i, s := range info.Stamps {
		n := i + 1
		if PageTooSmall(s.Width, s.Height) {
			small = append(small, n)
		}
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
		named := info.numbering(want)
		out = append(out, named...)
		// Pages added (without a footer or from another build) explain
		// the shift of the pages after them.
		if len(named) == 0 && len(unstamped) == 0 && len(others) == 0 {
			out = append(out, Problem{Kind: Misnumbered, Pages: misnumbered})
		}
	}
	if len(small) > 0 {
		out = append(out, Problem{Kind: TooSmall, Pages: small})
	}
	return out
}

// numbering names what the footers of the pages of version want tell of
// their order: the page numbers missing from the count the footers give,
// those on more than one page, and those out of their order.
func (info *Info) numbering(want string) []Problem {
	// The count most footers give (the largest on a tie).
	counts := map[int]int{}
	total := 0
	for _, s := range info.Stamps {
		if s.Version == want && s.Total > 0 {
			counts[s.Total]++
			if c := counts[s.Total]; c > counts[total] || (c == counts[total] && s.Total > total) {
				total = s.Total
			}
		}
	}
	if total == 0 || total > 1_000_000 {
		return nil
	}
	at := map[int][]int{} // page number → places
	var seq, places []int // page numbers in document order (first of each), and their places
	var odd []int         // places of pages counting another total, or numbered beyond it
	for i, s := range info.Stamps {
		if s.Version != want {
			continue
		}
		if s.Total != total || s.Number < 1 || s.Number > total {
			odd = append(odd, i+1)
		}
		if s.Number < 1 || s.Number > total {
			continue
		}
		if len(at[s.Number]) == 0 {
			seq = append(seq, s.Number)
			places = append(places, i+1)
		}
		at[s.Number] = append(at[s.Number], i+1)
	}
	var out []Problem
	var missing, dup []int
	for n := 1; n <= total; n++ {
		switch len(at[n]) {
		case 0:
			missing = append(missing, n)
		case 1:
		default:
			dup = append(dup, n)
		}
	}
	if len(missing) > 0 {
		out = append(out, Problem{Kind: Missing, Pages: missing, Total: total})
	}
	if len(dup) > 0 {
		out = append(out, Problem{Kind: Duplicated, Pages: dup})
	}
	// The pages out of order: those not on a longest increasing run of
	// page numbers through the document.
	keep := increasing(seq)
	var moved, movedAt []int
	for i, n := range seq {
		if !keep[i] {
			moved = append(moved, n)
			movedAt = append(movedAt, places[i])
		}
	}
	if len(moved) > 0 {
		order := make([]int, len(moved))
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(a, b int) int { return moved[a] - moved[b] })
		p := Problem{Kind: Reordered}
		for _, i := range order {
			p.Pages = append(p.Pages, moved[i])
			p.At = append(p.At, movedAt[i])
		}
		out = append(out, p)
	}
	if len(odd) > 0 {
		out = append(out, Problem{Kind: Misnumbered, Pages: odd})
	}
	return out
}

// increasing marks the elements of a longest strictly increasing
// subsequence of seq (O(n log n)).
func increasing(seq []int) []bool {
	keep := make([]bool, len(seq))
	var tails []int // index into seq of the smallest tail of a run of each length
	prev := make([]int, len(seq))
	for i, v := range seq {
		j, _ := slices.BinarySearchFunc(tails, v, func(t, v int) int { return seq[t] - v })
		if j > 0 {
			prev[i] = tails[j-1]
		} else {
			prev[i] = -1
		}
		if j == len(tails) {
			tails = append(tails, i)
		} else {
			tails[j] = i
		}
	}
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			keep[i] = true
		}
	}
	return keep
}
