package schedule

import (
	"context"
	"testing"
	"time"
)

func TestParseCron(t *testing.T) {
	base := time.Date(2026, 11, 21, 10, 17, 0, 0, time.UTC)
	for _, tt := range []struct {
		spec string
		next time.Time
		bad  bool
	}{
		{spec: "0 * * * *", next: time.Date(2026, 11, 21, 11, 0, 0, 0, time.UTC)},
		{spec: "*/15 * * * *", next: time.Date(2026, 11, 21, 10, 30, 0, 0, time.UTC)},
		{spec: "30 6 * * 1", next: time.Date(2026, 11, 23, 6, 30, 0, 0, time.UTC)},
		{spec: "@hourly", next: time.Date(2026, 11, 21, 11, 0, 0, 0, time.UTC)},
		{spec: "@every 10m", next: base.Add(10 * time.Minute)},
		{spec: "61 * * * *", bad: true},
		{spec: "* * *", bad: true},
		{spec: "", bad: true},
	} {
		s, err := ParseCron(tt.spec)
		if tt.bad {
			if err == nil {
				t.Errorf("%q: no error", tt.spec)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tt.spec, err)
			continue
		}
		if got := s.Next(base); !got.Equal(tt.next) {
			t.Errorf("%q: next after %v = %v, want %v", tt.spec, base, got, tt.next)
		}
	}
}

func TestEveryNeverOverlaps(t *testing.T) {
	s, err := ParseCron("@every 20ms")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	running, calls := 0, 0
	err = Every(ctx, s, nil, nil, func(context.Context) {
		running++
		calls++
		if running > 1 {
			t.Error("two runs at once")
		}
		time.Sleep(50 * time.Millisecond) // longer than the period: ticks are skipped
		running--
		if calls == 3 {
			cancel()
		}
	})
	if err != context.Canceled || calls != 3 {
		t.Fatalf("Every: %v after %d calls", err, calls)
	}
}
