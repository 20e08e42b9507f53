package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pack"
)

// msgFixture is the material the error cases work on: a copy of the good
// example and a few broken files, made once per test.
type msgFixture struct {
	t    *testing.T
	root string // a temporary folder
	good string // a copy of examples/good, never changed by a case
	// packed is the good example packed with a mkspace.yaml ("" until
	// a case needs it).
	packed string
}

// pkg returns a fresh copy of the good example with mkspace.yaml set to
// yaml (none when "").
func (f *msgFixture) pkg(yaml string) string {
	f.t.Helper()
	dir, err := os.MkdirTemp(f.root, "pkg-*")
	require.NoError(f.t, err)
	dir = filepath.Join(dir, "p")
	require.NoError(f.t, os.CopyFS(dir, os.DirFS(f.good)))
	if yaml != "" {
		f.write(filepath.Join(dir, config.FileName), yaml)
	}
	return dir
}

// write writes a file under root (path may be absolute) and returns it.
func (f *msgFixture) write(path, content string) string {
	f.t.Helper()
	if !filepath.IsAbs(path) {
		path = filepath.Join(f.root, path)
	}
	require.NoError(f.t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(f.t, os.WriteFile(path, []byte(content), 0o644))
	return path
}

// zipWith packs the good example with a mkspace.yaml, then puts yaml in
// its place (the manifest made to match), or changes the manifest by edit.
func (f *msgFixture) zipWith(yaml string, edit func(manifest []byte) []byte) string {
	f.t.Helper()
	if f.packed == "" { // packed once: packing takes a second or two
		dir := f.pkg("lang: zh\n")
		f.packed = filepath.Join(f.root, "packed-once.zip")
		code, out, errOut := runCLI(f.t, "pack", dir, "-o", f.packed)
		require.Equal(f.t, ExitOK, code, out+errOut)
	}
	dir, err := os.MkdirTemp(f.root, "zip-*")
	require.NoError(f.t, err)
	packed := filepath.Join(dir, "packed.zip")
	copyTo(f.t, f.packed, packed)
	names, data := zipEntries(f.t, packed)
	if yaml != "" {
		data[config.FileName] = []byte(yaml)
		rezip(f.t, packed, names, data, true)
	}
	if edit != nil {
		data[pack.ManifestName] = edit(data[pack.ManifestName])
		rezip(f.t, packed, names, data, false)
	}
	return packed
}

// file is a plain file that commands are told to write under, as if it
// were a folder.
func (f *msgFixture) file() string { return f.write("a-file.txt", "plain text\n") }

// cannotWrite returns a folder that even this process cannot create
// files in, or "" when there is none (a test run as an administrator).
func cannotWrite() string {
	for _, dir := range []string{"/sys", "/proc/1"} {
		fh, err := os.CreateTemp(dir, "probe-*")
		if err == nil {
			fh.Close()
			os.Remove(fh.Name())
			continue
		}
		if errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return dir
		}
	}
	return ""
}

// msgCase is one way of making a command fail (or find errors): it is run
// in Chinese and in English, and what it prints must read as plain text.
type msgCase struct {
	name string
	// args sets up what the case needs and returns the command line.
	args func(f *msgFixture) []string
	env  map[string]string
	code int // the expected exit status
	// want are texts the Chinese output must contain (the key, the hint).
	want []string
	// allow are further Latin words a Chinese message may echo (the
	// user's own values).
	allow []string
	// skip returns why the case cannot run here, or "".
	skip func() string
	// ownLang: the case is about the language setting itself, so it runs
	// once, without --lang.
	ownLang bool
}

// yamlCase is a validate run of a package whose mkspace.yaml is yaml.
func yamlCase(name, yaml string, want []string, allow ...string) msgCase {
	return msgCase{name: name, code: ExitNoRun, want: want, allow: allow,
		args: func(f *msgFixture) []string { return []string{"validate", f.pkg(yaml)} }}
}

// badValueCases give every setting of config.Defaults a value of the wrong
// kind, and every numeric setting a word.
func badValueCases() []msgCase {
	var out []msgCase
	for key := range config.Defaults {
		group, leaf, nested := strings.Cut(key, ".")
		nest := func(v string) string {
			if nested {
				return group + ":\n  " + leaf + ": " + v + "\n"
			}
			return key + ": " + v + "\n"
		}
		if key == "pdf.font" { // one font or a list of them: a group is wrong
			out = append(out, yamlCase("group for "+key, nest("{a: b}"), []string{key}))
		} else {
			out = append(out, yamlCase("list for "+key, nest("[a, b]"), []string{key}))
		}
		switch config.Defaults[key].(type) {
		case int, int64:
			out = append(out, yamlCase("word for "+key, nest("lots"), []string{key}, "lots"))
		}
	}
	slices.SortFunc(out, func(a, b msgCase) int { return strings.Compare(a.name, b.name) })
	return out
}

func msgCases() []msgCase {
	pdf := func(f *msgFixture, yaml string) []string {
		return []string{"build-pdf", f.pkg(yaml), "--no-attachments"}
	}
	cases := []msgCase{
		// Misspelt and misplaced settings.
		yamlCase("misspelt key", "window: {strat: 2020-06-01}\n", []string{"window.strat", "window.start", "mkspace.yaml", "1"}, "strat"),
		yamlCase("misspelt group", "attachment:\n  max_bytes: 1000\n", []string{"attachment", "attachments"}, "attachment"),
		yamlCase("misspelt eligibility", "elegibility:\n  mentors: 1\n", []string{"elegibility", "eligibility", "1"}, "elegibility"),
		yamlCase("misspelt leaf", "eligibility:\n  mentor: 1\n", []string{"eligibility.mentor", "eligibility.mentors", "2"}, "mentor"),
		yamlCase("misplaced leaf", "max_bytes: 1000\n", []string{"attachments.max_bytes"}),
		yamlCase("misspelt list", "options:\n  tenur: [自有]\n", []string{"options.tenur", "options.tenure"}, "tenur"),
		yamlCase("unknown list", "options: {colours: [red]}\n", []string{"colours"}, "colours", "red"),
		yamlCase("far-off key", "colour: blue\n", []string{"colour"}, "colour", "blue"),
		// Values.
		func() msgCase {
			c := yamlCase("unknown language", "lang: fr\n", []string{"fr", "lang"}, "fr")
			c.ownLang = true
			return c
		}(),
		yamlCase("impossible date", "window: {start: 2021-13-45}\n", []string{"window.start", "2021-13-45"}),
		yamlCase("month only", "window: {end: 2021-10}\n", []string{"window.end"}),
		yamlCase("date with time", "window: {end: 2021-10-31 10:00}\n", []string{"window.end"}),
		yamlCase("end before start", "window: {start: 2021-06-01, end: 2020-10-31}\n", []string{"2020-10-31", "2021-06-01"}),
		yamlCase("end before start, times", "window: {start: 2021-06-01, end: 2020-10-31T10:00:00Z}\n", []string{"2020-10-31"}),
		yamlCase("empty value", "window: {end: }\n", []string{"window.end"}),
		yamlCase("group as value", "window: 2021-10-31\n", []string{"window"}),
		yamlCase("size word", "attachments: {max_bytes: lots}\n", []string{"attachments.max_bytes"}, "lots"),
		yamlCase("size zero", "attachments: {max_bytes: 0}\n", []string{"attachments.max_bytes"}),
		yamlCase("size negative", "attachments: {max_bytes: -5}\n", []string{"attachments.max_bytes"}),
		yamlCase("size unit", "attachments: {max_bytes: 3 XB}\n", []string{"attachments.max_bytes", "MiB"}, "XB"),
		yamlCase("check digit", "uscc: {check_digit: maybe}\n", []string{"uscc.check_digit", "warning"}, "maybe"),
		yamlCase("fraction", "eligibility: {mentors: 2.5}\n", []string{"eligibility.mentors"}),
		yamlCase("list as number", "options: {tenure: 3}\n", []string{"options.tenure"}),
		yamlCase("options as list", "options: [a, b]\n", []string{"options"}),
		yamlCase("yaml syntax", "window: [unclosed\n", []string{"mkspace.yaml", "YAML"}),
		yamlCase("yaml tab", "window:\n\tstart: 2020-11-01\n", []string{"mkspace.yaml"}),
		yamlCase("duplicate key", "lang: zh\nlang: en\n", []string{"lang", "2"}),
		yamlCase("yaml list", "- a\n- b\n", []string{"mkspace.yaml"}),
		yamlCase("not utf-8", "options:\n  tenure: [\xd7\xd4\xd3\xd0]\n", []string{"UTF-8"}),
		{name: "config file missing", code: ExitNoRun, want: []string{"nope.yaml"},
			args: func(f *msgFixture) []string {
				return []string{"validate", f.pkg(""), "--config", filepath.Join(f.root, "nope.yaml")}
			}},
		{name: "config file is a folder", code: ExitNoRun,
			args: func(f *msgFixture) []string { return []string{"validate", f.pkg(""), "--config", f.root} }},
		{name: "environment misspelt", code: ExitNoRun, env: map[string]string{"MKSPACE_WINDOW_STRAT": "2020-06-01"},
			want:  []string{"MKSPACE_WINDOW_STRAT", "MKSPACE_WINDOW_START"},
			args:  func(f *msgFixture) []string { return []string{"validate", f.pkg("")} },
			allow: []string{"MKSPACE_WINDOW_STRAT", "MKSPACE_WINDOW_START"}},
		{name: "environment value", code: ExitNoRun, env: map[string]string{"MKSPACE_ATTACHMENTS_MAX_BYTES": "lots"},
			want:  []string{"MKSPACE_ATTACHMENTS_MAX_BYTES"},
			args:  func(f *msgFixture) []string { return []string{"validate", f.pkg("")} },
			allow: []string{"lots", "MKSPACE_ATTACHMENTS_MAX_BYTES"}},
		{name: "environment language", code: ExitNoRun, env: map[string]string{"MKSPACE_LANG": "fr"}, ownLang: true,
			args: func(f *msgFixture) []string { return []string{"validate", f.pkg("")} }, allow: []string{"fr", "MKSPACE_LANG"}},

		// Flags and arguments.
		{name: "flag not a number", code: ExitNoRun, want: []string{"--max-findings"}, allow: []string{"x"},
			args: func(f *msgFixture) []string { return []string{"validate", f.pkg(""), "--max-findings", "x"} }},
		{name: "negative max", code: ExitNoRun,
			args: func(f *msgFixture) []string { return []string{"validate", f.pkg(""), "--max-findings=-1"} }},
		{name: "flag unknown", code: ExitNoRun, want: []string{"--colour"}, allow: []string{"colour"},
			args: func(f *msgFixture) []string { return []string{"validate", f.pkg(""), "--colour"} }},
		{name: "flag without value", code: ExitNoRun, want: []string{"--format"},
			args: func(f *msgFixture) []string { return []string{"validate", f.pkg(""), "--format"} }},
		{name: "bool flag value", code: ExitNoRun, want: []string{"--strict"}, allow: []string{"maybe"},
			args: func(f *msgFixture) []string { return []string{"validate", f.pkg(""), "--strict=maybe"} }},
		{name: "bad format", code: ExitNoRun, allow: []string{"xx"},
			args: func(f *msgFixture) []string { return []string{"validate", f.pkg(""), "--format", "xx"} }},
		{name: "bad report", code: ExitNoRun, allow: []string{"xx"},
			args: func(f *msgFixture) []string { return []string{"validate", f.pkg(""), "--report", "xx"} }},
		{name: "bad language", code: ExitNoRun, allow: []string{"fr"}, ownLang: true,
			args: func(f *msgFixture) []string { return []string{"--lang", "fr", "validate", f.pkg("")} }},
		{name: "too many arguments", code: ExitNoRun, want: []string{"build-pdf"},
			args: func(f *msgFixture) []string { return []string{"build-pdf", f.pkg(""), f.pkg("")} }},
		{name: "unknown command", code: ExitNoRun, want: []string{"valdate", "validate"}, allow: []string{"valdate"},
			args: func(f *msgFixture) []string { return []string{"valdate", f.pkg("")} }},
		{name: "summary extension", code: ExitNoRun,
			args: func(f *msgFixture) []string {
				return []string{"verify", f.pkg(""), "--summary", filepath.Join(f.root, "s.txt")}
			}},

		// Paths that are not there or not what they should be.
		{name: "validate missing", code: ExitNoRun,
			args: func(f *msgFixture) []string { return []string{"validate", filepath.Join(f.root, "none")} }},
		{name: "name too long", code: ExitNoRun, want: []string{"太长"},
			args: func(f *msgFixture) []string {
				return []string{"validate", filepath.Join(f.root, strings.Repeat("长", 100))}
			}},
		{name: "verify under a file", code: ExitNoRun, want: []string{"a-file.txt 是文件，不是文件夹"},
			args: func(f *msgFixture) []string { return []string{"verify", filepath.Join(f.file(), "x.zip")} }},
		{name: "totals missing", code: ExitNoRun,
			args: func(f *msgFixture) []string { return []string{"totals", filepath.Join(f.root, "none")} }},
		{name: "build-pdf missing", code: ExitNoRun,
			args: func(f *msgFixture) []string { return []string{"build-pdf", filepath.Join(f.root, "none")} }},
		{name: "verify missing", code: ExitNoRun,
			args: func(f *msgFixture) []string { return []string{"verify", filepath.Join(f.root, "none.zip")} }},
		{name: "pack missing", code: ExitNoRun,
			args: func(f *msgFixture) []string {
				return []string{"pack", filepath.Join(f.root, "none"), "-o", filepath.Join(f.root, "x.zip")}
			}},
		{name: "text as workbook", code: ExitFindings,
			args: func(f *msgFixture) []string {
				return []string{"validate", f.write("data/申报数据.xlsx", "not a workbook\n")}
			}},
		{name: "zip as workbook", code: ExitFindings,
			args: func(f *msgFixture) []string {
				return []string{"validate", f.write("data2/申报数据.xlsx", "PK\x03\x04 truncated")}
			}},
		{name: "broken attachment", code: ExitFindings, want: []string{"承诺书.pdf"},
			args: func(f *msgFixture) []string {
				dir := f.pkg("")
				f.write(filepath.Join(dir, "attachments", "承诺书.pdf"), "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nbroken")
				return []string{"validate", dir}
			}},
		{name: "damaged attachment", code: ExitFindings, want: []string{"承诺书.pdf"},
			args: func(f *msgFixture) []string {
				dir := f.pkg("")
				f.write(filepath.Join(dir, "attachments", "承诺书.pdf"), "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
				return []string{"validate", dir}
			}},
		{name: "verify broken pdf", code: ExitFindings,
			args: func(f *msgFixture) []string {
				dir := f.pkg("")
				return []string{"verify", f.write(filepath.Join(dir, "output", "申报书-X.pdf"), "%PDF-1.7\nbroken"), dir}
			}},
		{name: "verify text", code: ExitFindings,
			args: func(f *msgFixture) []string { return []string{"verify", f.file()} }},

		{name: "zip with a misspelt setting", code: ExitFindings, want: []string{"packed.zip/mkspace.yaml 第 1 行", "window.strat", "window.start"},
			allow: []string{"strat"},
			args: func(f *msgFixture) []string {
				return []string{"verify", f.zipWith("window: {strat: 2020-06-01}\n", nil)}
			}},
		{name: "validate zip with a misspelt setting", code: ExitFindings, want: []string{"packed.zip/mkspace.yaml 第 1 行", "window.strat", "window.start"},
			allow: []string{"strat"},
			args: func(f *msgFixture) []string {
				return []string{"validate", f.zipWith("window: {strat: 2020-06-01}\n", nil)}
			}},
		{name: "zip with a broken manifest", code: ExitFindings,
			args: func(f *msgFixture) []string {
				return []string{"verify", f.zipWith("", func(b []byte) []byte { return b[:len(b)/2] })}
			}},
		{name: "zip with a mistyped manifest", code: ExitFindings, allow: []string{"files"},
			args: func(f *msgFixture) []string {
				return []string{"verify", f.zipWith("", func(b []byte) []byte {
					return []byte(strings.Replace(string(b), `"files":`, `"files": 3, "x":`, 1))
				})}
			}},
		{name: "zip with a manifest without version", code: ExitFindings,
			args: func(f *msgFixture) []string {
				return []string{"verify", f.zipWith("", func(b []byte) []byte {
					var m map[string]any
					require.NoError(f.t, json.Unmarshal(b, &m))
					m["version"] = ""
					out, err := json.Marshal(m)
					require.NoError(f.t, err)
					return out
				})}
			}},
		{name: "garbage zip", code: ExitFindings,
			args: func(f *msgFixture) []string { return []string{"verify", f.write("x.zip", "PK\x03\x04garbage")} }},
		{name: "totals format", code: ExitNoRun, allow: []string{"xx"},
			args: func(f *msgFixture) []string { return []string{"totals", f.pkg(""), "--format", "xx"} }},
		{name: "version record is a folder", code: ExitNoRun,
			args: func(f *msgFixture) []string {
				dir := f.pkg("")
				require.NoError(f.t, os.MkdirAll(filepath.Join(dir, "output", "版本记录.csv"), 0o755))
				return []string{"build-pdf", dir, "--no-attachments"}
			}},

		// Output that cannot be written.
		{name: "report under a file", code: ExitNoRun,
			args: func(f *msgFixture) []string {
				return []string{"validate", f.pkg(""), "-o", filepath.Join(f.file(), "r.json")}
			}},
		{name: "report in a missing folder", code: ExitNoRun,
			args: func(f *msgFixture) []string {
				return []string{"validate", f.pkg(""), "--report", "json=" + filepath.Join(f.root, "none", "r.json")}
			}},
		{name: "template under a file", code: ExitNoRun,
			args: func(f *msgFixture) []string { return []string{"template", "-o", filepath.Join(f.file(), "t.xlsx")} }},
		{name: "template over a folder", code: ExitNoRun,
			args: func(f *msgFixture) []string {
				dir := filepath.Join(f.root, "a-folder.xlsx")
				require.NoError(f.t, os.MkdirAll(dir, 0o755))
				return []string{"template", "-o", dir, "--force"}
			}},
		{name: "init under a file", code: ExitNoRun,
			args: func(f *msgFixture) []string { return []string{"init", filepath.Join(f.file(), "new")} }},
		{name: "build-pdf under a file", code: ExitNoRun,
			args: func(f *msgFixture) []string {
				return []string{"build-pdf", f.pkg(""), "--no-attachments", "-o", filepath.Join(f.file(), "x.pdf")}
			}},
		{name: "output folder under a file", code: ExitNoRun,
			args: func(f *msgFixture) []string {
				dir := f.pkg("output_dir: 申报数据.xlsx/out\n")
				return []string{"build-pdf", dir, "--no-attachments"}
			}},
		{name: "summary under a file", code: ExitNoRun,
			args: func(f *msgFixture) []string {
				return []string{"verify", f.pkg(""), "--summary", filepath.Join(f.file(), "s.csv")}
			}},
		{name: "pack under a file", code: ExitNoRun,
			args: func(f *msgFixture) []string {
				return []string{"pack", f.pkg(""), "-o", filepath.Join(f.file(), "x.zip")}
			}},
		{name: "template where writing is refused", code: ExitNoRun,
			skip: func() string {
				if cannotWrite() == "" {
					return "no folder refuses this process"
				}
				return ""
			},
			args: func(f *msgFixture) []string {
				return []string{"template", "-o", filepath.Join(cannotWrite(), "t.xlsx")}
			}},

		// Fonts.
		{name: "font missing", code: ExitNoRun,
			args: func(f *msgFixture) []string { return pdf(f, "pdf: {font: 没有.ttf}\n") }},
		{name: "font not a font", code: ExitNoRun,
			args: func(f *msgFixture) []string {
				return pdf(f, "pdf: {font: "+f.write("fake.ttf", "not a font")+"}\n")
			}},
		{name: "font is a folder", code: ExitNoRun, want: []string{"是文件夹"},
			args: func(f *msgFixture) []string { return pdf(f, "pdf: {font: "+f.root+"}\n") }},
		{name: "init with a font that is a folder", code: ExitNoRun, want: []string{"是文件夹"},
			args: func(f *msgFixture) []string {
				dir := filepath.Join(f.root, "new-"+strings.Repeat("x", 3))
				f.write(filepath.Join(dir, config.FileName), "pdf: {font: "+f.root+"}\n")
				return []string{"init", dir}
			}},
		{name: "font cut short", code: ExitNoRun,
			skip: func() string {
				if _, err := os.Stat(latinFont); err != nil {
					return "no font installed to cut"
				}
				return ""
			},
			args: func(f *msgFixture) []string {
				data, err := os.ReadFile(latinFont)
				require.NoError(f.t, err)
				return pdf(f, "pdf: {font: "+f.write("cut.ttf", string(data[:len(data)/3]))+"}\n")
			}},
		{name: "font without Chinese", code: ExitNoRun,
			skip: func() string {
				if _, err := os.Stat(latinFont); err != nil {
					return "no Latin-only font installed"
				}
				return ""
			},
			args: func(f *msgFixture) []string { return pdf(f, "pdf: {font: "+latinFont+"}\n") }},
	}
	return append(cases, badValueCases()...)
}

// latinFont is a TrueType font without Chinese (Debian's fonts-dejavu-core).
const latinFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

var (
	// goSyntax is what a message must never show, in either language: Go
	// values, formats, package names and the raw texts of system errors.
	goSyntax = regexp.MustCompile(`<nil>|%!|\+0000 UTC|\bUTC\b|strconv\.|\bos\.[A-Za-z]|&\{|\b0x[0-9a-f]|panic|goroutine|runtime error|errors\.|\bfs\.|PathError|\bint64\b|\bfloat64\b|\[\]string|map\[|time\.Time|invalid syntax|unable to cast|of type|no such file or directory|permission denied|not a directory|is a directory|read-only file system|no space left|While parsing|(?:^|\s)yaml: |mkdir |open /|stat /|(?:^|\s)zip: |pdfcpu|gopdf|bind: |\bnil\b`)
	// pathLike are paths and file names; their Latin letters are not words
	// of the message.
	pathLike  = regexp.MustCompile(`(?:[A-Za-z0-9_.~\-]|\p{Han})*(?:[/\\](?:[A-Za-z0-9_.~\-]|\p{Han})*)+|(?:[A-Za-z0-9_\-]|\p{Han})+\.(?:xlsx|xlsm|pdf|zip|yaml|yml|csv|json|txt|ttf|ttc|xml)\b`)
	latinWord = regexp.MustCompile(`[A-Za-z][A-Za-z_]*`)
	// allowedWords may stand in a Chinese message: names of the tool, its
	// commands, formats and units, and the programs people use.
	allowedWords = map[string]bool{
		"mkspace": true, "PDF": true, "Excel": true, "WPS": true, "USCC": true, "YAML": true, "UTF": true,
		"zip": true, "xlsx": true, "csv": true, "json": true, "sarif": true, "junit": true, "github": true, "text": true, "html": true,
		"zh": true, "en": true, "B": true, "KB": true, "KiB": true, "MB": true, "MiB": true, "GB": true, "GiB": true,
		"M": true, "K": true, "G": true, "TrueType": true, "ttf": true, "ttc": true, "LibreOffice": true,
		"help": true, "error": true, "warning": true, "YYYY": true, "MM": true, "DD": true, "MKSPACE": true,
		"init": true, "fix": true, "template": true, "validate": true, "totals": true, "build": true, "pdf": true, "verify": true,
		"pack": true, "version": true, "completion": true, "Windows": true, "Notepad": true,
		"Tab": true, "true": true, "false": true, "OpenDocument": true,
	}
)

// latinWords returns the Latin words of a Chinese text that are not file
// names, rule ids, flags, setting names or allowed words.
func latinWords(s string, allow []string) []string {
	s = pathLike.ReplaceAllString(s, " ")
	s = regexp.MustCompile(`--?[a-z][a-z\-]*`).ReplaceAllString(s, " ")     // flags
	s = regexp.MustCompile(`!\$?[A-Z]{1,3}\$?\d+`).ReplaceAllString(s, " ") // cells
	// Rule ids, placeholders of a usage line (PACKAGE, FILE), abbreviations.
	s = regexp.MustCompile(`\b[A-Z][A-Z0-9]+(?:[-_][A-Z0-9]+)*\b`).ReplaceAllString(s, " ")
	known := map[string]bool{}
	for k, v := range config.Defaults {
		for _, part := range strings.Split(k, ".") {
			known[part] = true
		}
		for _, w := range latinWord.FindAllString(fmt.Sprint(v), -1) {
			known[w] = true // a default shown as an example
		}
	}
	for _, k := range []string{"options", "tenure", "education", "employment", "activity_kind"} {
		known[k] = true
	}
	for _, a := range allow {
		for _, w := range latinWord.FindAllString(a, -1) {
			known[w] = true
		}
	}
	var out []string
	for _, w := range latinWord.FindAllString(s, -1) {
		if !allowedWords[w] && !known[w] {
			out = append(out, w)
		}
	}
	return out
}

// Every error path that can be reached from the command line prints a
// message without Go internals, and the Chinese one without English.
func TestMessagesReadAsPlainText(t *testing.T) {
	f := &msgFixture{t: t, root: t.TempDir()}
	f.good = filepath.Join(f.root, "good")
	require.NoError(t, os.CopyFS(f.good, os.DirFS(exampleDir("good"))))
	for _, c := range msgCases() {
		t.Run(c.name, func(t *testing.T) {
			if c.skip != nil {
				if why := c.skip(); why != "" {
					t.Skip(why)
				}
			}
			f.t = t
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			args := c.args(f)
			langs := []string{"zh", "en"}
			if c.ownLang {
				langs = []string{"zh"}
			}
			for _, lang := range langs {
				run := append([]string{"--lang", lang}, args...)
				if c.ownLang {
					run = args
				}
				code, out, errOut := runCLI(t, run...)
				text := strings.ReplaceAll(out+errOut, f.root, "/tmp/x")
				assert.Equal(t, c.code, code, "%s: exit status\n%s", lang, text)
				assert.NotEmpty(t, strings.TrimSpace(text), lang)
				catchAll, _, _ := strings.Cut(msg.ZH.T("cli.failed", "err", "\x00"), "\x00")
				catchAllEN, _, _ := strings.Cut(msg.EN.T("cli.failed", "err", "\x00"), "\x00")
				if strings.Contains(text, catchAll) || strings.Contains(text, catchAllEN) {
					t.Errorf("%s: the catch-all for faults of mkspace reached:\n%s", lang, text)
				}
				if m := goSyntax.FindAllString(text, -1); m != nil {
					t.Errorf("%s: Go internals %q in:\n%s", lang, m, text)
				}
				if lang == "zh" {
					if w := latinWords(text, c.allow); w != nil {
						t.Errorf("zh: English words %q in:\n%s", w, text)
					}
					for _, want := range c.want {
						assert.Contains(t, text, want, "zh")
					}
				}
			}
		})
	}
}
