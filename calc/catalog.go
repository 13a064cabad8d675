package calc

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
)

//go:embed data/*.dataset.json data/default-scenario.json data/iso4217.txt
var dataFiles embed.FS

var (
	embedOnce     sync.Once
	embedded      []*Dataset
	currencyCodes map[string]bool
)

// loadEmbedded reads the files the package ships. They are checked by the tests, so a
// failure here is a broken build, not bad input.
func loadEmbedded() {
	names, err := fs.Glob(dataFiles, "data/*.dataset.json")
	if err != nil {
		panic(err)
	}
	for _, name := range names {
		data, _ := dataFiles.ReadFile(name)
		d, err := ReadDataset(data)
		if err != nil {
			panic(fmt.Sprintf("embedded dataset %s: %v", path.Base(name), err))
		}
		embedded = append(embedded, d)
	}
	// Pew first: it is the default.
	sort.SliceStable(embedded, func(i, j int) bool { return embedded[i].ID == DefaultDatasetID && embedded[j].ID != DefaultDatasetID })
	data, _ := dataFiles.ReadFile("data/iso4217.txt")
	currencyCodes = map[string]bool{}
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "#") {
			continue
		}
		for _, code := range strings.Fields(l) {
			currencyCodes[code] = true
		}
	}
}

// DefaultDatasetID names the dataset of the default scenario.
const DefaultDatasetID = "pew-us-2023"

// IsCurrency reports whether code is the ISO 4217 code of a currency in circulation.
func IsCurrency(code string) bool {
	embedOnce.Do(loadEmbedded)
	return currencyCodes[code]
}

// Catalog is the set of datasets a scenario may name: the embedded ones and any the
// user imported. Datasets in a catalog are not changed after they are added.
type Catalog struct {
	list []*Dataset
}

// Embedded returns a new catalog holding the embedded datasets.
func Embedded() *Catalog {
	embedOnce.Do(loadEmbedded)
	return &Catalog{list: append([]*Dataset(nil), embedded...)}
}

// IsEmbedded reports whether id names an embedded dataset.
func IsEmbedded(id string) bool {
	embedOnce.Do(loadEmbedded)
	for _, d := range embedded {
		if d.ID == id {
			return true
		}
	}
	return false
}

// Get returns the dataset with the given id, or nil.
func (c *Catalog) Get(id string) *Dataset {
	for _, d := range c.list {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// Datasets returns the catalog's datasets, embedded ones first.
func (c *Catalog) Datasets() []*Dataset { return append([]*Dataset(nil), c.list...) }

// IDs returns the ids of the catalog's datasets.
func (c *Catalog) IDs() []string {
	ids := make([]string, len(c.list))
	for i, d := range c.list {
		ids[i] = d.ID
	}
	return ids
}

// ForCountry returns the datasets whose figures describe the area with the given code
// (letter case ignored): an ISO 3166-1 alpha-2 country code, which also finds the
// datasets of its subdivisions ("CA" finds "CA-QC"), a subdivision code, or a region
// id ("global", "arab-states"). The newest figures come first, then by id. Datasets
// without provenance describe no area.
func (c *Catalog) ForCountry(code string) []*Dataset {
	code = strings.TrimSpace(code)
	var out []*Dataset
	for _, d := range c.list {
		if d.Provenance == nil || code == "" {
			continue
		}
		a := d.Provenance.Area
		if strings.EqualFold(a, code) || len(code) == 2 && len(a) > 3 && strings.EqualFold(a[:3], code+"-") {
			out = append(out, d)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].Year > out[j].Year || out[i].Year == out[j].Year && out[i].ID < out[j].ID
	})
	return out
}

// Area is a country, subdivision or region that datasets of a catalog describe.
type Area struct {
	Code     string // as in Provenance.Area: "KE", "CA-QC", "global"
	Name     string // as in Provenance.AreaName: "Kenya"
	Datasets int    // how many datasets of the catalog describe it
}

// Areas returns the areas the catalog's datasets describe, by name (letter case
// ignored), for a picker: a name can be searched as it is typed, and ForCountry gives
// an area's datasets. An area named differently by two datasets takes the first name
// in catalog order (embedded datasets come first).
func (c *Catalog) Areas() []Area {
	var out []Area
	at := map[string]int{}
	for _, d := range c.list {
		if d.Provenance == nil || d.Provenance.Area == "" {
			continue
		}
		code := d.Provenance.Area
		if i, ok := at[code]; ok {
			out[i].Datasets++
			continue
		}
		at[code] = len(out)
		out = append(out, Area{Code: code, Name: d.Provenance.AreaName, Datasets: 1})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := strings.ToLower(out[i].Name), strings.ToLower(out[j].Name)
		return a < b || a == b && out[i].Code < out[j].Code
	})
	return out
}

// Add checks d and adds it to the catalog, replacing an imported dataset with the same
// id. An embedded dataset cannot be replaced. On error the catalog is unchanged.
func (c *Catalog) Add(d *Dataset) error {
	var ps problems
	checkDataset(d, "", &ps)
	if IsEmbedded(d.ID) {
		ps.add("id", "%s is the id of a dataset built into the tool; give the imported dataset another id", Quote(d.ID))
	}
	if err := ps.err(); err != nil {
		return err
	}
	for i, old := range c.list {
		if old.ID == d.ID {
			c.list[i] = d
			return nil
		}
	}
	c.list = append(c.list, d)
	return nil
}

// DefaultScenario returns a new copy of the default scenario: an example of a mid-size
// embassy with one digital officer, an audience of adults weighted by age as US
// adults are (its dataset is pew-us-2023), 12 months.
func DefaultScenario() *Scenario {
	data, _ := dataFiles.ReadFile("data/default-scenario.json")
	s, err := ReadScenario(data)
	if err != nil {
		panic(fmt.Sprintf("embedded default scenario: %v", err))
	}
	return s
}

// Remove takes the imported dataset with the given id out of the catalog, and reports
// whether there was one. Embedded datasets stay.
func (c *Catalog) Remove(id string) bool {
	if IsEmbedded(id) {
		return false
	}
	for i, d := range c.list {
		if d.ID == id {
			c.list = append(c.list[:i:i], c.list[i+1:]...)
			return true
		}
	}
	return false
}

// Position is the place of the dataset with the given id in the catalog's order, or -1.
func (c *Catalog) Position(id string) int {
	for i, d := range c.list {
		if d.ID == id {
			return i
		}
	}
	return -1
}

// PutBack puts a dataset that Remove took out back at position at of the catalog (its
// end when the catalog is shorter now), and reports whether it could: not when its id
// is taken again, or it is an embedded one's.
func (c *Catalog) PutBack(d *Dataset, at int) bool {
	if d == nil || IsEmbedded(d.ID) || c.Position(d.ID) >= 0 {
		return false
	}
	c.list = slices.Insert(slices.Clip(c.list), max(0, min(at, len(c.list))), d)
	return true
}
