package pack

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/go-playground/validator/v10"
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
//
// The `validate` tags (go-playground/validator) are what ParseManifest
// demands of a manifest it reads.
type Manifest struct {
	Format        string `json:"format" validate:"eq=mkspace-package"`  // ManifestFormat
	FormatVersion int    `json:"format_version" validate:"gte=1,lte=1"` // 1 to FormatVersion
	Tool          string `json:"tool"`                                  // "mkspace"
	ToolVersion   string `json:"tool_version"`
	Created       string `json:"created"` // RFC 3339
	// Version is the 版本号 of the 申报书 in the package.
	Version string `json:"version" validate:"version"`
	// Digest is the SHA-256 package digest the 申报书 records (the
	// normalised data and the attachments' bytes).
	Digest string `json:"digest" validate:"sha256"`
	// SpaceName, Operator and Agency are 众创空间名称, 运营主体名称 and
	// 受理机构 of 基础信息.
	SpaceName string `json:"space_name"`
	Operator  string `json:"operator"`
	Agency    string `json:"agency"`
	// PDF is the name of the 申报书 inside the package (one of Files).
	PDF   string `json:"pdf" validate:"required"`
	Files []File `json:"files" validate:"unique=Name,dive"`
}

// File is one file of a packed package. Its name is checked when the
// package is (a name that leads outside is a problem of its own).
type File struct {
	Name   string `json:"name" validate:"required,ne=manifest.json"` // path inside the package, '/' separators
	Role   string `json:"role"`
	Size   int64  `json:"size" validate:"gte=0"`
	SHA256 string `json:"sha256" validate:"sha256"`
}

// versionShape is what a version must look like: a file is named after it.
var versionShape = regexp.MustCompile(`^[A-Z0-9]+(-[A-Z0-9]+)*$`)

// manifestRules checks the `validate` tags of Manifest; errors name the
// JSON fields.
var manifestRules = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		return name
	})
	_ = v.RegisterValidation("version", func(fl validator.FieldLevel) bool {
		return versionShape.MatchString(fl.Field().String())
	})
	return v
})

// maxManifestBytes bounds the manifest read (a package of thousands of
// files has a manifest of a few hundred kilobytes).
const maxManifestBytes = 16 << 20

// ErrManifest is wrapped by the errors of ParseManifest.
var ErrManifest = errors.New("malformed manifest")

// ParseManifest reads a manifest and checks that it is complete (the
// `validate` tags of Manifest): the format, a version, a digest, the
// 申报书 among the files, and every file, once, with a name, a size and a
// SHA-256.
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
	var fes validator.ValidationErrors
	if errors.As(manifestRules().Struct(&m), &fes) {
		fe := fes[0]
		return nil, fmt.Errorf("%w: %s %q breaks the rule %s", ErrManifest, fe.Namespace(), fmt.Sprint(fe.Value()), fe.ActualTag())
	}
	if m.File(m.PDF) == nil {
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
