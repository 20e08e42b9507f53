package bind

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The footer is read back as FooterText writes it, the draft mark
// included, whichever dash the mark's comes back as.
func TestFooterLineReadsFooterText(t *testing.T) {
	t.Parallel()
	v := NewDraftVersion()
	for _, text := range []string{
		FooterText(v, true, 3, 9),
		strings.Replace(FooterText(v, true, 3, 9), "—", "―", 1), // U+2015
		strings.Replace(FooterText(v, true, 3, 9), " — ", "—", 1),
	} {
		m := footerLine.FindStringSubmatch(text)
		require.NotNil(t, m, text)
		assert.NotEmpty(t, m[1], "the draft mark in %q", text)
		assert.Equal(t, []string{v, "3", "9"}, m[2:], text)
	}
	m := footerLine.FindStringSubmatch(FooterText(v, false, 1, 2))
	require.NotNil(t, m)
	assert.Empty(t, m[1], "no draft mark")
}
