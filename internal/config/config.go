// Package config is diplograph's configuration. One registry of settings
// (Registry) feeds the command-line flags, the environment bindings,
// `--help`, `config show` and the README table; Load reads the values with
// precedence flag > environment > config file > default, checks every one
// (numbers against their ranges, the alliance weights, the lists), and gives
// them as a typed Config: commands read fields, never keys.
package config

import (
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cast"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/diplograph/diplograph/alliance"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/localserver"
	"github.com/diplograph/diplograph/ingest"
)

// Config is the loaded configuration, checked and typed. Its methods say
// where a value came from (Source), list the effective values (Entries),
// and build what needs more than a value: the password (read from
// neo4j.password_file), the database and local-server configurations, the
// sources.
type Config struct {
	Neo4j    Neo4j
	Local    Local
	Extract  Extract
	Ingest   Ingest
	Alliance Alliance
	Schedule Schedule

	v     *viper.Viper
	flags *pflag.FlagSet
	file  string // config file used ("" = none)
}

// Neo4j is the database to use (neo4j.*); the password is Password().
type Neo4j struct {
	URI, User, Database string
	ConnectTimeout      time.Duration
}

// Local is the local server's configuration (local.*).
type Local struct {
	Home               string
	BoltPort, HTTPPort int
	Heap, PageCache    string
	StartTimeout       time.Duration
	Java, Maven        string
}

// Extract names the user's dictionaries (extract.*).
type Extract struct {
	LexiconDirs  []string
	Dictionaries []string
}

// Ingest is how articles are read and written (ingest.*).
type Ingest struct {
	Workers, BatchSize, MaxArticleBytes int
	AllowUndated                        bool
	ReadTimeout                         time.Duration
	HTTPAllow                           []string
	FeedBudget                          time.Duration
	FeedConcurrency, FeedPerHost        int
}

// Alliance is how relations become alignment scores (alliance.*).
type Alliance struct {
	// Weights overrides the built-in weight of relation types, keyed by
	// the type in upper case: only the types the configuration names.
	// EffectiveWeights is every type's weight.
	Weights map[string]float64
	// PlannedFactor scales planned events (alliance.planned_factor).
	PlannedFactor float64
	// EventWindow is alliance.event_window in days: reports of one event
	// key whose dates are at most this far apart are one event (0 = the
	// same day only).
	EventWindow int
	// MinEvents is alliance.min_events: a period with fewer events shows
	// no alignment index (at least 1).
	MinEvents int
	// Rolling is alliance.rolling: the alignment index of a period is
	// computed over this many periods ending with it (at least 1).
	Rolling int
}

// EffectiveWeights is the weight of every relation type: the defaults
// (alliance.DefaultWeights) with the configured overrides applied. The
// overrides were checked when the configuration was loaded, so a loaded
// Config never fails here; a Config built by hand with a bad override
// gets the error of alliance.NewWeights.
func (a Alliance) EffectiveWeights() (alliance.Weights, error) {
	return alliance.NewWeights(a.Weights)
}

// QueryWeights is EffectiveWeights as the $weights parameter of a query:
// a map from relation type to number, as the driver sends it.
func (a Alliance) QueryWeights() (map[string]any, error) {
	w, err := a.EffectiveWeights()
	if err != nil {
		return nil, err
	}
	out := make(map[string]any, len(w))
	for k, v := range w {
		out[k] = v
	}
	return out, nil
}

// Schedule is when and how `schedule` runs (schedule.*).
type Schedule struct {
	Cron                string
	LockTTL, StallLimit time.Duration
}

// File is the config file the values were read from ("" = none).
func (c *Config) File() string { return c.file }

// configPaths are searched, in order, for diplograph.yaml.
func configPaths() []string {
	xdg := os.Getenv("XDG_CONFIG_HOME")
	if xdg == "" {
		if h, err := os.UserHomeDir(); err == nil {
			xdg = filepath.Join(h, ".config")
		}
	}
	paths := []string{"."}
	if xdg != "" {
		paths = append(paths, filepath.Join(xdg, "diplograph"))
	}
	return append(paths, "/etc/diplograph")
}

// Load reads the configuration with precedence flag > environment > config
// file > default. flags holds the settings' flags (AddFlags), explicit is the
// --config path ("" = search), warn receives warnings (unknown keys). Every
// value is checked: the error names the key, the value and where it came
// from.
func Load(flags *pflag.FlagSet, explicit string, warn io.Writer) (*Config, error) {
	v := viper.New()
	for _, s := range Registry {
		v.SetDefault(s.Key, s.Def)
		if err := v.BindEnv(append([]string{s.Key}, s.Env...)...); err != nil {
			return nil, err
		}
		if s.Flag != "" {
			if f := flags.Lookup(s.Flag); f != nil {
				if err := v.BindPFlag(s.Key, f); err != nil {
					return nil, err
				}
			}
		}
	}
	c := &Config{v: v, flags: flags}
	v.SetConfigType("yaml") // the only format, whatever the file is called
	if explicit != "" {
		v.SetConfigFile(explicit)
		if err := v.ReadInConfig(); err != nil {
			return nil, fmt.Errorf("config: %s: %w", explicit, err)
		}
		c.file = explicit
	} else {
		// Only diplograph.yaml (or .yml) is looked for: viper's own search
		// would also take a file named just "diplograph", such as the
		// binary itself in the working directory.
		if found := findConfigFile(configPaths()); found != "" {
			v.SetConfigFile(found)
			if err := v.ReadInConfig(); err != nil {
				return nil, fmt.Errorf("config: %s: %w", found, err)
			}
			c.file = found
		}
	}
	if c.file != "" && warn != nil {
		for _, k := range c.unknownKeys() {
			fmt.Fprintf(warn, "warning: %s: unknown configuration key %q (see `diplograph config show`)\n", c.file, k)
		}
	}
	if warn != nil {
		c.warnRemoved(warn)
	}
	if err := c.validate(); err != nil {
		return nil, err
	}
	if err := c.fill(); err != nil {
		return nil, err
	}
	return c, nil
}

// fill sets the typed fields from the checked values: the one place where
// keys become fields.
func (c *Config) fill() error {
	v := c.v
	c.Neo4j = Neo4j{
		URI:            v.GetString("neo4j.uri"),
		User:           v.GetString("neo4j.user"),
		Database:       v.GetString("neo4j.database"),
		ConnectTimeout: v.GetDuration("neo4j.connect_timeout"),
	}
	c.Local = Local{
		Home:         v.GetString("local.home"),
		BoltPort:     v.GetInt("local.bolt_port"),
		HTTPPort:     v.GetInt("local.http_port"),
		Heap:         v.GetString("local.heap"),
		PageCache:    v.GetString("local.pagecache"),
		StartTimeout: v.GetDuration("local.start_timeout"),
		Java:         v.GetString("local.java"),
		Maven:        v.GetString("local.maven"),
	}
	c.Extract = Extract{
		LexiconDirs:  c.list("extract.lexicon_dirs"),
		Dictionaries: c.list("extract.dictionaries"),
	}
	c.Ingest = Ingest{
		Workers:         v.GetInt("ingest.workers"),
		BatchSize:       v.GetInt("ingest.batch_size"),
		MaxArticleBytes: v.GetInt("ingest.max_article_bytes"),
		AllowUndated:    v.GetBool("ingest.allow_undated"),
		ReadTimeout:     v.GetDuration("ingest.read_timeout"),
		HTTPAllow:       c.list("ingest.http_allow"),
		FeedBudget:      v.GetDuration("ingest.feed_budget"),
		FeedConcurrency: v.GetInt("ingest.feed_concurrency"),
		FeedPerHost:     v.GetInt("ingest.feed_per_host"),
	}
	weights := map[string]float64{}
	for k, w := range v.GetStringMap("alliance.weights") {
		f, err := cast.ToFloat64E(w) // checked by checkWeights
		if err != nil {
			return fmt.Errorf("config: alliance.weights.%s: %v is not a number", strings.ToUpper(k), w)
		}
		weights[strings.ToUpper(k)] = f
	}
	c.Alliance = Alliance{
		Weights:       weights,
		PlannedFactor: v.GetFloat64("alliance.planned_factor"),
		EventWindow:   v.GetInt("alliance.event_window"),
		MinEvents:     v.GetInt("alliance.min_events"),
		Rolling:       v.GetInt("alliance.rolling"),
	}
	c.Schedule = Schedule{
		Cron:       v.GetString("schedule.cron"),
		LockTTL:    v.GetDuration("schedule.lock_ttl"),
		StallLimit: v.GetDuration("schedule.stall_limit"),
	}
	return nil
}

// validate checks every numeric Setting against its range and the
// alliance weights, so that a bad value fails every command at once,
// naming the key, the value and where it came from. Checked numbers are
// stored back in their type, so later reads see exactly what was checked.
func (c *Config) validate() error {
	for _, s := range Registry {
		if s.Range == nil {
			continue
		}
		val, err := s.Check(c.v.Get(s.Key))
		if err != nil {
			return fmt.Errorf("config: %s (%s): %w", s.Key, c.Source(s.Key), err)
		}
		c.v.Set(s.Key, val)
	}
	if err := ingest.CheckAllowHosts(c.list("ingest.http_allow")); err != nil {
		return fmt.Errorf("config: ingest.http_allow (%s): %w", c.Source("ingest.http_allow"), err)
	}
	return c.checkWeights()
}

// checkWeights checks alliance.weights: a map from relation types (any
// case) to finite numbers within alliance.MaxWeight.
func (c *Config) checkWeights() error {
	const key = "alliance.weights"
	raw := c.v.Get(key)
	var m map[string]any
	switch x := raw.(type) {
	case nil:
		return nil
	case map[string]float64:
		m = map[string]any{}
		for k, v := range x {
			m[k] = v
		}
	case map[string]any:
		m = x
	default:
		return fmt.Errorf("config: %s (%s): %s is not a map of relation types to weights, e.g. {MET_WITH: 3}", key, c.Source(key), asGiven(raw))
	}
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		typ := strings.ToUpper(k)
		if _, ok := alliance.DefaultWeights[typ]; !ok {
			known := slices.Sorted(maps.Keys(alliance.DefaultWeights))
			return fmt.Errorf("config: %s.%s (%s): not a relation type (want one of %s)", key, typ, c.Source(key), strings.Join(known, ", "))
		}
		w, err := CheckNumber(0.0, Range{-alliance.MaxWeight, alliance.MaxWeight}, m[k])
		if err != nil {
			return fmt.Errorf("config: %s.%s (%s): %w", key, typ, c.Source(key), err)
		}
		if err := alliance.CheckWeight(w.(float64)); err != nil {
			return fmt.Errorf("config: %s.%s (%s): %w", key, typ, c.Source(key), err)
		}
	}
	return nil
}

// list reads a list Setting. From a YAML list or a flag it is the list
// given; from an environment variable, a string of comma-separated items
// (viper alone would split it at white space, breaking paths with spaces).
func (c *Config) list(key string) []string {
	raw, ok := c.v.Get(key).(string)
	if !ok {
		return c.v.GetStringSlice(key)
	}
	var out []string
	for _, item := range strings.Split(raw, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// findConfigFile is the first diplograph.yaml or diplograph.yml in dirs.
func findConfigFile(dirs []string) string {
	for _, d := range dirs {
		for _, name := range []string{"diplograph.yaml", "diplograph.yml"} {
			p := filepath.Join(d, name)
			if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
				return p
			}
		}
	}
	return ""
}

// unknownKeys lists keys in the config file that no Setting knows, so a
// typo does not silently fall back to a default.
func (c *Config) unknownKeys() []string {
	var bad []string
	for _, k := range c.v.AllKeys() {
		if _, ok := Lookup(k); !ok && c.v.InConfig(k) && !knownSection(k) && !isRemoved(k) {
			bad = append(bad, k)
		}
	}
	sort.Strings(bad)
	return bad
}

// isRemoved: k is a removed setting, or lies under one (a YAML map given
// as its value), which warnRemoved reports instead.
func isRemoved(k string) bool {
	for _, r := range Removed {
		if k == r.Key || strings.HasPrefix(k, r.Key+".") {
			return true
		}
	}
	return false
}

// warnRemoved writes one warning for each removed setting that the config
// file or a (non-empty) environment variable still sets: it has no effect
// any more, and why.
func (c *Config) warnRemoved(warn io.Writer) {
	for _, r := range Removed {
		if c.fileSets(r.Key) {
			fmt.Fprintf(warn, "warning: %s: configuration key %q has no effect any more (%s): remove it\n", c.file, r.Key, r.Why)
		}
		for _, e := range r.Env {
			if v, ok := os.LookupEnv(e); ok && v != "" {
				fmt.Fprintf(warn, "warning: environment variable %s (%s) has no effect any more (%s): unset it\n", e, r.Key, r.Why)
			}
		}
	}
}

// fileSets: the config file sets key (to a value, null or a map). For a
// key that is not a Setting only: viper holds such a key only when the
// file has it.
func (c *Config) fileSets(key string) bool {
	if c.file == "" {
		return false
	}
	for _, k := range c.v.AllKeys() {
		if k == key || strings.HasPrefix(k, key+".") {
			return true
		}
	}
	return false
}

// knownSection: sections that later parts of the tool read themselves.
func knownSection(k string) bool {
	for _, p := range []string{"alliance.weights."} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// Source says where the value of key comes from: "flag --x", "env NAME",
// "file PATH" or "default".
func (c *Config) Source(key string) string {
	s, _ := Lookup(key)
	if s.Flag != "" {
		if f := c.flags.Lookup(s.Flag); f != nil && f.Changed {
			return "flag --" + s.Flag
		}
	}
	for _, e := range s.Env {
		if v, ok := os.LookupEnv(e); ok && v != "" {
			return "env " + e
		}
	}
	if c.file != "" && c.v.InConfig(key) {
		return "file " + c.file
	}
	return "default"
}

func rank(source string) int {
	switch {
	case strings.HasPrefix(source, "flag"):
		return 3
	case strings.HasPrefix(source, "env"):
		return 2
	case strings.HasPrefix(source, "file"):
		return 1
	}
	return 0
}

// Password resolves neo4j.password and neo4j.password_file: the one set
// with higher precedence wins; on a tie, the file.
func (c *Config) Password() (string, error) {
	pw, file := c.v.GetString("neo4j.password"), c.v.GetString("neo4j.password_file")
	if file == "" || (pw != "" && rank(c.Source("neo4j.password")) > rank(c.Source("neo4j.password_file"))) {
		return pw, nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("config: neo4j.password_file: %w", err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	if line = strings.TrimSpace(line); line == "" {
		return "", fmt.Errorf("config: neo4j.password_file: %s is empty", file)
	}
	return line, nil
}

// LocalServer is the local server's configuration, progress messages
// going to progress.
func (c *Config) LocalServer(progress io.Writer) (localserver.Options, error) {
	pw, err := c.Password()
	if err != nil {
		return localserver.Options{}, err
	}
	l := c.Local
	return localserver.Options{
		Home:         l.Home,
		BoltPort:     l.BoltPort,
		HTTPPort:     l.HTTPPort,
		Heap:         l.Heap,
		PageCache:    l.PageCache,
		Password:     pw,
		Java:         l.Java,
		Maven:        l.Maven,
		StartTimeout: l.StartTimeout,
		Progress:     progress,
	}, nil
}

// Graph is the database configuration; URI "" means the local server.
func (c *Config) Graph() (graph.Config, error) {
	pw, err := c.Password()
	if err != nil {
		return graph.Config{}, err
	}
	uri := c.Neo4j.URI
	if graph.HasCredentials(uri) {
		return graph.Config{}, fmt.Errorf("config: neo4j.uri %s (%s): a user or password in the URI is refused (it would show wherever the URI is printed): "+
			"set the user with neo4j.user and the password with neo4j.password_file or DIPLOGRAPH_NEO4J_PASSWORD",
			graph.RedactURI(uri), c.Source("neo4j.uri"))
	}
	// The graph's zero window means its default; the setting's 0 means
	// the same day only.
	window := c.Alliance.EventWindow
	if window == 0 {
		window = graph.SameDayOnly
	}
	return graph.Config{
		URI:            uri,
		User:           c.Neo4j.User,
		Password:       pw,
		Database:       c.Neo4j.Database,
		ConnectTimeout: c.Neo4j.ConnectTimeout,
		EventWindow:    window,
	}, nil
}

// Entry is one row of `config show`.
type Entry struct {
	Key    string `json:"key"`
	Value  any    `json:"value"`
	Source string `json:"source"`
}

// Entries is the effective configuration with sources, secrets redacted.
func (c *Config) Entries() []Entry {
	var es []Entry
	for _, s := range Registry {
		val := c.v.Get(s.Key)
		if _, ok := s.Def.(time.Duration); ok {
			val = c.v.GetDuration(s.Key).String()
		}
		if s.Secret {
			if str := c.v.GetString(s.Key); str != "" {
				val = "<redacted>"
			}
		}
		val = redactURIs(val)
		es = append(es, Entry{Key: s.Key, Value: val, Source: c.Source(s.Key)})
	}
	return es
}

// redactURIs replaces the password of every URI in v (a string, or lists
// and maps of them, as sources are) by xxxxx: bolt://neo4j:xxxxx@host.
func redactURIs(v any) any {
	switch x := v.(type) {
	case string:
		return graph.RedactURI(x)
	case []string:
		out := make([]string, len(x))
		for i, e := range x {
			out[i] = graph.RedactURI(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = redactURIs(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = redactURIs(e)
		}
		return out
	}
	return v
}

// AddFlags defines the flag of every setting that has one on fs, its usage
// naming the environment variables too. Load binds them.
func AddFlags(fs *pflag.FlagSet) {
	for _, s := range Registry {
		if s.Flag == "" {
			continue
		}
		usage := s.Help + s.EnvHelp()
		switch d := s.Def.(type) {
		case string:
			fs.String(s.Flag, d, usage)
		case int:
			fs.Int(s.Flag, d, usage)
		case bool:
			fs.Bool(s.Flag, d, usage)
		case []string:
			fs.StringSlice(s.Flag, d, usage)
		default:
			fs.String(s.Flag, fmt.Sprint(d), usage)
		}
	}
}
