package bind

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Keys of the document information dictionary that mkspace writes beside
// the standard ones.
const (
	KeyVersion   = "MkspaceVersion"   // the version number
	KeyGenerated = "MkspaceGenerated" // the time of generation, RFC 3339
	KeyDigest    = "MkspaceDigest"    // the package digest's JSON (digest.Digest.String)
	KeyDraft     = "MkspaceDraft"     // "true" for a draft
	KeyTool      = "MkspaceTool"      // the tool and its version, e.g. "mkspace 0.1.0"
	// KeyBound lists the files bound in as attachments, as the digest
	// names them (relative to the package, '/' separators): a JSON array.
	KeyBound = "MkspaceBound"
)

// Producer is the PDF producer recorded in the document information.
const Producer = "mkspace"

// Meta is what the document information dictionary records.
type Meta struct {
	Title, Subject, Author, Keywords string
	// Tool is the creating tool and its version, e.g. "mkspace 0.1.0",
	// recorded as Creator and MkspaceTool.
	Tool string
	// Generated is the time of generation.
	Generated time.Time
	// Digest is the package digest (digest.Digest.String()).
	Digest string
	// Bound are the attachments bound in, as the digest names them
	// (KeyBound); nil records nothing.
	Bound []string
}

// setInfo gives ctx a new document information dictionary.
func setInfo(ctx *model.Context, m Meta, version string, draft bool) error {
	d := types.Dict{}
	put := func(k, v string) error {
		if v == "" {
			return nil
		}
		s, err := textString(v)
		if err != nil {
			return fmt.Errorf("document information %s: %w", k, err)
		}
		d[k] = s
		return nil
	}
	gen := m.Generated
	if gen.IsZero() {
		gen = time.Now()
	}
	for _, kv := range [][2]string{
		{"Title", m.Title},
		{"Subject", m.Subject},
		{"Author", m.Author},
		{"Keywords", m.Keywords},
		{"Creator", m.Tool},
		{KeyTool, m.Tool},
		{KeyVersion, version},
		{KeyGenerated, gen.Format(time.RFC3339)},
		{KeyDigest, m.Digest},
		{KeyDraft, strconv.FormatBool(draft)},
		{KeyBound, boundList(m.Bound)},
	} {
		if err := put(kv[0], kv[1]); err != nil {
			return err
		}
	}
	ref, err := ctx.IndRefForNewObject(d)
	if err != nil {
		return err
	}
	ctx.Info = ref
	if cat, err := ctx.Catalog(); err == nil {
		cat["Lang"] = types.StringLiteral("zh-CN")
		cat["ViewerPreferences"] = types.Dict{"DisplayDocTitle": types.Boolean(true)}
	}
	return nil
}

// boundList is the value of KeyBound: "" (not recorded) for nil.
func boundList(paths []string) string {
	if paths == nil {
		return ""
	}
	b, _ := json.Marshal(paths) // a []string always marshals
	return string(b)
}

// textString encodes a PDF text string: as is when printable ASCII, else
// UTF-16BE with its byte order mark.
func textString(s string) (types.StringLiteral, error) {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7E {
			ascii = false
			break
		}
	}
	var e *string
	var err error
	if ascii {
		e, err = types.Escape(s)
	} else {
		e, err = types.EscapedUTF16String(s)
	}
	if err != nil {
		return "", err
	}
	return types.StringLiteral(*e), nil
}

// setProducer replaces the producer pdfcpu writes into the document
// information ("pdfcpu v…", whatever it was told) by Producer, padded
// with spaces to the same length so that no offset of the file moves. It
// does nothing unless the entry is found exactly once.
func setProducer(pdf []byte) {
	old := []byte("/Producer(pdfcpu " + model.VersionStr + ")")
	if bytes.Count(pdf, old) != 1 {
		return
	}
	repl := []byte("/Producer(" + Producer + ")")
	if len(repl) > len(old) {
		return
	}
	repl = append(repl, bytes.Repeat([]byte(" "), len(old)-len(repl))...)
	i := bytes.Index(pdf, old)
	copy(pdf[i:], repl)
}
