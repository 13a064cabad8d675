package calc

import "fmt"

// Limits on what the tool reads. They are far above real use (a scenario file is a few
// kilobytes; a dataset has a few dozen platforms and a handful of segments; a plan, a
// few lines) and keep a mistaken or hostile file from taking much memory or time. The
// readers check them as they read, before building anything large, and refuse a file
// over one with a message naming the field and the limit; the page and the command
// line read through the same readers, so they accept and refuse the same files.
const (
	// MaxScenarioFile is the most bytes of a scenario file (4 MiB). A scenario file may
	// carry a dataset file inline, hence twice MaxDatasetFile.
	MaxScenarioFile = 2 * MaxDatasetFile
	// MaxDatasetFile is the most bytes of a dataset file (2 MiB), and of the dataset
	// file that a CSV file makes.
	MaxDatasetFile = 2 << 20
	// MaxPlatforms is the most platforms of a dataset, and the most entries of a
	// scenario's platforms (overrides) and candidates.
	MaxPlatforms = 200
	// MaxSegments is the most audience segments of a dataset, and the most entries of a
	// scenario's audience weights and of a platform's penetration. (With MaxPlatforms,
	// it bounds a dataset to 100,000 figures: reading one takes about 60 MB.)
	MaxSegments = 500
	// MaxRoles is the most roles of a scenario's staff.
	MaxRoles = 1000
	// MaxPlanLines is the most lines of a scenario's plan.
	MaxPlanLines = 1000
	// MaxBenefits is the most benefit lines of a scenario.
	MaxBenefits = 1000
	// MaxMaturityPoints is the most points of a scenario's maturity curve.
	MaxMaturityPoints = 1000
	// MaxCSVRows is the most platform rows of a CSV table (one per platform).
	MaxCSVRows = MaxPlatforms
)

// maxEntries is the most items of any other list, or fields of any other object, of
// a file (unknown fields included): no list or object of the formats needs as many.
const maxEntries = 1000

// shape gives the limits on the lists and objects of a file, by field.
type shape struct {
	max    int               // most items of the list, or fields of the object; 0: maxEntries
	what   string            // what an item or field is, for a message: "benefit lines"
	fields map[string]*shape // an object's fields, by name
	items  *shape            // every item of a list, or every other field of an object
}

func (s *shape) limit() (int, string) {
	if s == nil || s.max == 0 {
		return maxEntries, "entries"
	}
	return s.max, s.what
}

func (s *shape) field(name string) *shape {
	if s == nil {
		return nil
	}
	if f, ok := s.fields[name]; ok {
		return f
	}
	return s.items
}

func (s *shape) item() *shape {
	if s == nil {
		return nil
	}
	return s.items
}

var (
	datasetShape = &shape{fields: map[string]*shape{
		"segments": {max: MaxSegments, what: "segments"},
		"platforms": {max: MaxPlatforms, what: "platforms", items: &shape{fields: map[string]*shape{
			"penetration": {max: MaxSegments, what: "penetration figures (one per segment)"},
		}}},
	}}
	scenarioShape = &shape{fields: map[string]*shape{
		"audience":      {fields: map[string]*shape{"weights": {max: MaxSegments, what: "segment weights"}}},
		"datasetInline": datasetShape,
		"platforms":     {max: MaxPlatforms, what: "platforms"},
		"staff":         {max: MaxRoles, what: "roles"},
		"plan":          {max: MaxPlanLines, what: "plan lines"},
		"benefits":      {max: MaxBenefits, what: "benefit lines"},
		"maturity":      {max: MaxMaturityPoints, what: "maturity points"},
		"candidates":    {max: MaxPlatforms, what: "candidates"},
	}}
)

// tooMany reports n entries at field, over the limit max.
func tooMany(ps *problems, field string, n, max int, what string) {
	ps.add(field, "has %d %s; at most %d are accepted", n, what, max)
}

// checkCount reports field when it has more than max entries (for values built
// without reading a file).
func checkCount(ps *problems, field string, n, max int, what string) bool {
	if n > max {
		tooMany(ps, field, n, max, what)
		return false
	}
	return true
}

// fileTooLarge is the problem of a file over its limit; kind names the file.
func fileTooLarge(kind string, max int) error {
	return &InputError{Problems: []Problem{{Message: fmt.Sprintf("the file is larger than %s (%d bytes), the most a %s may have; is it the right file?", sizeText(max), max, kind)}}}
}

// sizeText writes a size in bytes that is a whole number of KiB or MiB as such.
func sizeText(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
