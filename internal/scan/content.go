package scan

import (
	"bytes"
	"strconv"
)

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (m applied first, then n), as the PDF's cm operator
// composes: the new CTM is m × CTM.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// op is one operator of a content stream with its operands: numbers
// (as float64) and names (without the slash, as string); other operands
// are nil.
type op struct {
	name     string
	operands []any
}

// scanContent calls fn for each operator of a content stream. It is a
// tolerant lexer: strings, hex strings, arrays, dictionaries and inline
// images are skipped over, never interpreted.
func scanContent(data []byte, fn func(op)) {
	var operands []any
	i := 0
	for i < len(data) {
		c := data[i]
		switch {
		case isSpace(c):
			i++
		case c == '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case c == '(':
			i = skipString(data, i)
			operands = append(operands, nil)
		case c == '<' && i+1 < len(data) && data[i+1] == '<':
			i += 2
			operands = append(operands, nil)
		case c == '>' && i+1 < len(data) && data[i+1] == '>':
			i += 2
		case c == '<':
			for i < len(data) && data[i] != '>' {
				i++
			}
			i++
			operands = append(operands, nil)
		case c == '[' || c == ']' || c == '{' || c == '}' || c == '>' || c == ')':
			i++
		case c == '/':
			j := i + 1
			for j < len(data) && !isSpace(data[j]) && !isDelim(data[j]) {
				j++
			}
			operands = append(operands, string(data[i+1:j]))
			i = j
		default:
			j := i
			for j < len(data) && !isSpace(data[j]) && !isDelim(data[j]) {
				j++
			}
			if j == i {
				i++
				continue
			}
			tok := data[i:j]
			i = j
			if f, err := strconv.ParseFloat(string(tok), 64); err == nil && (tok[0] == '-' || tok[0] == '+' || tok[0] == '.' || tok[0] >= '0' && tok[0] <= '9') {
				operands = append(operands, f)
				continue
			}
			name := string(tok)
			if name == "ID" {
				i = skipInlineImage(data, i)
				operands = operands[:0]
				continue
			}
			fn(op{name: name, operands: operands})
			operands = operands[:0]
		}
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// skipString returns the index after the literal string starting at i.
func skipString(data []byte, i int) int {
	depth := 0
	for ; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return i
}

// skipInlineImage returns the index after the EI that ends the inline
// image data starting after the ID at i.
func skipInlineImage(data []byte, i int) int {
	i++ // the single white-space character after ID
	for i < len(data) {
		k := bytes.Index(data[i:], []byte("EI"))
		if k < 0 {
			return len(data)
		}
		at := i + k
		before := at == 0 || isSpace(data[at-1])
		after := at+2 >= len(data) || isSpace(data[at+2])
		if before && after {
			return at + 2
		}
		i = at + 2
	}
	return i
}

// operandMatrix returns the six numbers of a cm operator.
func operandMatrix(operands []any) (matrix, bool) {
	if len(operands) < 6 {
		return matrix{}, false
	}
	var m matrix
	for k, o := range operands[len(operands)-6:] {
		f, ok := o.(float64)
		if !ok {
			return matrix{}, false
		}
		m[k] = f
	}
	return m, true
}
