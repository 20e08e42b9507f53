package cli

// The double-click on Windows: a clerk puts mkspace-windows-amd64.exe in
// the package folder and double-clicks it (or drops the folder on it).
// Explorer then starts it with no arguments (or the folder's path) in a
// console window of its own, which closes the moment mkspace exits. So,
// started that way, mkspace checks the folder, writes the HTML report into
// the package's output folder, opens it in the default browser, prints a
// short summary and waits for Enter. Started from a console (cmd,
// PowerShell, a script), it behaves as everywhere else.
//
// decideLaunch is the decision, from facts the platform code gathers
// (launchFacts); it is the same on every platform, so it is tested
// everywhere. console_windows.go says how many processes share the
// console and opens the browser; elsewhere the count is 0 and the
// decision is always "as usual".

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/term"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/report"
)

// launchFacts is how the process was started.
type launchFacts struct {
	Args []string // the arguments, without the program
	// ConsoleProcesses is the number of processes attached to the console
	// (Windows' GetConsoleProcessList): 1 when the console was made for
	// this process, i.e. Explorer started it; 0 when unknown or not on
	// Windows.
	ConsoleProcesses int
	ExeDir           string // the folder of the executable
	StdinTerminal    bool   // standard input is the console (Enter can be read)
	IsDir            func(path string) bool
}

// launchDecision is what to do with the launch.
type launchDecision struct {
	// Click: check Dir and show its report (the double-click); otherwise
	// run the command line as usual.
	Click bool
	Dir   string
	// Pause: wait for Enter before exiting, so that the console window
	// Explorer opened stays until the clerk has read it.
	Pause bool
}

// decideLaunch decides from the facts: a console of its own (one process)
// and no argument is a double-click on the executable, which checks the
// folder it sits in; one argument that is a folder is a folder dropped on
// it. Any other launch with a console of its own (a file dropped on it)
// runs as usual but pauses before the window closes. A launch from a
// console never clicks nor pauses.
func decideLaunch(f launchFacts) launchDecision {
	if f.ConsoleProcesses != 1 {
		return launchDecision{}
	}
	d := launchDecision{Pause: f.StdinTerminal}
	switch {
	case len(f.Args) == 0 && f.ExeDir != "":
		d.Click, d.Dir = true, f.ExeDir
	case len(f.Args) == 1 && f.IsDir != nil && f.IsDir(f.Args[0]):
		d.Click, d.Dir = true, f.Args[0]
	}
	return d
}

// currentLaunch gathers the facts of this process.
func currentLaunch(args []string) launchFacts {
	f := launchFacts{Args: args, ConsoleProcesses: consoleProcesses(),
		StdinTerminal: term.IsTerminal(int(os.Stdin.Fd())),
		IsDir: func(p string) bool {
			st, err := os.Stat(p)
			return err == nil && st.IsDir()
		}}
	if exe, err := os.Executable(); err == nil {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			exe = real
		}
		f.ExeDir = filepath.Dir(exe)
	}
	return f
}

// Main runs mkspace as the executable does: a double-click shows the
// report of the folder (see decideLaunch), anything else is Run.
func Main(args []string) int {
	io := StdIO()
	d := decideLaunch(currentLaunch(args))
	code := 0
	if d.Click {
		ctx, stop := notifySignals(context.Background(), func() { fmt.Fprintln(io.Err, clickLang().T("cli.interrupting")) })
		code = runClick(ctx, io, d.Dir, openInBrowser)
		stop()
	} else {
		code = Run(io, args)
	}
	if d.Pause {
		waitForEnter(io, clickLang())
	}
	return code
}

// clickReportName is the report's file name in the output folder.
const clickReportName = "检查报告.html"

// clickValidateArgs are the arguments of the validate run of a
// double-click on the package folder dir: the HTML report and the
// marked-up copy of each workbook (检查结果-<name>.xlsx) into outDir.
func clickValidateArgs(dir, outDir string) []string {
	return []string{"validate", dir, "--format", report.HTML, "--output", filepath.Join(outDir, clickReportName),
		"--annotate=" + outDir + string(filepath.Separator)}
}

// runClick checks the package folder dir as a double-click does: the
// HTML report into its output folder, opened with open, and a short
// summary on the console. It returns validate's exit status.
func runClick(ctx context.Context, io *IO, dir string, open func(path string) error) int {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs // the browser is given an absolute path
	}
	root, g := NewRoot(io)
	l := clickLang()
	fmt.Fprintln(io.Out, l.T("click.checking", "dir", dir))
	outDir := config.Default().OutputDir
	if cfg, err := g.LoadConfig(dir); err == nil && cfg.OutputDir != "" {
		outDir = cfg.OutputDir
		l = cfg.Lang
	}
	if !filepath.IsAbs(outDir) {
		outDir = filepath.Join(dir, outDir)
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		err = userErr(err, "cli.write-failed", "file", outDir, "err", err.Error())
		fmt.Fprintln(io.Err, describe(err, l))
		return ExitCode(err)
	}
	var checked *report.Input
	g.validated = func(in report.Input) { checked = &in }
	code := execute(ctx, root, g, clickValidateArgs(dir, outDir))
	if checked == nil { // could not run: execute printed why
		return code
	}
	errs, warns := 0, 0
	for _, p := range checked.Packages {
		e, w := p.Counts()
		errs, warns = errs+e, warns+w
	}
	fmt.Fprintln(io.Out, l.T("click.result", "count", report.CountLine(l, errs, warns)))
	file := filepath.Join(outDir, clickReportName)
	if err := open(file); err != nil {
		fmt.Fprintln(io.Out, l.T("click.open-failed", "file", file))
	} else {
		fmt.Fprintln(io.Out, l.T("click.report", "file", file))
	}
	return code
}

// clickLang is the language of a double-click's own lines: MKSPACE_LANG,
// else Chinese (there are no flags).
func clickLang() msg.Lang {
	if l, err := msg.ParseLang(os.Getenv("MKSPACE_LANG")); err == nil && l != "" {
		return l
	}
	return msg.ZH
}

// waitForEnter asks for Enter and reads one line (or the end of input).
func waitForEnter(io *IO, l msg.Lang) {
	fmt.Fprintln(io.Out)
	fmt.Fprint(io.Out, l.T("click.press-enter"))
	_, _ = bufio.NewReader(io.In).ReadString('\n')
}
