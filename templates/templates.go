// Package templates holds the text and assets embedded in the mkspace
// binary: the CJK font and its licence, and the texts of the instructions
// sheet and the commitment letter.
package templates

import "embed"

// FS holds fonts/ and text/.
//
//go:embed fonts text
var FS embed.FS

// Font is the shipped CJK TrueType font (WenQuanYi Micro Hei, Apache-2.0).
//
//go:embed fonts/wqy-microhei.ttf
var Font []byte

// FontLicense is the font's licence text, shipped beside it.
//
//go:embed fonts/LICENSE-Apache-2.0.txt
var FontLicense string
