package cli

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"syscall"

	"github.com/mkspace/mkspace/internal/msg"
)

// Interrupted is the cause of a run's context cancelled by a signal
// (Ctrl+C, SIGTERM). A command that stops early returns it (context.Cause)
// after removing its temporary files and writing nothing.
type Interrupted struct{ Signal os.Signal }

func (e *Interrupted) Error() string { return "interrupted: " + e.Signal.String() }

// code is the exit status, as shells report a process ended by the
// signal: 128 + its number.
func (e *Interrupted) code() int {
	if e.Signal == syscall.SIGTERM {
		return ExitTerminated
	}
	return ExitInterrupted
}

// Localized says in l that the run was interrupted, and that it left
// nothing behind.
func (e *Interrupted) Localized(l msg.Lang) string {
	name := l.T("cli.signal.interrupt")
	if e.Signal == syscall.SIGTERM {
		name = l.T("cli.signal.terminate")
	}
	return l.T("cli.interrupted", "signal", name)
}

// interruptSignals are the signals that cancel a run.
var interruptSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}

// notifySignals returns a context cancelled, with an *Interrupted cause,
// at the first of interruptSignals; onSignal is then called once (it tells
// the user the run is stopping). The signal's default action is restored
// at once, so that a second Ctrl+C ends the process without waiting for
// the cleanup. stop releases the handler.
func notifySignals(parent context.Context, onSignal func()) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, interruptSignals...)
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		select {
		case s := <-ch:
			signal.Stop(ch)
			cancel(&Interrupted{Signal: s})
			if onSignal != nil {
				onSignal()
			}
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		<-finished
		cancel(nil)
	}
}

// interruption returns the *Interrupted cause of ctx, or nil.
func interruption(ctx context.Context) *Interrupted {
	var intr *Interrupted
	if errors.As(context.Cause(ctx), &intr) {
		return intr
	}
	return nil
}

// stopped returns the reason ctx was cancelled (an *Interrupted for a
// signal), or nil while it is not.
func stopped(ctx context.Context) error {
	if ctx.Err() == nil {
		return nil
	}
	return context.Cause(ctx)
}
