package slug

import "testing"

// TestMake: the first rows are ingest's former cases (its rule, kept);
// the others are where the extractor's former slug differed. It folded a
// list of Latin accents, not all ("jose-manuel-barroso",
// "recep-tayyip-erdogan", but "mevlut-cavuşoglu"), and kept any other
// non-ASCII character inside the slug, punctuation and no-break spaces
// included ("conor-o’brien", "sergei\u00a0lavrov", "kim-jong-un-—-again",
// and "’" alone was a slug).
func TestMake(t *testing.T) {
	tests := []struct{ in, want string }{
		{"William Hague", "william-hague"},
		{"Mohammad-Javad  Zarif", "mohammad-javad-zarif"},
		{"Nouri al-Maliki ", "nouri-al-maliki"},
		{"Élysée", "élysée"},
		{"Sergei Lavrov", "sergei-lavrov"},
		{"Recep Tayyip Erdoğan", "recep-tayyip-erdoğan"},
		{"José Manuel Barroso", "josé-manuel-barroso"},
		{"Mevlüt Çavuşoğlu", "mevlüt-çavuşoğlu"},
		{"Сергей Лавров", "сергей-лавров"},
		{"Conor O’Brien", "conor-o-brien"},
		{"Sergei\u00a0Lavrov", "sergei-lavrov"},
		{"Kim Jong-un — again", "kim-jong-un-again"},
		{"G7", "g7"},
		{"  -- ", ""},
		{"’", ""},
	}
	for _, tt := range tests {
		if got := Make(tt.in); got != tt.want {
			t.Errorf("Make(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
