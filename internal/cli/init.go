package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkspace/mkspace/internal/atomicfile"
	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/dossier"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pdf/font"
	"github.com/mkspace/mkspace/internal/version"
	"github.com/mkspace/mkspace/internal/xlsxtmpl"
)

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
	Name string // 众创空间名称, pre-filled in the commitment letter and 基础信息

	// Workbook writes the fill-in workbook; nil: xlsxtmpl.Write.
	Workbook func(path string, opts xlsxtmpl.Options, force bool) error
}

// newInitCmd builds `mkspace init`. runF, when not nil, runs instead of
// runInit with the options parsed (tests capture them).
func newInitCmd(g *Globals, runF func(*initOptions) error) *cobra.Command {
	if runF == nil {
		runF = runInit
	}
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
			return runF(o)
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
			return workbook(p, xlsxtmpl.Options{Lists: cfg.Lists, Window: cfg.Window, MaxBytes: cfg.MaxBytes, Lang: lang, SpaceName: o.Name}, false)
		}},
		{name: config.FileName, write: func(p string) error {
			return atomicfile.WriteReader(p, false, bytes.NewReader(config.Commented(lang)))
		}},
		{name: initAttachments, dir: true},
		{name: filepath.Join(initAttachments, initReadme), write: func(p string) error {
			return atomicfile.WriteReader(p, false, strings.NewReader(windowsText(lang.T("init.attachments-readme",
				"max", strconv.FormatInt(cfg.MaxBytes, 10), "mib", msg.Bytes(cfg.MaxBytes)))))
		}},
		{name: initLetter, write: func(p string) error {
			return atomicfile.WriteReader(p, false, &letter)
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
