package petrarch

import "testing"

func TestSniff(t *testing.T) {
	tests := []struct {
		name, data string
		want       Kind
	}{
		{"verbs", "# c\n---  ACCUSE   [112]  ---\nACCUSE\n- * OF  [112]\n", KindVerbs},
		{"agents", "!PERSON! = MAN, MEN\nMINISTER [~GOV]\nPOLICE {} [~COP]\nNGO_WORKER [NGO~]\n", KindAgents},
		{"actors", "UNITED_STATES [USA]\n+AMERICA\nBARACK_OBAMA\n+OBAMA\n[USAGOV 090120-170120]\n", KindActors},
		{"empty", "", KindActors},
	}
	for _, tt := range tests {
		if got := Sniff(Source{Name: tt.name, Data: []byte(tt.data)}); got != tt.want {
			t.Errorf("%s: Sniff = %v, want %v", tt.name, got, tt.want)
		}
	}
}
