package cmdutil

import (
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/internal/config"
)

// TestPublishedFlag: --published takes a single day, read by
// calendar.ParseDay as every other date of the tool is read (surrounding
// white space ignored); a month or a year, which query parameters accept,
// is refused with a message that says why, since the publication day
// anchors the article's relative dates.
func TestPublishedFlag(t *testing.T) {
	a := &Factory{Config: &config.Config{}}
	tests := []struct {
		in   string
		want time.Time
		err  string
	}{
		{in: "2014-06-14", want: time.Date(2014, 6, 14, 0, 0, 0, 0, time.UTC)},
		{in: " 2014-06-14 ", want: time.Date(2014, 6, 14, 0, 0, 0, 0, time.UTC)},
		{in: "2014-06", err: `--published: "2014-06" is a month, not a day (YYYY-MM-DD)`},
		{in: "2014", err: `--published: "2014" is a year, not a day (YYYY-MM-DD)`},
		{in: "2014-02-30", err: `--published: "2014-02-30" is not a day (YYYY-MM-DD)`},
		{in: "June 14, 2014", err: `--published: "June 14, 2014" is not a day (YYYY-MM-DD)`},
	}
	for _, tt := range tests {
		opt, err := a.SourceOptions(tt.in)
		switch {
		case tt.err != "":
			if err == nil || err.Error() != tt.err {
				t.Errorf("--published %q: err = %v, want %s", tt.in, err, tt.err)
			} else if ExitCode(err, &strings.Builder{}) != 2 {
				t.Errorf("--published %q: exit %d, want 2 (usage)", tt.in, ExitCode(err, &strings.Builder{}))
			}
		case err != nil:
			t.Errorf("--published %q: %v", tt.in, err)
		case !opt.Published.Equal(tt.want):
			t.Errorf("--published %q = %v, want %v", tt.in, opt.Published, tt.want)
		}
	}
}
