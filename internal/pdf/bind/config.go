package bind

import (
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Config returns the one pdfcpu configuration mkspace reads and writes
// PDFs with, built in memory so that pdfcpu never touches the user's home
// folder.
//
// model.NewDefaultConfiguration would create (or read) pdfcpu's
// configuration folder in the user's home (~/.config/pdfcpu), and
// api.DisableConfigDir would change a process-wide setting; a
// Configuration handed to pdfcpu's functions is used as is, so nothing is
// read from or written to the home folder. Every call gets its own value:
// pdfcpu's api functions write into the one they are given (Cmd, …).
func Config() *model.Configuration {
	return &model.Configuration{
		Version:  model.VersionStr,
		Reader15: true,
		// Attachments come from scanners, office suites and online
		// services: accept what readers accept.
		ValidationMode:            model.ValidationRelaxed,
		UnsupportedResourcePolicy: model.UnsupportedResourceSkip,
		Eol:                       types.EolLF,
		WriteObjectStream:         true,
		WriteXRefStream:           true,
		EncryptUsingAES:           true,
		EncryptKeyLength:          256,
		Permissions:               model.PermissionsPrint,
		TimestampFormat:           "2006-01-02 15:04",
		DateFormat:                "2006-01-02",
		Offline:                   true,
		Timeout:                   5,
		Limits:                    model.DefaultResourceLimits(),
		// Reading with VALIDATE opens a file restricted by an owner
		// password only (its empty user password opens it); the merge
		// commands would refuse any encrypted file.
		Cmd: model.VALIDATE,
	}
}
