package querycmd

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/internal/cmd/queryparams"
	"github.com/diplograph/diplograph/internal/cmd/queryparams/queryparamstest"
	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/internal/config"
	"github.com/diplograph/diplograph/queries"
)

func factory(out *bytes.Buffer) *cmdutil.Factory {
	return &cmdutil.Factory{Out: out, Config: &config.Config{Alliance: config.Alliance{PlannedFactor: 0.25}}}
}

// TestNewCmdFlags: the argument and the flags reach Options, with the
// configured planned factor; 'query list' sets List.
func TestNewCmdFlags(t *testing.T) {
	var got *Options
	cmd := NewCmd(factory(&bytes.Buffer{}), func(_ context.Context, o *Options) error { got = o; return nil })
	if err := queryparamstest.Execute(cmd, "alliance-timeline", "-p", "a=USA", "--param", "b=Iran", "--format", "csv"); err != nil {
		t.Fatal(err)
	}
	if got.Name != "alliance-timeline" || strings.Join(got.Params, " ") != "a=USA b=Iran" || got.Format != "csv" ||
		got.PlannedFactor != 0.25 || got.Read == nil || got.Resolve == nil || got.List {
		t.Errorf("options %+v", got)
	}

	got = nil
	cmd = NewCmd(factory(&bytes.Buffer{}), func(_ context.Context, o *Options) error { got = o; return nil })
	if err := queryparamstest.Execute(cmd, "list"); err != nil || got == nil || !got.List {
		t.Errorf("list: %+v, %v", got, err)
	}

	cmd = NewCmd(factory(&bytes.Buffer{}), func(context.Context, *Options) error { t.Error("ran without a query"); return nil })
	if err := queryparamstest.Execute(cmd); !errors.As(err, new(cmdutil.UsageError)) || !strings.Contains(err.Error(), "which query?") {
		t.Errorf("no argument: %v", err)
	}
}

func options(out *bytes.Buffer, read *queryparamstest.Read, name, format string, params ...string) *Options {
	return &Options{Out: out, Env: queryparams.Env{Read: read.Read, Resolve: func(s string) (string, error) { return strings.ToUpper(s), nil },
		PlannedFactor: 0.25}, Name: name, RowsOutput: cmdutil.RowsOutput{Format: format}, Params: params}
}

// TestRunFormats: rows print as a table, JSON or CSV, dates as
// YYYY-MM-DD and lists joined outside JSON; no rows is "(no rows)", [] or
// nothing.
func TestRunFormats(t *testing.T) {
	day, err := queries.ParseDate("2014-06-03")
	if err != nil {
		t.Fatal(err)
	}
	recs := []*neo4j.Record{{Keys: []string{"period", "events", "by_type", "day"},
		Values: []any{"2014-06", int64(2), []any{"MET_WITH:1", "WARNED:1"}, day}}}
	for _, tc := range []struct {
		format string
		recs   []*neo4j.Record
		want   string
	}{
		{"table", recs, "PERIOD   EVENTS  BY_TYPE              DAY\n2014-06  2       MET_WITH:1 WARNED:1  2014-06-03\n"},
		{"csv", recs, "period,events,by_type,day\n2014-06,2,MET_WITH:1 WARNED:1,2014-06-03\n"},
		{"json", recs, `"by_type": [`},
		{"table", nil, "(no rows)\n"},
		{"json", nil, "[]\n"},
		{"csv", nil, ""},
	} {
		var out bytes.Buffer
		read := &queryparamstest.Read{Records: tc.recs}
		if err := run(context.Background(), options(&out, read, "alliance-timeline", tc.format, "a=usa", "b=irn")); err != nil {
			t.Fatalf("%s: %v", tc.format, err)
		}
		if tc.format == "json" && tc.recs != nil {
			if !strings.Contains(out.String(), tc.want) || !strings.Contains(out.String(), `"day": "2014-06-03"`) {
				t.Errorf("json: %s", out.String())
			}
			continue
		}
		if out.String() != tc.want {
			t.Errorf("%s: %q, want %q", tc.format, out.String(), tc.want)
		}
	}
}

// TestRunBinds: what is sent is the bound parameters: states resolved,
// defaults filled in, the configured planned factor unless given.
func TestRunBinds(t *testing.T) {
	read := &queryparamstest.Read{}
	if err := run(context.Background(), options(&bytes.Buffer{}, read, "alliance-timeline", "table", "a=usa", "b=irn", "period=year")); err != nil {
		t.Fatal(err)
	}
	if read.Query != "alliance-timeline" || read.Params["a"] != "USA" || read.Params["b"] != "IRN" ||
		read.Params["period"] != "year" || read.Params["planned_factor"] != 0.25 {
		t.Errorf("sent %s %v", read.Query, read.Params)
	}
	read = &queryparamstest.Read{}
	if err := run(context.Background(), options(&bytes.Buffer{}, read, "network", "table", "planned_factor=1")); err != nil {
		t.Fatal(err)
	}
	if read.Params["planned_factor"] != 1.0 {
		t.Errorf("planned_factor given: sent %v", read.Params["planned_factor"])
	}
}

// TestRunRefuses: what is wrong with the command line is a usage error,
// and nothing is sent.
func TestRunRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, format string
		params       []string
		want         string
	}{
		{"network", "xml", nil, `--format "xml"`},
		{"nosuch", "table", nil, `no query "nosuch"`},
		{"network", "table", []string{"from"}, `--param "from": want key=value`},
		{"network", "table", []string{"=1"}, `want key=value`},
		{"network", "table", []string{"min_events=0"}, "parameter min_events"},
		{"network", "table", []string{"colour=red"}, "unknown parameter colour"},
		{"alliance-timeline", "table", []string{"a=USA"}, "parameter b (country) is required"},
	} {
		read := &queryparamstest.Read{}
		err := run(context.Background(), options(&bytes.Buffer{}, read, tc.name, tc.format, tc.params...))
		if !errors.As(err, new(cmdutil.UsageError)) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %v --format %s: %v, want a usage error %q", tc.name, tc.params, tc.format, err, tc.want)
		}
		if read.Query != "" {
			t.Errorf("%s %v: sent", tc.name, tc.params)
		}
	}
}

func TestRunList(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), &Options{Out: &out, List: true}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"alliance-timeline\n  ", "    --param a=…", "month|quarter|year", "default 1900-01-01", "required"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("list lacks %q:\n%s", want, out.String())
		}
	}
}

// TestParamRanges checks that every int and float parameter of every
// query has a range, that its default lies in it, and that the bounds are
// accepted.
func TestParamRanges(t *testing.T) {
	qs, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		for _, p := range q.Params {
			if p.Type != "int" && p.Type != "float" {
				continue
			}
			r, ok := paramRanges[p.Name]
			if !ok {
				t.Errorf("%s: parameter %s (%s) has no entry in paramRanges", q.Name, p.Name, p.Type)
				continue
			}
			raw := map[string]string{}
			for _, other := range q.Params {
				if other.Required {
					raw[other.Name] = "USA"
				}
			}
			for _, v := range []string{p.Default, strconv.FormatFloat(r.Min, 'f', -1, 64), strconv.FormatFloat(r.Max, 'f', -1, 64)} {
				raw[p.Name] = v
				if _, err := q.Bind(raw, nil); err != nil {
					t.Fatalf("%s: bind %s=%s: %v", q.Name, p.Name, v, err)
				}
				if err := checkParams(q, raw); err != nil {
					t.Errorf("%s: %s=%s refused: %v", q.Name, p.Name, v, err)
				}
			}
		}
	}
}
