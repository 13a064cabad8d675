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
	recFor  *calc.Form // what the recommendation depends on (the form less its plan and name), to skip recomputing it when only the plan changed
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
	s.Version++
	prep, err := s.Form.Prepare(c)
	if err != nil {
		s.Problems = problemMap(err)
		return
	}
	s.Problems = nil
	res := prep.Compute()
	key := recommendationInputs(s.Form)
	rec := s.Rec
	if rec == nil || !reflect.DeepEqual(key, s.recFor) {
		rec = prep.Recommend()
	}
	s.Scenario, s.Result, s.Rec, s.recFor = prep.Scenario, res, rec, key
	s.Charts = report.Charts(res, rec, report.Today())
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

// recommendationInputs is the form without its plan and name: what the
// recommendation depends on.
func recommendationInputs(f *calc.Form) *calc.Form {
	c := *f
	c.Plan, c.Name = nil, ""
	return &c
}
