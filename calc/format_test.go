package calc

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestGapAndBoundText checks how far a recommendation not proven the best may be
// from the best possible, as a share and in words.
func TestGapAndBoundText(t *testing.T) {
	bound := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(decimal.RequireFromString(s)) }
	tests := []struct {
		name    string
		rec     Recommendation
		gap     string // "" when there is no share
		wantTxt string
	}{
		{"proven", Recommendation{Objective: ObjectiveReach, ObjectiveValue: decimal.NewFromInt(1000), Proven: true},
			"0", ""},
		{"reach", Recommendation{Objective: ObjectiveReach, ObjectiveValue: decimal.NewFromInt(987000), Bound: bound("1000000")},
			"0.013", "within 1.3% of the best possible (at most 1,000,000 people)"},
		{"reach, rounded up", Recommendation{Objective: ObjectiveReach, ObjectiveValue: decimal.NewFromInt(999990), Bound: bound("1000000")},
			"0.00001", "within 0.1% of the best possible (at most 1,000,000 people)"},
		{"net above 0", Recommendation{Objective: ObjectiveNet, ObjectiveValue: decimal.RequireFromString("1500.50"), Bound: bound("2000")},
			"0.24975", "within 25.0% of the best possible (at most 2,000.00 EUR)"},
		{"net of 0", Recommendation{Objective: ObjectiveNet, ObjectiveValue: decimal.Zero, Bound: bound("120.25")},
			"", "the best possible is at most 120.25 EUR, 120.25 EUR more than this plan"},
		{"net below 0", Recommendation{Objective: ObjectiveNet, ObjectiveValue: decimal.RequireFromString("-3400"), Bound: bound("-1200")},
			"", "the best possible is at most -1,200.00 EUR, 2,200.00 EUR more than this plan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gap, ok := tt.rec.Gap()
			if ok != (tt.gap != "") || ok && !gap.Equal(decimal.RequireFromString(tt.gap)) {
				t.Errorf("Gap() = %s, %v; want %q", gap, ok, tt.gap)
			}
			if got := BoundText(&tt.rec, "EUR"); got != tt.wantTxt {
				t.Errorf("BoundText = %q, want %q", got, tt.wantTxt)
			}
		})
	}
}
