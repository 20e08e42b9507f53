// Package version holds the tool's version, set at link time, and the
// version of the workbook template it writes and reads.
package version

// Tool is the mkspace version; `make build` sets it with
// -ldflags "-X github.com/mkspace/mkspace/internal/version.Tool=…".
var Tool = "0.1.0-dev"

// Template is the version of the fill-in workbook layout, recorded in the
// workbook's document properties.
const Template = "2021.1"

// TemplateProperty is the custom document property of the workbook that
// holds Template: the reader compares it with its own.
const TemplateProperty = "mkspace.template"
