package app

import (
	"strings"
	"testing"

	"platformroi/calc"
)

// A removal's notice quotes long typed texts as messages do: a 10,000-character role
// name, or hours typed as 5,000 characters, do not make a 10,000-character notice.
func TestRemovalNoticeQuotesLongTextsShort(t *testing.T) {
	f := calc.DefaultForm()
	long := strings.Repeat("R", 10000)
	f.Staff[0].Role = long
	f.Staff[0].HoursPerWeek = strings.Repeat("9", 5000)
	r := f.RemoveRole(0)
	if r == nil {
		t.Fatal("RemoveRole(0) removed nothing")
	}
	for name, text := range map[string]string{
		"removed":  removedRoleText(nil, "EUR")(r),
		"put back": putBackText(r),
	} {
		if len(text) > 600 {
			t.Errorf("%s: notice of %d characters: %.120s…", name, len(text), text)
		}
		if !strings.Contains(text, "(first 40 of 10,000 characters)") {
			t.Errorf("%s: notice does not say the name is shortened: %.200s", name, text)
		}
	}
}
