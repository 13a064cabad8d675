package calc

// improve is a local search from the best plan so far, so that the search holds a
// good plan early (and a good answer when its budget runs out): it changes one
// platform's hours to another of its options, or takes hours from one platform and
// gives them to another (as many as its options allow), taking the best such move
// while it gains more than the float margin. A move is kept only when its exact
// value confirms it. It stops at the first plan no move improves, or at limit steps.
func (sr *search) improve(limit int) {
	n, H := len(sr.order), sr.H
	if n == 0 {
		return
	}
	cur := append([]int(nil), sr.best...)
	pre := make([][]float64, n+1) // pre[i]: Π over positions < i of (1 − x); suf likewise over positions ≥ i
	suf := make([][]float64, n+1)
	for i := range pre {
		pre[i], suf[i] = make([]float64, H), make([]float64, H)
	}
	without := make([]float64, H) // the share not reached without one platform
	try := make([]float64, H)
	alloc := make([]int, len(cur))
	// The most steps of the state of the plan (its value included) and of the value
	// of one move.
	stateSteps := 2 * n * (H + callSteps)
	valueSteps := 2*(H+callSteps) + H + len(cur)
	for sr.steps+stateSteps+valueSteps <= limit {
		used := 0
		for _, k := range cur {
			used += k
		}
		for t := range pre[0] {
			pre[0][t], suf[n][t] = 1, 1
		}
		for i, ci := range sr.order {
			sr.childState(pre[i], pre[i+1], ci, sr.optionIndex(ci, cur[ci]))
		}
		for i := n - 1; i >= 0; i-- {
			ci := sr.order[i]
			sr.childState(suf[i+1], suf[i], ci, sr.optionIndex(ci, cur[ci]))
		}
		copy(alloc, cur)
		base := sr.valueF(alloc, pre[n])
		gain, moveA, kA, moveB, kB := sr.slack, -1, 0, -1, 0
		// value is the objective with candidate a at ka and, when b ≥ 0, b at kb;
		// nr is the share not reached without a (and with b as it is).
		value := func(nr []float64, a, ka, b, kb int) float64 {
			copy(try, nr)
			sr.childState(try, try, a, sr.optionIndex(a, ka))
			alloc[a] = ka
			if b >= 0 {
				hb := sr.share[b][sr.optionIndex(b, cur[b])]
				xb := sr.share[b][sr.optionIndex(b, kb)]
				for t, e := range sr.e {
					// Replace b's factor: divide out the old one, multiply in the new.
					try[t] = try[t] / (1 - float64(hb*e)) * (1 - float64(xb*e))
				}
				sr.steps += H
				alloc[b] = kb
			}
			v := sr.valueF(alloc, try)
			alloc[a] = cur[a]
			if b >= 0 {
				alloc[b] = cur[b]
			}
			return v
		}
		for i, a := range sr.order {
			if sr.steps+H+len(sr.opts[a])*(3*n+1)*valueSteps > limit {
				break // this platform's moves, and the transfers they may lead to
			}
			for t := range without {
				without[t] = pre[i][t] * suf[i+1][t]
			}
			sr.steps += H
			free := sr.pool - used + cur[a]
			for _, ka := range sr.opts[a] {
				if ka == cur[a] || ka > free {
					continue
				}
				if g := value(without, a, ka, -1, 0) - base; g > gain {
					gain, moveA, kA, moveB = g, a, ka, -1
				}
				if ka > cur[a] {
					continue
				}
				// Give the hours freed to another platform: its largest option that
				// fits, its smallest above its hours, and the exact transfer (a
				// platform's value is about linear in its hours, so the best is
				// usually at an end).
				for _, b := range sr.order {
					if b == a || 1-sr.share[b][sr.optionIndex(b, cur[b])] == 0 {
						continue
					}
					room := free - ka + cur[b] // what b may hold
					largest, smallest, exact := -1, -1, -1
					for _, k := range sr.opts[b] { // from most hours down
						if k <= cur[b] || k > room {
							continue
						}
						if largest < 0 {
							largest = k
						}
						smallest = k
						if k == cur[b]+cur[a]-ka {
							exact = k
						}
					}
					for j, kb := range [...]int{largest, smallest, exact} {
						if kb < 0 || (j == 1 && kb == largest) || (j == 2 && (kb == largest || kb == smallest)) {
							continue
						}
						if g := value(without, a, ka, b, kb) - base; g > gain {
							gain, moveA, kA, moveB, kB = g, a, ka, b, kb
						}
					}
				}
			}
		}
		if moveA < 0 {
			return
		}
		cur[moveA] = kA
		if moveB >= 0 {
			cur[moveB] = kB
		}
		total := 0
		for _, k := range cur {
			total += k
		}
		if sr.steps+sr.exactSteps(cur) > limit {
			return
		}
		sr.consider(cur, total)
		for ci := range cur {
			if cur[ci] != sr.best[ci] {
				return // the exact value does not confirm the move
			}
		}
	}
}
