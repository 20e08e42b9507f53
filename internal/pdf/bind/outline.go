package bind

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Bookmark is an entry of the bound document's outline.
type Bookmark struct {
	Title string
	// Level is 1 for a top-level entry, 2 for an entry under the level-1
	// entry before it, and so on.
	Level int
	// Page is a page of the bound document, from 1.
	Page int
}

// bodyOutline returns the outline of the body, flattened, with the body's
// page numbers; none when it has no outline (or one that cannot be read:
// the bookmarks are a convenience, not worth refusing a document for).
func bodyOutline(ctx *model.Context) []Bookmark {
	bms, err := pdfcpu.Bookmarks(ctx)
	if err != nil {
		return nil
	}
	var out []Bookmark
	var walk func(bms []pdfcpu.Bookmark, level int)
	walk = func(bms []pdfcpu.Bookmark, level int) {
		for _, b := range bms {
			out = append(out, Bookmark{Title: b.Title, Level: level, Page: b.PageFrom})
			walk(b.Kids, level+1)
		}
	}
	walk(bms, 1)
	return out
}

// defaultOutline is the body's outline moved to the pages of the bound
// document, with a top-level entry for every document bound in, each in
// page order among the body's top-level entries.
func defaultOutline(body []Bookmark, docs []Document, bodyPage func(int) int, starts []int) []Bookmark {
	type group struct {
		page    int
		entries []Bookmark
	}
	var groups []group
	for _, b := range body {
		b.Page = bodyPage(b.Page)
		if b.Level <= 1 || len(groups) == 0 {
			b.Level = max(b.Level, 1)
			groups = append(groups, group{page: b.Page})
		}
		g := &groups[len(groups)-1]
		g.entries = append(g.entries, b)
	}
	for i, d := range docs {
		title := d.Title
		if title == "" {
			title = filepath.Base(d.Path)
		}
		groups = append(groups, group{page: starts[i], entries: []Bookmark{{Title: title, Level: 1, Page: starts[i]}}})
	}
	slices.SortStableFunc(groups, func(a, b group) int { return a.page - b.page })
	var out []Bookmark
	for _, g := range groups {
		out = append(out, g.entries...)
	}
	return out
}

// addOutline replaces the outline of ctx by bms (flat, with levels). The
// items point at their pages directly (/Dest [page /Fit]), so titles need
// not be unique and entries need not be in page order.
func addOutline(ctx *model.Context, bms []Bookmark) error {
	cat, err := ctx.Catalog()
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	if len(bms) == 0 {
		delete(cat, "Outlines")
		return nil
	}
	tree, err := nest(bms, ctx.PageCount)
	if err != nil {
		return err
	}
	pages, err := pageLeaves(ctx)
	if err != nil {
		return err
	}
	root := types.Dict{"Type": types.Name("Outlines")}
	rootRef, err := ctx.IndRefForNewObject(root)
	if err != nil {
		return err
	}
	var items func(parent types.IndirectRef, parentDict types.Dict, ns []*node) (int, error)
	items = func(parent types.IndirectRef, parentDict types.Dict, ns []*node) (int, error) {
		var prev types.Dict
		var prevRef types.IndirectRef
		visible := 0
		for i, n := range ns {
			title, err := types.EscapedUTF16String(n.title)
			if err != nil {
				return 0, fmt.Errorf("bookmark %q: %w", n.title, err)
			}
			d := types.Dict{
				"Title":  types.StringLiteral(*title),
				"Parent": parent,
				"Dest":   types.Array{pages[n.page-1].ref, types.Name("Fit")},
			}
			ref, err := ctx.IndRefForNewObject(d)
			if err != nil {
				return 0, err
			}
			if i == 0 {
				parentDict["First"] = *ref
			} else {
				prev["Next"] = *ref
				d["Prev"] = prevRef
			}
			if i == len(ns)-1 {
				parentDict["Last"] = *ref
			}
			if len(n.kids) > 0 {
				c, err := items(*ref, d, n.kids)
				if err != nil {
					return 0, err
				}
				d["Count"] = types.Integer(c) // open
				visible += c
			}
			visible++
			prev, prevRef = d, *ref
		}
		return visible, nil
	}
	c, err := items(*rootRef, root, tree)
	if err != nil {
		return err
	}
	root["Count"] = types.Integer(c)
	cat["Outlines"] = *rootRef
	// Open the bookmarks beside the pages.
	cat["PageMode"] = types.Name("UseOutlines")
	return nil
}

// node is an outline entry with its children.
type node struct {
	title string
	page  int
	kids  []*node
}

// nest turns a flat list with levels into a tree. A level deeper than one
// below the entry before it is taken as one below.
func nest(bms []Bookmark, pages int) ([]*node, error) {
	root := &node{}
	stack := []*node{root}
	for _, b := range bms {
		if b.Page < 1 || b.Page > pages {
			return nil, fmt.Errorf("bookmark %q: page %d outside 1…%d", b.Title, b.Page, pages)
		}
		if b.Title == "" {
			return nil, errors.New("bookmark without a title")
		}
		level := min(max(b.Level, 1), len(stack))
		stack = stack[:level]
		n := &node{title: b.Title, page: b.Page}
		parent := stack[level-1]
		parent.kids = append(parent.kids, n)
		stack = append(stack, n)
	}
	return root.kids, nil
}
