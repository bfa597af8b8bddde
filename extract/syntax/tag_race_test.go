//go:build race

package syntax

func init() { tagRaceDetector = true }
