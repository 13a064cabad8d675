package calc

import "container/heap"

// The frontier: when the depth-first search runs out of its share of the budget, the
// branches it has not searched are kept, and the rest of the budget goes to them best
// bound first. The search may still finish there (and prove the plan); when it does
// not, the bound of what is left, which best-first order lowers fastest, is the
// answer's Bound.

const (
	// frontierShare: the depth-first search leaves 1/frontierShare of the budget to
	// the frontier.
	frontierShare = 4
	// maxFrontier is the most branches the frontier holds, and maxFrontierCells the
	// most half-hour figures of their paths (16 MiB); a branch that does not fit is
	// given up, its bound kept in the answer's Bound.
	maxFrontier      = 1 << 18
	maxFrontierCells = 1 << 23
	// frontierSteps is the steps charged for keeping a branch or taking it back, on
	// top of its path's length.
	frontierSteps = 64
)

// branch is a branch of the search left for later: the options of the first depth
// positions of the order, held in a slot of the frontier's paths.
type branch struct {
	bound float64
	fixed float64
	used  int32
	depth int32
	slot  int32
	seq   int32 // the order in which branches were kept, to break ties in bound
}

// frontier is a heap of branches, the largest bound first, with their paths.
type frontier struct {
	heap  []branch
	paths []int16 // slots of len(order) half-hour figures
	free  []int32 // free slots
	width int     // len(order)
}

func (f *frontier) Len() int { return len(f.heap) }
func (f *frontier) Less(i, j int) bool {
	a, b := &f.heap[i], &f.heap[j]
	if a.bound != b.bound {
		return a.bound > b.bound
	}
	return a.seq < b.seq
}
func (f *frontier) Swap(i, j int) { f.heap[i], f.heap[j] = f.heap[j], f.heap[i] }
func (f *frontier) Push(x any)    { f.heap = append(f.heap, x.(branch)) }
func (f *frontier) Pop() any {
	b := f.heap[len(f.heap)-1]
	f.heap = f.heap[:len(f.heap)-1]
	return b
}

func (f *frontier) path(b *branch) []int16 {
	at := int(b.slot) * f.width
	return f.paths[at : at+int(b.depth)]
}

// push keeps the branch at position d of the current allocation, with option k at
// position d when k ≥ 0.
func (sr *search) push(d, k, used int, fixed, bound float64) {
	f := &sr.front
	n := len(sr.order)
	if f.width == 0 {
		f.width = max(n, 1)
	}
	depth := d
	if k >= 0 {
		depth++
	}
	slot := int32(len(f.paths) / f.width)
	switch {
	case sr.steps+frontierSteps+depth > sr.budget,
		len(f.free) == 0 && (len(f.heap) >= maxFrontier || len(f.paths)+f.width > maxFrontierCells):
		// No steps left to keep it, or no room: given up.
		sr.lost = true
		sr.open = max(sr.open, bound)
		return
	case len(f.free) > 0:
		slot = f.free[len(f.free)-1]
		f.free = f.free[:len(f.free)-1]
	default:
		f.paths = append(f.paths, make([]int16, f.width)...)
	}
	sr.steps += frontierSteps + depth
	b := branch{bound: bound, fixed: fixed, used: int32(used), depth: int32(depth), slot: slot, seq: int32(sr.seq)}
	sr.seq++
	p := f.path(&b)
	for i := 0; i < d; i++ {
		p[i] = int16(sr.alloc[sr.order[i]])
	}
	if k >= 0 {
		p[d] = int16(k)
	}
	heap.Push(f, b)
}

// refine searches the frontier, best bound first, until it is empty (the plan is
// then proven) or the budget runs out; what is left stays in the frontier.
func (sr *search) refine() {
	f := &sr.front
	sr.stopped = false
	for f.Len() > 0 {
		b := f.heap[0]
		if b.bound < sr.bestKeyF-halfTieUnit {
			f.heap = f.heap[:0] // no branch left can tie the best
			break
		}
		path := f.path(&b)
		d := len(path)
		cost := frontierSteps + d*(sr.H+callSteps)
		if d < len(sr.order) {
			cost += len(sr.opts[sr.order[d]]) * sr.childSteps()
		} else {
			cost += sr.H + callSteps + len(sr.alloc) + sr.exactSteps(sr.pathAlloc(path))
		}
		if sr.steps+cost > sr.limit {
			sr.stopped = true
			break
		}
		heap.Pop(f)
		sr.steps += frontierSteps
		used := int(b.used)
		if sr.prune(b.bound, used) {
			f.free = append(f.free, b.slot)
			continue
		}
		// Back to the branch: its allocation and share not reached.
		clear(sr.alloc)
		for i, k := range path {
			ci := sr.order[i]
			sr.alloc[ci] = int(k)
			sr.childState(sr.nrBuf[i], sr.nrBuf[i+1], ci, sr.optionIndex(ci, int(k)))
		}
		f.free = append(f.free, b.slot) // the path is read; children take their own slots
		if d == len(sr.order) {
			sr.atLeaf(used)
			continue
		}
		ci := sr.order[d]
		for oi, k := range sr.opts[ci] {
			if used+k > sr.pool {
				continue
			}
			next := sr.nrBuf[d+1]
			sr.childState(sr.nrBuf[d], next, ci, oi)
			fixed := sr.fixedAfter(b.fixed, ci, k)
			if bound := sr.bound(d+1, used+k, next, fixed); !sr.prune(bound, used+k) {
				sr.push(d, k, used+k, fixed, bound)
			}
		}
	}
	clear(sr.alloc)
	if f.Len() > 0 {
		sr.open = max(sr.open, f.heap[0].bound)
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
