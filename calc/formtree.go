package calc

import (
	"strconv"
)

// tree builds the tree that parseTree reads from f.File(), without writing and reading
// the JSON: Prepare runs on every keystroke, and this is most of its time saved. A
// test checks that both trees are the same for every kind of form.
func (f *Form) tree() *node {
	f.linkPlan()
	root := &node{kind: 'o'}
	root.set("format", textNode(FileFormat))
	root.set("version", &node{kind: 'n', text: strconv.Itoa(FileVersion)})
	root.set("name", textNode(f.Name))
	root.set("currency", textNode(f.Currency))
	root.set("horizonMonths", numberNode(f.HorizonMonths))
	aud := &node{kind: 'o'}
	aud.set("size", numberNode(f.Audience.Size))
	weights := &node{kind: 'o'}
	for _, k := range sortedKeys(f.Audience.Weights) {
		weights.set(k, numberNode(f.Audience.Weights[k]))
	}
	aud.set("weights", weights)
	root.set("audience", aud)
	if f.DatasetInline != nil {
		data, err := marshalIndent(toFileDataset(f.DatasetInline))
		if d, perr := parseTree(data, nil); err == nil && perr == nil {
			root.set("datasetInline", d)
		}
	} else if f.Dataset != "" {
		root.set("dataset", textNode(f.Dataset))
	}
	platforms := &node{kind: 'o'}
	for _, id := range sortedKeys(f.Platforms) {
		o := &node{kind: 'o'}
		for _, name := range sortedKeys(f.Platforms[id]) {
			v := f.Platforms[id][name]
			switch {
			case v == "":
			case moneyParams[name]:
				o.set(name, textNode(v))
			default:
				o.set(name, numberNode(v))
			}
		}
		if len(o.keys) > 0 {
			platforms.set(id, o)
		}
	}
	if len(platforms.keys) > 0 {
		root.set("platforms", platforms)
	}
	staff := &node{kind: 'a'}
	for _, r := range f.Staff {
		o := &node{kind: 'o'}
		o.set("role", textNode(r.Role))
		if r.BySalary {
			o.set("annualSalary", textNode(r.AnnualSalary))
			for _, kv := range [][2]string{{"onCost", r.OnCost}, {"overhead", r.Overhead}, {"productiveHours", r.ProductiveHours}} {
				if kv[1] != "" {
					o.set(kv[0], numberNode(kv[1]))
				}
			}
		} else {
			o.set("hourlyCost", textNode(r.HourlyCost))
		}
		o.set("hoursPerWeek", numberNode(r.HoursPerWeek))
		staff.items = append(staff.items, o)
	}
	root.set("staff", staff)
	plan := &node{kind: 'a'}
	for _, l := range f.Plan {
		name := l.Role
		if l.ref > 0 && l.ref <= len(f.Staff) {
			name = f.Staff[l.ref-1].Role
		}
		o := &node{kind: 'o'}
		o.set("platform", textNode(l.Platform))
		o.set("role", textNode(name))
		o.set("hoursPerWeek", numberNode(l.HoursPerWeek))
		plan.items = append(plan.items, o)
	}
	root.set("plan", plan)
	if f.ValuePer1000 != "" {
		root.set("valuePer1000", textNode(f.ValuePer1000))
	}
	if len(f.Benefits) > 0 {
		bs := &node{kind: 'a'}
		for _, b := range f.Benefits {
			o := &node{kind: 'o'}
			o.set("name", textNode(b.Name))
			o.set("amountPerMonth", textNode(b.AmountPerMonth))
			o.set("ramped", &node{kind: 'b', b: b.Ramped})
			bs.items = append(bs.items, o)
		}
		root.set("benefits", bs)
	}
	if f.Maturity != nil {
		as := &node{kind: 'a'}
		for _, a := range f.Maturity {
			o := &node{kind: 'o'}
			o.set("month", numberNode(a.Month))
			o.set("factor", numberNode(a.Factor))
			as.items = append(as.items, o)
		}
		root.set("maturity", as)
	}
	if f.Objective != "" {
		root.set("objective", textNode(string(f.Objective)))
	}
	if len(f.Candidates) > 0 {
		cs := &node{kind: 'a'}
		for _, c := range f.Candidates {
			cs.items = append(cs.items, textNode(c))
		}
		root.set("candidates", cs)
	}
	if ranges := f.rangesTree(); len(ranges.keys) > 0 {
		root.set("ranges", ranges)
	}
	if sim := f.Simulation; sim.Draws != "" || sim.Seed != "" {
		o := &node{kind: 'o'}
		if sim.Draws != "" {
			o.set("draws", numberNode(sim.Draws))
		}
		if sim.Seed != "" {
			o.set("seed", numberNode(sim.Seed))
		}
		root.set("simulation", o)
	}
	return root
}

// rangesTree is the tree of the form's ranges, as File writes them.
func (f *Form) rangesTree() *node {
	ranges := &node{kind: 'o'}
	rangeNode := func(r FormRange, money bool) *node {
		o := &node{kind: 'o'}
		if money {
			o.set("low", textNode(r.Low))
			o.set("high", textNode(r.High))
		} else {
			o.set("low", numberNode(r.Low))
			o.set("high", numberNode(r.High))
		}
		return o
	}
	if !f.Ranges.ValuePer1000.IsZero() {
		ranges.set("valuePer1000", rangeNode(f.Ranges.ValuePer1000, true))
	}
	platforms := &node{kind: 'o'}
	for _, id := range sortedKeys(f.Ranges.Platforms) {
		o := &node{kind: 'o'}
		for _, name := range sortedKeys(f.Ranges.Platforms[id]) {
			if r := f.Ranges.Platforms[id][name]; !r.IsZero() {
				o.set(name, rangeNode(r, false))
			}
		}
		if len(o.keys) > 0 {
			platforms.set(id, o)
		}
	}
	if len(platforms.keys) > 0 {
		ranges.set("platforms", platforms)
	}
	last := -1
	for i, b := range f.Benefits {
		if !b.Range.IsZero() {
			last = i
		}
	}
	if last >= 0 {
		bs := &node{kind: 'a'}
		for _, b := range f.Benefits[:last+1] {
			if b.Range.IsZero() {
				bs.items = append(bs.items, &node{kind: 'z'})
			} else {
				bs.items = append(bs.items, rangeNode(b.Range, true))
			}
		}
		ranges.set("benefits", bs)
	}
	return ranges
}

func (n *node) set(key string, v *node) {
	n.keys = append(n.keys, key)
	n.vals = append(n.vals, v)
}

func textNode(s string) *node { return &node{kind: 's', text: s} }

// number is a number as typed: a JSON number where the text is one, else text.
func numberNode(s string) *node {
	if isJSONNumber(s) {
		return &node{kind: 'n', text: s}
	}
	return textNode(s)
}
