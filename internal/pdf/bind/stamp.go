package bind

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/mkspace/mkspace/internal/pdf/font"
)

// The stamp on every page: a diagonal watermark 版本号：<version> across
// the page, semi-transparent and multiplied onto the page so that the text
// under it stays black, and a footer
// 版本号：<version>  第 N 页 共 M 页 centred at the bottom on a white
// ground. Both are drawn the right way up on the page as it is viewed,
// whatever its /Rotate, without changing the page itself.
//
// Both are Form XObjects marked /MkspaceStamp (/Watermark or /Footer),
// their text set in a subset of the CJK font embedded with its ToUnicode
// map: pdftotext gives the footer back as one line, and Inspect reads it
// the same way (see inspect.go).
const (
	// MarkerKey marks the stamp's Form XObjects; its value is
	// markerFooter or markerWatermark.
	MarkerKey       = "MkspaceStamp"
	markerFooter    = "Footer"
	markerWatermark = "Watermark"

	footerSize     = 9.0  // points
	footerBaseline = 15.0 // above the bottom edge of the page as viewed, inside the 15 mm the body leaves free
	footerPadX     = 5.0
	footerGrey     = 0.2

	wmSize    = 40.0 // the form's own size; scaled to each page
	wmShare   = 0.6  // of the page's diagonal the watermark's width takes
	wmOpacity = 0.18

	// DraftMark is printed on every page of a draft (and on its cover).
	DraftMark = "草稿 — 不可用于申报"
	// versionLabel comes before the version in the footer and the
	// watermark.
	versionLabel = "版本号："
)

// FooterText is the footer of page n of total.
func FooterText(version string, draft bool, n, total int) string {
	t := fmt.Sprintf(versionLabel+"%s  第 %d 页 共 %d 页", version, n, total)
	if draft {
		t = DraftMark + "  " + t
	}
	return t
}

// watermarkLines are the lines of the watermark.
func watermarkLines(version string, draft bool) []string {
	if draft {
		return []string{DraftMark, versionLabel + version}
	}
	return []string{versionLabel + version}
}

// stamper adds the stamp to the pages of ctx, in a font installed for
// pdfcpu (stampFont).
type stamper struct {
	ctx     *model.Context
	font    *font.Font
	cjk     string // the font's name in pdfcpu
	version string
	draft   bool

	cjkRef     types.IndirectRef
	used       map[uint16]rune // glyphs set, with the character each stands for
	footerRes  types.IndirectRef
	wmForm     types.IndirectRef
	wmW, wmH   float64 // the watermark form's text block
	openStream types.IndirectRef
	formed     map[int]bool // content streams made a framed page's form
}

func newStamper(ctx *model.Context, f *font.Font, cjk, version string, draft bool) (*stamper, error) {
	s := &stamper{ctx: ctx, font: f, cjk: cjk, version: version, draft: draft, used: map[uint16]rune{}, formed: map[int]bool{}}
	texts := append(watermarkLines(version, draft), FooterText(version, draft, 1234567890, 0))
	if missing := (font.Chain{f}).Missing(strings.Join(texts, "")); len(missing) > 0 {
		return nil, &GlyphError{Chars: string(missing)}
	}
	var err error
	if s.cjkRef, err = s.newObject(types.Dict{}); err != nil { // filled in by finish
		return nil, err
	}
	if s.footerRes, err = s.newObject(types.Dict{
		"Font": types.Dict{"F1": s.cjkRef},
	}); err != nil {
		return nil, err
	}
	if err := s.makeWatermark(); err != nil {
		return nil, err
	}
	if s.openStream, err = s.newStream(types.Dict{}, []byte("q\n")); err != nil {
		return nil, err
	}
	return s, nil
}

// finish embeds the subset of the font that the stamps use (embedFont),
// with a ToUnicode map of the characters set. (A map taken from the font
// would give for a glyph that draws several characters any of them: 不
// came back as the compatibility ideograph U+F967, which search and copy
// and paste do not match.)
func (s *stamper) finish() error { return s.embedFont() }

// toUnicode writes a ToUnicode CMap (PDF 32000 §9.10.3) of 2-byte glyph
// codes.
func toUnicode(used map[uint16]rune) []byte {
	gids := make([]int, 0, len(used))
	for g := range used {
		gids = append(gids, int(g))
	}
	slices.Sort(gids)
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for len(gids) > 0 {
		n := min(len(gids), 100) // at most 100 entries a block
		fmt.Fprintf(&b, "%d beginbfchar\n", n)
		for _, g := range gids[:n] {
			fmt.Fprintf(&b, "<%04X> <", g)
			for _, u := range utf16.Encode([]rune{used[uint16(g)]}) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
		gids = gids[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}

func (s *stamper) newObject(o types.Object) (types.IndirectRef, error) {
	ref, err := s.ctx.IndRefForNewObject(o)
	if err != nil {
		return types.IndirectRef{}, err
	}
	return *ref, nil
}

// newStream adds a stream. The stamp's streams are a few hundred bytes:
// they are not compressed (a deflate writer costs a megabyte of memory
// each, and saves nothing on them).
func (s *stamper) newStream(d types.Dict, content []byte) (types.IndirectRef, error) {
	sd := types.StreamDict{Dict: d, Content: content}
	if err := sd.Encode(); err != nil {
		return types.IndirectRef{}, err
	}
	return s.newObject(sd)
}

func (s *stamper) newForm(kind string, bbox [4]float64, res types.IndirectRef, content []byte) (types.IndirectRef, error) {
	return s.newStream(types.Dict{
		"Type":      types.Name("XObject"),
		"Subtype":   types.Name("Form"),
		"BBox":      types.NewNumberArray(bbox[:]...),
		"Resources": res,
		MarkerKey:   types.Name(kind),
	}, content)
}

// cjkString encodes t for a Tj of the CJK font (2-byte glyph IDs,
// Identity-H) and records its glyphs for the subset and the ToUnicode
// map.
func (s *stamper) cjkString(t string) (string, error) {
	b := make([]byte, 0, 2*len(t))
	for _, r := range t {
		gl, ok := s.font.Glyph(r)
		if !ok || gl > 0xFFFF {
			return "", &GlyphError{Chars: string(r)}
		}
		g := uint16(gl)
		b = append(b, byte(g>>8), byte(g))
		if _, seen := s.used[g]; !seen {
			s.used[g] = r
		}
	}
	e, err := types.Escape(string(b))
	if err != nil {
		return "", err
	}
	return *e, nil
}

// width is the advance of t at size.
func (s *stamper) width(t string, size float64) (float64, error) {
	w := 0.0
	for _, r := range t {
		g, ok := s.font.Glyph(r)
		if !ok {
			return 0, &GlyphError{Chars: string(r)}
		}
		w += s.font.Advance(g)
	}
	return w * size, nil
}

// makeWatermark writes the watermark's form: its lines centred on the
// origin, at wmSize; each page scales and turns it.
func (s *stamper) makeWatermark() error {
	lines := watermarkLines(s.version, s.draft)
	lh := wmSize * 1.3
	var b bytes.Buffer
	b.WriteString("/Artifact <</Type /Pagination /Subtype /Watermark>> BDC\n")
	// An empty ActualText keeps the watermark out of extracted text
	// (pdftotext, copy and paste), where its letters would mix with the
	// page's lines.
	b.WriteString("/Span <</ActualText ()>> BDC\n/GS0 gs\n")
	if s.draft {
		b.WriteString("0.75 0.1 0.1 rg\n")
	} else {
		b.WriteString("0.35 0.35 0.4 rg\n")
	}
	b.WriteString("BT\n/F1 " + num(wmSize) + " Tf\n")
	top := float64(len(lines)) * lh / 2
	for i, line := range lines {
		w, err := s.width(line, wmSize)
		if err != nil {
			return err
		}
		s.wmW = math.Max(s.wmW, w)
		enc, err := s.cjkString(line)
		if err != nil {
			return err
		}
		y := top - float64(i+1)*lh + 0.3*lh
		fmt.Fprintf(&b, "1 0 0 1 %s %s Tm (%s) Tj\n", num(-w/2), num(y), enc)
	}
	b.WriteString("ET\nEMC\nEMC\n")
	s.wmH = float64(len(lines)) * lh
	gs, err := s.newObject(types.Dict{
		"Type": types.Name("ExtGState"),
		"ca":   types.Float(wmOpacity),
		"CA":   types.Float(wmOpacity),
		"BM":   types.Name("Multiply"),
	})
	if err != nil {
		return err
	}
	res, err := s.newObject(types.Dict{
		"Font":      types.Dict{"F1": s.cjkRef},
		"ExtGState": types.Dict{"GS0": gs},
	})
	if err != nil {
		return err
	}
	pad := wmSize * 0.2
	s.wmForm, err = s.newForm(markerWatermark,
		[4]float64{-s.wmW/2 - pad, -s.wmH/2 - pad, s.wmW/2 + pad, s.wmH/2 + pad}, res, b.Bytes())
	return err
}

// footer writes page n's footer form for a page of width w as viewed.
func (s *stamper) footer(n, total int, w float64) (types.IndirectRef, error) {
	text := FooterText(s.version, s.draft, n, total)
	tw, err := s.width(text, 1)
	if err != nil {
		return types.IndirectRef{}, err
	}
	// A page narrower than the footer gets a smaller one.
	size := math.Min(footerSize, (w-2*footerPadX-8)/tw)
	size = math.Max(size, 3)
	tw *= size
	x := (w - tw) / 2
	box := [4]float64{x - footerPadX, footerBaseline - 0.4*size - 2, x + tw + footerPadX, footerBaseline + size + 1}
	enc, err := s.cjkString(text)
	if err != nil {
		return types.IndirectRef{}, err
	}
	var b bytes.Buffer
	b.WriteString("/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n")
	fmt.Fprintf(&b, "q 1 g %s %s %s %s re f Q\n", num(box[0]), num(box[1]), num(box[2]-box[0]), num(box[3]-box[1]))
	fmt.Fprintf(&b, "BT\n%s g\n/F1 %s Tf 1 0 0 1 %s %s Tm (%s) Tj\nET\nEMC\n",
		num(footerGrey), num(size), num(x), num(footerBaseline), enc)
	return s.newForm(markerFooter, box, s.footerRes, b.Bytes())
}

// stampPage adds the watermark and the footer to page n of total.
func (s *stamper) stampPage(p leaf, n, total int) error {
	g, err := geometryOf(s.ctx, p.dict)
	if err != nil {
		return err
	}
	w, h := g.displayed()
	ft, err := s.footer(n, total, w)
	if err != nil {
		return err
	}
	names, err := s.addXObjects(p.dict, map[string]types.IndirectRef{"MkspaceWm": s.wmForm, "MkspaceFt": ft})
	if err != nil {
		return err
	}

	// The watermark along the diagonal from the lower left corner to the
	// upper right, centred.
	diag := math.Hypot(w, h)
	k := wmShare * diag / s.wmW
	k = math.Min(k, 0.35*math.Min(w, h)/s.wmH)
	th := math.Atan2(h, w)
	cos, sin := math.Cos(th)*k, math.Sin(th)*k
	m := g.toUser()

	items, err := s.contents(p.dict)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if len(items) > 0 {
		b.WriteString("Q\n")
	}
	fmt.Fprintf(&b, "q %s cm\n", matrix(m[:]...))
	fmt.Fprintf(&b, "q %s cm /%s Do Q\n", matrix(cos, sin, -sin, cos, w/2, h/2), names["MkspaceWm"])
	fmt.Fprintf(&b, "/%s Do\nQ\n", names["MkspaceFt"])
	close, err := s.newStream(types.Dict{}, b.Bytes())
	if err != nil {
		return err
	}
	var all types.Array
	if len(items) > 0 {
		all = append(all, s.openStream)
		all = append(all, items...)
	}
	all = append(all, close)
	p.dict["Contents"] = all
	return nil
}

// contents returns the page's content streams (references).
func (s *stamper) contents(d types.Dict) (types.Array, error) {
	o, ok := d["Contents"]
	if !ok || o == nil {
		return nil, nil
	}
	if ref, ok := o.(types.IndirectRef); ok {
		v, err := s.ctx.Dereference(ref)
		if err != nil {
			return nil, fmt.Errorf("page contents: %w", err)
		}
		if a, ok := v.(types.Array); ok {
			return append(types.Array(nil), a...), nil
		}
		return types.Array{ref}, nil
	}
	if a, ok := o.(types.Array); ok {
		return append(types.Array(nil), a...), nil
	}
	return nil, fmt.Errorf("page contents: unexpected %T", o)
}

// addXObjects gives the page a resource dictionary of its own (other
// pages may share the one it has) holding the forms under names no other
// resource of the page uses. It returns the name given to each form.
func (s *stamper) addXObjects(d types.Dict, forms map[string]types.IndirectRef) (map[string]string, error) {
	res := types.Dict{}
	if o, ok := d["Resources"]; ok && o != nil {
		rd, err := s.ctx.DereferenceDict(o)
		if err != nil {
			return nil, fmt.Errorf("page resources: %w", err)
		}
		if rd != nil {
			res = rd.Clone().(types.Dict)
		}
	}
	xo := types.Dict{}
	if o, ok := res["XObject"]; ok && o != nil {
		xd, err := s.ctx.DereferenceDict(o)
		if err != nil {
			return nil, fmt.Errorf("page resources: %w", err)
		}
		if xd != nil {
			xo = xd.Clone().(types.Dict)
		}
	}
	names := map[string]string{}
	for _, base := range []string{"MkspaceWm", "MkspaceFt", "MkspaceLabel"} {
		ref, ok := forms[base]
		if !ok {
			continue
		}
		name := base
		for i := 1; ; i++ {
			if _, taken := xo[name]; !taken {
				break
			}
			name = base + strconv.Itoa(i)
		}
		xo[name] = ref
		names[base] = name
	}
	res["XObject"] = xo
	d["Resources"] = res
	return names, nil
}

// num writes a number for a content stream: at most 3 decimals, no
// exponent.
func num(f float64) string {
	if math.Abs(f) < 0.0005 {
		return "0"
	}
	s := strconv.FormatFloat(f, 'f', 3, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

func matrix(m ...float64) string {
	parts := make([]string, len(m))
	for i, f := range m {
		parts[i] = num(f)
	}
	return strings.Join(parts, " ")
}
