package calc

import (
	"bytes"
	"encoding/json"

	"github.com/shopspring/decimal"
)

// Files are written through these mirror types: money as strings ("1200.50"), other
// numbers as JSON numbers with their exact decimal text, optional fields left out.

type fileScenario struct {
	Format        string                  `json:"format"`
	Version       int                     `json:"version"`
	Name          string                  `json:"name"`
	Currency      string                  `json:"currency"`
	HorizonMonths int                     `json:"horizonMonths"`
	Audience      fileAudience            `json:"audience"`
	Dataset       string                  `json:"dataset,omitempty"`
	DatasetInline *fileDataset            `json:"datasetInline,omitempty"`
	Platforms     map[string]fileOverride `json:"platforms,omitempty"`
	Staff         []fileRole              `json:"staff"`
	Plan          []filePlanLine          `json:"plan"`
	ValuePer1000  *string                 `json:"valuePer1000,omitempty"`
	Benefits      []fileBenefit           `json:"benefits,omitempty"`
	Maturity      *[]fileAnchor           `json:"maturity,omitempty"`
	Objective     Objective               `json:"objective,omitempty"`
	Candidates    []string                `json:"candidates,omitempty"`
	Ranges        *fileRanges             `json:"ranges,omitempty"`
	Simulation    *fileSimulation         `json:"simulation,omitempty"`
}

type fileRanges struct {
	ValuePer1000 *moneyRange                `json:"valuePer1000,omitempty"`
	Platforms    map[string]fileParamRanges `json:"platforms,omitempty"`
	Benefits     []*moneyRange              `json:"benefits,omitempty"`
}

// moneyRange is a range of amounts, written as strings as money is.
type moneyRange struct {
	Low  string `json:"low"`
	High string `json:"high"`
}

type numberRange struct {
	Low  json.Number `json:"low"`
	High json.Number `json:"high"`
}

type fileParamRanges struct {
	ReachRate  *numberRange `json:"reachRate,omitempty"`
	MinHours   *numberRange `json:"minHours,omitempty"`
	FullHours  *numberRange `json:"fullHours,omitempty"`
	SetupHours *numberRange `json:"setupHours,omitempty"`
}

type fileSimulation struct {
	Draws *int   `json:"draws,omitempty"`
	Seed  *int64 `json:"seed,omitempty"`
}

func toMoneyRange(r *Range) *moneyRange {
	if r == nil {
		return nil
	}
	return &moneyRange{Low: r.Low.String(), High: r.High.String()}
}

func toNumberRange(r *Range) *numberRange {
	if r == nil {
		return nil
	}
	return &numberRange{Low: num(r.Low), High: num(r.High)}
}

func toFileParamRanges(r ParamRanges) fileParamRanges {
	return fileParamRanges{ReachRate: toNumberRange(r.ReachRate), MinHours: toNumberRange(r.MinHours),
		FullHours: toNumberRange(r.FullHours), SetupHours: toNumberRange(r.SetupHours)}
}

func toFileRanges(r *Ranges) *fileRanges {
	if r == nil {
		return nil
	}
	f := &fileRanges{ValuePer1000: toMoneyRange(r.ValuePer1000)}
	if len(r.Platforms) > 0 {
		f.Platforms = map[string]fileParamRanges{}
		for id, pr := range r.Platforms {
			f.Platforms[id] = toFileParamRanges(pr)
		}
	}
	for _, b := range r.Benefits {
		f.Benefits = append(f.Benefits, toMoneyRange(b))
	}
	return f
}

type fileAudience struct {
	Size    json.Number            `json:"size"`
	Weights map[string]json.Number `json:"weights"`
}

type fileOverride struct {
	MinHours   *json.Number `json:"minHours,omitempty"`
	FullHours  *json.Number `json:"fullHours,omitempty"`
	ReachRate  *json.Number `json:"reachRate,omitempty"`
	SetupHours *json.Number `json:"setupHours,omitempty"`
	ToolCost   *string      `json:"toolCost,omitempty"`
	AdCost     *string      `json:"adCost,omitempty"`
}

type fileRole struct {
	Role            string       `json:"role"`
	HourlyCost      *string      `json:"hourlyCost,omitempty"`
	AnnualSalary    *string      `json:"annualSalary,omitempty"`
	OnCost          *json.Number `json:"onCost,omitempty"`
	Overhead        *json.Number `json:"overhead,omitempty"`
	ProductiveHours *json.Number `json:"productiveHours,omitempty"`
	HoursPerWeek    json.Number  `json:"hoursPerWeek"`
}

type filePlanLine struct {
	Platform     string      `json:"platform"`
	Role         string      `json:"role"`
	HoursPerWeek json.Number `json:"hoursPerWeek"`
}

type fileBenefit struct {
	Name           string `json:"name"`
	AmountPerMonth string `json:"amountPerMonth"`
	Ramped         bool   `json:"ramped"`
}

type fileAnchor struct {
	Month  json.Number `json:"month"`
	Factor json.Number `json:"factor"`
}

type fileDataset struct {
	Format     string          `json:"format"`
	Version    int             `json:"version"`
	ID         string          `json:"id"`
	Title      string          `json:"title"`
	Source     string          `json:"source"`
	Year       int             `json:"year"`
	URL        string          `json:"url,omitempty"`
	Measure    string          `json:"measure"`
	Provenance *fileProvenance `json:"provenance,omitempty"`
	Segments   []fileSegment   `json:"segments"`
	Platforms  []filePlatform  `json:"platforms"`
}

type fileProvenance struct {
	Area        string `json:"area,omitempty"`
	AreaName    string `json:"areaName,omitempty"`
	MeasureKind string `json:"measureKind,omitempty"`
	Base        string `json:"base,omitempty"`
	Ages        string `json:"ages,omitempty"`
	Method      string `json:"method,omitempty"`
	Sample      int    `json:"sample,omitempty"`
	Fieldwork   string `json:"fieldwork,omitempty"`
	Licence     string `json:"licence,omitempty"`
	fileCitation
}

type fileCitation struct {
	ReadAt   string `json:"readAt,omitempty"`
	Hand     string `json:"hand,omitempty"`
	Original string `json:"original,omitempty"`
}

type filePlatformCitation struct {
	fileCitation
	Segments map[string]fileCitation `json:"segments,omitempty"`
}

type fileSegment struct {
	ID         string       `json:"id"`
	Label      string       `json:"label,omitempty"`
	Population *json.Number `json:"population,omitempty"`
}

type filePlatform struct {
	ID          string                 `json:"id"`
	Name        string                 `json:"name"`
	Kind        string                 `json:"kind,omitempty"`
	Penetration map[string]json.Number `json:"penetration"`
	MinHours    json.Number            `json:"minHours"`
	FullHours   json.Number            `json:"fullHours"`
	ReachRate   json.Number            `json:"reachRate"`
	SetupHours  json.Number            `json:"setupHours"`
	ToolCost    string                 `json:"toolCost"`
	AdCost      string                 `json:"adCost"`
	Assumed     []string               `json:"assumed,omitempty"`
	Notes       map[string]string      `json:"notes,omitempty"`
	Context     map[string]string      `json:"context,omitempty"`
	Ranges      *fileParamRanges       `json:"ranges,omitempty"`
	Citation    *filePlatformCitation  `json:"citation,omitempty"`
}

func num(d decimal.Decimal) json.Number { return json.Number(d.String()) }

func optNum(d *decimal.Decimal) *json.Number {
	if d == nil {
		return nil
	}
	n := num(*d)
	return &n
}

func optMoney(d *decimal.Decimal) *string {
	if d == nil {
		return nil
	}
	s := d.String()
	return &s
}

// MarshalScenario writes s as a scenario file (indented JSON, UTF-8, ending in a
// newline). Reading the result with ReadScenario gives back the same scenario.
func MarshalScenario(s *Scenario) ([]byte, error) {
	f := fileScenario{Format: FileFormat, Version: FileVersion, Name: s.Name, Currency: s.Currency,
		HorizonMonths: s.HorizonMonths, Dataset: s.Dataset, ValuePer1000: optMoney(s.ValuePer1000),
		Objective: s.Objective, Candidates: s.Candidates,
		Audience: fileAudience{Size: num(s.Audience.Size), Weights: map[string]json.Number{}},
		Staff:    []fileRole{}, Plan: []filePlanLine{}}
	for k, w := range s.Audience.Weights {
		f.Audience.Weights[k] = num(w)
	}
	if s.DatasetInline != nil {
		f.DatasetInline = toFileDataset(s.DatasetInline)
	}
	if s.Platforms != nil {
		f.Platforms = map[string]fileOverride{}
		for id, o := range s.Platforms {
			f.Platforms[id] = fileOverride{MinHours: optNum(o.MinHours), FullHours: optNum(o.FullHours),
				ReachRate: optNum(o.ReachRate), SetupHours: optNum(o.SetupHours),
				ToolCost: optMoney(o.ToolCost), AdCost: optMoney(o.AdCost)}
		}
	}
	for _, r := range s.Staff {
		f.Staff = append(f.Staff, fileRole{Role: r.Name, HourlyCost: optMoney(r.HourlyCost),
			AnnualSalary: optMoney(r.AnnualSalary), OnCost: optNum(r.OnCost), Overhead: optNum(r.Overhead),
			ProductiveHours: optNum(r.ProductiveHours), HoursPerWeek: num(r.HoursPerWeek)})
	}
	for _, l := range s.Plan {
		f.Plan = append(f.Plan, filePlanLine{Platform: l.Platform, Role: l.Role, HoursPerWeek: num(l.HoursPerWeek)})
	}
	for _, b := range s.Benefits {
		f.Benefits = append(f.Benefits, fileBenefit{Name: b.Name, AmountPerMonth: b.AmountPerMonth.String(), Ramped: b.Ramped})
	}
	f.Ranges = toFileRanges(s.Ranges)
	if s.Simulation != nil {
		f.Simulation = &fileSimulation{Draws: s.Simulation.Draws, Seed: s.Simulation.Seed}
	}
	if s.Maturity != nil {
		anchors := []fileAnchor{}
		for _, a := range s.Maturity {
			anchors = append(anchors, fileAnchor{Month: num(a.Month), Factor: num(a.Factor)})
		}
		f.Maturity = &anchors
	}
	return marshalIndent(f)
}

// MarshalDataset writes d as a dataset file.
func MarshalDataset(d *Dataset) ([]byte, error) { return marshalIndent(toFileDataset(d)) }

func toFileDataset(d *Dataset) *fileDataset {
	f := &fileDataset{Format: DatasetFormat, Version: 1, ID: d.ID, Title: d.Title, Source: d.Source,
		Year: d.Year, URL: d.URL, Measure: d.Measure, Segments: []fileSegment{}, Platforms: []filePlatform{}}
	if pr := d.Provenance; pr != nil {
		f.Provenance = &fileProvenance{Area: pr.Area, AreaName: pr.AreaName, MeasureKind: string(pr.MeasureKind),
			Base: pr.Base, Ages: pr.Ages, Method: pr.Method, Sample: pr.Sample, Fieldwork: pr.Fieldwork,
			Licence: pr.Licence, fileCitation: toFileCitation(pr.Citation)}
	}
	for _, s := range d.Segments {
		f.Segments = append(f.Segments, fileSegment{ID: s.ID, Label: s.Label, Population: optNum(s.Population)})
	}
	for _, p := range d.Platforms {
		fp := filePlatform{ID: p.ID, Name: p.Name, Kind: p.Kind, Penetration: map[string]json.Number{},
			MinHours: num(p.Params.MinHours), FullHours: num(p.Params.FullHours), ReachRate: num(p.Params.ReachRate),
			SetupHours: num(p.Params.SetupHours), ToolCost: p.Params.ToolCost.String(), AdCost: p.Params.AdCost.String(),
			Assumed: p.Assumed, Notes: p.Notes, Context: p.Context}
		for k, u := range p.Penetration {
			fp.Penetration[k] = num(u)
		}
		if !p.Ranges.IsZero() {
			r := toFileParamRanges(p.Ranges)
			fp.Ranges = &r
		}
		if p.Citation != nil || len(p.SegmentCitations) > 0 {
			fp.Citation = &filePlatformCitation{}
			if p.Citation != nil {
				fp.Citation.fileCitation = toFileCitation(*p.Citation)
			}
			if len(p.SegmentCitations) > 0 {
				fp.Citation.Segments = map[string]fileCitation{}
				for seg, c := range p.SegmentCitations {
					fp.Citation.Segments[seg] = toFileCitation(c)
				}
			}
		}
		f.Platforms = append(f.Platforms, fp)
	}
	return f
}

func toFileCitation(c Citation) fileCitation {
	return fileCitation{ReadAt: c.ReadAt, Hand: string(c.Hand), Original: c.Original}
}

func marshalIndent(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
