package bind

import (
	"bytes"
	"fmt"
	"testing"
	"time"
)

// benchInput is the body, a 300-page attachment and 50 one-page ones.
func benchInput(b *testing.B) Input {
	f := getFixtures(b)
	docs := []Document{{Path: f.long, Title: "服务场地 第 2 行 租赁合同：附件/三百页.pdf", After: 5}}
	for i, p := range f.ones {
		docs = append(docs, Document{Path: p, Title: fmt.Sprintf("入驻企业 第 %d 行 营业执照", i+2), After: 5})
	}
	return Input{Body: f.body, Documents: docs, Version: NewVersion(), Meta: testMeta()}
}

func BenchmarkBind300Plus50(b *testing.B) {
	in := benchInput(b)
	var size int
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		var buf bytes.Buffer
		if _, err := Bind(in, &buf); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(time.Since(start).Milliseconds())/float64(b.N), "ms/bind")
	b.ReportMetric(float64(size)/(1<<20), "MB-pdf")
}

func BenchmarkInspect355Pages(b *testing.B) {
	in := benchInput(b)
	var buf bytes.Buffer
	if _, err := Bind(in, &buf); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		info, err := InspectReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if len(info.Problems()) != 0 {
			b.Fatal(info.Problems())
		}
	}
	b.ReportMetric(float64(time.Since(start).Milliseconds())/float64(b.N), "ms/inspect")
}
