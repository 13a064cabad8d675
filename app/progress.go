package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// What a progress note follows.
const (
	progressSearch      = "recommendation"
	progressUncertainty = "uncertainty"
)

// Progress shows how far the recommendation's search (Of progressSearch) or the
// uncertainty analysis (progressUncertainty) of the scenario shown is, while it is
// worked out after paint. It reads the state when it renders, so that the work after
// paint can bring it up to date on its own (Editor.progress), without rendering the
// rest of the page.
type Progress struct {
	app.Compo
	Ed *Editor
	St *State
	Of string
}

// OnMount puts the note among those the work after paint brings up to date.
func (c *Progress) OnMount(app.Context) {
	if c.Ed.progress == nil {
		c.Ed.progress = map[*Progress]bool{}
	}
	c.Ed.progress[c] = true
}

// OnDismount takes it out again.
func (c *Progress) OnDismount() { delete(c.Ed.progress, c) }

// Render shows a progress bar and the share done, in whole percent.
func (c *Progress) Render() app.UI {
	st := c.St
	id, label := "recommendation-progress", "Search for the recommendation"
	done := int(st.RecProgress() * 100)
	text := fmt.Sprintf(" Searching… %d %% of the step budget", done)
	if c.Of == progressUncertainty {
		id, label = "uncertainty-progress-note", "What the result depends on: progress"
		done = int(st.UProgress() * 100)
		text = fmt.Sprintf(" Working it out… %d %%", done)
		if st.RecPending {
			text = " Waiting for the recommendation."
		}
	}
	return app.P().Class("progress-note").ID(id).Body(
		app.Progress().Max(100).Value(done).Aria("label", label),
		app.Text(text),
	)
}
