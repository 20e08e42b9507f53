package cli

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/mkspace/mkspace/internal/atomicfile"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/dossier"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pdf/font"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/version"
	"github.com/mkspace/mkspace/internal/xlsxtmpl"
)

func init() { commands = append(commands, newInitCmd) }

// Names of what init writes into a package folder.
const (
	initWorkbook    = xlsxtmpl.DefaultFile // 申报数据.xlsx
	initAttachments = "attachments"
	initReadme      = "README.txt"
	initLetter      = "承诺书模板.pdf"
)

// initOptions holds the arguments of `mkspace init` and what tests replace.
type initOptions struct {
	g    *Globals
	Dir  string // the package folder; "" = the current folder
	Name string // 众创空间名称, pre-filled in the commitment letter

	// Workbook writes the fill-in workbook; nil: xlsxtmpl.Write.
	Workbook func(path string, opts xlsxtmpl.Options, force bool) error
}

func newInitCmd(g *Globals) *cobra.Command { return newInitCmdWith(g, runInit) }

// newInitCmdWith builds the command with run as its run function.
func newInitCmdWith(g *Globals, run func(*initOptions) error) *cobra.Command {
	o := &initOptions{g: g}
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: msg.ZH.T("init.short") + " / " + msg.EN.T("init.short"),
		Long:  longHelp(msg.ZH.T("init.long"), msg.EN.T("init.long")),
		Example: `  mkspace init
  mkspace init 申报材料 --name 星火创客空间`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.Dir = args[0]
			}
			return run(o)
		},
	}
	cmd.Flags().StringVar(&o.Name, "name", "", msg.ZH.T("init.flag-name")+" / "+msg.EN.T("init.flag-name"))
	return cmd
}

// initItem is one thing init puts into the folder.
type initItem struct {
	name  string             // path inside the package folder
	dir   bool               // a folder, not a file
	write func(string) error // writes the (new) file at the path given
}

func runInit(o *initOptions) error {
	g := o.g
	dir := o.Dir
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return userErr(err, "cli.write-failed", "file", dir, "err", err.Error())
	}
	cfg, err := g.LoadConfig(dir)
	if err != nil {
		return err
	}
	lang := cfg.Lang
	workbook := o.Workbook
	if workbook == nil {
		workbook = xlsxtmpl.Write
	}
	// The letter is rendered first, so that a font that cannot be used
	// stops init before it writes anything.
	var letter bytes.Buffer
	if _, err := os.Lstat(filepath.Join(dir, initLetter)); err != nil {
		err := dossier.CommitmentLetter(&letter, dossier.CommitmentOptions{
			Dir:       dir,
			Fonts:     cfg.Fonts,
			SpaceName: o.Name,
			Creator:   "mkspace " + version.Tool,
		})
		var fe *font.Error
		switch {
		case errors.As(err, &fe):
			return userErr(err, fe.Key, fe.Args...)
		case err != nil:
			return err
		}
	}
	items := []initItem{
		{name: initWorkbook, write: func(p string) error {
			return workbook(p, xlsxtmpl.Options{Lists: cfg.Lists, Window: cfg.Window, MaxBytes: cfg.MaxBytes, Lang: lang}, false)
		}},
		{name: config.FileName, write: func(p string) error {
			return writeNewFile(p, bytes.NewReader(configYAML(lang)))
		}},
		{name: initAttachments, dir: true},
		{name: filepath.Join(initAttachments, initReadme), write: func(p string) error {
			return writeNewFile(p, strings.NewReader(windowsText(lang.T("init.attachments-readme",
				"max", strconv.FormatInt(cfg.MaxBytes, 10), "mib", humanBytes(cfg.MaxBytes)))))
		}},
		{name: initLetter, write: func(p string) error {
			return writeNewFile(p, &letter)
		}},
	}
	out := g.IO.Out
	for _, it := range items {
		path := filepath.Join(dir, it.name)
		shown := path
		if it.dir {
			shown += string(filepath.Separator)
		}
		if _, err := os.Lstat(path); err == nil {
			fmt.Fprintln(out, lang.T("init.skipped", "file", shown))
			continue
		}
		if it.dir {
			err = os.Mkdir(path, 0o755)
		} else {
			err = it.write(path)
		}
		switch {
		case errors.Is(err, fs.ErrExist): // appeared meanwhile: left as it is
			fmt.Fprintln(out, lang.T("init.skipped", "file", shown))
			continue
		case err != nil:
			return userErr(err, "cli.write-failed", "file", path, "err", err.Error())
		}
		fmt.Fprintln(out, lang.T("init.created", "file", shown))
	}
	g.Infof("%s", lang.T("init.next", "dir", dir, "workbook", filepath.Join(dir, initWorkbook),
		"letter", filepath.Join(dir, initLetter), "attachments", filepath.Join(dir, initAttachments)))
	return nil
}

// writeNewFile writes the content of r to a new file at path atomically;
// an existing file is never replaced (fs.ErrExist then).
func writeNewFile(path string, r io.Reader) error {
	return atomicfile.WriteReader(path, false, r)
}

// windowsText prepares a text file for Notepad on Chinese Windows: CRLF
// line ends and a UTF-8 byte order mark (older Notepad reads files without
// one as GBK).
func windowsText(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n")
	if !strings.HasSuffix(s, "\r\n") {
		s += "\r\n"
	}
	return "\ufeff" + s
}

// humanBytes renders a byte count in binary units as people say them
// ("3 MB", "2 GB", "1.5 MB"); the online form's "3M" is 3 MiB.
func humanBytes(n int64) string {
	units := []string{"B", "KB", "MB", "GB", "TB"}
	v, i := float64(n), 0
	for v >= 1024 && i < len(units)-1 {
		v /= 1024
		i++
	}
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64) + " " + units[i]
}

// orderedDefaults returns the keys of config.Defaults in file order.
func orderedDefaults() []string { return config.Keys() }

// configYAML renders mkspace.yaml: every key of config.Defaults with its
// default value and a comment (init.yaml.<key>), then the replaceable
// option lists as a commented-out example.
func configYAML(l msg.Lang) []byte {
	var b bytes.Buffer
	comment := func(indent, text string) {
		for _, line := range strings.Split(text, "\n") {
			b.WriteString(strings.TrimRight(indent+"# "+line, " ") + "\n")
		}
	}
	comment("", l.T("init.yaml.header"))
	group := ""
	for _, key := range orderedDefaults() {
		g, sub, nested := strings.Cut(key, ".")
		if !nested {
			b.WriteString("\n")
			comment("", l.T("init.yaml."+key))
			fmt.Fprintf(&b, "%s: %s\n", key, yamlValue(config.Defaults[key]))
			group = ""
			continue
		}
		if g != group {
			b.WriteString("\n")
			if k := "init.yaml." + g; msg.Has(k) {
				comment("", l.T(k))
			}
			fmt.Fprintf(&b, "%s:\n", g)
			group = g
		}
		comment("  ", l.T("init.yaml."+key))
		fmt.Fprintf(&b, "  %s: %s", sub, yamlValue(config.Defaults[key]))
		if n, ok := asInt64(config.Defaults[key]); ok && strings.HasSuffix(key, "_bytes") {
			fmt.Fprintf(&b, "    # %s", humanBytes(n))
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	comment("", l.T("init.yaml.options"))
	comment("", "options:")
	lists := schema.DefaultLists()
	for _, name := range []string{schema.ListTenure, schema.ListEducation, schema.ListEmployment, schema.ListActivityKind} {
		comment("", "  "+name+": ["+strings.Join(lists[name], ", ")+"]    # "+listLabel(l, name))
	}
	return b.Bytes()
}

// listLabel names the columns that use option list name, e.g. "服务场地·产权情况".
func listLabel(l msg.Lang, name string) string {
	var out []string
	for _, s := range schema.Sheets() {
		for _, c := range s.Columns {
			if c.Type == schema.Enum && c.Options == name {
				out = append(out, l.Pick(s.Name, s.NameEN)+"·"+l.Pick(c.Header, c.HeaderEN))
			}
		}
	}
	return strings.Join(out, l.Pick("、", ", "))
}

func asInt64(v any) (int64, bool) {
	switch x := v.(type) {
	case int:
		return int64(x), true
	case int64:
		return x, true
	}
	return 0, false
}

var plainYAML = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_./-]*$`)

// yamlValue writes a default as YAML: numbers and simple words bare,
// anything else double-quoted.
func yamlValue(v any) string {
	switch x := v.(type) {
	case string:
		switch strings.ToLower(x) {
		case "y", "n", "yes", "no", "on", "off", "true", "false", "null":
			return strconv.Quote(x)
		}
		if plainYAML.MatchString(x) {
			return x
		}
		return strconv.Quote(x)
	default:
		return fmt.Sprint(x)
	}
}
