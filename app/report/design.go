package report

import (
	"encoding/json"
	"strings"

	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// The charts' design. Options are built for a chart of designWidth × designHeight CSS
// pixels; web/charts.js scales every size in them by the width drawn at over
// designWidth (twice for the 1600 × 900 exports, so that a title is 36 px and every
// label at least 20 px on a slide), and no less than once on the page. It wraps the
// title, headline and subtitle to the width and starts the plot below them.
const (
	designWidth, designHeight = 800, 450

	titleSize, titleLine       = 18, 24 // the chart's name
	headlineSize, headlineLine = 14, 19 // the chart's message, in the image itself
	textSize, textLine         = 11, 15 // subtitle: scenario, units, date, source
	labelSize                  = 12     // axis labels and names, legend
	dataSize                   = 11     // data labels on bars and lines
	textColor, mutedColor      = "#1a1a1a", "#404040"
)

// Colours: one per meaning, the same in every chart, each at least 3:1 against white
// (checked in design_test.go), so that a mark is seen on a projected slide.
const (
	colorPlan      = "#2166ac" // the current plan, its platforms, the scenario compared against
	colorRec       = "#7b3294" // the recommendation
	colorOther     = "#737373" // platforms not in the plan, other scenarios
	colorStaff     = "#c2410c" // staff time (hidden cost)
	colorSticker   = "#4d4d4d" // sticker price: tools and ads
	colorCost      = "#b2182b" // total cost
	colorValue     = "#1b7837" // value
	colorNet       = "#01665e" // net value; draws that pay
	colorLoss      = "#c51b7d" // net value below zero; draws that do not pay
	colorLowEnd    = "#8c510a" // an input at the low end of its range
	colorHighEnd   = "#6b7a00" // an input at the high end of its range
	colorBreakEven = "#1a1a1a" // the break-even mark
)

// palette is every colour a chart draws marks with, by meaning.
var palette = map[string]string{
	"current plan": colorPlan, "recommendation": colorRec, "other": colorOther,
	"staff time": colorStaff, "sticker price": colorSticker, "total cost": colorCost,
	"value": colorValue, "net": colorNet, "loss": colorLoss,
	"input at its low end": colorLowEnd, "input at its high end": colorHighEnd, "break-even": colorBreakEven,
}

// wholeMoney is an amount in whole units of currency for a chart's labels: "56,520 EUR"
// (the data table has the cents).
func wholeMoney(d decimal.Decimal, cur string) string {
	return calc.Grouped(d.Round(0).StringFixed(0)) + " " + cur
}

// option is an ECharts option as JSON objects, to finish what go-echarts has no
// field for.
type option map[string]any

func toOption(c interface{ JSON() map[string]interface{} }) option {
	data, err := json.Marshal(c.JSON())
	if err != nil {
		return option{}
	}
	var m option
	if json.Unmarshal(data, &m) != nil {
		return option{}
	}
	return m
}

// obj returns m[key] as an object, made when missing (the first one of a list).
func obj(m map[string]any, key string) map[string]any {
	switch v := m[key].(type) {
	case map[string]any:
		return v
	case []any:
		if len(v) > 0 {
			if o, ok := v[0].(map[string]any); ok {
				return o
			}
		}
	}
	o := map[string]any{}
	m[key] = o
	return o
}

// list returns m[key] as a list of objects.
func list(m map[string]any, key string) []map[string]any {
	var out []map[string]any
	switch v := m[key].(type) {
	case map[string]any:
		out = append(out, v)
	case []any:
		for _, x := range v {
			if o, ok := x.(map[string]any); ok {
				out = append(out, o)
			}
		}
	}
	return out
}

// styled gives every text of the option the design's size and colour: axis labels
// and names, legend, data and mark-line labels; the palette replaces ECharts' own.
// headline, when not empty, is drawn under the title (a second title component that
// web/charts.js places).
func (m option) styled(headline string) option {
	legend := obj(m, "legend")["show"] != false
	bottom := 44 // room for the labels and name of a horizontal axis
	if legend {
		bottom = 68
	}
	for _, key := range []string{"xAxis", "yAxis"} {
		for _, ax := range list(m, key) {
			l := obj(ax, "axisLabel")
			l["fontSize"], l["color"] = labelSize, mutedColor
			// ECharts leaves out labels that would overlap (the page's narrow charts).
			l["hideOverlap"] = true
			if _, cats := ax["data"]; key == "xAxis" && ax["type"] != "category" && !cats {
				// The last label of a value axis ends at its tick, inside the chart:
				// centred on it, a long amount (rupiah, yen) was cut at the edge.
				l["alignMaxLabel"] = "right"
			}
			n := obj(ax, "nameTextStyle")
			n["fontSize"], n["color"] = labelSize, mutedColor
			switch {
			case ax["nameLocation"] == "middle":
				ax["nameGap"] = 26
			case key == "yAxis" && ax["name"] != nil && ax["type"] != "category":
				// A vertical axis's name above it, from its left end (web/charts.js
				// starts the plot below it).
				ax["nameLocation"], ax["nameGap"] = "end", 10
				n["align"] = "left"
			}
		}
	}
	obj(m, "grid")["bottom"] = bottom
	for _, s := range list(m, "series") {
		if l, ok := s["label"].(map[string]any); ok {
			if _, set := l["fontSize"]; !set {
				l["fontSize"] = dataSize
			}
			if _, set := l["color"]; !set {
				l["color"] = textColor
			}
		}
		if ml, ok := s["markLine"].(map[string]any); ok {
			l := obj(ml, "label")
			l["fontSize"], l["color"] = dataSize, textColor
			ls := obj(ml, "lineStyle")
			ls["color"], ls["width"] = colorBreakEven, 1.5
		}
	}
	if lg := obj(m, "legend"); legend {
		lg["textStyle"] = map[string]any{"fontSize": labelSize, "color": textColor}
		lg["itemWidth"], lg["itemHeight"], lg["itemGap"] = 20, 11, 16
	}
	m["color"] = []string{colorPlan, colorRec, colorOther}
	// ECharts' defaults for text this design draws none of, in its sizes too: the
	// exports are checked for small text through the option ECharts used.
	m["textStyle"] = map[string]any{"fontSize": dataSize}
	obj(m, "tooltip")["textStyle"] = map[string]any{"fontSize": 13}
	obj(m, "legend")["selectorLabel"] = map[string]any{"fontSize": dataSize}
	t := obj(m, "title")
	t["padding"] = 0
	t["itemGap"] = 6
	title := []any{t}
	if headline != "" {
		title = append(title, map[string]any{"text": headline, "left": "center", "padding": 0,
			"textStyle":    map[string]any{"fontSize": headlineSize, "lineHeight": headlineLine, "fontWeight": "bold", "color": textColor},
			"subtextStyle": map[string]any{"fontSize": textSize}})
	}
	m["title"] = title
	m["backgroundColor"] = "#ffffff"
	// go-echarts writes an empty toolbox, which ECharts' full build (the command line's
	// render) draws as an empty box and the page's build leaves out.
	delete(m, "toolbox")
	return m
}

// rows asks web/charts.js to make the chart as tall on the page as its categories
// need: height design pixels a category (the exports stay 16:9).
func (m option) rows(height int) option {
	m["roiLayout"] = map[string]any{"rowHeight": height}
	return m
}

func (m option) String() string {
	data, err := json.Marshal(m)
	if err != nil {
		return "{}"
	}
	return string(data)
}

// plain keeps a name from being read as ECharts' formatter or rich-text markup in a
// label: braces and bars are shown as look-alikes.
var plain = strings.NewReplacer("{", "(", "}", ")", "|", "¦")
