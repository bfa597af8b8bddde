package article

import (
	"testing"

	"github.com/diplograph/diplograph/internal/testfiles"
)

// testdataPath returns the path of testdata/elem... under the module root.
func testdataPath(t testing.TB, elem ...string) string { return testfiles.Path(t, elem...) }
