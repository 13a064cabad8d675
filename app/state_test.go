package app

import (
	"reflect"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"platformroi/calc"
)

// wideForm is the default form with every role's hours raised, so that its search
// takes several slices.
func wideForm(t *testing.T) *calc.Form {
	t.Helper()
	f := calc.DefaultForm()
	f.Set("staff[0].hoursPerWeek", "160")
	return f
}

// TestStateStepsInSlices works a scenario's recommendation and uncertainty out a slice
// at a time, as the page does after paint: the same as worked out at once.
func TestStateStepsInSlices(t *testing.T) {
	c := calc.Embedded()
	st := NewState(c, wideForm(t))
	if !st.RecPending || !st.UPending || st.Rec != nil {
		t.Fatalf("a new state: recommendation pending %v, uncertainty pending %v", st.RecPending, st.UPending)
	}
	slices, last := 0, 0.0
	for st.Step() {
		slices++
		if st.RecPending {
			if p := st.RecProgress(); p < last {
				t.Errorf("search progress went back from %v to %v", last, p)
			} else {
				last = p
			}
		}
	}
	prep, err := st.Form.Prepare(c)
	if err != nil {
		t.Fatal(err)
	}
	want := prep.Recommend()
	if !reflect.DeepEqual(st.Rec, want) {
		t.Errorf("stepped: %d steps, %s; at once: %d steps, %s", st.Rec.Steps, st.Rec.ObjectiveValue, want.Steps, want.ObjectiveValue)
	}
	if u := prep.Uncertainty(want); !reflect.DeepEqual(st.U, u) {
		t.Errorf("stepped uncertainty differs from the one worked out at once")
	}
	if slices < 3 || st.RecPending || st.UPending {
		t.Errorf("%d slices; pending after: recommendation %v, uncertainty %v", slices, st.RecPending, st.UPending)
	}
}

// TestStateEditDuringSearch edits a scenario while its search runs: a plan edit lets it
// go on, an edit of what the recommendation depends on starts it again, and what it
// ends with is for the inputs as they are.
func TestStateEditDuringSearch(t *testing.T) {
	c := calc.Embedded()
	st := NewState(c, wideForm(t))
	st.Step()
	run := st.recRun
	if run == nil || !st.RecPending {
		t.Fatal("no search running after one slice")
	}
	st.Form = st.Form.Clone()
	st.Form.Set(calc.PlanCell("youtube", 0), "3")
	st.Recompute(c)
	if st.recRun != run || !st.RecPending || st.uRun != nil {
		t.Errorf("a plan edit: search kept %v, pending %v, uncertainty run %v", st.recRun == run, st.RecPending, st.uRun)
	}
	st.Form = st.Form.Clone()
	st.Form.Set("audience.size", "900000")
	st.Recompute(c)
	if st.recRun != nil || !st.RecPending {
		t.Errorf("an audience edit kept the search for the audience before")
	}
	for st.Step() {
	}
	prep, err := st.Form.Prepare(c)
	if err != nil {
		t.Fatal(err)
	}
	if want := prep.Recommend(); !reflect.DeepEqual(st.Rec, want) {
		t.Errorf("after the edits: %s, want %s", st.Rec.ObjectiveValue, want.ObjectiveValue)
	}
	// A scenario no longer shown stops its work; shown again, it starts again.
	st.Form = st.Form.Clone()
	st.Form.Set("audience.size", "800000")
	st.Recompute(c)
	st.Step()
	st.StopRuns()
	if st.recRun != nil || !st.RecPending {
		t.Errorf("StopRuns: search %v, pending %v", st.recRun, st.RecPending)
	}
	st.Uncertain()
	if st.RecPending || st.UPending || st.Rec == nil || st.U == nil {
		t.Errorf("worked out at once after a stop: pending %v, %v", st.RecPending, st.UPending)
	}
}

// TestResultsBeforeTheSearch renders the results as the browser first does: the
// figures computed, the recommendation and what the result depends on still to be
// worked out (nil). Nothing may need them; the briefing says the recommendation is
// not worked out yet.
func TestResultsBeforeTheSearch(t *testing.T) {
	st := NewState(calc.Embedded(), calc.DefaultForm())
	if st.Rec != nil || st.U != nil || !st.RecPending {
		t.Fatalf("a new state has its recommendation (%v) or uncertainty (%v) already", st.Rec != nil, st.U != nil)
	}
	s := &ResultsSection{St: st, Version: st.Version}
	html := app.HTMLString(s.Render())
	if !strings.Contains(html, "The recommendation is not worked out yet") {
		t.Errorf("the briefing does not say the recommendation is still to come:\n%s", html)
	}
}
