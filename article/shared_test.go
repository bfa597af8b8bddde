package article

import (
	"testing"

	"github.com/diplograph/diplograph/internal/sharedtest"
)

func sharedDir(t testing.TB) string { return sharedtest.Dir(t) }
