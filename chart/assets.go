package chart

import (
	_ "embed"
	"regexp"
	"strings"
	"sync"
)

// echartsJS is Apache ECharts (dist/echarts.min.js of the echarts npm
// package, Apache-2.0), vendored into assets/ by scripts/vendor-echarts.sh.
//
//go:embed assets/echarts.min.js
var echartsJS string

//go:embed assets/VERSION
var echartsVersion string

// EChartsVersion is the version of the ECharts library HTML pages inline.
func EChartsVersion() string { return strings.TrimSpace(echartsVersion) }

// inlineScript is echartsJS as an HTML <script> element. A "</script" in
// the source would end the element early; in JavaScript "<\/" means "</"
// wherever such a sequence can occur (strings, regular expressions), so it
// is escaped that way.
var inlineScript = sync.OnceValue(func() string { return scriptElement(echartsJS, EChartsVersion()) })

func scriptElement(js, version string) string {
	js = scriptEnd.ReplaceAllStringFunc(js, func(s string) string { return `<\/` + s[2:] })
	return "<script>/* Apache ECharts " + version + ", Apache-2.0, https://echarts.apache.org */\n" + js + "\n</script>"
}

var scriptEnd = regexp.MustCompile(`(?i)</script`)

// assets is the part of a go-echarts chart that holds its script tags.
type assets interface {
	ClearPresetJSAssets()
	AddCustomizedHeaders(headers ...string)
}

// useAssets makes the page load ECharts from host when host is set, or
// carry it inline when host is "": the preset script tags go-echarts adds
// (echarts.min.js, and themes or maps if a chart asked for one) are
// dropped and the library goes into the head, so the page needs no network
// and no file beside it.
func useAssets(c assets, host string) {
	if host != "" {
		return
	}
	c.ClearPresetJSAssets()
	c.AddCustomizedHeaders(inlineScript())
}
