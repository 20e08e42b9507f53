package testpdf

import (
	"bytes"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/pdf/bind"
)

func TestOnePageReads(t *testing.T) {
	n, err := api.PageCount(bytes.NewReader(OnePage("hello")), bind.Config())
	require.NoError(t, err)
	require.Equal(t, 1, n)
}

func TestPagesRead(t *testing.T) {
	data := Pages("x", A4, Page{W: 54 * MM, H: 86 * MM}, Page{W: 100, H: 200, Rotate: 90})
	n, err := api.PageCount(bytes.NewReader(data), bind.Config())
	require.NoError(t, err)
	require.Equal(t, 3, n)
	require.NoError(t, api.Validate(bytes.NewReader(data), bind.Config()))
}
