package configcmd

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/internal/config"
)

type fakeSettings struct {
	file    string
	entries []config.Entry
}

func (s fakeSettings) Entries() []config.Entry { return s.entries }
func (s fakeSettings) File() string            { return s.file }

func TestShow(t *testing.T) {
	entries := []config.Entry{
		{Key: "neo4j.uri", Value: "bolt://db:7687", Source: "env DIPLOGRAPH_NEO4J_URI"},
		{Key: "ingest.workers", Value: 4, Source: "default"},
	}
	tests := []struct {
		name, format, file, want string
	}{
		{"table, no file", "table", "", "config file: (none found)\n\n" +
			"KEY             VALUE           SOURCE\n" +
			"neo4j.uri       bolt://db:7687  env DIPLOGRAPH_NEO4J_URI\n" +
			"ingest.workers  4               default\n"},
		{"table", "table", "diplograph.yaml", "config file: diplograph.yaml\n\n" +
			"KEY             VALUE           SOURCE\n" +
			"neo4j.uri       bolt://db:7687  env DIPLOGRAPH_NEO4J_URI\n" +
			"ingest.workers  4               default\n"},
		{"csv", "csv", "diplograph.yaml", "key,value,source\n" +
			"neo4j.uri,bolt://db:7687,env DIPLOGRAPH_NEO4J_URI\n" +
			"ingest.workers,4,default\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			o := &ShowOptions{Out: &out, Format: tt.format,
				Settings: func() Settings { return fakeSettings{tt.file, entries} }}
			if err := runShow(context.Background(), o); err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", out.String(), tt.want)
			}
		})
	}
}

// The JSON output keeps the values' types and names the config file.
func TestShowJSON(t *testing.T) {
	var out bytes.Buffer
	o := &ShowOptions{Out: &out, Format: "json", Settings: func() Settings {
		return fakeSettings{"x.yaml", []config.Entry{{Key: "ingest.workers", Value: 4, Source: "default"}}}
	}}
	if err := runShow(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	var got struct {
		File     string         `json:"config_file"`
		Settings []config.Entry `json:"settings"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if got.File != "x.yaml" || len(got.Settings) != 1 || got.Settings[0].Value != 4.0 {
		t.Errorf("got %+v", got)
	}
}

func TestShowFlags(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "table"},
		{[]string{"--format", "csv"}, "csv"},
	} {
		var got *ShowOptions
		cmd := NewCmdShow(&cmdutil.Factory{}, func(_ context.Context, o *ShowOptions) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		if err := cmd.Execute(); err != nil {
			t.Fatal(err)
		}
		if got.Format != tt.want {
			t.Errorf("%v: format %q, want %q", tt.args, got.Format, tt.want)
		}
	}
}

// A wrong --format is a usage error, found before the configuration is read.
func TestShowBadFormat(t *testing.T) {
	o := &ShowOptions{Out: &bytes.Buffer{}, Format: "xml", Settings: func() Settings {
		t.Fatal("configuration read")
		return nil
	}}
	var ue cmdutil.UsageError
	if err := runShow(context.Background(), o); !errors.As(err, &ue) {
		t.Errorf("got %v, want a usage error", err)
	}
}
