//go:build !js

package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// exit statuses of the command line.
const (
	exitOK      = 0
	exitFailure = 1 // the tool itself failed
	exitInput   = 2 // bad input: usage, unreadable or invalid file
)

const usage = `Platform selection and ROI calculator for public-diplomacy teams.

Usage:
  platformroi calc [--json] [FILE]   results for the scenario FILE (the default scenario without FILE)
  platformroi datasets               the embedded datasets, with source, year and measure
  platformroi site [--out DIR] [--base PATH] [--version V] [--wasm FILE] [--echarts FILE]
                                     write the static site, with compressed copies (make site)
  platformroi serve [--dir DIR] [--addr HOST:PORT] [--base PATH]   serve a built site
  platformroi render [--format png|svg] [--out DIR] [--echarts PATH] [--web DIR] FILE...
                                     the charts of each scenario FILE as images, drawn by headless Chromium
  platformroi help                   this text

calc prints a table, or with --json the results document. Invalid input exits with
status 2 and prints every problem on stderr, one per line, naming the field.

render writes DIR/NAME-CHART.png (3200 x 1800 pixels) or .svg (1600 x 900) for each
chart, NAME being FILE's name without .json, and prints each file's path. It finds
Chromium through $CHROMIUM, /usr/bin/chromium or PATH, and ECharts and charts.js in
node_modules/ and web/ (run it from the repository's root, or pass --echarts, --web).
`

// run is the command line; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitInput
	}
	switch args[0] {
	case "calc":
		return runCalc(args[1:], stdout, stderr)
	case "datasets":
		if len(args) > 1 {
			fmt.Fprintf(stderr, "datasets takes no arguments, found %q\n", args[1])
			return exitInput
		}
		printDatasets(stdout, calc.Embedded())
		return exitOK
	case "site":
		return runSite(args[1:], stdout, stderr)
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "render":
		return runRender(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "unknown command %q\n\n%s", args[0], usage)
	return exitInput
}

func runCalc(args []string, stdout, stderr io.Writer) int {
	asJSON, file := false, ""
	for _, a := range args {
		switch {
		case a == "--json" || a == "-json":
			asJSON = true
		case strings.HasPrefix(a, "-") && a != "-":
			fmt.Fprintf(stderr, "calc: unknown flag %q (the flag is --json)\n", a)
			return exitInput
		case file != "":
			fmt.Fprintf(stderr, "calc: one scenario file at a time, found %q and %q\n", file, a)
			return exitInput
		default:
			file = a
		}
	}
	s, code := loadScenario(file, stderr)
	if s == nil {
		return code
	}
	res, err := calc.Compute(s, nil)
	if err != nil {
		return reportInput(stderr, file, err)
	}
	rec, err := calc.Recommend(s, nil)
	if err != nil {
		return reportInput(stderr, file, err)
	}
	if asJSON {
		data, err := calc.MarshalResults(res, rec)
		if err != nil {
			fmt.Fprintln(stderr, "calc:", err)
			return exitFailure
		}
		stdout.Write(data)
		return exitOK
	}
	printResult(stdout, res, rec)
	return exitOK
}

// loadScenario reads FILE ("-" is standard input), or gives the default scenario.
func loadScenario(file string, stderr io.Writer) (*calc.Scenario, int) {
	if file == "" {
		return calc.DefaultScenario(), exitOK
	}
	var data []byte
	var err error
	if file == "-" {
		data, err = readScenarioFile(os.Stdin)
	} else {
		var f *os.File
		if f, err = os.Open(file); err == nil {
			data, err = readScenarioFile(f)
			f.Close()
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: cannot read the file: %v\n", file, errors.Unwrap(err))
		return nil, exitInput
	}
	s, err := calc.LoadScenario(data, nil)
	if err != nil {
		return nil, reportFile(stderr, file, data, err)
	}
	return s, exitOK
}

// readScenarioFile reads at most one byte more than a scenario file may have: enough
// for calc.LoadScenario to refuse a larger file (as the page does) without holding it
// in memory.
func readScenarioFile(r io.Reader) ([]byte, error) {
	return io.ReadAll(io.LimitReader(r, calc.MaxScenarioFile+1))
}

// reportInput prints an input error, one problem per line, and gives exitInput.
func reportInput(stderr io.Writer, file string, err error) int {
	return reportFile(stderr, file, nil, err)
}

// reportFile prints the problems of a scenario file, one per line: the field's path,
// then its name as the page shows it (where the file can be read as a form), then the
// message, such as
//
//	plan.json: staff[0].hourlyCost (Digital officer: hourly cost): must be …
func reportFile(stderr io.Writer, file string, data []byte, err error) int {
	label := func(path string) string { return "" }
	if f, ferr := calc.ReadForm(data); ferr == nil && data != nil {
		ds := f.DatasetIn(nil)
		label = func(path string) string {
			if l := f.FieldLabel(path, ds); l != path {
				return l
			}
			return ""
		}
	}
	prefix := file
	switch file {
	case "":
		prefix = "scenario"
	case "-":
		prefix = "stdin"
	}
	var se *calc.SyntaxError
	var ie *calc.InputError
	switch {
	case errors.As(err, &se):
		fmt.Fprintf(stderr, "%s:%d:%d: not valid JSON: %s\n", prefix, se.Line, se.Column, se.Msg)
	case errors.As(err, &ie):
		for _, p := range ie.Problems {
			if l := label(p.Field); l != "" && p.Field != "" {
				fmt.Fprintf(stderr, "%s: %s (%s): %s\n", prefix, p.Field, l, p.Message)
				continue
			}
			fmt.Fprintf(stderr, "%s: %s\n", prefix, p)
		}
	default:
		fmt.Fprintf(stderr, "%s: %v\n", prefix, err)
	}
	return exitInput
}

func printDatasets(w io.Writer, c *calc.Catalog) {
	for i, d := range c.Datasets() {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s: %s\n", d.ID, d.Title)
		fmt.Fprintf(w, "  source:  %s\n", d.Source)
		fmt.Fprintf(w, "  year:    %d\n", d.Year)
		fmt.Fprintf(w, "  measure: %s\n", d.Measure)
		if d.URL != "" {
			fmt.Fprintf(w, "  url:     %s\n", d.URL)
		}
		segs := make([]string, len(d.Segments))
		for j, s := range d.Segments {
			segs[j] = s.ID
		}
		fmt.Fprintf(w, "  segments: %s\n", strings.Join(segs, ", "))
		var sourced, assumed []string
		for _, p := range d.Platforms {
			if p.IsAssumed("penetration") {
				assumed = append(assumed, p.Name)
			} else {
				sourced = append(sourced, p.Name)
			}
		}
		fmt.Fprintf(w, "  platforms with survey figures: %s\n", strings.Join(sourced, ", "))
		if len(assumed) > 0 {
			fmt.Fprintf(w, "  platforms with assumed figures (not survey data): %s\n", strings.Join(assumed, ", "))
		}
	}
}

func printResult(w io.Writer, r *calc.Result, rec *calc.Recommendation) {
	cur := r.Currency
	t := r.Totals
	fmt.Fprintf(w, "%s\n", r.Scenario)
	fmt.Fprintf(w, "Horizon %d months; amounts in %s.\n", r.HorizonMonths, cur)
	fmt.Fprintf(w, "Demographics: %s (%d). A figure is the %s\n\n", r.Dataset.Title, r.Dataset.Year, lowerFirst(r.Dataset.Measure))

	// Numbers align right; names are padded so that they read left-aligned.
	nameWidth := len("Platform")
	for _, p := range r.Platforms {
		nameWidth = max(nameWidth, len([]rune(p.Name)))
	}
	pad := func(s string) string { return s + strings.Repeat(" ", nameWidth-len([]rune(s))) }
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\tFit\tHours/week\tCost\tof which staff\tValue\tROI\tReach (people, summed over months)\t\n", pad("Platform"))
	for _, p := range r.Platforms {
		hours := p.HoursPerWeek.String()
		if p.InPlan && !p.Credible {
			hours += " (below min " + p.Params.MinHours.String() + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", pad(p.Name), calc.Percent(p.Fit), hours,
			calc.MoneyText(p.Cost, cur), calc.MoneyText(p.StaffCost, cur), calc.MoneyText(p.Value, cur),
			calc.NullPercent(p.ROI), calc.PeopleText(p.Reach))
	}
	tw.Flush()

	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Total cost\t%s\n", calc.MoneyText(t.Cost, cur))
	fmt.Fprintf(tw, "  staff time\t%s (%s of the cost; the platforms' sticker price is %s)\n",
		calc.MoneyText(t.StaffCost, cur), calc.NullPercent(t.HiddenCostShare), calc.MoneyText(t.CashCost, cur))
	fmt.Fprintf(tw, "  tools and ads\t%s\n", calc.MoneyText(t.CashCost, cur))
	fmt.Fprintf(tw, "Value\t%s (benefit lines %s)\n", calc.MoneyText(t.Value, cur), calc.MoneyText(t.Benefits, cur))
	fmt.Fprintf(tw, "Net\t%s\n", calc.MoneyText(t.Net, cur))
	fmt.Fprintf(tw, "ROI\t%s\n", calc.NullPercent(t.ROI))
	fmt.Fprintf(tw, "Break-even month\t%s\n", calc.BreakEvenText(r))
	fmt.Fprintf(tw, "Cost per 1,000 reached\t%s\n", calc.NullMoneyText(t.CostPer1000Reached, cur))
	fmt.Fprintf(tw, "Unique reach\t%s people a month on average (%s summed over %d months)\n",
		calc.PeopleText(t.AverageMonthlyReach), calc.PeopleText(t.Reach), r.HorizonMonths)
	fmt.Fprintf(tw, "Staff hours\t%s planned\n", calc.HoursText(t.HoursPerWeek))
	tw.Flush()

	if rec != nil {
		fmt.Fprintf(w, "\nRecommendation (objective %s, pool %s): %s %s\n", rec.Objective, calc.HoursText(rec.PoolHours),
			objectiveName(rec.Objective), objectiveValue(rec.Objective, rec.ObjectiveValue, cur))
		if !rec.Proven {
			fmt.Fprintf(w, "  not proven the best: the search stopped after its budget of %s steps; this plan is %s\n",
				calc.Grouped(fmt.Sprint(calc.RecommendStepBudget)), calc.BoundText(rec, cur))
		}
		if len(rec.Plan) == 0 {
			fmt.Fprintln(w, "  no platform: with these hours and values, no presence improves the objective")
		}
		for _, l := range rec.Plan {
			fmt.Fprintf(w, "  %s: %s by %s\n", platformName(r, l.Platform), calc.HoursText(l.HoursPerWeek), l.Role)
		}
		for _, m := range rec.Marginal {
			fmt.Fprintf(w, "  without %s the plan would lose %s\n", platformName(r, m.Platform), objectiveValue(rec.Objective, m.Loss, cur))
		}
		rt := rec.Result.Totals
		fmt.Fprintf(w, "  recommended plan: cost %s, value %s, ROI %s\n", calc.MoneyText(rt.Cost, cur), calc.MoneyText(rt.Value, cur), calc.NullPercent(rt.ROI))
	}

	var assumed []string
	for _, p := range r.Platforms {
		if p.InPlan && len(p.Assumed) > 0 {
			assumed = append(assumed, p.Name+" ("+strings.Join(p.Assumed, ", ")+")")
		}
	}
	if len(assumed) > 0 || len(r.Defaults) > 0 {
		fmt.Fprintln(w, "\nAssumptions still at their defaults:")
		if len(assumed) > 0 {
			fmt.Fprintf(w, "  platform parameters: %s\n", strings.Join(assumed, "; "))
		}
		if len(r.Defaults) > 0 {
			fmt.Fprintf(w, "  scenario fields: %s\n", strings.Join(r.Defaults, ", "))
		}
	}
	fmt.Fprintf(w, "\nSource: %s\n", r.Dataset.Source)
}

func objectiveName(o calc.Objective) string {
	if o == calc.ObjectiveNet {
		return "net value"
	}
	return "reach"
}

func objectiveValue(o calc.Objective, d decimal.Decimal, cur string) string {
	if o == calc.ObjectiveNet {
		return calc.MoneyText(d, cur)
	}
	return calc.PeopleText(d) + " people (monthly unique reach summed over the horizon)"
}

func platformName(r *calc.Result, id string) string {
	for _, p := range r.Platforms {
		if p.ID == id {
			return p.Name
		}
	}
	return id
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
