// Package msg is the message catalogue: every text a maker-space user reads
// from the command line, keyed by rule id or message key, in Chinese (the
// default) and English.
//
// Texts hold named placeholders in braces, e.g. "{cell}", filled by T from
// key/value pairs. Each concern adds its texts in its own file of this
// package through register.
package msg

import (
	"fmt"
	"sort"
	"strings"
)

// Lang is the language of user-facing text.
type Lang string

const (
	ZH Lang = "zh"
	EN Lang = "en"
)

// ParseLang accepts "zh", "en" and common variants ("zh-CN", "en_US").
func ParseLang(s string) (Lang, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "" || s == "zh" || strings.HasPrefix(s, "zh-") || strings.HasPrefix(s, "zh_"):
		return ZH, nil
	case s == "en" || strings.HasPrefix(s, "en-") || strings.HasPrefix(s, "en_"):
		return EN, nil
	}
	return ZH, fmt.Errorf("unknown language %q (zh or en)", s)
}

// Text is one catalogue entry.
type Text struct{ ZH, EN string }

var catalogue = map[string]Text{}

// register adds entries; a key registered twice is a programming error.
func register(entries map[string]Text) {
	for k, v := range entries {
		if _, dup := catalogue[k]; dup {
			panic("msg: duplicate key " + k)
		}
		catalogue[k] = v
	}
}

// Has reports whether key is in the catalogue.
func Has(key string) bool { _, ok := catalogue[key]; return ok }

// Keys returns every key, sorted (for tests).
func Keys() []string {
	out := make([]string, 0, len(catalogue))
	for k := range catalogue {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// T renders key in lang with the placeholders of kv (name, value, name,
// value, …). Every value is escaped and, by what it carries, shortened
// (see placeholder): no message shows a control character or a value of
// thousands of characters. An unknown key renders as the key itself, so that a missing text
// shows up in tests rather than as an empty message.
func (l Lang) T(key string, kv ...string) string {
	t, ok := catalogue[key]
	if !ok {
		return key
	}
	s := t.ZH
	if l == EN && t.EN != "" {
		s = t.EN
	}
	if len(kv) == 0 || !strings.Contains(s, "{") {
		return s
	}
	pairs := make([]string, 0, len(kv))
	for i := 0; i+1 < len(kv); i += 2 {
		pairs = append(pairs, "{"+kv[i]+"}", placeholder(kv[i], kv[i+1]))
	}
	return strings.NewReplacer(pairs...).Replace(s)
}

// Pick returns zh or en by language: for texts that live beside their data
// (sheet and header names in the schema) rather than in the catalogue.
func (l Lang) Pick(zh, en string) string {
	if l == EN && en != "" {
		return en
	}
	return zh
}
