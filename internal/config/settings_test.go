package config

import (
	"testing"
	"time"
)

// TestSettingsNumericHaveRange checks that every numeric setting declares
// the range it is checked against, and that its default lies in it.
func TestSettingsNumericHaveRange(t *testing.T) {
	for _, s := range Registry {
		switch s.Def.(type) {
		case int, float64, time.Duration:
			if s.Range == nil {
				t.Errorf("%s: numeric setting without a Range", s.Key)
				continue
			}
			if _, err := s.Check(s.Def); err != nil {
				t.Errorf("%s: default %v: %v", s.Key, s.Def, err)
			}
		}
	}
}
