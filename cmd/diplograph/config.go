package main

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

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/diplograph/diplograph/alliance"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/localserver"
	"github.com/diplograph/diplograph/ingest"
)

// config is the loaded configuration: viper for the values, plus what is
// needed to say where each value came from.
type config struct {
	v     *viper.Viper
	flags *pflag.FlagSet
	file  string // config file used ("" = none)
}

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

// loadConfig reads the configuration with precedence flag > environment >
// config file > default. explicit is the --config path ("" = search).
func loadConfig(flags *pflag.FlagSet, explicit string, warn io.Writer) (*config, error) {
	v := viper.New()
	for _, s := range settings {
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
	c := &config{v: v, flags: flags}
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
	if err := c.validate(); err != nil {
		return nil, err
	}
	return c, nil
}

// validate checks every numeric setting against its range and the
// alliance weights, so that a bad value fails every command at once,
// naming the key, the value and where it came from. Checked numbers are
// stored back in their type, so later reads see exactly what was checked.
func (c *config) validate() error {
	for _, s := range settings {
		if s.Range == nil {
			continue
		}
		val, err := s.check(c.v.Get(s.Key))
		if err != nil {
			return fmt.Errorf("config: %s (%s): %w", s.Key, c.source(s.Key), err)
		}
		c.v.Set(s.Key, val)
	}
	if err := ingest.CheckAllowHosts(c.list("ingest.http_allow")); err != nil {
		return fmt.Errorf("config: ingest.http_allow (%s): %w", c.source("ingest.http_allow"), err)
	}
	return c.checkWeights()
}

// checkWeights checks alliance.weights: a map from relation types (any
// case) to finite numbers within alliance.MaxWeight.
func (c *config) checkWeights() error {
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
		return fmt.Errorf("config: %s (%s): %s is not a map of relation types to weights, e.g. {MET_WITH: 3}", key, c.source(key), asGiven(raw))
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
			return fmt.Errorf("config: %s.%s (%s): not a relation type (want one of %s)", key, typ, c.source(key), strings.Join(known, ", "))
		}
		w, err := checkNumber(0.0, numRange{-alliance.MaxWeight, alliance.MaxWeight}, m[k])
		if err != nil {
			return fmt.Errorf("config: %s.%s (%s): %w", key, typ, c.source(key), err)
		}
		if err := alliance.CheckWeight(w.(float64)); err != nil {
			return fmt.Errorf("config: %s.%s (%s): %w", key, typ, c.source(key), err)
		}
	}
	return nil
}

// list reads a list setting. From a YAML list or a flag it is the list
// given; from an environment variable, a string of comma-separated items
// (viper alone would split it at white space, breaking paths with spaces).
func (c *config) list(key string) []string {
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

// unknownKeys lists keys in the config file that no setting knows, so a
// typo does not silently fall back to a default.
func (c *config) unknownKeys() []string {
	var bad []string
	for _, k := range c.v.AllKeys() {
		if _, ok := lookupSetting(k); !ok && c.v.InConfig(k) && !knownSection(k) {
			bad = append(bad, k)
		}
	}
	sort.Strings(bad)
	return bad
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

// source says where the value of key comes from: "flag --x", "env NAME",
// "file PATH" or "default".
func (c *config) source(key string) string {
	s, _ := lookupSetting(key)
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

// password resolves neo4j.password and neo4j.password_file: the one set
// with higher precedence wins; on a tie, the file.
func (c *config) password() (string, error) {
	pw, file := c.v.GetString("neo4j.password"), c.v.GetString("neo4j.password_file")
	if file == "" || (pw != "" && rank(c.source("neo4j.password")) > rank(c.source("neo4j.password_file"))) {
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

// localOptions is the local server's configuration.
func (c *config) localOptions(progress io.Writer) (localserver.Options, error) {
	pw, err := c.password()
	if err != nil {
		return localserver.Options{}, err
	}
	return localserver.Options{
		Home:         c.v.GetString("local.home"),
		BoltPort:     c.v.GetInt("local.bolt_port"),
		HTTPPort:     c.v.GetInt("local.http_port"),
		Heap:         c.v.GetString("local.heap"),
		PageCache:    c.v.GetString("local.pagecache"),
		Password:     pw,
		Java:         c.v.GetString("local.java"),
		Maven:        c.v.GetString("local.maven"),
		StartTimeout: c.v.GetDuration("local.start_timeout"),
		Progress:     progress,
	}, nil
}

// graphConfig is the database configuration; URI "" means the local server.
func (c *config) graphConfig() (graph.Config, error) {
	pw, err := c.password()
	if err != nil {
		return graph.Config{}, err
	}
	uri := c.v.GetString("neo4j.uri")
	if graph.HasCredentials(uri) {
		return graph.Config{}, fmt.Errorf("config: neo4j.uri %s (%s): a user or password in the URI is refused (it would show wherever the URI is printed): "+
			"set the user with neo4j.user and the password with neo4j.password_file or DIPLOGRAPH_NEO4J_PASSWORD",
			graph.RedactURI(uri), c.source("neo4j.uri"))
	}
	return graph.Config{
		URI:            uri,
		User:           c.v.GetString("neo4j.user"),
		Password:       pw,
		Database:       c.v.GetString("neo4j.database"),
		ConnectTimeout: c.v.GetDuration("neo4j.connect_timeout"),
	}, nil
}

// entry is one row of `config show`.
type entry struct {
	Key    string `json:"key"`
	Value  any    `json:"value"`
	Source string `json:"source"`
}

// entries is the effective configuration with sources, secrets redacted.
func (c *config) entries() []entry {
	var es []entry
	for _, s := range settings {
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
		es = append(es, entry{Key: s.Key, Value: val, Source: c.source(s.Key)})
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
