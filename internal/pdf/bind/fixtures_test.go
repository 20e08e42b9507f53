package bind

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/mkspace/mkspace/internal/lotest"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/signintech/gopdf"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/templates"
)

// Page sizes in points.
var (
	pA4  = [2]float64{595, 842}
	pA4L = [2]float64{842, 595}
	pA5  = [2]float64{420, 595}
)

// fxPage is a page of a fixture PDF: its media box, its text, and the
// /Rotate it gets afterwards.
type fxPage struct {
	size   [2]float64
	rotate int
	title  string
	// bottom puts text at the very bottom edge, where the footer goes
	// (an attachment does not leave room for it).
	bottom bool
}

// makePDF sets pages with gopdf in the shipped CJK font: a title, lines of
// Chinese text, a grey box (like a scanned photo) and, for the body, an
// outline entry per page. Rotated pages are turned with pdfcpu afterwards,
// their text drawn so that it reads upright when viewed.
func makePDF(t testing.TB, pages []fxPage, outline bool) []byte {
	t.Helper()
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	require.NoError(t, pdf.AddTTFFontData("wqy", templates.Font))
	for i, p := range pages {
		pdf.AddPageWithOption(gopdf.PageOption{PageSize: &gopdf.Rect{W: p.size[0], H: p.size[1]}})
		if outline {
			pdf.AddOutline(p.title)
		}
		w, h := p.size[0], p.size[1]
		// Draw in the coordinates of the page as viewed: undo the
		// rotation it will get.
		vw, vh := w, h
		switch p.rotate {
		case 90:
			vw, vh = h, w
			pdf.Rotate(90, 0, 0)
			pdf.SetXY(0, 0)
			// gopdf's y grows downwards: after turning 90° about the
			// origin, draw shifted left by the viewed width.
		case 270:
			vw, vh = h, w
			pdf.Rotate(-90, 0, 0)
		case 180:
			pdf.Rotate(180, w/2, h/2)
		}
		ox, oy := origin(p.rotate, w, h)
		require.NoError(t, pdf.SetFont("wqy", "", 16))
		pdf.SetXY(ox+40, oy+50)
		require.NoError(t, pdf.Text(fmt.Sprintf("%s（第 %d 页，%.0f×%.0f，旋转 %d°）", p.title, i+1, w, h, p.rotate)))
		require.NoError(t, pdf.SetFont("wqy", "", 11))
		for l := 0; l < 12; l++ {
			pdf.SetXY(ox+40, oy+90+float64(l)*18)
			require.NoError(t, pdf.Text(fit("正文文字：统一社会信用代码、入驻时间、服务场地面积，水印不得遮挡正文。", int((vw-80)/11))))
		}
		pdf.SetFillColor(120, 120, 120)
		pdf.RectFromUpperLeftWithStyle(ox+vw/2-60, oy+vh/2-40, 120, 80, "F")
		pdf.SetFillColor(0, 0, 0)
		if p.bottom {
			pdf.SetXY(ox+20, oy+vh-12)
			require.NoError(t, pdf.Text("页面底部的原有文字 bottom edge text ———————————————"))
		}
		if p.rotate != 0 {
			pdf.RotateReset()
		}
	}
	var buf bytes.Buffer
	_, err := pdf.WriteTo(&buf)
	require.NoError(t, err)
	data := buf.Bytes()
	for i, p := range pages {
		if p.rotate == 0 {
			continue
		}
		var out bytes.Buffer
		require.NoError(t, api.Rotate(bytes.NewReader(data), &out, p.rotate, []string{fmt.Sprint(i + 1)}, Config()))
		data = out.Bytes()
	}
	return data
}

// fit cuts s to n characters.
func fit(s string, n int) string {
	r := []rune(s)
	return string(r[:min(len(r), max(n, 0))])
}

// origin is where gopdf's (0, 0) of the viewed page lands after the
// rotation set in makePDF.
func origin(rotate int, w, h float64) (float64, float64) {
	switch rotate {
	case 90:
		return -h, 0
	case 270:
		return 0, -w
	}
	return 0, 0
}

// fixtures are the test PDFs, made once.
type fixtures struct {
	dir                                   string
	body                                  []byte
	bodyPages                             []fxPage
	mixed, owner, user, objstm, long, bad string
	mixedPages                            []fxPage
	ones                                  []string // one-page attachments
}

var (
	fxOnce sync.Once
	fx     fixtures
	fxErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	Cleanup()
	lotest.Cleanup()
	if fx.dir != "" {
		os.RemoveAll(fx.dir)
	}
	os.Exit(code)
}

func getFixtures(t testing.TB) *fixtures {
	t.Helper()
	fxOnce.Do(func() {
		fxErr = buildFixtures(t)
	})
	require.NoError(t, fxErr)
	return &fx
}

func buildFixtures(t testing.TB) error {
	dir, err := os.MkdirTemp("", "mkspace-bind-test-")
	if err != nil {
		return err
	}
	fx.dir = dir
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, data, 0o644))
		return p
	}
	fx.bodyPages = []fxPage{
		{size: pA4, title: "封面"},
		{size: pA4, title: "目录"},
		{size: pA4, title: "一、基础信息"},
		{size: pA4L, title: "四、孵化和服务情况"},
		{size: pA4, title: "附件"},
	}
	fx.body = makePDF(t, fx.bodyPages, true)

	fx.mixedPages = []fxPage{
		{size: pA4, title: "营业执照", bottom: true},
		{size: pA5, title: "A5 页面", bottom: true},
		{size: pA4, rotate: 90, title: "横向扫描页", bottom: true},
		{size: pA4L, title: "横向页面", bottom: true},
		{size: pA4, rotate: 270, title: "旋转 270", bottom: true},
		{size: pA5, rotate: 180, title: "倒置页面", bottom: true},
	}
	fx.mixed = write("附件/混合页面.pdf", makePDF(t, fx.mixedPages, false))

	plain := makePDF(t, []fxPage{{size: pA4, title: "聘书"}, {size: pA4, title: "聘书 续"}}, false)
	enc := func(name, user, owner string) string {
		conf := Config()
		conf.UserPW, conf.OwnerPW = user, owner
		var out bytes.Buffer
		require.NoError(t, api.Encrypt(bytes.NewReader(plain), &out, conf))
		return write(name, out.Bytes())
	}
	fx.owner = enc("附件/权限密码.pdf", "", "owner-secret")
	fx.user = enc("附件/打开密码.pdf", "open-secret", "owner-secret")

	objstm := makePDF(t, []fxPage{{size: pA4, title: "对象流"}}, false)
	fx.objstm = write("附件/对象流.pdf", objstm)
	if qpdf, err := exec.LookPath("qpdf"); err == nil {
		out := filepath.Join(dir, "附件/对象流-qpdf.pdf")
		cmd := exec.Command(qpdf, "--object-streams=generate", fx.objstm, out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("qpdf: %v: %s", err, msg)
		}
		fx.objstm = out
	}

	long := make([]fxPage, 300)
	for i := range long {
		long[i] = fxPage{size: pA4, title: fmt.Sprintf("长附件 %d", i+1)}
	}
	fx.long = write("附件/三百页.pdf", makePDF(t, long, false))
	fx.bad = write("附件/损坏.pdf", []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"))

	one := makePDF(t, []fxPage{{size: pA4, title: "单页附件"}}, false)
	for i := range 50 {
		fx.ones = append(fx.ones, write(fmt.Sprintf("附件/单页/%02d.pdf", i+1), one))
	}
	return nil
}

// need skips a test without the tool, unless in CI.
func need(t testing.TB, tool string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("%s not installed", tool)
		}
		t.Fatalf("%s not installed", tool)
	}
	return p
}
