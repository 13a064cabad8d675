package calc

import (
	"iter"
)

// Runs in slices: the recommendation's search and the uncertainty analysis can take
// seconds on hard cases (in WebAssembly, several times longer than natively), and a
// page runs them on the thread that handles typing and painting. A Run does the very
// same computation as Recommend or ComputeUncertainty, in the same order with the same
// budget, but stops after every slice of about sliceSteps steps of work and goes on
// where it stopped when asked: the page runs one slice per turn of its event loop.
// Where a slice ends changes nothing the computation decides: the search counts its
// steps as before, and a pause only hands control back between two of them. So a run
// gives exactly the one-shot result, whatever its slices (the tests compare them).

// DefaultSliceSteps is the work of one slice: about a millisecond natively, a few in
// WebAssembly.
const DefaultSliceSteps = 250_000

// Work of the parts of a run that are not search steps, in steps of about the same
// time: a computation of the whole model in decimal (computeSteps per platform-month
// and per platform), and one draw of the simulation (drawSteps per planned
// platform-month).
const (
	computeMonthSteps    = 250
	computePlatformSteps = 2500
	drawSteps            = 20
)

// A Run is a computation done a slice at a time: each Step does one slice of about the
// run's slice of steps (a part that cannot be cut, such as one exact evaluation of a
// plan, may take it over) and returns. Once Step reports it done, Result holds what
// the one-shot function would have returned. Stop ends a run that is no longer
// wanted; a run that is neither done nor stopped holds its state (and, natively, a
// goroutine) until it is.
type Run[T any] struct {
	pace   *pacer
	next   func() (struct{}, bool)
	stop   func()
	result T
	done   bool
}

// stopped is the panic by which a pause unwinds a stopped run.
type stopped struct{}

// pacer counts a run's work, ends its slices and follows its progress.
type pacer struct {
	slice int
	spent int // steps of work done in the parts finished
	mark  int // the work at which the current slice ends
	yield func(struct{}) bool

	// Progress, in units of the run's own: finished parts count in full (a search,
	// its whole budget, even when it finished early), the current one as far as it is.
	units, total, now int
	pauses            int
	longest           int // the most work of one slice so far (for the tests)
}

func newRun[T any](slice, total int, work func(pc *pacer) T) *Run[T] {
	if slice < 1 {
		slice = 1
	}
	r := &Run[T]{pace: &pacer{slice: slice, mark: slice, total: max(total, 1)}}
	seq := func(yield func(struct{}) bool) {
		defer func() {
			if e := recover(); e != nil {
				if _, ok := e.(stopped); !ok {
					panic(e)
				}
			}
		}()
		r.pace.yield = yield
		r.result = work(r.pace)
	}
	r.next, r.stop = iter.Pull(seq)
	return r
}

// Step runs the next slice and reports whether the run is done (then Result holds its
// result). It does nothing once the run is done or stopped.
func (r *Run[T]) Step() bool {
	if r.done || r.next == nil {
		return r.done
	}
	if _, more := r.next(); !more {
		r.done = true
		r.pace.now = r.pace.total
		r.stop()
	}
	return r.done
}

// Finish runs the slices left at once and returns the result.
func (r *Run[T]) Finish() T {
	for !r.Step() && r.next != nil {
	}
	return r.result
}

// Done reports whether the run is done.
func (r *Run[T]) Done() bool { return r.done }

// Result is the run's result once it is done (the zero value before).
func (r *Run[T]) Result() T { return r.result }

// Slices is the number of slices run so far.
func (r *Run[T]) Slices() int { return r.pace.pauses + 1 }

// Progress is how far the run is, from 0 to 1. For a recommendation it is the share of
// the step budget used; for the uncertainty analysis, the parts done (each search of
// the robustness check counts its whole budget).
func (r *Run[T]) Progress() float64 {
	return min(1, float64(r.pace.now)/float64(r.pace.total))
}

// Stop ends the run where it is: Step does nothing afterwards and Result stays the
// zero value unless the run was done. Stopping a run twice, or one that is done, does
// nothing.
func (r *Run[T]) Stop() {
	if r.next == nil || r.done {
		return
	}
	r.stop()
	r.next = nil
}

// at is called within a part of the work, local steps into it, whose progress so far is
// units: the slice ends here when its work is done.
func (pc *pacer) at(local, units int) {
	if pc == nil || pc.spent+local < pc.mark {
		return
	}
	pc.now = pc.units + units
	pc.pauses++
	pc.longest = max(pc.longest, pc.spent+local-(pc.mark-pc.slice))
	if !pc.yield(struct{}{}) {
		panic(stopped{})
	}
	pc.mark = pc.spent + local + pc.slice
}

// add records a finished part of work steps and progress units, and ends the slice
// when its work is done.
func (pc *pacer) add(work, units int) {
	if pc == nil {
		return
	}
	pc.spent += work
	pc.units += units
	pc.at(0, 0)
}

// computeWork is the work of computing the whole model once.
func (m *model) computeWork() int {
	return len(m.plats)*(m.horizon*computeMonthSteps+computePlatformSteps) + computePlatformSteps
}

// RecommendRun is Recommend in slices of about slice steps (DefaultSliceSteps when
// slice ≤ 0); its progress is the share of the step budget used.
func (p *Prepared) RecommendRun(slice int) *Run[*Recommendation] {
	if slice <= 0 {
		slice = DefaultSliceSteps
	}
	return p.m.recommendRun(RecommendStepBudget, slice)
}

// recommendRun is recommend(budget) in slices.
func (m *model) recommendRun(budget, slice int) *Run[*Recommendation] {
	c := *m
	return newRun(slice, budget, func(pc *pacer) *Recommendation {
		c.pace = pc
		return c.recommend(budget)
	})
}

// UncertaintyRun is Uncertainty (rec as there) in slices of about slice steps
// (DefaultSliceSteps when slice ≤ 0).
func (p *Prepared) UncertaintyRun(rec *Recommendation, slice int) *Run[*Uncertainty] {
	if slice <= 0 {
		slice = DefaultSliceSteps
	}
	return p.m.uncertaintyRun(rec, slice)
}

func (m *model) uncertaintyRun(rec *Recommendation, slice int) *Run[*Uncertainty] {
	c := *m
	return newRun(slice, c.uncertaintyUnits(rec), func(pc *pacer) *Uncertainty {
		c.pace = pc
		return c.uncertainty(rec)
	})
}
