package phoenix

import (
	"reflect"
	"testing"
	"time"

	"github.com/diplograph/diplograph/extract/petrarch"
)

func TestDisplayAndSurface(t *testing.T) {
	for _, tc := range []struct{ in, display, surface string }{
		{"SERGEY V. LAVROV", "Sergey V. Lavrov", "sergey v. lavrov"},
		{"BAN KI-MOON", "Ban Ki-Moon", "ban ki-moon"},
		{"MEA", "Mea", "MEA"},
		{"U.N.", "U.N.", "U.N."},
		{"PENTAGON", "Pentagon", "pentagon"},
		{"A|B", "A|b", ""},
	} {
		if got := Display(tc.in); got != tc.display {
			t.Errorf("Display(%q) = %q, want %q", tc.in, got, tc.display)
		}
		if got := Surface(tc.in); got != tc.surface {
			t.Errorf("Surface(%q) = %q, want %q", tc.in, got, tc.surface)
		}
	}
}

func TestConvert(t *testing.T) {
	src := `SERGEY_LAVROV_
+LAVROV
	[RUSGOV 040309-]
	[RUSGOV >040309]
	[RUSELI]
BORIS_X_ [RUSELI 19900101-19950101]
MEA_ [INDGOV]
PENTAGON_ [USAMIL]
BADCODE_ [ZZZGOV]
MIXED_ [USA] [RUS]
KOFI_ANNAN_ [IGOUNO 970101-061231]
`
	as, _ := petrarch.ParseActors(petrarch.Source{Name: "t", Data: []byte(src)})
	known := func(c string) bool { return c != "ZZZ" }
	to := time.Date(2016, 12, 31, 0, 0, 0, 0, time.UTC)
	ps, fs, err := Convert(as, Options{Known: known, To: to})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 {
		t.Fatalf("persons: %+v", ps)
	}
	if !reflect.DeepEqual(ps[0].Names, []string{"Sergey Lavrov"}) || !reflect.DeepEqual(ps[0].Bare, []string{"lavrov"}) ||
		len(ps[0].Terms) != 1 || ps[0].Terms[0].Code != "RUS" || !ps[0].Terms[0].To.Equal(to) {
		t.Errorf("Lavrov: %+v", ps[0])
	}
	if ps[1].Terms[0].Code != "UN" || ps[1].Names[0] != "Kofi Annan" {
		t.Errorf("Annan: %+v", ps[1])
	}
	want := []Form{{Code: "IND", Kind: "body", Text: "MEA", Source: "t", Line: 7}, {Code: "USA", Kind: "body", Text: "pentagon", Source: "t", Line: 8}}
	if !reflect.DeepEqual(fs, want) {
		t.Errorf("forms: %+v", fs)
	}
}
