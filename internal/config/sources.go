package config

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/cast"

	"github.com/diplograph/diplograph/ingest"
)

// sourceEntry is one item of `sources:` in diplograph.yaml.
type sourceEntry struct {
	Name     string         `mapstructure:"name"`
	Kind     string         `mapstructure:"kind"`
	Location string         `mapstructure:"location"`
	Options  map[string]any `mapstructure:"options"`
}

// Sources are the configured sources, checked; a relative path is taken
// relative to the config file's directory.
func (c *Config) Sources() ([]ingest.SourceConfig, error) {
	if !c.v.IsSet("sources") {
		return nil, nil
	}
	where := "config"
	if c.file != "" {
		where = "config: " + c.file
	}
	var entries []sourceEntry
	if err := c.v.UnmarshalKey("sources", &entries, func(dc *mapstructure.DecoderConfig) { dc.ErrorUnused = true }); err != nil {
		return nil, fmt.Errorf("%s: sources: %w (each source is {name, kind, location, options})", where, err)
	}
	out := make([]ingest.SourceConfig, 0, len(entries))
	for i, e := range entries {
		sc := ingest.SourceConfig{Name: e.Name, Kind: e.Kind, Location: e.Location}
		keys := make([]string, 0, len(e.Options))
		for k := range e.Options {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v := e.Options[k]
			var err error
			switch k {
			case "include":
				sc.Include, err = cast.ToStringSliceE(v)
			case "exclude":
				sc.Exclude, err = cast.ToStringSliceE(v)
			case "skip_pages":
				sc.SkipPages, err = cast.ToBoolE(v)
			case "source":
				sc.Source, err = cast.ToStringE(v)
			default:
				err = fmt.Errorf("unknown option (include, exclude, skip_pages, source)")
			}
			if err != nil {
				return nil, fmt.Errorf("%s: sources[%d] (%s): options.%s: %w", where, i, e.Name, k, err)
			}
		}
		if !sc.IsURL() && sc.Location != "" && sc.Location != "-" && !filepath.IsAbs(sc.Location) && c.file != "" {
			sc.Location = filepath.Join(filepath.Dir(c.file), sc.Location)
		}
		out = append(out, sc)
	}
	if err := ingest.ValidateSources(out); err != nil {
		return nil, fmt.Errorf("%s: %s", where, strings.ReplaceAll(err.Error(), "\n", "; "))
	}
	return out, nil
}
