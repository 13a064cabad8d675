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
}

// Checked reports whether the form was checked and computed at least once: scenarios
// kept in the browser are computed when they are shown or compared, not at load.
func (s *State) Checked() bool { return s.Version > 0 }

// Stale reports whether the results shown are not those of the form.
func (s *State) Stale() bool { return len(s.Problems) > 0 }

// ProblemCount is the number of problems, for the out-of-date notices.
func (s *State) ProblemCount() int { return len(s.Problems) }

// NewState returns the state of form, computed.
func NewState(c *calc.Catalog, f *calc.Form) *State {
	st := &State{Form: f}
	st.Recompute(c)
	return st
}

// Recompute reads and checks the form and, when it has no problems, computes every
// result and chart. When it has, the problems are kept and nothing else changes.
func (s *State) Recompute(c *calc.Catalog) {
	if s.RecomputeLater(c) {
		s.Recommend()
	}
}

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
	s.UPending = true
	key := recommendationInputs(s.Form)
	s.RecPending = s.Rec == nil || !reflect.DeepEqual(key, s.recFor)
	if s.RecPending {
		s.recFor = key
	}
	rec := s.Rec
	if s.RecPending {
		rec = nil // for other inputs: the charts show it once it is worked out again
	}
	s.Charts = s.withTornado(report.Charts(s.Result, rec, report.Today()))
	return s.RecPending
}

// Uncertain works out what the result depends on, when it is pending (and the
// recommendation first, when that is).
func (s *State) Uncertain() {
	if !s.UPending || s.prep == nil {
		return
	}
	s.Recommend()
	s.Version++
	s.U, s.UPending = s.prep.Uncertainty(s.Rec), false
	s.tornado = nil
	if s.U != nil {
		s.tornado = []report.ChartSpec{report.TornadoChart(s.Result, s.U, uncertainLabels(s), report.Today())}
		s.reach = reachView(s)
		if len(s.U.Inputs) > 0 {
			s.tornado = append(s.tornado, report.NetDistributionChart(s.Result, s.U, s.simulatedNet(), report.Today()))
		}
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
func (s *State) Recommend() {
	if !s.RecPending || s.prep == nil {
		return
	}
	s.Version++
	s.Rec, s.RecPending = s.prep.Recommend(), false
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
	out := map[string]string{}
	if s.U == nil {
		return out
	}
	ds := s.Form.DatasetIn(nil)
	if s.Result != nil {
		ds = s.Result.Dataset
	}
	for _, in := range s.U.Inputs {
		out[in.Name] = s.Form.FieldLabel(in.Name, ds)
	}
	return out
}
