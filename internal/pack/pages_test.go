package pack

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pdf/bind"
)

// verify of a package whose 申报书 lost pages names them, instead of
// calling every page after them misplaced.
func TestCheckNamesMissingPages(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		remove []string
		want   string
	}{
		{[]string{"10"}, "缺少第 10 页"},
		{[]string{"10", "12"}, "缺少第 10、12 页"},
		{[]string{"10", "20-25"}, "缺少第 10、20–25 页"},
	} {
		dir := goodCopy(t)
		pdf := filepath.Join(dir, filepath.FromSlash(fx.man.PDF))
		data, err := os.ReadFile(pdf)
		require.NoError(t, err)
		var out bytes.Buffer
		require.NoError(t, api.RemovePages(bytes.NewReader(data), &out, tc.remove, bind.Config()))
		require.NoError(t, os.WriteFile(pdf, out.Bytes(), 0o644))

		r := check(t, dir, CheckOptions{})
		all := strings.Join(r.Lines(msg.ZH), "\n")
		assert.Contains(t, all, tc.want)
		assert.NotContains(t, all, "页码与其位置不符")
	}
}
