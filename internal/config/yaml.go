package config

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
)

// Commented renders mkspace.yaml as mkspace init writes it, from the one
// description of the settings: every key of Defaults, in the order of
// Keys, with its default value and its comment from the message catalogue
// (init.yaml.<key>, init.yaml.<group>), then the replaceable option lists
// as a commented-out example. Loading it gives Default().
func Commented(l msg.Lang) []byte {
	var b bytes.Buffer
	comment := func(indent, text string) {
		for _, line := range strings.Split(text, "\n") {
			b.WriteString(strings.TrimRight(indent+"# "+line, " ") + "\n")
		}
	}
	comment("", l.T("init.yaml.header"))
	group := ""
	for _, key := range Keys() {
		g, sub, nested := strings.Cut(key, ".")
		if !nested {
			b.WriteString("\n")
			comment("", l.T("init.yaml."+key))
			fmt.Fprintf(&b, "%s: %s\n", key, YAMLValue(Defaults[key]))
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
		fmt.Fprintf(&b, "  %s: %s", sub, YAMLValue(Defaults[key]))
		if n, ok := asInt64(Defaults[key]); ok && strings.HasSuffix(key, "_bytes") {
			fmt.Fprintf(&b, "    # %s", msg.Bytes(n))
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	comment("", l.T("init.yaml.options"))
	comment("", optionsKey+":")
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

// YAMLValue writes a default as mkspace.yaml (and the README's table of
// settings) shows it: numbers and simple words bare, anything else
// double-quoted.
func YAMLValue(v any) string {
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
