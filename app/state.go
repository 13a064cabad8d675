package app

import (
	"platformroi/app/report"
	"platformroi/calc"
)

// State is what the page shows: the draft being edited and the results of the last
// valid scenario. When the draft is invalid, Problems holds the messages by field key
// and the results stay those of the last valid draft, marked out of date.
type State struct {
	Draft    Draft
	Problems map[string]string
	Scenario *calc.Scenario // last valid scenario
	Result   *calc.Result
	Rec      *calc.Recommendation
	Charts   []report.ChartSpec
	recKey   string // the recommendation's inputs, to skip recomputing it when only the plan changed
}

// Stale reports whether the results shown are not those of the draft.
func (s *State) Stale() bool { return len(s.Problems) > 0 }

// NewState returns the state of the default scenario.
func NewState(c *calc.Catalog) *State {
	sc := calc.DefaultScenario()
	st := &State{Draft: DraftOf(sc, c.Get(sc.Dataset))}
	st.Recompute(c)
	return st
}

// Recompute reads the draft and, when it is valid, computes every result and chart.
// When it is not, the problems are kept and nothing else changes.
func (s *State) Recompute(c *calc.Catalog) {
	sc, problems := s.Draft.Scenario(c)
	s.Problems = problems
	if sc == nil {
		return
	}
	res, err := calc.Compute(sc, c)
	if err != nil {
		s.Problems = map[string]string{"": err.Error()}
		return
	}
	key := recommendationKey(sc)
	rec := s.Rec
	if rec == nil || key != s.recKey {
		if rec, err = calc.Recommend(sc, c); err != nil {
			s.Problems = map[string]string{"": err.Error()}
			return
		}
	}
	s.Scenario, s.Result, s.Rec, s.recKey = sc, res, rec, key
	s.Charts = report.Charts(res, rec, report.Today())
}

// recommendationKey is the scenario without its plan and name: what the
// recommendation depends on.
func recommendationKey(sc *calc.Scenario) string {
	c := *sc
	c.Plan, c.Name = nil, ""
	data, err := calc.MarshalScenario(&c)
	if err != nil {
		return ""
	}
	return string(data)
}

// ApplyRecommendation puts the recommended plan into the draft.
func (s *State) ApplyRecommendation(c *calc.Catalog) {
	if s.Rec == nil || s.Stale() {
		return
	}
	d := s.Draft.Clone()
	d.Hours = map[string][]string{}
	for _, l := range s.Rec.Plan {
		for i, r := range d.Staff {
			if r.Name == l.Role {
				d.hoursOf(l.Platform)[i] = l.HoursPerWeek.String()
			}
		}
	}
	s.Draft = d
	s.Recompute(c)
}

// Edit applies a change to a copy of the draft and recomputes.
func (s *State) Edit(c *calc.Catalog, change func(d *Draft)) {
	d := s.Draft.Clone()
	change(&d)
	s.Draft = d
	s.Recompute(c)
}

// ProblemCount is the number of problems, for the out-of-date notice.
func (s *State) ProblemCount() int { return len(s.Problems) }
