package calendar

import (
	"errors"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestParse covers the forms on which the three former readers disagreed:
// the --published reader (cmd/diplograph) took only YYYY-MM-DD; the query
// parameter reader (queries) and the relation date reader (ingest) also
// took YYYY-MM and YYYY; none trimmed white space, which the front matter
// reader (article) does; their errors named different forms.
func TestParse(t *testing.T) {
	tests := []struct {
		in          string
		prec        Precision // "" when Parse fails
		first, last time.Time
		dayErr      string // ParseDay's error, "" when it succeeds
	}{
		{in: "2014-06-14", prec: Day, first: day(2014, 6, 14), last: day(2014, 6, 14)},
		{in: "2014-06", prec: Month, first: day(2014, 6, 1), last: day(2014, 6, 30),
			dayErr: `"2014-06" is a month, not a day (YYYY-MM-DD)`},
		{in: "2016-02", prec: Month, first: day(2016, 2, 1), last: day(2016, 2, 29),
			dayErr: `"2016-02" is a month, not a day (YYYY-MM-DD)`},
		{in: "2014", prec: Year, first: day(2014, 1, 1), last: day(2014, 12, 31),
			dayErr: `"2014" is a year, not a day (YYYY-MM-DD)`},
		{in: " 2014-06-14\n", prec: Day, first: day(2014, 6, 14), last: day(2014, 6, 14)},
		{in: "\t2014 ", prec: Year, first: day(2014, 1, 1), last: day(2014, 12, 31),
			dayErr: `"\t2014 " is a year, not a day (YYYY-MM-DD)`},
		{in: "2014-6-1", dayErr: `"2014-6-1" is not a day (YYYY-MM-DD)`},
		{in: "2014-02-30", dayErr: `"2014-02-30" is not a day (YYYY-MM-DD)`},
		{in: "2014-13", dayErr: `"2014-13" is not a day (YYYY-MM-DD)`},
		{in: "14", dayErr: `"14" is not a day (YYYY-MM-DD)`},
		{in: "2014-06-14T10:00:00Z", dayErr: `"2014-06-14T10:00:00Z" is not a day (YYYY-MM-DD)`},
		{in: "14/06/2014", dayErr: `"14/06/2014" is not a day (YYYY-MM-DD)`},
		{in: "yesterday", dayErr: `"yesterday" is not a day (YYYY-MM-DD)`},
		{in: "", dayErr: `"" is not a day (YYYY-MM-DD)`},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in)
		switch {
		case tt.prec == "":
			want := `"` + tt.in + `" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`
			if err == nil || !errors.Is(err, ErrNotDate) || err.Error() != want {
				t.Errorf("Parse(%q) = %+v, %v; want error %s", tt.in, d, err, want)
			}
		case err != nil:
			t.Errorf("Parse(%q): %v", tt.in, err)
		case d.Precision != tt.prec || !d.First.Equal(tt.first) || d.First.Location() != time.UTC || !d.Last().Equal(tt.last):
			t.Errorf("Parse(%q) = %s %v..%v; want %s %v..%v", tt.in, d.Precision, d.First, d.Last(), tt.prec, tt.first, tt.last)
		}

		got, err := ParseDay(tt.in)
		if tt.dayErr == "" {
			if err != nil || !got.Equal(tt.first) {
				t.Errorf("ParseDay(%q) = %v, %v; want %v", tt.in, got, err, tt.first)
			}
		} else if err == nil || !errors.Is(err, ErrNotDay) || err.Error() != tt.dayErr {
			t.Errorf("ParseDay(%q) = %v, %v; want error %s", tt.in, got, err, tt.dayErr)
		}
	}
}
