package config

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/mkspace/mkspace/internal/schema"
)

// The settings that exist are those of Defaults (and the replaceable option
// lists of schema.DefaultLists under options:): the same description that
// mkspace init writes mkspace.yaml from. Anything else in a config file is
// a mistake, reported with the key, its line and the nearest setting.

// optionsKey is the group of the replaceable option lists.
const optionsKey = "options"

// leafKeys are the settings that take one value, sorted.
func leafKeys() []string {
	keys := make([]string, 0, len(Defaults))
	for k := range Defaults {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// listNames are the option lists a config may replace, sorted.
func listNames() []string {
	var names []string
	for name := range schema.DefaultLists() {
		if name != schema.ListYesNo {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

func isLeaf(path string) bool { _, ok := Defaults[path]; return ok }

func isList(path string) bool {
	group, name, ok := strings.Cut(path, ".")
	return ok && group == optionsKey && slices.Contains(listNames(), name)
}

func isGroup(path string) bool {
	if path == optionsKey {
		return true
	}
	for k := range Defaults {
		if strings.HasPrefix(k, path+".") {
			return true
		}
	}
	return false
}

// knownPaths are every setting, group and option list, sorted.
func knownPaths() []string {
	seen := map[string]bool{optionsKey: true}
	for _, k := range leafKeys() {
		seen[k] = true
		if g, _, ok := strings.Cut(k, "."); ok {
			seen[g] = true
		}
	}
	for _, n := range listNames() {
		seen[optionsKey+"."+n] = true
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// childrenOf are the known paths directly under parent ("" = the top).
func childrenOf(parent string) []string {
	var out []string
	for _, p := range knownPaths() {
		if parentOf(p) == parent {
			out = append(out, p)
		}
	}
	return out
}

func parentOf(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i]
	}
	return ""
}

func lastOf(path string) string { return path[strings.LastIndexByte(path, '.')+1:] }

// nearest returns the known setting that path most likely means, or "":
// a sibling spelt alike; else the setting of the same (or a like) name in
// another group, for a setting put in the wrong place; else a path spelt
// alike.
func nearest(path string) string {
	name := lastOf(path)
	pick := func(cands []string, of func(string) string, target string) string {
		best, bestD := "", closeEnough(target)+1
		for _, c := range cands {
			if d := distance(target, of(c)); d < bestD {
				best, bestD = c, d
			}
		}
		return best
	}
	if s := pick(childrenOf(parentOf(path)), lastOf, name); s != "" {
		return s
	}
	others := slices.DeleteFunc(knownPaths(), func(p string) bool { return !isLeaf(p) && !isList(p) })
	for _, p := range others {
		if lastOf(p) == name {
			return p
		}
	}
	if s := pick(others, lastOf, name); s != "" {
		return s
	}
	return pick(knownPaths(), func(s string) string { return s }, path)
}

// closeEnough is the largest edit distance at which a name of n runes is
// taken for a misspelling.
func closeEnough(s string) int {
	switch n := utf8.RuneCountInString(s); {
	case n <= 3:
		return 1
	case n <= 8:
		return 2
	}
	return 3
}

// distance is the optimal string alignment distance of a and b: the edits
// (insert, delete, replace a character, swap two neighbours) that turn one
// into the other.
func distance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

// envPrefix starts the environment variables that set a setting:
// MKSPACE_WINDOW_END sets window.end.
const envPrefix = "MKSPACE_"

func envName(key string) string {
	return envPrefix + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// envSet returns the variable that sets key, when one does (viper, as
// configured here, ignores empty ones).
func envSet(key string) string {
	if os.Getenv(envName(key)) != "" {
		return envName(key)
	}
	return ""
}

// checkEnv refuses an MKSPACE_ variable that is a misspelt setting
// (MKSPACE_WINDOW_STRAT): it would have no effect. Other MKSPACE_
// variables are left alone, since the environment is shared with other
// programs and scripts that may use the prefix for their own ends.
func checkEnv() error {
	var known []string
	for _, k := range leafKeys() {
		known = append(known, envName(k))
	}
	var names []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		up := strings.ToUpper(name)
		if strings.HasPrefix(up, envPrefix) && !slices.Contains(known, up) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		best, bestD := "", 3
		for _, k := range known {
			if d := distance(strings.ToUpper(name), k); d < bestD {
				best, bestD = k, d
			}
		}
		if best != "" {
			return &Error{Key: "config.env-unknown", Args: []string{"name", name, "suggest", best}}
		}
	}
	return nil
}

// yamlLine finds the line number in a YAML parser's error.
var yamlLine = regexp.MustCompile(`line (\d+)`)

// checkYAML parses a config file and checks that it sets only settings
// that exist, each with a value of the right shape (one value, a group of
// settings, a list of options). It returns the line of every setting set.
func checkYAML(file string, data []byte) (map[string]int, error) {
	if !utf8.Valid(data) {
		return nil, &Error{Key: "config.not-utf8", Args: []string{"file", file}}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		e := &Error{Key: "config.syntax", File: file}
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			e.Line, _ = strconv.Atoi(m[1])
			if lines := bytes.Split(data, []byte("\n")); e.Line >= 1 && e.Line <= len(lines) {
				indent := lines[e.Line-1][:len(lines[e.Line-1])-len(bytes.TrimLeft(lines[e.Line-1], " \t"))]
				if bytes.ContainsRune(indent, '\t') {
					e.Key = "config.syntax-tab"
				}
			}
		}
		return nil, e
	}
	w := &yamlWalk{file: file, lines: map[string]int{}}
	if len(doc.Content) == 0 {
		return w.lines, nil // empty, or comments only
	}
	root := resolve(doc.Content[0])
	switch {
	case root.Kind == yaml.MappingNode:
		w.mapping(root, "")
	case isNull(root):
	default:
		w.add(&Error{Key: "config.not-mapping", File: file, Line: root.Line})
	}
	return w.lines, w.err()
}

type yamlWalk struct {
	file  string
	lines map[string]int
	errs  []*Error
}

func (w *yamlWalk) add(e *Error) { w.errs = append(w.errs, e) }

// err returns the first problem, carrying the others.
func (w *yamlWalk) err() error {
	if len(w.errs) == 0 {
		return nil
	}
	first := w.errs[0]
	first.More = w.errs[1:]
	return first
}

func (w *yamlWalk) at(n *yaml.Node, key string, kv ...string) *Error {
	return &Error{Key: key, File: w.file, Line: n.Line, Args: kv}
}

func (w *yamlWalk) mapping(m *yaml.Node, prefix string) {
	first := map[string]int{} // lower-case key → line (viper ignores case)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], resolve(m.Content[i+1])
		if k.Value == "<<" && k.Tag == "!!merge" { // a YAML merge key: its mapping's settings are set here
			if v.Kind == yaml.MappingNode {
				w.mapping(v, prefix)
			}
			continue
		}
		name := strings.ToLower(strings.TrimSpace(k.Value))
		path := name
		if prefix != "" {
			path = prefix + "." + name
		}
		if line, dup := first[name]; dup {
			w.add(w.at(k, "config.duplicate", "key", path, "first", strconv.Itoa(line)))
			continue
		}
		first[name] = k.Line
		switch {
		case isLeaf(path):
			w.lines[path] = k.Line
			switch {
			case isNull(v):
				w.add(w.at(k, "config.empty", "key", path, "example", exampleOf(path)))
			case v.Kind == yaml.SequenceNode && oneOrMany[path] &&
				!slices.ContainsFunc(v.Content, func(n *yaml.Node) bool { return resolve(n).Kind != yaml.ScalarNode }):
				// a list where the setting takes one value or several
			case v.Kind != yaml.ScalarNode:
				w.add(w.at(k, "config.not-value", "key", path, "example", exampleOf(path)))
			}
		case isList(path):
			w.lines[path] = k.Line
			switch {
			case isNull(v) || v.Kind == yaml.SequenceNode && len(v.Content) == 0:
				w.add(w.at(k, "config.empty-list", "key", path))
			case v.Kind != yaml.SequenceNode || slices.ContainsFunc(v.Content, func(n *yaml.Node) bool { return resolve(n).Kind != yaml.ScalarNode }):
				w.add(w.at(k, "config.not-list", "key", path, "example", listExample(lastOf(path))))
			}
		case isGroup(path):
			switch {
			case isNull(v): // every setting of the group commented out
			case v.Kind == yaml.MappingNode:
				w.mapping(v, path)
			default:
				w.add(w.at(k, "config.not-group", "key", path, "example", groupExample(path)))
			}
		default:
			w.add(unknownKey(w.at(k, ""), path))
		}
	}
}

// oneOrMany are the settings that take one value or a list of them.
var oneOrMany = map[string]bool{"pdf.font": true}

// unknownKey fills e for a setting that does not exist.
func unknownKey(e *Error, path string) *Error {
	if s := nearest(path); s != "" {
		e.Key, e.Args = "config.unknown", []string{"key", path, "suggest", s}
		return e
	}
	e.Key, e.Args = "config.unknown-none", []string{"key", path}
	e.List = childrenOf(parentOf(path))
	return e
}

func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// exampleOf is the default of a setting as mkspace.yaml writes it.
func exampleOf(key string) string {
	s := valueText(Defaults[key])
	if s == "" {
		return `""`
	}
	return s
}

// groupExample writes the first settings of a group in YAML's short form:
// window: {start: 2020-11-01, end: 2021-10-31}.
func groupExample(group string) string {
	if group == optionsKey {
		return optionsKey + ": {" + listExample(listNames()[0]) + "}"
	}
	var parts []string
	for _, k := range Keys() {
		if parentOf(k) == group && len(parts) < 2 {
			parts = append(parts, lastOf(k)+": "+exampleOf(k))
		}
	}
	return group + ": {" + strings.Join(parts, ", ") + "}"
}

// listExample writes an option list with its default options.
func listExample(name string) string {
	return name + ": [" + strings.Join(schema.DefaultLists()[name], ", ") + "]"
}
