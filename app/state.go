package app

import (
	"errors"
	"fmt"
	"reflect"

	"platformroi/app/report"
	"platformroi/calc"
)

// State is one scenario of the page: the form as typed, and what the engine made of
// it. The form is read and checked once per change (calc.Form.Prepare). When it has
// problems, Problems holds their messages by the form's paths and the results stay
// those of the last form without problems, marked out of date.
type State struct {
	Form     *calc.Form
	Problems map[string]string
	Scenario *calc.Scenario // of the last form without problems
	Result   *calc.Result
	Rec      *calc.Recommendation
	Charts   []report.ChartSpec
	// Version counts the checks of the form, so that components showing this state
	// know it changed (the state itself is changed in place).
	Version int
	// RecPending says the recommendation shown is for earlier inputs: the page works
	// it out after the figures have painted (RecomputeLater), so typing never waits
	// for the search.
	RecPending bool
	prep       *calc.Prepared // of the last form without problems
	// U is what the result depends on (ranges, sensitivity, switching values,
	// simulation, robustness), for the current plan; UPending says it is for earlier
	// inputs. It is worked out for the scenario shown only, after the figures and the
	// recommendation have painted (Uncertain).
	U        *calc.Uncertainty
	UPending bool
	tornado  []report.ChartSpec // the tornado chart and the chart of the simulated net value
	// reach is the tornado chart's view of reach, worked out with it.
	reach *ChartView
	// nets caches the simulation's net value per draw, for the comparison, at the
	// state's Version netsVersion.
	nets        []float64
	netsVersion int
	recFor      *calc.Form // what the recommendation depends on (the form less its plan and name), to skip recomputing it when only the plan changed
	// recRun and uRun are the recommendation and the uncertainty analysis being worked
	// out, a slice at a time (Step), for the inputs of recFor and of the form; nil when
	// not started.
	recRun *calc.Run[*calc.Recommendation]
	uRun   *calc.Run[*calc.Uncertainty]
}

// Checked reports whether the form was checked and computed at least once: scenarios
// kept in the browser are computed when they are shown or compared, not at load.
func (s *State) Checked() bool { return s.Version > 0 }

// Stale reports whether the results shown are not those of the form.
func (s *State) Stale() bool { return len(s.Problems) > 0 }

// ProblemCount is the number of problems, for the out-of-date notices.
func (s *State) ProblemCount() int { return len(s.Problems) }

// NewState returns the state of form, computed (the recommendation and what the
// result depends on pending, as after Recompute).
func NewState(c *calc.Catalog, f *calc.Form) *State {
	st := &State{Form: f}
	st.Recompute(c)
	return st
}

// Recompute reads and checks the form and, when it has no problems, computes its
// results and charts. When it has, the problems are kept and nothing else changes.
// The recommendation, when its inputs changed, and what the result depends on are left
// pending: the page works them out after paint, in slices (Step), or at once when
// asked (Recommend, Uncertain).
func (s *State) Recompute(c *calc.Catalog) { s.RecomputeLater(c) }

// RecomputeLater is Recompute without the recommendation when that must be worked out
// again: it reports whether it must, and Recommend then does it.
func (s *State) RecomputeLater(c *calc.Catalog) bool {
	s.Version++
	prep, err := s.Form.Prepare(c)
	if err != nil {
		s.Problems = problemMap(err)
		return false
	}
	s.Problems = nil
	s.Scenario, s.Result, s.prep = prep.Scenario, prep.Compute(), prep
	// What the result depends on is for the whole form: worked out again.
	s.UPending = true
	stopRun(&s.uRun)
	// The recommendation only when its inputs changed; a search already running for
	// the same inputs goes on.
	key := recommendationInputs(s.Form)
	if !reflect.DeepEqual(key, s.recFor) {
		stopRun(&s.recRun)
		s.recFor = key
		s.RecPending = true
	}
	s.RecPending = s.RecPending || s.Rec == nil
	rec := s.Rec
	if s.RecPending {
		rec = nil // for other inputs: the charts show it once it is worked out again
	}
	s.Charts = s.withTornado(report.Charts(s.Result, rec, report.Today()))
	return s.RecPending
}

// stopRun stops a run and forgets it.
func stopRun[T any](r **calc.Run[T]) {
	if *r != nil {
		(*r).Stop()
		*r = nil
	}
}

// StopRuns stops the work in progress (it starts again from the beginning when asked
// for): for a scenario no longer shown.
func (s *State) StopRuns() {
	stopRun(&s.recRun)
	stopRun(&s.uRun)
}

// Step does one slice of the work pending, the recommendation first, and reports
// whether anything is still pending afterwards. A finished part is put in place at
// once (Version changes).
func (s *State) Step() (pending bool) {
	if s.prep == nil {
		return false
	}
	switch {
	case s.RecPending:
		if s.recRun == nil {
			s.recRun = s.prep.RecommendRun(0)
		}
		if s.recRun.Step() {
			s.setRec(s.recRun.Result())
		}
	case s.UPending:
		if s.uRun == nil {
			s.uRun = s.prep.UncertaintyRun(s.Rec, 0)
		}
		if s.uRun.Step() {
			s.setU(s.uRun.Result())
		}
	}
	return s.RecPending || s.UPending
}

// RecProgress is how far the search for the recommendation is (the share of its step
// budget used), while it is pending.
func (s *State) RecProgress() float64 {
	if s.recRun == nil {
		return 0
	}
	return s.recRun.Progress()
}

// UProgress is how far the uncertainty analysis is, while it is pending.
func (s *State) UProgress() float64 {
	if s.uRun == nil {
		return 0
	}
	return s.uRun.Progress()
}

// Uncertain works out what the result depends on, when it is pending (and the
// recommendation first, when that is), at once: the slices left of the runs in
// progress.
func (s *State) Uncertain() {
	if !s.UPending || s.prep == nil {
		return
	}
	s.Recommend()
	if s.uRun == nil {
		s.uRun = s.prep.UncertaintyRun(s.Rec, 0)
	}
	s.setU(s.uRun.Finish())
}

// setU puts a finished uncertainty analysis in place.
func (s *State) setU(u *calc.Uncertainty) {
	s.uRun = nil
	s.Version++
	s.U, s.UPending = u, false
	s.tornado = report.UncertaintyCharts(s.Result, s.U, uncertainLabels(s), s.simulatedNet, report.Today())
	if s.U != nil {
		s.reach = reachView(s)
	}
	s.Charts = s.withTornado(report.Charts(s.Result, s.Rec, report.Today()))
}

// withTornado adds the charts of what the result depends on (what moves it, and the
// simulated net value), the last ones worked out (the page marks them as updating
// while they are for earlier inputs).
func (s *State) withTornado(charts []report.ChartSpec) []report.ChartSpec {
	return append(charts, s.tornado...)
}

// Recommend works out the recommendation of the last form without problems, when it
// is pending.
// It finishes the search in progress at once, if there is one.
func (s *State) Recommend() {
	if !s.RecPending || s.prep == nil {
		return
	}
	if s.recRun == nil {
		s.recRun = s.prep.RecommendRun(0)
	}
	s.setRec(s.recRun.Finish())
}

// setRec puts a finished recommendation in place.
func (s *State) setRec(rec *calc.Recommendation) {
	s.recRun = nil
	s.Version++
	s.Rec, s.RecPending = rec, false
	s.Charts = s.withTornado(report.Charts(s.Result, s.Rec, report.Today()))
}

// problemMap turns an input error into messages by path ("" for a problem no field shows).
func problemMap(err error) map[string]string {
	out := map[string]string{}
	var ie *calc.InputError
	var se *calc.SyntaxError
	switch {
	case errors.As(err, &ie):
		for _, p := range ie.Problems {
			if _, dup := out[p.Field]; !dup {
				out[p.Field] = p.Message
			}
		}
	case errors.As(err, &se):
		out[""] = fmt.Sprintf("not valid JSON at line %d, column %d: %s", se.Line, se.Column, se.Msg)
	default:
		out[""] = err.Error()
	}
	return out
}

// recommendationInputs is the form without its plan, name, ranges and simulation
// settings: what the recommendation depends on.
func recommendationInputs(f *calc.Form) *calc.Form {
	c := *f
	c.Plan, c.Name = nil, ""
	c.Ranges, c.Simulation = calc.FormRanges{}, calc.FormSimulation{}
	c.Benefits = make([]calc.FormBenefit, len(f.Benefits))
	for i, b := range f.Benefits {
		b.Range = calc.FormRange{}
		c.Benefits[i] = b
	}
	return &c
}

// uncertainLabels names the uncertain inputs for people ("Facebook: reach rate").
func uncertainLabels(s *State) map[string]string {
	if s.U == nil {
		return map[string]string{}
	}
	ds := s.Form.DatasetIn(nil)
	if s.Result != nil {
		ds = s.Result.Dataset
	}
	return report.InputLabels(s.Form, s.U, ds)
}
