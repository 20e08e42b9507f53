package testpdf

import (
	"bytes"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/pdfconf"
)

func TestOnePageReads(t *testing.T) {
	n, err := api.PageCount(bytes.NewReader(OnePage("hello")), pdfconf.New())
	require.NoError(t, err)
	require.Equal(t, 1, n)
}
