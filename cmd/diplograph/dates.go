package main

import (
	"time"

	"github.com/diplograph/diplograph/calendar"
)

// parseDay reads --published: a single day (YYYY-MM-DD), as
// calendar.ParseDay reads it; a month or a year is refused, since the
// publication day anchors the article's relative dates.
func parseDay(s string) (time.Time, error) { return calendar.ParseDay(s) }
