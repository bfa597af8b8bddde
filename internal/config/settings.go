package config

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/diplograph/diplograph/alliance"
	"github.com/diplograph/diplograph/graph/localserver"
	"github.com/diplograph/diplograph/ingest"
)

// Setting is one configuration key. Registry, the list of them, drives the
// flags, the environment bindings, `--help`, `config show`, the README table
// and the typed Config.
type Setting struct {
	Key    string   // viper key, also the YAML path in diplograph.yaml
	Flag   string   // long flag name ("" = no flag)
	Env    []string // environment variables, highest priority first
	Def    any      // default value
	Secret bool     // redacted in output
	Help   string
	// Range bounds a numeric Setting (int, float64 or time.Duration
	// default), checked when the configuration is loaded; --help shows it.
	// Every numeric Setting has one (TestSettingsNumericHaveRange).
	Range *Range
}

// Registry is every setting. The first variable of each is DIPLOGRAPH_ + the key in upper case
// with dots as underscores; the conventional NEO4J_* names follow as
// fallbacks.
var Registry = []Setting{
	{Key: "neo4j.uri", Flag: "neo4j-uri", Env: []string{"DIPLOGRAPH_NEO4J_URI", "NEO4J_URI"}, Def: "",
		Help: "Neo4j to use (bolt://, neo4j://, neo4j+s://); empty = the local server, started when needed; a URI with a user or password (bolt://user:pw@host) is refused: use neo4j.user, and neo4j.password_file or DIPLOGRAPH_NEO4J_PASSWORD; shown with the password as xxxxx"},
	{Key: "neo4j.user", Flag: "neo4j-user", Env: []string{"DIPLOGRAPH_NEO4J_USER", "NEO4J_USERNAME"}, Def: "neo4j",
		Help: "database user"},
	{Key: "neo4j.password", Env: []string{"DIPLOGRAPH_NEO4J_PASSWORD", "NEO4J_PASSWORD"}, Def: "", Secret: true,
		Help: "database password (no flag: it would show in the process list); for the local server, empty = generated and kept in local.home"},
	{Key: "neo4j.password_file", Flag: "neo4j-password-file", Env: []string{"DIPLOGRAPH_NEO4J_PASSWORD_FILE"}, Def: "",
		Help: "file whose first line is the password (used when it is set with higher precedence than neo4j.password)"},
	{Key: "neo4j.database", Flag: "neo4j-database", Env: []string{"DIPLOGRAPH_NEO4J_DATABASE", "NEO4J_DATABASE"}, Def: "",
		Help: "database name; empty = the server's default database"},
	{Key: "neo4j.connect_timeout", Flag: "neo4j-connect-timeout", Env: []string{"DIPLOGRAPH_NEO4J_CONNECT_TIMEOUT"}, Def: 30 * time.Second,
		Help: "how long to wait for the server to answer", Range: durations(time.Second, time.Hour)},
	{Key: "local.home", Flag: "local-home", Env: []string{"DIPLOGRAPH_LOCAL_HOME"}, Def: localserver.DefaultHome(),
		Help: "home of the local Neo4j: distribution, data, logs, password"},
	{Key: "local.bolt_port", Flag: "local-bolt-port", Env: []string{"DIPLOGRAPH_LOCAL_BOLT_PORT"}, Def: 7687,
		Help: "Bolt port of the local server (listens on 127.0.0.1)", Range: &Range{1, 65535}},
	{Key: "local.http_port", Flag: "local-http-port", Env: []string{"DIPLOGRAPH_LOCAL_HTTP_PORT"}, Def: 7474,
		Help: "HTTP port of the local server: Neo4j Browser at /browser/", Range: &Range{1, 65535}},
	{Key: "local.heap", Env: []string{"DIPLOGRAPH_LOCAL_HEAP"}, Def: "512m",
		Help: "JVM heap of the local server (-Xms/-Xmx), at most 1g on small machines"},
	{Key: "local.pagecache", Env: []string{"DIPLOGRAPH_LOCAL_PAGECACHE"}, Def: "256m",
		Help: "page cache of the local server"},
	{Key: "local.start_timeout", Env: []string{"DIPLOGRAPH_LOCAL_START_TIMEOUT"}, Def: 120 * time.Second,
		Help: "how long `neo4j start` waits for Bolt to answer", Range: durations(time.Second, 24*time.Hour)},
	{Key: "extract.lexicon_dirs", Flag: "lexicon-dir", Env: []string{"DIPLOGRAPH_EXTRACT_LEXICON_DIRS"}, Def: []string{},
		Help: "directories whose dictionary files (countries.txt, places.txt, officeholders.tsv, patterns.txt ...) extend the built-in ones; comma-separated in the environment"},
	{Key: "extract.dictionaries", Flag: "dictionary", Env: []string{"DIPLOGRAPH_EXTRACT_DICTIONARIES"}, Def: []string{},
		Help: "PETRARCH/Phoenix dictionary files read after the built-in ones: CAMEO verb dictionaries (triggers, CAMEO codes mapped to relation types) and Phoenix actor dictionaries (states, dated office holders, organizations); the format is told from the content; comma-separated in the environment"},
	{Key: "ingest.workers", Flag: "workers", Env: []string{"DIPLOGRAPH_INGEST_WORKERS"}, Def: 0,
		Help: "extraction workers; 0 = one per CPU", Range: &Range{0, 1024}},
	{Key: "ingest.batch_size", Env: []string{"DIPLOGRAPH_INGEST_BATCH_SIZE"}, Def: ingest.DefaultBatchSize,
		Help: "articles written per transaction; a failed batch is retried article by article", Range: &Range{1, 100000}},
	{Key: "ingest.max_article_bytes", Env: []string{"DIPLOGRAPH_INGEST_MAX_ARTICLE_BYTES"}, Def: 5 << 20,
		Help: "largest article accepted; larger ones fail alone", Range: &Range{1, 1 << 30}},
	{Key: "ingest.allow_undated", Flag: "allow-undated", Env: []string{"DIPLOGRAPH_INGEST_ALLOW_UNDATED"}, Def: false,
		Help: "accept articles with no published date (none in the article, no --published): their relations are stored undated, which queries show as such; by default such an article fails naming its file"},
	{Key: "ingest.read_timeout", Env: []string{"DIPLOGRAPH_INGEST_READ_TIMEOUT"}, Def: time.Minute,
		Help: "longest wait for one listing, open or read of a local source file (a hung network mount); a file that takes longer fails alone", Range: durations(time.Second, 24*time.Hour)},
	{Key: "ingest.http_allow", Env: []string{"DIPLOGRAPH_INGEST_HTTP_ALLOW"}, Def: []string{},
		Help: "host names, IP addresses or CIDR prefixes (intranet.example, 10.0.0.0/8) that feeds and pages may reach although they are loopback, private or link-local addresses, which are refused by default; comma-separated in the environment"},
	{Key: "ingest.feed_budget", Env: []string{"DIPLOGRAPH_INGEST_FEED_BUDGET"}, Def: 5 * time.Minute,
		Help: "longest time one feed may take, its pages and retries included; items not read by then fail and the run goes on", Range: durations(time.Second, 24*time.Hour)},
	{Key: "ingest.feed_concurrency", Env: []string{"DIPLOGRAPH_INGEST_FEED_CONCURRENCY"}, Def: 4,
		Help: "pages of a feed fetched at once", Range: &Range{1, 64}},
	{Key: "ingest.feed_per_host", Env: []string{"DIPLOGRAPH_INGEST_FEED_PER_HOST"}, Def: 2,
		Help: "pages of a feed fetched at once from one host", Range: &Range{1, 64}},
	{Key: "alliance.weights", Def: map[string]float64{},
		Help: "per-type weight overrides in the config file, e.g. alliance: {weights: {MET_WITH: 3}}: relation types (any case) to numbers from -100 to 100, applied when a query scores events; an unknown type or a bad number fails every command; defaults (PLOVER polarity): " + defaultWeightsHelp()},
	{Key: "alliance.planned_factor", Env: []string{"DIPLOGRAPH_ALLIANCE_PLANNED_FACTOR"}, Def: 0.5,
		Help: "weight factor of planned events in scores", Range: &Range{0, 1}},
	{Key: "alliance.event_window", Env: []string{"DIPLOGRAPH_ALLIANCE_EVENT_WINDOW"}, Def: 1,
		Help: "days: reports of the same type between the same actors whose dates are at most this far apart are one event (0 = the same day only); `alliances rebuild` applies a change to the stored events", Range: &Range{0, 366}},
	{Key: "alliance.min_events", Env: []string{"DIPLOGRAPH_ALLIANCE_MIN_EVENTS"}, Def: 1,
		Help: "periods with fewer events than this show no alignment index", Range: &Range{1, 1_000_000}},
	{Key: "alliance.rolling", Env: []string{"DIPLOGRAPH_ALLIANCE_ROLLING"}, Def: 1,
		Help: "the alignment index of a period is computed over a rolling window of this many periods ending with it (1 = the period alone)", Range: &Range{1, 1000}},
	{Key: "schedule.cron", Env: []string{"DIPLOGRAPH_SCHEDULE_CRON"}, Def: "@hourly",
		Help: "when `schedule` runs the sources (its --cron flag overrides): five cron fields (minute hour day-of-month month day-of-week, local time) or @hourly, @daily, @every 30m"},
	{Key: "schedule.lock_ttl", Env: []string{"DIPLOGRAPH_SCHEDULE_LOCK_TTL"}, Def: 10 * time.Minute,
		Help: "how long the ingest lock in the graph outlives a run that died or stalled without releasing it (a live run renews it while it makes progress; a dead holder on the same host is replaced at once)", Range: durations(30*time.Second, 24*time.Hour)},
	{Key: "schedule.stall_limit", Env: []string{"DIPLOGRAPH_SCHEDULE_STALL_LIMIT"}, Def: time.Duration(0),
		Help: "how long a run may go without progress (an article read or written) before it stops renewing the ingest lock, so that the next run can take it; 0 = schedule.lock_ttl", Range: durations(0, 24*time.Hour)},
	{Key: "sources", Def: []any{},
		Help: "sources that `ingest` with no arguments and `schedule` read: a list of {name, kind: path|feed|web, location, options: {include, exclude, skip_pages, source}} in the config file"},
	{Key: "local.java", Env: []string{"DIPLOGRAPH_LOCAL_JAVA"}, Def: "",
		Help: "java executable (Java 17 or 21); empty = $JAVA_HOME/bin/java or java on PATH"},
	{Key: "local.maven", Env: []string{"DIPLOGRAPH_LOCAL_MAVEN"}, Def: "",
		Help: "mvn executable; empty = mvn on PATH"},
}

// RemovedSetting is a setting diplograph no longer has. A configuration
// that still sets it, in the config file or the environment, loads as
// before, with one warning saying that the setting has no effect any more
// and why; it is not also reported as an unknown key.
type RemovedSetting struct {
	Key string   // the key it had in diplograph.yaml
	Env []string // the environment variables it was read from
	Why string   // why it has no effect any more
}

// Removed is every removed setting.
var Removed = []RemovedSetting{
	{Key: "alliance.materialize_after_ingest", Env: []string{"DIPLOGRAPH_ALLIANCE_MATERIALIZE_AFTER_INGEST"},
		Why: "the ALIGNMENT aggregates are kept up to date by every write"},
}

// defaultWeightsHelp lists alliance.DefaultWeights, the highest first
// (ties by name), for the help of alliance.weights: generated, so that it
// cannot disagree with the weights used.
func defaultWeightsHelp() string {
	types := slices.Collect(maps.Keys(alliance.DefaultWeights))
	sort.Slice(types, func(i, j int) bool {
		wi, wj := alliance.DefaultWeights[types[i]], alliance.DefaultWeights[types[j]]
		if wi != wj {
			return wi > wj
		}
		return types[i] < types[j]
	})
	parts := make([]string, len(types))
	for i, t := range types {
		parts[i] = t + " " + strconv.FormatFloat(alliance.DefaultWeights[t], 'f', -1, 64)
	}
	return strings.Join(parts, ", ")
}

// Lookup is the setting of key.
func Lookup(key string) (Setting, bool) {
	for _, s := range Registry {
		if s.Key == key {
			return s, true
		}
	}
	return Setting{}, false
}

// EnvHelp is the " (env A, B)" suffix a flag's usage carries.
func (s Setting) EnvHelp() string {
	if len(s.Env) == 0 {
		return ""
	}
	return " (env " + strings.Join(s.Env, ", ") + ")"
}

// DefaultString is the default as help and the README show it.
func (s Setting) DefaultString() string {
	switch d := s.Def.(type) {
	case string:
		if d == "" {
			return `""`
		}
		return d
	case []string:
		if len(d) == 0 {
			return "none"
		}
		return strings.Join(d, ",")
	case map[string]float64:
		return "built in"
	case []any:
		if len(d) == 0 {
			return "none"
		}
		return fmt.Sprint(d)
	default:
		return fmt.Sprint(d)
	}
}

// Help is the configuration section of the root command's help.
func Help() string {
	var b strings.Builder
	for _, s := range Registry {
		fmt.Fprintf(&b, "  %-22s %s\n", s.Key, s.Help)
		var where []string
		if s.Flag != "" {
			where = append(where, "--"+s.Flag)
		}
		where = append(where, s.Env...)
		if len(where) == 0 {
			where = append(where, "config file only")
		}
		rng := ""
		if s.Range != nil {
			rng = "; " + s.Range.Describe(s.Def)
		}
		fmt.Fprintf(&b, "  %-22s %s; default %s%s\n", "", strings.Join(where, ", "), s.DefaultString(), rng)
	}
	return b.String()
}

// Markdown is the README's configuration table.
func Markdown() string {
	var b strings.Builder
	b.WriteString("| key | flag | environment | default | meaning |\n|---|---|---|---|---|\n")
	for _, s := range Registry {
		flag := ""
		if s.Flag != "" {
			flag = "`--" + s.Flag + "`"
		}
		def := s.DefaultString()
		if s.Key == "local.home" {
			def = "`$XDG_DATA_HOME/diplograph/neo4j`"
		} else {
			def = "`" + def + "`"
		}
		env := ""
		if len(s.Env) > 0 {
			env = "`" + strings.Join(s.Env, "`, `") + "`"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", s.Key, flag, env, def,
			strings.ReplaceAll(s.Help, "|", "\\|"))
	}
	return b.String()
}

// Range is the accepted range of a numeric Setting or query parameter,
// bounds included; for a duration the bounds are nanoseconds.
type Range struct{ Min, Max float64 }

func durations(lo, hi time.Duration) *Range { return &Range{float64(lo), float64(hi)} }

// Describe says what the range accepts, for a value like def.
func (r Range) Describe(def any) string {
	switch def.(type) {
	case time.Duration:
		return fmt.Sprintf("a duration from %s to %s", shortDuration(time.Duration(r.Min)), shortDuration(time.Duration(r.Max)))
	case int, int64:
		return fmt.Sprintf("a whole number from %s to %s", fmtNumber(r.Min), fmtNumber(r.Max))
	}
	return fmt.Sprintf("a number from %s to %s", fmtNumber(r.Min), fmtNumber(r.Max))
}

func fmtNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// shortDuration writes 1h and 30s rather than 1h0m0s and 30s.
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// Check converts v, a value of the Setting as viper holds it (typed from a
// flag, a default or YAML; a string from the environment), to the type of
// the Setting's default and checks it against its Range. Settings that are
// not numeric pass unchanged.
func (s Setting) Check(v any) (any, error) {
	if s.Range == nil {
		return v, nil
	}
	return CheckNumber(s.Def, *s.Range, v)
}

// CheckNumber converts v to the type of def (int, int64, float64 or
// time.Duration) and checks it against r. The error shows v as given.
func CheckNumber(def any, r Range, v any) (any, error) {
	want := r.Describe(def)
	var f float64
	var out any
	switch def.(type) {
	case time.Duration:
		d, err := toDuration(v)
		if err != nil {
			return nil, fmt.Errorf("%s %v: want %s", asGiven(v), err, want)
		}
		f, out = float64(d), d
	case int, int64:
		n, err := toWhole(v)
		if err != nil {
			return nil, fmt.Errorf("%s is not a whole number: want %s", asGiven(v), want)
		}
		f, out = float64(n), n
		if _, isInt := def.(int); isInt && n >= math.MinInt && n <= math.MaxInt {
			out = int(n)
		}
	default:
		x, err := toFloat(v)
		if err != nil {
			return nil, fmt.Errorf("%s is not a number: want %s", asGiven(v), want)
		}
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, fmt.Errorf("%s is not a finite number: want %s", asGiven(v), want)
		}
		f, out = x, x
	}
	if f < r.Min || f > r.Max {
		return nil, fmt.Errorf("%s is out of range: want %s", asGiven(v), want)
	}
	return out, nil
}

// asGiven is a value as the user gave it: strings quoted.
func asGiven(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(v)
}

// toWhole reads a whole number: an integer, an integral float (YAML may
// write 200.0) or a decimal string.
func toWhole(v any) (int64, error) {
	switch x := v.(type) {
	case int:
		return int64(x), nil
	case int64:
		return x, nil
	case int32:
		return int64(x), nil
	case uint64:
		if x > math.MaxInt64 {
			return 0, errors.New("too large")
		}
		return int64(x), nil
	case float64:
		if x != math.Trunc(x) || math.IsInf(x, 0) || x < math.MinInt64 || x >= math.MaxInt64 {
			return 0, errors.New("not whole")
		}
		return int64(x), nil
	case string:
		return strconv.ParseInt(x, 10, 64)
	}
	return 0, fmt.Errorf("unexpected %T", v)
}

// toFloat reads a number: an integer, a float or a decimal string.
func toFloat(v any) (float64, error) {
	switch x := v.(type) {
	case float64:
		return x, nil
	case float32:
		return float64(x), nil
	case string:
		return strconv.ParseFloat(x, 64)
	}
	n, err := toWhole(v)
	return float64(n), err
}

// toDuration reads a duration: a time.Duration, or a string with a unit
// ("30s", "2m"). A bare number is refused: it would be nanoseconds.
func toDuration(v any) (time.Duration, error) {
	switch x := v.(type) {
	case time.Duration:
		return x, nil
	case string:
		d, err := time.ParseDuration(x)
		if err != nil {
			if _, nerr := strconv.ParseFloat(x, 64); nerr == nil {
				return 0, errors.New("has no unit (write 30s, 2m or 1h)")
			}
			return 0, errors.New("is not a duration (write 30s, 2m or 1h)")
		}
		return d, nil
	case int, int64, float64:
		return 0, errors.New("has no unit (write 30s, 2m or 1h)")
	}
	return 0, errors.New("is not a duration (write 30s, 2m or 1h)")
}
