//go:build race

package extract

// raceEnabled is set when the tests run with the race detector, which
// makes extraction several times slower and changes what it allocates.
const raceEnabled = true
