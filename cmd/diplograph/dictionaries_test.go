package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUserDictionaries checks extract.dictionaries end to end: a CAMEO
// verb dictionary adds a trigger ("snubbed", CAMEO 111 → ACCUSED), a
// Phoenix actor dictionary adds an office holder, and an agent dictionary
// is refused with a message naming the file.
func TestUserDictionaries(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	verbs := write("verbs.txt", "---  SNUB   [111]  ---\nSNUB {SNUBS SNUBBED SNUBBING}\n")
	actors := write("actors.txt", "ZORBA_VANTERPOOL_QUIXANO [FRAGOV 19900101-20301231]\n")
	agents := write("agents.txt", "MINISTER [~GOV]\nPOLICE {} [~COP]\n")
	text := write("a.txt", "---\nid: a\npublished: 2020-05-01\n---\nZorba Vanterpool Quixano snubbed Germany on Monday.\n")

	out, errOut, code := runCLI(t, "", "extract", "--format", "text", text)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Contains(out, "ACCUSED FRA -> DEU") {
		t.Fatalf("the built-in dictionaries already give the relation; the test proves nothing:\n%s", out)
	}
	out, errOut, code = runCLI(t, "", "extract", "--format", "text", "--dictionary", verbs+","+actors, text)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "ACCUSED FRA -> DEU") {
		t.Errorf("with the user dictionaries, no ACCUSED FRA -> DEU:\n%s", out)
	}
	_, errOut, code = runCLI(t, "", "extract", "--format", "text", "--dictionary", agents, text)
	if code != 2 || !strings.Contains(errOut, "agents.txt") || !strings.Contains(errOut, "agent dictionary") {
		t.Errorf("agent dictionary: exit %d, %q; want exit 2 naming the file", code, errOut)
	}
}

// TestUserPatterns checks that a patterns.txt in a --lexicon-dir directory
// adds a trigger (the lexicon reads the directory's other files).
func TestUserPatterns(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "patterns.txt"), []byte("ACCUSED  v  snub  :: S V O\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	art := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(art, []byte("---\nid: a\npublished: 2020-05-01\n---\nFrance snubbed Germany on Monday.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, "", "extract", "--format", "text", "--lexicon-dir", dir, art)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "ACCUSED FRA -> DEU") {
		t.Errorf("the user pattern did not fire:\n%s", out)
	}
}
