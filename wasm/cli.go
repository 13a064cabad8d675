//go:build !js

package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strconv"
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
  platformroi calc [--json] [--draws N] [--seed S] [FILE]
                                     results for the scenario FILE (the default scenario without FILE)
  platformroi datasets [--country CODE]   the embedded datasets by country or region, with
                                     measure, base, year and provenance (CODE: KE, CA-QC, global, …)
  platformroi site [--out DIR] [--base PATH] [--version V] [--wasm FILE] [--echarts FILE]
                                     write the static site, with compressed copies (make site)
  platformroi serve [--dir DIR] [--addr HOST:PORT] [--base PATH]   serve a built site
  platformroi render [--format png|svg|pptx] [--out DIR] [--echarts PATH] [--pptxgenjs PATH] [--web DIR] FILE...
                                     the charts of each scenario FILE as images, or its slide deck,
                                     drawn by headless Chromium
  platformroi help                   this text

calc prints a table, or with --json the results document. Both say what the result
depends on: the uncertain inputs' ranges, the inputs that move net value most, the
values at which the plan breaks even and the likely range from a simulation of N
draws (100-20000) with seed S (0-9007199254740991); --draws and --seed replace the
scenario's simulation settings. Invalid input exits with status 2 and prints every
problem on stderr, one per line, naming the field.

render writes DIR/NAME-CHART.png (3200 x 1800 pixels) or .svg (1600 x 900) for each
chart, NAME being FILE's name without .json, or with --format pptx DIR/NAME.pptx, the
page's "Download slides (PPTX)" deck, and prints each file's path. It finds Chromium
through $CHROMIUM, /usr/bin/chromium or PATH, and ECharts, PptxGenJS and the page's
charts.js and slides.js in node_modules/ and web/ (run it from the repository's root,
or pass --echarts, --pptxgenjs, --web).
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
		return runDatasets(args[1:], stdout, stderr)
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
	fmt.Fprintf(stderr, "unknown command %s\n\n%s", calc.Quote(args[0]), usage)
	return exitInput
}

func runCalc(args []string, stdout, stderr io.Writer) int {
	asJSON, file := false, ""
	var draws *int
	var seed *int64
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case a == "--json" || a == "-json":
			asJSON = true
		case strings.HasPrefix(a, "-") && (name == "draws" || name == "seed"):
			if !hasValue {
				if i+1 == len(args) {
					fmt.Fprintf(stderr, "calc: --%s needs a value, such as --%s %d\n", name, name, map[string]int{"draws": calc.DefaultDraws, "seed": calc.DefaultSeed}[name])
					return exitInput
				}
				i++
				value = args[i]
			}
			lo, hi := int64(calc.MinDraws), int64(calc.MaxDraws)
			if name == "seed" {
				lo, hi = 0, calc.MaxSeed
			}
			n, err := strconv.ParseInt(value, 10, 64)
			if err != nil || n < lo || n > hi {
				fmt.Fprintf(stderr, "calc: --%s must be a whole number from %d to %d, found %s\n", name, lo, hi, calc.Quote(value))
				return exitInput
			}
			if name == "draws" {
				d := int(n)
				draws = &d
			} else {
				seed = &n
			}
		case strings.HasPrefix(a, "-") && a != "-":
			fmt.Fprintf(stderr, "calc: unknown flag %s (the flags are --json, --draws and --seed)\n", calc.Quote(a))
			return exitInput
		case file != "":
			fmt.Fprintf(stderr, "calc: one scenario file at a time, found %s and %s\n", calc.Quote(file), calc.Quote(a))
			return exitInput
		default:
			file = a
		}
	}
	s, code := loadScenario(file, stderr)
	if s == nil {
		return code
	}
	if draws != nil || seed != nil {
		sim := calc.SimulationSettings{}
		if s.Simulation != nil {
			sim = *s.Simulation
		}
		if draws != nil {
			sim.Draws = draws
		}
		if seed != nil {
			sim.Seed = seed
		}
		s.Simulation = &sim
	}
	res, err := calc.Compute(s, nil)
	if err != nil {
		return reportInput(stderr, file, err)
	}
	rec, err := calc.Recommend(s, nil)
	if err != nil {
		return reportInput(stderr, file, err)
	}
	u, err := calc.ComputeUncertainty(s, nil, rec)
	if err != nil {
		return reportInput(stderr, file, err)
	}
	if asJSON {
		data, err := calc.MarshalResults(res, rec, u)
		if err != nil {
			fmt.Fprintln(stderr, "calc:", err)
			return exitFailure
		}
		stdout.Write(data)
		return exitOK
	}
	printResult(stdout, res, rec, u, formOf(s))
	return exitOK
}

// formOf is s as a form, for the names of its fields; nil if it cannot be written.
func formOf(s *calc.Scenario) *calc.Form {
	data, err := calc.MarshalScenario(s)
	if err != nil {
		return nil
	}
	f, err := calc.ReadForm(data)
	if err != nil {
		return nil
	}
	return f
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
	if f := calc.ReadFormForLabels(data); f != nil {
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

func runDatasets(args []string, stdout, stderr io.Writer) int {
	country, hasCountry := "", false
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--country" || a == "-country":
			if i+1 == len(args) {
				fmt.Fprintln(stderr, "datasets: --country needs a code, such as KE, CA-QC or global")
				return exitInput
			}
			i++
			country, hasCountry = args[i], true
		case strings.HasPrefix(a, "--country=") || strings.HasPrefix(a, "-country="):
			_, country, _ = strings.Cut(a, "=")
			hasCountry = true
		case strings.HasPrefix(a, "-"):
			fmt.Fprintf(stderr, "datasets: unknown flag %s (the flag is --country CODE)\n", calc.Quote(a))
			return exitInput
		default:
			fmt.Fprintf(stderr, "datasets: unexpected argument %s (to list one country's datasets: --country %s)\n", calc.Quote(a), calc.ShortText(a))
			return exitInput
		}
	}
	c := calc.Embedded()
	list := c.Datasets()
	if hasCountry {
		if list = c.ForCountry(country); len(list) == 0 {
			var known []string
			for _, a := range c.Areas() {
				known = append(known, a.Code+" ("+a.Name+")")
			}
			fmt.Fprintf(stderr, "datasets: no dataset describes %s; the countries and regions with datasets are %s\n", calc.Quote(country), strings.Join(known, ", "))
			return exitInput
		}
	}
	printDatasets(stdout, c, list)
	return exitOK
}

// printDatasets lists the datasets of list (datasets of c) by the country or region
// they describe, areas by name, newest figures first within an area, then those whose
// provenance gives no area.
func printDatasets(w io.Writer, c *calc.Catalog, list []*calc.Dataset) {
	listed := map[*calc.Dataset]bool{}
	for _, d := range list {
		listed[d] = true
	}
	type group struct {
		title string
		sets  []*calc.Dataset
	}
	var groups []group
	areas := 0
	for _, a := range c.Areas() {
		g := group{title: fmt.Sprintf("%s [%s]", a.Name, a.Code)}
		for _, d := range c.ForCountry(a.Code) {
			if listed[d] && d.Provenance.Area == a.Code {
				g.sets = append(g.sets, d)
				delete(listed, d)
			}
		}
		if len(g.sets) > 0 {
			groups = append(groups, g)
			areas++
		}
	}
	rest := group{title: "Area not recorded"}
	for _, d := range list {
		if listed[d] {
			rest.sets = append(rest.sets, d)
		}
	}
	if len(rest.sets) > 0 {
		groups = append(groups, rest)
	}
	plural := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	fmt.Fprintf(w, "%s describing %s. Each figure is a share of the dataset's base; shares of different measures or bases do not compare.\n",
		plural(len(list), "dataset", "datasets"), plural(areas, "country or region", "countries and regions"))
	for _, g := range groups {
		fmt.Fprintf(w, "\n%s\n", g.title)
		for _, d := range g.sets {
			printDataset(w, d)
		}
	}
}

func printDataset(w io.Writer, d *calc.Dataset) {
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', 0)
	fmt.Fprintf(w, "\n  %s: %s\n", d.ID, d.Title)
	row := func(label, value string) {
		if value != "" {
			fmt.Fprintf(tw, "    %s:\t%s\n", label, value)
		}
	}
	row("year", fmt.Sprint(d.Year))
	if pr := d.Provenance; pr != nil {
		kind := string(pr.MeasureKind)
		if desc := pr.MeasureKind.Description(); desc != "" {
			kind += ": " + desc
		}
		row("measure", kind)
	}
	row("a figure is", d.Measure)
	if pr := d.Provenance; pr != nil {
		row("base", calc.BaseDescription(pr.Base, pr.Ages))
		row("method", pr.Method)
		sample := "not given"
		if pr.Sample > 0 {
			sample = calc.PeopleText(decimal.NewFromInt(int64(pr.Sample))) + " respondents"
		}
		row("sample", sample)
		fieldwork := pr.Fieldwork
		if fieldwork == "" {
			fieldwork = "not given"
		}
		row("fieldwork", fieldwork)
		row("licence", pr.Licence)
		read := pr.ReadAt
		switch pr.Hand {
		case calc.HandFirst:
			read = "first-hand: " + read
		case calc.HandSecond:
			read = "second-hand: " + read + "; check against " + pr.Original
		}
		row("read", read)
		if m := pr.Missing(); len(m) > 0 {
			row("provenance", "incomplete: no "+strings.Join(m, ", "))
		}
	} else {
		row("provenance", "not recorded")
	}
	row("source", d.Source)
	row("url", d.URL)
	segs := make([]string, len(d.Segments))
	for j, s := range d.Segments {
		segs[j] = s.ID
	}
	row("segments", strings.Join(segs, ", "))
	tw.Flush()
	var sourced, assumed []string
	for _, p := range d.Platforms {
		if p.IsAssumed("penetration") {
			assumed = append(assumed, p.Name)
		} else {
			sourced = append(sourced, p.Name)
		}
	}
	if len(sourced) > 0 {
		fmt.Fprintf(w, "    platforms with survey figures: %s\n", strings.Join(sourced, ", "))
	}
	if len(assumed) > 0 {
		fmt.Fprintf(w, "    platforms with assumed figures (not survey data, or only approximate; see their notes): %s\n", strings.Join(assumed, ", "))
	}
	for _, p := range d.Platforms {
		if p.Citation != nil {
			fmt.Fprintf(w, "    %s read at: %s (%s)\n", p.Name, p.Citation.ReadAt, p.Citation.Hand)
		}
		for _, seg := range sortedKeys(p.SegmentCitations) {
			c := p.SegmentCitations[seg]
			fmt.Fprintf(w, "    %s, %s read at: %s (%s)\n", p.Name, seg, c.ReadAt, c.Hand)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func printResult(w io.Writer, r *calc.Result, rec *calc.Recommendation, u *calc.Uncertainty, f *calc.Form) {
	cur := r.Currency
	t := r.Totals
	fmt.Fprintf(w, "%s\n", r.Scenario)
	fmt.Fprintf(w, "Horizon %s; amounts in %s.\n", calc.MonthsText(r.HorizonMonths), cur)
	// The year once: the embedded titles carry it.
	name := r.Dataset.Title
	if year := strconv.Itoa(r.Dataset.Year); !strings.Contains(name, year) {
		name += " (" + year + ")"
	}
	fmt.Fprintf(w, "Demographics: %s. A figure is the %s\n\n", name, lowerFirst(r.Dataset.Measure))

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
	fmt.Fprintf(tw, "Unique reach\t%s a month on average (%s summed over %s)\n",
		calc.PeopleCount(t.AverageMonthlyReach), calc.PeopleCount(t.Reach), calc.MonthsText(r.HorizonMonths))
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

	if u != nil {
		printUncertainty(w, r, u, f)
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
	fmt.Fprintf(w, "\nSource: %s\n", r.Dataset.CitedSource())
}

// sensitivityShown is how many inputs of the sensitivity list the table shows.
const sensitivityShown = 5

// printUncertainty prints what the result depends on: the ranges, the top of the
// sensitivity list, the switching values, the simulation's 10th to 90th percentiles
// and the recommendation's robustness.
func printUncertainty(w io.Writer, r *calc.Result, u *calc.Uncertainty, f *calc.Form) {
	cur := r.Currency
	label := func(path string) string {
		if f == nil {
			return path
		}
		return f.FieldLabel(path, r.Dataset)
	}
	value := func(in calc.UncertainInput, d decimal.Decimal) string {
		if in.Unit() == "money" {
			return calc.MoneyText(d, cur)
		}
		return calc.InputText(in, d)
	}
	fmt.Fprintln(w, "\nWhat the result depends on")
	if len(u.Inputs) == 0 {
		fmt.Fprintln(w, "  no input has a range: every figure is taken as known")
	} else {
		fmt.Fprintln(w, "  Ranges of the uncertain inputs:")
		from := map[calc.RangeSource]string{calc.FromScenario: "the scenario's range", calc.FromDataset: "the dataset's range",
			calc.FromDefault: "default range of an assumption"}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, in := range u.Inputs {
			fmt.Fprintf(tw, "    %s\t%s to %s\t(in use %s; %s)\n", label(in.Name), value(in, in.Low), value(in, in.High), value(in, in.Base), from[in.From])
		}
		tw.Flush()
	}
	// The inputs that move net value (to the cent) or reach (to the person), in the
	// sensitivity list's order.
	var moving []calc.Sensitivity
	for _, x := range u.Sensitivity {
		if !x.NetAtHigh.Sub(x.NetAtLow).Round(2).IsZero() || !x.ReachAtHigh.Sub(x.ReachAtLow).Round(0).IsZero() {
			moving = append(moving, x)
		}
	}
	if len(u.Sensitivity) > 0 && len(moving) == 0 {
		fmt.Fprintln(w, "  No input with a range moves net value or reach.")
	}
	if len(moving) > 0 {
		n := min(sensitivityShown, len(moving))
		inputs := "inputs"
		if len(moving) == 1 {
			inputs = "input"
		}
		fmt.Fprintf(w, "  What moves net value most (%d of the %d %s that move net value or reach, each at its low and its high end):\n", n, len(moving), inputs)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, x := range moving[:n] {
			fmt.Fprintf(tw, "    %s\tnet %s to %s\treach %s to %s\n", label(x.Input), calc.MoneyText(x.NetAtLow, cur), calc.MoneyText(x.NetAtHigh, cur),
				calc.PeopleText(x.ReachAtLow), calc.PeopleText(x.ReachAtHigh))
		}
		tw.Flush()
		fmt.Fprintln(w, "    (reach: monthly unique reach summed over the horizon)")
	}
	fmt.Fprintln(w, "  What would have to be true for the plan to break even:")
	sw := u.Switching
	nothing := calc.NothingToPayBack(r)
	switch {
	case nothing != "":
		fmt.Fprintf(w, "    there is nothing to break even: %s\n", nothing)
	case sw.ValuePer1000ForBreakEven.Valid:
		fmt.Fprintf(w, "    a value per 1,000 people reached of %s\n", calc.MoneyText(sw.ValuePer1000ForBreakEven.Decimal, cur))
	case calc.NoReachText(r) != "":
		fmt.Fprintf(w, "    no value per 1,000 people reached: the plan reaches no one, because %s\n", calc.NoReachText(r))
	default:
		fmt.Fprintln(w, "    no value per 1,000 people reached: the plan reaches no one")
	}
	switch k := sw.ReachRateScaleForBreakEven; {
	case nothing != "":
	case !k.Valid:
		fmt.Fprintln(w, "    no reach rate makes it pay (or reach has no value)")
	case k.Decimal.IsZero():
		fmt.Fprintln(w, "    nothing: it breaks even with no reach at all")
	default:
		fmt.Fprintf(w, "    or every planned platform's reach rate multiplied by %s (each at most 100%%)\n", calc.Share(k.Decimal))
	}
	sim := &u.Simulation
	fmt.Fprintf(w, "  Likely range (%s draws, seed %d): 10th percentile to 90th, median in brackets\n", calc.Grouped(fmt.Sprint(sim.Draws)), sim.Seed)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	money := func(name string, s calc.Spread) {
		if s.N == 0 {
			fmt.Fprintf(tw, "    %s\tn/a in every draw\n", name)
			return
		}
		fmt.Fprintf(tw, "    %s\t%s to %s\t(%s)\n", name, calc.NullMoneyText(s.P10, cur), calc.NullMoneyText(s.P90, cur), calc.NullMoneyText(s.P50, cur))
	}
	money("Net", sim.Net)
	money("Cost", sim.Cost)
	money("Value", sim.Value)
	if sim.ROI.N == 0 {
		fmt.Fprintln(tw, "    ROI\tn/a in every draw")
	} else {
		fmt.Fprintf(tw, "    ROI\t%s to %s\t(%s)\n", calc.NullPercent(sim.ROI.P10), calc.NullPercent(sim.ROI.P90), calc.NullPercent(sim.ROI.P50))
	}
	a := sim.AverageMonthlyReach
	fmt.Fprintf(tw, "    Unique reach a month\t%s to %s people\t(%s)\n", calc.PeopleText(a.P10.Decimal), calc.PeopleText(a.P90.Decimal), calc.PeopleText(a.P50.Decimal))
	money("Cost per 1,000 reached", sim.CostPer1000Reached)
	tw.Flush()
	if nothing != "" {
		fmt.Fprintf(w, "    there is nothing to pay back: %s\n", nothing)
	} else {
		fmt.Fprintf(w, "    net value is 0 or more in %s of the draws\n", calc.Percent(sim.ShareNetAtLeastZero))
	}
	if len(u.Robustness) > 0 {
		fmt.Fprintf(w, "  The recommendation (%s) with each of the first %d inputs at its ends:\n", platformNames(r, u.Recommended), len(u.Robustness))
		set := func(ids []string) string {
			if slices.Equal(ids, u.Recommended) {
				return "the same"
			}
			return platformNames(r, ids)
		}
		for _, rb := range u.Robustness {
			if rb.Same {
				fmt.Fprintf(w, "    %s: the same platforms at both ends\n", label(rb.Input))
				continue
			}
			fmt.Fprintf(w, "    %s: at the low end %s; at the high end %s\n", label(rb.Input), set(rb.AtLow), set(rb.AtHigh))
		}
	}
}

// platformNames names a set of platforms, "no platform" when it is empty.
func platformNames(r *calc.Result, ids []string) string {
	if len(ids) == 0 {
		return "no platform"
	}
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = platformName(r, id)
	}
	return strings.Join(names, ", ")
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
	return calc.PeopleCount(d) + " (monthly unique reach summed over the horizon)"
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
