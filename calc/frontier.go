package calc

import "container/heap"

// The frontier: when the depth-first search runs out of its share of the budget, the
// branches it has not searched are kept, and the rest of the budget goes to them best
// bound first. The search may still finish there (and prove the plan); when it does
// not, the bound of what is left, which best-first order lowers fastest, is the
// answer's Bound.

// maxFrontier is the most branches the frontier holds (each a few dozen bytes); a
// branch that does not fit is given up, its bound kept in the answer's Bound.
const maxFrontier = 1 << 18

// frontierShare: the depth-first search leaves 1/frontierShare of the budget to the
// frontier.
const frontierShare = 4

// branch is a branch of the search left for later: the options of the first
// len(path) positions of the order.
type branch struct {
	path  []int16 // half-hours
	used  int
	fixed float64
	bound float64
	seq   int // the order in which branches were kept, to break ties in bound
}

type frontier []*branch

func (f frontier) Len() int { return len(f) }
func (f frontier) Less(i, j int) bool {
	if f[i].bound != f[j].bound {
		return f[i].bound > f[j].bound
	}
	return f[i].seq < f[j].seq
}
func (f frontier) Swap(i, j int) { f[i], f[j] = f[j], f[i] }
func (f *frontier) Push(x any)   { *f = append(*f, x.(*branch)) }
func (f *frontier) Pop() any {
	old := *f
	b := old[len(old)-1]
	*f = old[:len(old)-1]
	return b
}

// push keeps the branch at position d of the current allocation, with option k at
// position d when k ≥ 0.
func (sr *search) push(d, k, used int, fixed, bound float64) {
	if len(sr.front) >= maxFrontier {
		sr.lost = true
		sr.open = max(sr.open, bound)
		return
	}
	n := d
	if k >= 0 {
		n++
	}
	b := &branch{path: make([]int16, n), used: used, fixed: fixed, bound: bound, seq: sr.seq}
	sr.seq++
	for i := 0; i < d; i++ {
		b.path[i] = int16(sr.alloc[sr.order[i]])
	}
	if k >= 0 {
		b.path[d] = int16(k)
	}
	heap.Push(&sr.front, b)
}

// refine searches the frontier, best bound first, until it is empty (the plan is
// then proven) or the budget runs out; what is left stays in the frontier.
func (sr *search) refine() {
	sr.stopped = false
	for len(sr.front) > 0 {
		b := sr.front[0]
		if b.bound < sr.bestKeyF-halfTieUnit {
			sr.front = sr.front[:0] // no branch left can tie the best
			break
		}
		heap.Pop(&sr.front)
		if sr.prune(b.bound, b.used) {
			continue
		}
		d := len(b.path)
		cost := d * (sr.H + callSteps)
		if d < len(sr.order) {
			cost += len(sr.opts[sr.order[d]]) * sr.childSteps()
		} else {
			cost += sr.H + callSteps + len(sr.alloc) + sr.exactSteps(sr.pathAlloc(b.path))
		}
		if sr.steps+cost > sr.limit {
			heap.Push(&sr.front, b)
			sr.stopped = true
			break
		}
		// Back to the branch: its allocation and share not reached.
		clear(sr.alloc)
		for i, k := range b.path {
			ci := sr.order[i]
			sr.alloc[ci] = int(k)
			sr.childState(sr.nrBuf[i], sr.nrBuf[i+1], ci, sr.optionIndex(ci, int(k)))
		}
		if d == len(sr.order) {
			sr.atLeaf(b.used)
			continue
		}
		ci := sr.order[d]
		for oi, k := range sr.opts[ci] {
			if b.used+k > sr.pool {
				continue
			}
			next := sr.nrBuf[d+1]
			sr.childState(sr.nrBuf[d], next, ci, oi)
			fixed := sr.fixedAfter(b.fixed, ci, k)
			if bound := sr.bound(d+1, b.used+k, next, fixed); !sr.prune(bound, b.used+k) {
				sr.push(d, k, b.used+k, fixed, bound)
			}
		}
	}
	clear(sr.alloc)
	if len(sr.front) > 0 {
		sr.open = max(sr.open, sr.front[0].bound)
	}
}

// pathAlloc is sr.alloc set to a branch's path (the other candidates at 0).
func (sr *search) pathAlloc(path []int16) []int {
	clear(sr.alloc)
	for i, k := range path {
		sr.alloc[sr.order[i]] = int(k)
	}
	return sr.alloc
}
