package pack

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// ManifestName is the name of the manifest inside a packed package.
const ManifestName = "manifest.json"

// ManifestFormat names the manifest's layout; FormatVersion is its version.
const (
	ManifestFormat = "mkspace-package"
	FormatVersion  = 1
)

// Roles of the files of a packed package.
const (
	RoleWorkbook   = "workbook"
	RoleAttachment = "attachment"
	RolePDF        = "pdf"
	RoleConfig     = "config"
)

// Manifest describes a packed package: who it is from, which 申报书 it
// holds and every file with its size and SHA-256.
type Manifest struct {
	Format        string `json:"format"`         // ManifestFormat
	FormatVersion int    `json:"format_version"` // FormatVersion
	Tool          string `json:"tool"`           // "mkspace"
	ToolVersion   string `json:"tool_version"`
	Created       string `json:"created"` // RFC 3339
	// Version is the 版本号 of the 申报书 in the package.
	Version string `json:"version"`
	// Digest is the SHA-256 package digest the 申报书 records (the
	// normalised data and the attachments' bytes).
	Digest string `json:"digest"`
	// SpaceName, Operator and Agency are 众创空间名称, 运营主体名称 and
	// 受理机构 of 基础信息.
	SpaceName string `json:"space_name"`
	Operator  string `json:"operator"`
	Agency    string `json:"agency"`
	// PDF is the name of the 申报书 inside the package.
	PDF   string `json:"pdf"`
	Files []File `json:"files"`
}

// File is one file of a packed package.
type File struct {
	Name   string `json:"name"` // path inside the package, '/' separators
	Role   string `json:"role"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// maxManifestBytes bounds the manifest read (a package of thousands of
// files has a manifest of a few hundred kilobytes).
const maxManifestBytes = 16 << 20

// ErrManifest is wrapped by the errors of ParseManifest.
var ErrManifest = errors.New("malformed manifest")

// ParseManifest reads a manifest and checks that it is complete: the
// format, a version, a digest, the 申报书 among the files, and every file
// with a name, a size and a SHA-256.
func ParseManifest(r io.Reader) (*Manifest, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxManifestBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrManifest, err)
	}
	if len(data) > maxManifestBytes {
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrManifest, maxManifestBytes)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrManifest, err)
	}
	switch {
	case m.Format != ManifestFormat:
		return nil, fmt.Errorf("%w: format %q, want %q", ErrManifest, m.Format, ManifestFormat)
	case m.FormatVersion < 1:
		return nil, fmt.Errorf("%w: no format_version", ErrManifest)
	case m.FormatVersion > FormatVersion:
		return nil, fmt.Errorf("%w: format_version %d is newer than this mkspace reads (%d)", ErrManifest, m.FormatVersion, FormatVersion)
	case m.Version == "":
		return nil, fmt.Errorf("%w: no version", ErrManifest)
	case !isHex(m.Digest, 64):
		return nil, fmt.Errorf("%w: digest %q", ErrManifest, m.Digest)
	case m.PDF == "":
		return nil, fmt.Errorf("%w: no pdf", ErrManifest)
	}
	seen := map[string]bool{}
	pdf := false
	for _, f := range m.Files {
		switch {
		case f.Name == "" || f.Name == ManifestName:
			return nil, fmt.Errorf("%w: file name %q", ErrManifest, f.Name)
		case seen[f.Name]:
			return nil, fmt.Errorf("%w: %s listed twice", ErrManifest, f.Name)
		case f.Size < 0:
			return nil, fmt.Errorf("%w: size of %s", ErrManifest, f.Name)
		case !isHex(f.SHA256, 64):
			return nil, fmt.Errorf("%w: sha256 of %s", ErrManifest, f.Name)
		}
		seen[f.Name] = true
		pdf = pdf || f.Name == m.PDF
	}
	if !pdf {
		return nil, fmt.Errorf("%w: the pdf %s is not among the files", ErrManifest, m.PDF)
	}
	return &m, nil
}

// CreatedTime is Created as a time (zero when unreadable).
func (m *Manifest) CreatedTime() time.Time {
	t, _ := time.Parse(time.RFC3339, m.Created)
	return t
}

// File returns the entry of the named file, or nil.
func (m *Manifest) File(name string) *File {
	for i := range m.Files {
		if m.Files[i].Name == name {
			return &m.Files[i]
		}
	}
	return nil
}

// Workbooks lists the names of the workbooks.
func (m *Manifest) Workbooks() []string {
	var out []string
	for _, f := range m.Files {
		if f.Role == RoleWorkbook {
			out = append(out, f.Name)
		}
	}
	return out
}

func (m *Manifest) encode() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func isHex(s string, n int) bool {
	if len(s) != n || strings.ToLower(s) != s {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}
