package report

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strconv"
	"strings"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
)

// SARIFSchema is the $schema of the SARIF 2.1.0 log.
const SARIFSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// FingerprintKey names mkspace's partial fingerprint in every result.
const FingerprintKey = "mkspace/v1"

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name     string      `json:"name"`
	Version  string      `json:"version,omitempty"`
	Language string      `json:"language,omitempty"`
	Rules    []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string      `json:"id"`
	ShortDescription     sarifText   `json:"shortDescription"`
	FullDescription      sarifText   `json:"fullDescription"`
	DefaultConfiguration sarifConfig `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifResult struct {
	RuleID              string                 `json:"ruleId"`
	RuleIndex           int                    `json:"ruleIndex"`
	Level               string                 `json:"level"`
	Message             sarifText              `json:"message"`
	Locations           []sarifLocation        `json:"locations"`
	RelatedLocations    []sarifLocation        `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string      `json:"partialFingerprints"`
	Properties          *sarifResultProperties `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical  `json:"physicalLocation"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
}

type sarifLogical struct {
	Name               string `json:"name,omitempty"`
	FullyQualifiedName string `json:"fullyQualifiedName"`
}

func sarifLevel(s finding.Severity) string {
	switch s {
	case finding.Warning:
		return "warning"
	case finding.Info:
		return "note"
	}
	return "error"
}

// writeSARIF prints one SARIF 2.1.0 run holding every package's results,
// encoded one result at a time.
func writeSARIF(w io.Writer, v *view) error {
	l := v.Lang
	rules := append(append(finding.Rules(), v.extraRules()...), finding.IntakeRules()...)
	index := make(map[string]int, len(rules))
	driver := sarifDriver{Name: "mkspace", Version: v.ToolVersion, Language: sarifLanguage(l)}
	for i, id := range rules {
		index[id] = i
		d := ruleDescription(l, id)
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   id,
			ShortDescription:     sarifText{d},
			FullDescription:      sarifText{id + ": " + d},
			DefaultConfiguration: sarifConfig{sarifLevel(finding.DefaultSeverity(id))},
		})
	}
	props := sarifRunProperties{Errors: v.errors, Warnings: v.warnings, NotListed: v.notListed}
	if v.several() {
		for _, p := range v.pkgs {
			props.Packages = append(props.Packages, sarifPackage{p.Name, p.Dir, p.errors, p.warnings})
		}
	}

	j := newJSONWriter(bufio.NewWriter(w))
	j.open('{')
	j.member("$schema", SARIFSchema)
	j.member("version", "2.1.0")
	j.key("runs")
	j.open('[')
	j.sep()
	j.open('{')
	j.member("tool", sarifTool{driver})
	j.member("language", sarifLanguage(l))
	if v.notListed > 0 {
		j.member("invocations", []sarifInvocation{{ExecutionSuccessful: true, Notifications: []sarifNotification{{
			Level: "note", Message: sarifText{l.T("report.more", "n", strconv.Itoa(v.notListed))}}}}})
	}
	j.member("properties", props)
	j.key("results")
	j.open('[')
	for pi := range v.pkgs {
		p := &v.pkgs[pi]
		for i := range p.listed {
			j.item(v.sarifResult(p, &p.listed[i], index))
		}
	}
	for i := range v.Intake {
		j.item(v.sarifIntake(&v.Intake[i], index))
	}
	j.close(']')
	j.close('}')
	j.close(']')
	j.close('}')
	return j.finish()
}

type sarifRunProperties struct {
	Errors    int            `json:"errors"`
	Warnings  int            `json:"warnings"`
	NotListed int            `json:"notListed,omitempty"`
	Packages  []sarifPackage `json:"packages,omitempty"`
}

type sarifPackage struct {
	Name     string `json:"name"`
	Dir      string `json:"dir"`
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
}

type sarifResultProperties struct {
	Sheet   string `json:"sheet,omitempty"`
	Column  string `json:"column,omitempty"`
	Cell    string `json:"cell,omitempty"`
	Value   string `json:"value,omitempty"`
	Package string `json:"package,omitempty"`
}

func (v *view) sarifResult(p *pkgView, f *finding.Finding, index map[string]int) sarifResult {
	uri := v.anchorFile(p, f)
	line := max(f.Row, 1) // code scanning requires a start line
	r := sarifResult{
		RuleID:    f.Rule,
		RuleIndex: index[f.Rule],
		Level:     sarifLevel(f.Severity),
		Message:   sarifText{message(v.Lang, f)},
		Locations: []sarifLocation{{
			PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: encodeURIPath(uri)},
				Region:           sarifRegion{StartLine: line},
			},
		}},
		PartialFingerprints: map[string]string{FingerprintKey: fingerprint(uri, f)},
	}
	if loc := f.Location(); loc != "" {
		r.Locations[0].LogicalLocations = []sarifLogical{{Name: logicalName(f), FullyQualifiedName: loc}}
	}
	rp := sarifResultProperties{Sheet: f.Sheet, Column: f.Column, Cell: f.Cell, Value: f.Value}
	if v.several() {
		rp.Package = p.Name
	}
	if rp != (sarifResultProperties{}) {
		r.Properties = &rp
	}
	return r
}

func sarifLanguage(l msg.Lang) string {
	if l == msg.EN {
		return "en-US"
	}
	return "zh-CN"
}

func logicalName(f *finding.Finding) string {
	switch {
	case f.Cell != "":
		return f.Cell
	case f.Sheet != "":
		return f.Sheet
	}
	return f.File
}

// fingerprint identifies a finding across runs: the same rule at the same
// place with the same value gives the same fingerprint, whatever the
// message language or the order of findings.
func fingerprint(uri string, f *finding.Finding) string {
	h := sha256.New()
	for _, s := range []string{f.Rule, uri, f.Sheet, f.Cell, f.Column, f.Value} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// encodeURIPath percent-encodes a slash-separated relative path as a URI
// reference: every byte but the unreserved characters (RFC 3986) and "/" is
// escaped, so that Chinese file names, spaces, "%", "#", "?" and ":" are
// all safe.
func encodeURIPath(p string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		}
	}
	return b.String()
}
