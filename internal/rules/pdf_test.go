package rules

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/mkspace/mkspace/internal/pdf/bind"
	"github.com/mkspace/mkspace/internal/pdf/testpdf"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/stretchr/testify/require"
)

// minimalPDF is a valid one-page PDF showing text.
func minimalPDF(text string) []byte { return testpdf.OnePage(text) }

// encryptedPDF encrypts a minimal PDF with the given passwords (AES-256),
// using an in-memory configuration so that nothing is written under HOME.
func encryptedPDF(t testing.TB, userPW, ownerPW string) []byte {
	t.Helper()
	conf := bind.Config()
	conf.UserPW, conf.OwnerPW = userPW, ownerPW
	conf.EncryptUsingAES, conf.EncryptKeyLength = true, 256
	var out bytes.Buffer
	require.NoError(t, api.Encrypt(bytes.NewReader(minimalPDF("secret")), &out, conf))
	return out.Bytes()
}

func writeFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, data, 0o644))
	return p
}
