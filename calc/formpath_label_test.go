package calc

import "testing"

// Fields of a scenario's own dataset are named as a person reads them, with the
// platform's or segment's name, not by their path in the file.
func TestFieldLabelOfInlineDataset(t *testing.T) {
	ds := Embedded().Get("pew-us-2023")
	if ds == nil {
		t.Fatal("no pew-us-2023")
	}
	f := &Form{DatasetInline: ds}
	p0, p1, s0 := ds.Platforms[0], ds.Platforms[1], ds.Segments[0]
	for path, want := range map[string]string{
		"datasetInline.platforms[0].minHours":             "The scenario's own demographics: " + p0.Name + ": minimum hours per week",
		"datasetInline.platforms[1].penetration." + s0.ID: "The scenario's own demographics: " + p1.Name + ": use by " + s0.Label,
		"datasetInline.platforms[1].penetration":          "The scenario's own demographics: " + p1.Name + ": use by segment",
		"datasetInline.platforms[0]":                      "The scenario's own demographics: " + p0.Name,
		"datasetInline.platforms[99].name":                "The scenario's own demographics: platform 100: name",
		"datasetInline.segments[0].label":                 "The scenario's own demographics: segment 1 (" + s0.Label + "), label",
		"datasetInline.provenance.sample":                 "The scenario's own demographics: provenance, sample",
		"datasetInline.title":                             "The scenario's own demographics: title",
	} {
		if got := f.FieldLabel(path, nil); got != want {
			t.Errorf("%s: %q, want %q", path, got, want)
		}
	}
	// Without the dataset (a file read only for its labels), by position.
	if got := (&Form{}).FieldLabel("datasetInline.platforms[2].reachRate", nil); got != "The scenario's own demographics: platform 3: reach rate" {
		t.Errorf("without the dataset: %q", got)
	}
}

// Every field a scenario file can have a problem at is named in words: a file's
// "format", a role or benefit line as a whole, an unknown field inside a role, a
// platform or the simulation were named by their paths ("Staff: staff[0]",
// "facebook.foo", "benefits[0]", "simulation.foo").
func TestFieldLabelInWords(t *testing.T) {
	f := &Form{Staff: []FormRole{{Role: "Digital officer"}}, Benefits: []FormBenefit{{Name: "Calls answered"}}}
	ds := Embedded().Get("pew-us-2023")
	for path, want := range map[string]string{
		"format":                 "File format",
		"version":                "File version",
		"platforms":              "Platform parameters",
		"platforms.facebook.foo": "Facebook: foo",
		"staff[0]":               "Digital officer",
		"staff[1]":               "Role 2",
		"staff[0].foo":           "Digital officer: foo",
		"benefits":               "Benefits",
		"benefits[0]":            "Calls answered",
		"benefits[1]":            "Benefit 2",
		"maturity[0]":            "Maturity point 1",
		"candidates[3]":          "Platforms considered for the recommendation, entry 4",
		"simulation.foo":         "Simulation: foo",
	} {
		if got := f.FieldLabel(path, ds); got != want {
			t.Errorf("%s: %q, want %q", path, got, want)
		}
	}
}
