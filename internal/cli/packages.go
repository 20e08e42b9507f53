package cli

// The packages a command works on: its arguments resolved into package
// folders, zips or workbooks, each with its configuration.

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mkspace/mkspace/internal/config"
)

// validateTarget is one package to check.
type validateTarget struct {
	Name  string   // shown when there are several
	Dir   string   // its folder (a .zip: the .zip itself)
	Paths []string // what the checker is given
}

// validateTargets turns the arguments into packages: a folder is a package;
// a .zip is a package; other files (workbooks) given from one folder form
// one package, wherever they appear among the arguments. The packages keep
// the order in which they first appear; a folder given twice is checked
// once.
func validateTargets(args []string) ([]validateTarget, error) {
	if len(args) == 0 {
		args = []string{"."}
	}
	var out []validateTarget
	seen := map[string]int{} // key → index in out
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, pathErr(err, "validate.no-such-path", a)
		}
		clean := filepath.Clean(a)
		switch {
		case st.IsDir():
			key := "dir:" + absOr(clean)
			if _, ok := seen[key]; ok {
				continue
			}
			seen[key] = len(out)
			out = append(out, validateTarget{Name: clean, Dir: clean, Paths: []string{clean}})
		case strings.EqualFold(filepath.Ext(clean), ".zip"):
			key := "zip:" + absOr(clean)
			if _, ok := seen[key]; ok {
				continue
			}
			seen[key] = len(out)
			out = append(out, validateTarget{Name: clean, Dir: clean, Paths: []string{clean}})
		default:
			dir := filepath.Dir(clean)
			key := "files:" + absOr(dir)
			if i, ok := seen[key]; ok {
				if !slices.Contains(out[i].Paths, clean) {
					out[i].Paths = append(out[i].Paths, clean)
				}
				continue
			}
			seen[key] = len(out)
			out = append(out, validateTarget{Name: dir, Dir: dir, Paths: []string{clean}})
		}
	}
	return out, nil
}

// loadTargets groups the arguments into packages and loads each package's
// configuration (its own mkspace.yaml unless --config).
func loadTargets(g *Globals, args []string) ([]validateTarget, []*config.Config, error) {
	pkgs, err := validateTargets(args)
	if err != nil {
		return nil, nil, err
	}
	for _, p := range pkgs {
		g.readsPackage(p.Paths...)
	}
	cfgs := make([]*config.Config, len(pkgs))
	for i, p := range pkgs {
		if cfgs[i], err = g.LoadConfig(p.Dir); err != nil {
			return nil, nil, err
		}
	}
	return pkgs, cfgs, nil
}

func absOr(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

func argList(p string) []string {
	if p == "" {
		return nil
	}
	return []string{p}
}

// onePackage resolves the one package a command works on ("" = the current
// folder) and its configuration.
func onePackage(g *Globals, arg string) (validateTarget, *config.Config, error) {
	pkgs, cfgs, err := loadTargets(g, argList(arg))
	if err != nil {
		return validateTarget{}, nil, err
	}
	return pkgs[0], cfgs[0], nil
}

// packageDir returns the package folder an argument names: the folder
// itself, or the folder of a file; "" means the current folder.
func packageDir(arg string) string {
	if arg == "" {
		return "."
	}
	if st, err := os.Stat(arg); err == nil && !st.IsDir() {
		return filepath.Dir(arg)
	}
	return arg
}
