package report

import (
	"os"
	"testing"

	"github.com/mkspace/mkspace/internal/lotest"
)

func TestMain(m *testing.M) { os.Exit(lotest.Main(m)) }
