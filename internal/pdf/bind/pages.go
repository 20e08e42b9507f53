package bind

import (
	"errors"
	"fmt"
	"maps"
	"math"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// leaf is a page object of the page tree.
type leaf struct {
	ref  types.IndirectRef
	dict types.Dict
}

// inheritable are the page attributes a page may take from its ancestors
// in the page tree (PDF 32000 §7.7.3.4).
var inheritable = []string{"Resources", "MediaBox", "CropBox", "Rotate"}

// maxTreeDepth bounds the page tree walk (real files nest a few levels).
const maxTreeDepth = 64

// pageLeaves returns the pages of ctx in order, each holding the
// attributes it inherited: a page can then be moved anywhere in the tree
// and keep its size, rotation and resources.
func pageLeaves(ctx *model.Context) ([]leaf, error) {
	rootRef, err := ctx.Pages()
	if err != nil {
		return nil, fmt.Errorf("page tree: %w", err)
	}
	if rootRef == nil {
		return nil, errors.New("page tree: no root")
	}
	var out []leaf
	visited := map[int]bool{}
	var walk func(ref types.IndirectRef, inherited map[string]types.Object, depth int) error
	walk = func(ref types.IndirectRef, inherited map[string]types.Object, depth int) error {
		if depth > maxTreeDepth {
			return errors.New("page tree: too deep")
		}
		nr := ref.ObjectNumber.Value()
		if visited[nr] {
			return fmt.Errorf("page tree: object %d appears twice", nr)
		}
		visited[nr] = true
		d, err := ctx.DereferenceDict(ref)
		if err != nil {
			return fmt.Errorf("page tree: object %d: %w", nr, err)
		}
		if d == nil {
			return fmt.Errorf("page tree: object %d is missing", nr)
		}
		here := maps.Clone(inherited)
		for _, k := range inheritable {
			if v, ok := d[k]; ok && v != nil {
				here[k] = v
			}
		}
		kids, hasKids := d["Kids"]
		if t := d.NameEntry("Type"); (t != nil && *t == "Pages") || (t == nil && hasKids) {
			arr, err := ctx.DereferenceArray(kids)
			if err != nil {
				return fmt.Errorf("page tree: kids of object %d: %w", nr, err)
			}
			for _, k := range arr {
				kr, ok := k.(types.IndirectRef)
				if !ok {
					return fmt.Errorf("page tree: a kid of object %d is not a reference", nr)
				}
				if err := walk(kr, here, depth+1); err != nil {
					return err
				}
			}
			return nil
		}
		for k, v := range here {
			if _, ok := d[k]; !ok {
				d[k] = v
			}
		}
		out = append(out, leaf{ref: ref, dict: d})
		return nil
	}
	if err := walk(*rootRef, map[string]types.Object{}, 0); err != nil {
		return nil, err
	}
	return out, nil
}

// setPageOrder makes pages, in this order, the whole page tree of ctx: a
// new root whose kids are the pages. Nodes of the old tree are left
// unreferenced and are not written.
func setPageOrder(ctx *model.Context, pages []leaf) error {
	root := types.Dict{
		"Type":  types.Name("Pages"),
		"Count": types.Integer(len(pages)),
	}
	rootRef, err := ctx.IndRefForNewObject(root)
	if err != nil {
		return fmt.Errorf("page tree: %w", err)
	}
	kids := make(types.Array, len(pages))
	for i, p := range pages {
		kids[i] = p.ref
		p.dict["Parent"] = *rootRef
	}
	root["Kids"] = kids
	cat, err := ctx.Catalog()
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	cat["Pages"] = *rootRef
	ctx.PageCount = len(pages)
	return nil
}

// geometry is where a page shows: its visible box in user space and its
// rotation.
type geometry struct {
	box    *types.Rectangle
	rotate int // 0, 90, 180 or 270
}

// a4 is the box of a page that has none (a broken file; readers use A4
// or Letter).
var a4 = types.NewRectangle(0, 0, 595.28, 841.89)

func geometryOf(ctx *model.Context, d types.Dict) (geometry, error) {
	g := geometry{box: a4}
	if o, ok := d["MediaBox"]; ok && o != nil {
		r, err := rectangle(ctx, o)
		if err != nil {
			return g, fmt.Errorf("MediaBox: %w", err)
		}
		g.box = r
	}
	if o, ok := d["CropBox"]; ok && o != nil {
		// A crop box outside the media box is clipped to it; one that
		// cannot be read is ignored, as readers do.
		if r, err := rectangle(ctx, o); err == nil {
			if c := intersect(r, g.box); c != nil {
				g.box = c
			}
		}
	}
	if o, ok := d["Rotate"]; ok && o != nil {
		n, err := ctx.DereferenceNumber(o)
		if err != nil {
			return g, fmt.Errorf("rotate: %w", err)
		}
		r := int(math.Round(n))
		if r%90 == 0 {
			g.rotate = ((r % 360) + 360) % 360
		}
	}
	return g, nil
}

func rectangle(ctx *model.Context, o types.Object) (*types.Rectangle, error) {
	a, err := ctx.DereferenceArray(o)
	if err != nil {
		return nil, err
	}
	if len(a) != 4 {
		return nil, fmt.Errorf("%d numbers, want 4", len(a))
	}
	var f [4]float64
	for i, v := range a {
		if f[i], err = ctx.DereferenceNumber(v); err != nil {
			return nil, err
		}
	}
	r := types.NewRectangle(math.Min(f[0], f[2]), math.Min(f[1], f[3]), math.Max(f[0], f[2]), math.Max(f[1], f[3]))
	if r.Width() <= 0 || r.Height() <= 0 {
		return nil, errors.New("empty box")
	}
	return r, nil
}

func intersect(a, b *types.Rectangle) *types.Rectangle {
	llx, lly := math.Max(a.LL.X, b.LL.X), math.Max(a.LL.Y, b.LL.Y)
	urx, ury := math.Min(a.UR.X, b.UR.X), math.Min(a.UR.Y, b.UR.Y)
	if urx <= llx || ury <= lly {
		return nil
	}
	return types.NewRectangle(llx, lly, urx, ury)
}

// displayed is the page's size as viewed.
func (g geometry) displayed() (w, h float64) {
	if g.rotate == 90 || g.rotate == 270 {
		return g.box.Height(), g.box.Width()
	}
	return g.box.Width(), g.box.Height()
}

// toUser is the matrix [a b c d e f] that maps the coordinates of the page
// as viewed (origin at its lower left corner, x to the right, y up) to the
// page's user space, undoing its /Rotate (which turns the page clockwise
// when shown).
func (g geometry) toUser() [6]float64 {
	x, y := g.box.LL.X, g.box.LL.Y
	w, h := g.box.Width(), g.box.Height()
	switch g.rotate {
	case 90:
		// viewed (X, Y) → user (x+w−Y, y+X)
		return [6]float64{0, 1, -1, 0, x + w, y}
	case 180:
		return [6]float64{-1, 0, 0, -1, x + w, y + h}
	case 270:
		// viewed (X, Y) → user (x+Y, y+h−X)
		return [6]float64{0, -1, 1, 0, x, y + h}
	}
	return [6]float64{1, 0, 0, 1, x, y}
}
