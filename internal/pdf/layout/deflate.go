package layout

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"regexp"
	"strconv"
)

// The page contents are written uncompressed (for the bold marks, see
// paint); deflate compresses them afterwards and writes the file's
// cross-reference table anew.

var (
	objStart  = regexp.MustCompile(`^(\d+) 0 obj\n`)
	objLength = regexp.MustCompile(`/Length (\d+)(\s+\d+\s+R)?`)
)

// deflate compresses the unfiltered streams of a PDF as gopdf writes it
// (numbered objects in order, a classic cross-reference table, a trailer);
// a file of another shape is returned as it is.
func deflate(in []byte) []byte {
	out, err := deflateObjects(in)
	if err != nil {
		return in
	}
	return out
}

func deflateObjects(in []byte) ([]byte, error) {
	first := bytes.Index(in, []byte("\n1 0 obj\n"))
	if first < 0 {
		return nil, fmt.Errorf("no first object")
	}
	var out bytes.Buffer
	out.Grow(len(in) / 2)
	out.Write(in[:first+1])
	var offsets []int
	// One compressor and one buffer for every stream: a new zlib writer
	// allocates (and clears) about 600 KB, once per page otherwise.
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	p := first + 1
	for {
		m := objStart.FindSubmatch(in[p:])
		if m == nil {
			break
		}
		if n, _ := strconv.Atoi(string(m[1])); n != len(offsets)+1 {
			return nil, fmt.Errorf("object %d out of order", n)
		}
		offsets = append(offsets, out.Len())
		end := bytes.Index(in[p:], []byte("endobj\n"))
		st := bytes.Index(in[p:], []byte("stream\n"))
		if end < 0 {
			return nil, fmt.Errorf("an object without end")
		}
		if st < 0 || st > end {
			out.Write(in[p : p+end+7])
			p += end + 7
			for p < len(in) && in[p] == '\n' {
				out.WriteByte('\n')
				p++
			}
			continue
		}
		dict := in[p+len(m[0]) : p+st]
		lm := objLength.FindSubmatch(dict)
		if lm == nil || len(lm[2]) > 0 {
			return nil, fmt.Errorf("a stream without a direct length")
		}
		n, _ := strconv.Atoi(string(lm[1]))
		data := p + st + len("stream\n")
		if data+n > len(in) {
			return nil, fmt.Errorf("a stream longer than the file")
		}
		rest := bytes.Index(in[data+n:], []byte("endobj\n"))
		if rest < 0 {
			return nil, fmt.Errorf("a stream object without end")
		}
		if bytes.Equal(dict, []byte(fmt.Sprintf("<<\n/Length %d\n>>\n", n))) {
			z.Reset()
			zw.Reset(&z)
			if _, err := zw.Write(in[data : data+n]); err != nil {
				return nil, err
			}
			if err := zw.Close(); err != nil {
				return nil, err
			}
			out.Write(m[0])
			fmt.Fprintf(&out, "<<\n/Filter/FlateDecode\n/Length %d\n>>\nstream\n", z.Len())
			out.Write(z.Bytes())
			out.Write(in[data+n : data+n+rest+7])
		} else {
			out.Write(in[p : data+n+rest+7])
		}
		p = data + n + rest + 7
		for p < len(in) && in[p] == '\n' {
			out.WriteByte('\n')
			p++
		}
	}
	if !bytes.HasPrefix(in[p:], []byte("xref\n")) || len(offsets) == 0 {
		return nil, fmt.Errorf("no cross-reference table after the objects")
	}
	trailer := bytes.Index(in[p:], []byte("trailer\n"))
	sx := bytes.LastIndex(in, []byte("startxref\n"))
	if trailer < 0 || sx < p+trailer {
		return nil, fmt.Errorf("no trailer")
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", o)
	}
	out.Write(in[p+trailer : sx])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", xref)
	return out.Bytes(), nil
}
