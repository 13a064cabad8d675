package calc_test

// Tests of the embedded datasets against the figures they were built from: the
// project's reference notes on platform use by country (countries.md, a file kept
// beside the data CSVs, outside this repository) and the CSVs of the two first
// datasets. The notes' own lines are pasted below as they are written there, and
// parsed; a figure typed wrongly into a dataset file, a platform added or left out,
// or a dataset without its transcription here fails.

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// qaPlatformIDs maps the platform names of the notes to dataset ids.
var qaPlatformIDs = map[string]string{
	"facebook": "facebook", "whatsapp": "whatsapp", "youtube": "youtube", "x": "x", "twitter": "x",
	"x (twitter)": "x", "tiktok": "tiktok", "instagram": "instagram", "telegram": "telegram",
	"messenger": "messenger", "snapchat": "snapchat", "line": "line", "kakaotalk": "kakaotalk",
	"band": "band", "naver blog": "naver-blog", "linkedin": "linkedin", "pinterest": "pinterest", "reddit": "reddit",
}

// qaCountryCodes maps the country names of the notes to ISO 3166-1 codes.
var qaCountryCodes = map[string]string{
	"Jordan": "jo", "Lebanon": "lb", "Venezuela": "ve", "Colombia": "co", "Vietnam": "vn", "Mexico": "mx",
	"Philippines": "ph", "Tunisia": "tn", "South Africa": "za", "Kenya": "ke", "India": "in", "Brazil": "br",
	"Nigeria": "ng", "Indonesia": "id", "Thailand": "th", "Malaysia": "my", "Peru": "pe", "US": "us", "UK": "gb",
	"Austria": "at", "Czechia": "cz", "Denmark": "dk",
}

// qaFigureList reads a list such as "Facebook 60, WhatsApp 60, TikTok 19% (12% daily)"
// into platform id → share. Text in brackets is left out; a name without a number
// takes the next number ("UK, Austria, Czechia 4").
func qaFigureList(t *testing.T, text string, ids map[string]string) map[string]decimal.Decimal {
	t.Helper()
	text = regexp.MustCompile(`\([^)]*\)`).ReplaceAllString(text, "")
	item := regexp.MustCompile(`^\s*([^\d%]+?)\s*(?:(\d+(?:\.\d+)?)%?)?\s*$`)
	out := map[string]decimal.Decimal{}
	var pending []string
	for _, part := range regexp.MustCompile(`[,;]`).Split(text, -1) {
		m := item.FindStringSubmatch(part)
		if m == nil {
			t.Fatalf("cannot read %q in %q", part, text)
		}
		id, ok := ids[strings.ToLower(m[1])]
		if !ok {
			id, ok = ids[m[1]]
		}
		if !ok {
			t.Fatalf("unknown name %q in %q", m[1], text)
		}
		pending = append(pending, id)
		if m[2] == "" {
			continue
		}
		for _, id := range pending {
			out[id] = decimal.RequireFromString(m[2]).Shift(-2)
		}
		pending = nil
	}
	if len(pending) > 0 {
		t.Fatalf("%v without a figure in %q", pending, text)
	}
	return out
}

// qaExpected is what one dataset must hold: figures by segment and platform, and the
// approximate ones ("almost 40%"), which must be marked assumed.
type qaExpected struct {
	figures map[string]map[string]decimal.Decimal // segment → platform → share
	approx  map[string]bool                       // platform ids whose figure is approximate
}

func (e *qaExpected) add(t *testing.T, seg string, figs map[string]decimal.Decimal) {
	t.Helper()
	if e.figures == nil {
		e.figures = map[string]map[string]decimal.Decimal{}
	}
	if e.figures[seg] == nil {
		e.figures[seg] = map[string]decimal.Decimal{}
	}
	for id, v := range figs {
		if old, ok := e.figures[seg][id]; ok && !old.Equal(v) {
			t.Fatalf("two figures for %s, %s: %s and %s", seg, id, old, v)
		}
		e.figures[seg][id] = v
	}
}

// The notes' text, as written there.
const (
	qaPew2018Table = `
| Jordan | 71% | 78% |
| Lebanon | 68% | 84% |
| Venezuela | 64% | 47% |
| Colombia | 63% | 71% |
| Vietnam | 63% | 2% |
| Mexico | 62% | 67% |
| Philippines | 58% | 4% |
| Tunisia | 55% | 14% |
| South Africa | 47% | 57% |
| Kenya | 35% | 30% |
| India | 24% | 29% |`
	qaReutersTable = `
| Kenya 2024 (n = 2,043, 18–50) | Facebook 60, WhatsApp 60, YouTube 59, X 37, TikTok 36, Instagram 29 | the-star.co.ke, 2024-07-05 |
| India 2025 | YouTube 55, WhatsApp 46, Instagram 37, Facebook 36 | asianmedia.org.in (ACJ, the report's India partner) |
| India 2024 | YouTube 54, WhatsApp 48, Facebook 35, Instagram 33, Telegram 20, X 13 | news.abplive.com |
| Brazil 2025 | YouTube 37, Instagram 37, WhatsApp 36 | tumanzanita.com |
| Brazil 2022 | YouTube 43, WhatsApp 41, Facebook 40, Instagram 35, Twitter 13, TikTok 12 | thegoaspotlight.com |
| South Africa 2025 | Facebook 50, YouTube 42, WhatsApp 41, TikTok 17 (another report says TikTok 33) | bizcommunity.co.za; broadcastmediaafrica.com |
| Philippines 2022 | Facebook 73, YouTube 57, Messenger 35, Twitter 16, TikTok 15 | casasbahia.org |`
	qaTikTok2024 = `Thailand 39, Kenya 36, Malaysia 31, Indonesia 29, South Africa 28,
Peru 27, Nigeria 23, Philippines 23, Colombia 22; US 9; UK, Austria, Czechia 4; Denmark 3`
	qaPewUS2023CSV = `platform,18-29,30-49,50-64,65+,all_adults
YouTube,0.93,0.92,0.83,0.60,0.83
Facebook,0.67,0.75,0.69,0.58,0.68
Instagram,0.78,0.59,0.35,0.15,0.47
Pinterest,0.45,0.40,0.33,0.21,0.35
TikTok,0.62,0.39,0.24,0.10,0.33
LinkedIn,0.32,0.40,0.31,0.12,0.30
WhatsApp,0.32,0.38,0.29,0.16,0.29
Snapchat,0.65,0.30,0.13,0.04,0.27
X (Twitter),0.42,0.27,0.17,0.06,0.22
Reddit,0.44,0.31,0.11,0.03,0.22`
	qaReuters2025CSV = `platform,all_markets
Facebook,0.36
YouTube,0.30
Instagram,0.19
WhatsApp,0.19
TikTok,0.16
X (Twitter),0.12`
)

// qaCountryFigures builds, from the notes' text, what every embedded dataset must hold.
func qaCountryFigures(t *testing.T) map[string]*qaExpected {
	t.Helper()
	want := map[string]*qaExpected{}
	get := func(id string) *qaExpected {
		if want[id] == nil {
			want[id] = &qaExpected{}
		}
		return want[id]
	}
	list := func(id, seg, text string) { get(id).add(t, seg, qaFigureList(t, text, qaPlatformIDs)) }
	approx := func(id, seg, platform, share string) {
		e := get(id)
		e.add(t, seg, map[string]decimal.Decimal{platform: qaDec(share)})
		if e.approx == nil {
			e.approx = map[string]bool{}
		}
		e.approx[platform] = true
	}

	// Pew Research Center, 2019 (fielded 2018), 11 emerging economies: | country | Facebook | WhatsApp |
	for _, row := range strings.Split(strings.TrimSpace(qaPew2018Table), "\n") {
		cells := strings.Split(strings.Trim(row, "| "), " | ")
		list("pew-"+qaCountryCodes[cells[0]]+"-2018", "all", "Facebook "+cells[1]+", WhatsApp "+cells[2])
	}

	// Pew Research Center, 2023, eight middle-income countries.
	for code, v := range qaFigureList(t, "Kenya 62%, South Africa 61%, Nigeria 56%, Indonesia 53%, India 39%", qaCountryCodes) { // "Facebook: …"
		list("pew-"+code+"-2023", "all", "Facebook "+v.Shift(2).String())
	}
	list("pew-in-2023", "all", "WhatsApp 50%") // "WhatsApp from 50% (India) to 90% (Brazil)"
	list("pew-in-2023", "all", "TikTok 13%")   // "TikTok: India 13%"
	list("pew-br-2023", "all", "WhatsApp 90%, Facebook 75%, Instagram 63%, TikTok 51%, Telegram 28%, X 22%")

	// Reuters Institute Digital News Report, weekly use for news.
	for _, row := range strings.Split(strings.TrimSpace(qaReutersTable), "\n") {
		cells := strings.Split(strings.Trim(row, "| "), " | ")
		m := regexp.MustCompile(`^(.+) (\d{4})`).FindStringSubmatch(cells[0])
		list("reuters-dnr-"+qaCountryCodes[m[1]]+"-"+m[2], "all", cells[1])
	}
	list("reuters-dnr-ke-2023", "all", "TikTok 29") // "Kenya 2023 | TikTok 54 any purpose, 29 for news"
	list("reuters-dnr-za-2023", "all", "TikTok 22") // "South Africa 2023: TikTok 50 / 22"
	for code, v := range qaFigureList(t, qaTikTok2024, qaCountryCodes) {
		list("reuters-dnr-"+code+"-2024", "all", "TikTok "+v.Shift(2).String())
	}

	// National surveys.
	list("ard-zdf-de-2024", "all", "Facebook 33%; TikTok 19% (12% daily); Snapchat 13%")
	approx("ard-zdf-de-2024", "all", "instagram", "0.40")               // Instagram "almost 40%"
	list("ard-zdf-de-2024-30-49", "all", "Instagram 50%, Facebook 51%") // "30–49: Instagram 50%, Facebook 51%"
	list("ard-zdf-de-2023", "all", "Instagram 35, Facebook 33, TikTok 15, Snapchat 13")
	list("ard-zdf-de-2023-14-29", "all", "Instagram 79, Snapchat 52, TikTok 41, Facebook 34") // under 30
	list("mic-jp-2024", "all", "LINE 94.9%")
	approx("mic-jp-2024", "all", "x", "0.50") // "X and Instagram about half of all"
	approx("mic-jp-2024", "all", "instagram", "0.50")
	list("mic-jp-2021", "all", "LINE 94, YouTube 87")
	list("kpf-kr-2024", "all", "KakaoTalk 98.9, YouTube 84.9, Instagram 38.6, Band 28.6, Naver Blog 21.7")
	list("netendances-ca-qc-2024", "all", "Facebook 76, YouTube 61, Instagram 39, X 15")
	list("netendances-ca-qc-2024-18-34", "all", "Instagram 69, TikTok 51, Snapchat 45")
	approx("netendances-ca-qc-2024-18-34", "all", "facebook", "0.70") // "Facebook and YouTube about 70"
	approx("netendances-ca-qc-2024-18-34", "all", "youtube", "0.70")
	list("ofcom-gb-2021", "16-24", "Instagram 69, Snapchat 64, YouTube 63, Facebook 61, WhatsApp 69")
	list("ofcom-gb-2021", "25-34", "Facebook 72, Instagram 68, YouTube 48, Snapchat 39, WhatsApp 78")
	list("kominfo-id-2022", "all", "WhatsApp 95, Facebook 80, YouTube 79, Instagram 48, TikTok 40, Telegram 18, Twitter 11")
	list("ca-ke-2024", "all", "Facebook 52, WhatsApp 48.5, TikTok 28.1, X 12.8")
	list("arab-youth-survey-2023", "all", "Facebook 18, Instagram 17, WhatsApp 16, YouTube 13, TikTok 12, Snapchat 11, X 8, LinkedIn 4")
	list("mediametrie-fr-2023", "all", "Snapchat 81, Instagram 66, TikTok 55, Facebook 41")

	// The first two datasets, from their CSVs.
	csvFigures := func(id, text string, segs []string) {
		rows := strings.Split(text, "\n")
		for _, row := range rows[1:] {
			cells := strings.Split(row, ",")
			for j, seg := range segs {
				get(id).add(t, seg, map[string]decimal.Decimal{qaPlatformIDs[strings.ToLower(cells[0])]: qaDec(cells[j+1])})
			}
		}
	}
	csvFigures(calc.DefaultDatasetID, qaPewUS2023CSV, []string{"18-29", "30-49", "50-64", "65+"})
	csvFigures("reuters-dnr-2025", qaReuters2025CSV, []string{"all"})
	return want
}

// Every embedded dataset holds exactly the figures of its source, as transcribed in
// the notes: no figure changed, no platform added (platforms a source did not ask
// about are absent, never 0), approximate figures marked as assumptions.
func TestEmbeddedFiguresMatchTheirSources(t *testing.T) {
	want := qaCountryFigures(t)
	c := calc.Embedded()
	for _, id := range sortedIDs(want) {
		if c.Get(id) == nil {
			t.Errorf("no embedded dataset %s", id)
		}
	}
	for _, d := range c.Datasets() {
		t.Run(d.ID, func(t *testing.T) {
			w := want[d.ID]
			if w == nil {
				t.Fatalf("no transcription of its source in this test: add one")
			}
			for _, p := range d.Platforms {
				if p.IsAssumed("penetration") && !w.approx[p.ID] {
					if d.ID != calc.DefaultDatasetID {
						t.Errorf("%s: its figures are assumptions; only pew-us-2023 carries platforms its source did not ask about", p.ID)
					}
					continue
				}
				if w.approx[p.ID] != p.IsAssumed("penetration") {
					t.Errorf("%s: approximate figure not marked assumed (or the reverse): assumed %v", p.ID, p.Assumed)
				}
				if w.approx[p.ID] && p.Notes["penetration"] == "" {
					t.Errorf("%s: an approximate figure without the source's words in notes.penetration", p.ID)
				}
				for _, s := range d.Segments {
					v, ok := p.Penetration[s.ID]
					wv, wok := w.figures[s.ID][p.ID]
					switch {
					case !wok:
						t.Errorf("%s, %s: %s is not in the source", p.ID, s.ID, v)
					case !ok:
						t.Errorf("%s, %s: no figure (read as 0); the source gives %s", p.ID, s.ID, wv)
					case !v.Equal(wv):
						t.Errorf("%s, %s: %s, the source gives %s", p.ID, s.ID, v, wv)
					}
				}
			}
			for seg, figs := range w.figures {
				if d.Segment(seg) == nil {
					t.Errorf("no segment %q", seg)
				}
				for id := range figs {
					if d.Platform(id) == nil {
						t.Errorf("%s (%s) is in the source but not in the dataset", id, seg)
					}
				}
			}
		})
	}
}

func sortedIDs(m map[string]*qaExpected) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Every embedded dataset carries complete provenance, figures in [0, 1], and, for
// second-hand figures, says so in the source that the page shows.
func TestEmbeddedDatasetsProvenance(t *testing.T) {
	c := calc.Embedded()
	for _, d := range c.Datasets() {
		t.Run(d.ID, func(t *testing.T) {
			pr := d.Provenance
			if pr == nil {
				t.Fatalf("no provenance")
			}
			if m := pr.Missing(); len(m) > 0 {
				t.Errorf("provenance misses %v", m)
			}
			if pr.Hand == calc.HandSecond && !strings.Contains(d.Source, "second-hand") {
				t.Errorf("second-hand figures whose source does not say so: %q", d.Source)
			}
			if pr.Hand == calc.HandFirst && strings.Contains(d.Source, "second-hand") {
				t.Errorf("first-hand provenance, but the source says second-hand: %q", d.Source)
			}
			if pr.MeasureKind.Description() == "" || calc.BaseDescription(pr.Base, pr.Ages) == "" {
				t.Errorf("measure %q, base %q", pr.MeasureKind, pr.Base)
			}
			if !strings.Contains(d.ID, strings.ToLower(pr.Area)) && pr.Area != "global" && pr.Area != "arab-states" && pr.Area != "US" {
				t.Errorf("id %s does not name its area %s", d.ID, pr.Area)
			}
			if !strings.Contains(d.ID, fmt.Sprint(d.Year)) {
				t.Errorf("id %s does not name its year %d", d.ID, d.Year)
			}
			for _, p := range d.Platforms {
				for seg, v := range p.Penetration {
					if v.IsNegative() || v.GreaterThan(decimal.NewFromInt(1)) {
						t.Errorf("%s, %s: %s is not a share", p.ID, seg, v)
					}
				}
				for _, name := range calc.ParamNames {
					if p.IsAssumed(name) && p.Notes[name] == "" {
						t.Errorf("%s: %s is assumed without a reason in notes", p.ID, name)
					}
				}
			}
		})
	}
}

// Each country and region of the notes is findable, with its name, among the areas a
// picker lists, and ForCountry gives its datasets, newest first.
func TestEmbeddedDatasetsByCountry(t *testing.T) {
	c := calc.Embedded()
	names := map[string]string{}
	for _, a := range c.Areas() {
		if names[a.Code] != "" {
			t.Errorf("area %s listed twice", a.Code)
		}
		names[a.Code] = a.Name
		if got := len(c.ForCountry(a.Code)); got < a.Datasets || a.Datasets == 0 {
			t.Errorf("area %s: %d datasets, ForCountry gives %d", a.Code, a.Datasets, got)
		}
	}
	for code, name := range map[string]string{
		"JO": "Jordan", "LB": "Lebanon", "VE": "Venezuela", "CO": "Colombia", "VN": "Vietnam", "MX": "Mexico",
		"PH": "Philippines", "TN": "Tunisia", "ZA": "South Africa", "KE": "Kenya", "IN": "India", "NG": "Nigeria",
		"ID": "Indonesia", "BR": "Brazil", "TH": "Thailand", "MY": "Malaysia", "PE": "Peru", "US": "United States",
		"GB": "United Kingdom", "AT": "Austria", "CZ": "Czechia", "DK": "Denmark", "DE": "Germany", "JP": "Japan",
		"KR": "South Korea", "CA-QC": "Québec, Canada", "FR": "France", "arab-states": "Arab states (18 surveyed)",
		"global": "Global: all markets of a multi-country survey",
	} {
		if names[code] != name {
			t.Errorf("area %s is named %q, want %q", code, names[code], name)
		}
		ds := c.ForCountry(code)
		if len(ds) == 0 {
			t.Errorf("no dataset for %s", code)
		}
		for i, d := range ds {
			if !strings.EqualFold(d.Provenance.Area, code) {
				t.Errorf("ForCountry(%s) gives %s, of %s", code, d.ID, d.Provenance.Area)
			}
			if i > 0 && ds[i-1].Year < d.Year {
				t.Errorf("ForCountry(%s): %s before %s", code, ds[i-1].ID, d.ID)
			}
		}
	}
	// Codes ignore letter case; a country finds its subdivisions.
	if got := c.ForCountry("ke"); len(got) != len(c.ForCountry("KE")) || len(got) < 4 {
		t.Errorf("ForCountry(ke) gives %d datasets", len(got))
	}
	if got := c.ForCountry("CA"); len(got) != 2 || got[0].Provenance.Area != "CA-QC" {
		t.Errorf("ForCountry(CA) gives %v", got)
	}
	if got := c.ForCountry("C"); len(got) != 0 {
		t.Errorf("ForCountry(C) gives %d datasets", len(got))
	}
	if got := c.ForCountry("XX"); got != nil {
		t.Errorf("ForCountry(XX) gives %v", got)
	}
	// Areas are listed by name.
	areas := c.Areas()
	for i := 1; i < len(areas); i++ {
		if strings.ToLower(areas[i-1].Name) > strings.ToLower(areas[i].Name) {
			t.Errorf("%q listed before %q", areas[i-1].Name, areas[i].Name)
		}
	}
}

// An imported dataset with provenance is found by its country too; one without is in
// no area.
func TestForCountryImported(t *testing.T) {
	c := calc.Embedded()
	before := len(c.Areas())
	d, err := calc.ReadDataset([]byte(qaDatasetJSON(qaProvenanceJSON, "")))
	if err != nil {
		t.Fatal(err)
	}
	d.Year = 2030
	if err := c.Add(d); err != nil {
		t.Fatal(err)
	}
	if got := c.ForCountry("KE"); got[0] != d {
		t.Errorf("the newest Kenyan dataset is %s", got[0].ID)
	}
	if len(c.Areas()) != before {
		t.Errorf("a dataset of a known area added an area")
	}
	old, _ := calc.ReadDataset([]byte(strings.Replace(qaDatasetJSON("", ""), `"test-ds"`, `"old"`, 1)))
	if err := c.Add(old); err != nil {
		t.Fatal(err)
	}
	if len(c.Areas()) != before {
		t.Errorf("a dataset without provenance added an area")
	}
}

// The notes' other text, as written there (and in the README of the data CSVs).
const (
	qaPew2018Median  = `a median of 62% use Facebook`
	qaPew2023Medians = `WhatsApp 73%, Facebook 62%, TikTok 36%, Instagram 29%, Twitter 20%, Telegram 15%`
	// The README of the data CSVs, Pew's 2025 wave (Bluesky, in no dataset, left out).
	qaPewUS2025 = `YouTube 0.84, Facebook 0.71, Instagram 0.50, TikTok 0.37, WhatsApp 0.32, Reddit 0.26, Snapchat 0.25, X 0.21`
	qaMFA2016   = `Website,170
Twitter,114
Facebook,89
YouTube,75
Flickr,47
LinkedIn,44
Instagram,15
Blog,9`
	qaMFASource = "DiploFoundation survey of digital platforms used by ministries of foreign affairs (2016), quoted in 25 Points for Digital Diplomacy"
)

// qaContextNotFromTheNotes are the context entries whose facts are not in the notes
// (dataset/platform/key): kept, and named here so that any other is checked.
var qaContextNotFromTheNotes = map[string]bool{
	"pew-in-2023/tiktok/note":           true, // that India bans TikTok
	"mic-jp-2024/line/ages60to69In2014": true, // 2014 figures of the white paper's chart
	"mic-jp-2024/line/allIn2014":        true,
}

// qaContextFigures is what the platforms' context must hold, by dataset, platform and
// key: a share (compared as a number when the entry is one) or the words of the notes,
// each of which the entry must contain.
func qaContextFigures(t *testing.T) map[string]map[string]map[string][]string {
	t.Helper()
	want := map[string]map[string]map[string][]string{}
	put := func(ds, platform, key string, words ...string) {
		if want[ds] == nil {
			want[ds] = map[string]map[string][]string{}
		}
		if want[ds][platform] == nil {
			want[ds][platform] = map[string][]string{}
		}
		want[ds][platform][key] = words
	}
	c := calc.Embedded()
	// Medians across the countries of the survey, for the platforms each dataset has.
	median2018 := regexp.MustCompile(`median of (\d+)% use Facebook`).FindStringSubmatch(qaPew2018Median)[1]
	for _, row := range strings.Split(strings.TrimSpace(qaPew2018Table), "\n") {
		cells := strings.Split(strings.Trim(row, "| "), " | ")
		put("pew-"+qaCountryCodes[cells[0]]+"-2018", "facebook", "medianOfElevenCountries2018", qaDec(median2018).Shift(-2).String())
	}
	medians := qaFigureList(t, qaPew2023Medians, qaPlatformIDs)
	for _, code := range []string{"br", "id", "in", "ke", "ng", "za"} {
		for _, p := range c.Get("pew-" + code + "-2023").Platforms {
			if v, ok := medians[p.ID]; ok {
				put("pew-"+code+"-2023", p.ID, "medianOfEightCountries2023", v.String())
			}
		}
	}
	// "India by age: WhatsApp used by three in four 18–29s, 17% of those 50+."
	put("pew-in-2023", "whatsapp", "ages18to29", "three in four")
	put("pew-in-2023", "whatsapp", "ages50plus", "0.17")
	// All adults in the US, 2023 (the CSV's last column) and 2025 (the README).
	for _, row := range strings.Split(qaPewUS2023CSV, "\n")[1:] {
		cells := strings.Split(row, ",")
		put(calc.DefaultDatasetID, qaPlatformIDs[strings.ToLower(cells[0])], "pewAllAdults2023", cells[5])
	}
	for id, v := range qaFigureList(t, qaPewUS2025, qaPlatformIDs) {
		put(calc.DefaultDatasetID, id, "pewAllAdults2025", v.Shift(2).String())
		if c.Get("reuters-dnr-2025").Platform(id) != nil {
			put("reuters-dnr-2025", id, "pewAllAdults2025", v.Shift(2).String())
		}
	}
	// "Kenya 2023 | TikTok 54 any purpose, 29 for news; South Africa 2023: TikTok 50 / 22"
	put("reuters-dnr-ke-2023", "tiktok", "anyPurposeWeekly2023", "0.54")
	put("reuters-dnr-za-2023", "tiktok", "anyPurposeWeekly2023", "0.50")
	put("reuters-dnr-za-2025", "tiktok", "otherQuote", "0.33")  // "(another report says TikTok 33)"
	put("reuters-dnr-ke-2024", "tiktok", "alsoQuotedBy", "36%") // the Statista chart: "Kenya 36"
	// ARD/ZDF 2024: "14–29: Instagram "over 80%", TikTok 38% daily. 30–49: Instagram 50%,
	// Facebook 51%. 50–69: Facebook about one in three." and "TikTok 19% (12% daily)".
	put("ard-zdf-de-2024", "instagram", "ages14to29", "over 80%")
	put("ard-zdf-de-2024", "instagram", "ages30to49", "0.50")
	put("ard-zdf-de-2024", "facebook", "ages30to49", "0.51")
	put("ard-zdf-de-2024", "facebook", "ages50to69", "about one in three")
	put("ard-zdf-de-2024", "tiktok", "daily", "0.12")
	put("ard-zdf-de-2024", "tiktok", "dailyAges14to29", "0.38")
	// MIC: "LINE 94.9% in 2024, 60s 91.1%; X and Instagram about half of all, 50s over 40%".
	put("mic-jp-2024", "line", "ages60to69", "0.911")
	put("mic-jp-2024", "x", "ages50to59", "over 40%")
	put("mic-jp-2024", "instagram", "ages50to59", "over 40%")
	// MIC FY2021: "most used after them by age: 10s Instagram 70.0, 20s X 78.8, 30s
	// Instagram 63.7, 40s Instagram 48.6, 50s Instagram 40.7, 60s Instagram 21.3"
	// (neither platform is in the dataset: kept with LINE's).
	put("mic-jp-2021", "line", "mostUsedAfterLineAndYouTubeByAge", "10s: Instagram 0.700", "20s: X 0.788",
		"30s: Instagram 0.637", "40s: Instagram 0.486", "50s: Instagram 0.407", "60s: Instagram 0.213")
	// KPF: "Instagram 20s 80.9, 30s 70.7, 40s 47.5; Band 50s 40.6, 60s 31.1".
	put("kpf-kr-2024", "instagram", "ages20to29", "0.809")
	put("kpf-kr-2024", "instagram", "ages30to39", "0.707")
	put("kpf-kr-2024", "instagram", "ages40to49", "0.475")
	put("kpf-kr-2024", "band", "ages50to59", "0.406")
	put("kpf-kr-2024", "band", "ages60to69", "0.311")
	// The ministries using each platform (the MFA CSV), wherever a platform gives them.
	mfa := map[string]string{}
	for _, row := range strings.Split(qaMFA2016, "\n") {
		cells := strings.Split(row, ",")
		id := qaPlatformIDs[strings.ToLower(cells[0])]
		if id == "" {
			id = strings.ToLower(cells[0])
		}
		mfa[id] = cells[1]
	}
	for _, d := range c.Datasets() {
		for _, p := range d.Platforms {
			if _, ok := p.Context["foreignMinistries2016"]; ok || p.Context["foreignMinistries2016Source"] != "" {
				put(d.ID, p.ID, "foreignMinistries2016", mfa[p.ID])
				put(d.ID, p.ID, "foreignMinistries2016Source", qaMFASource)
			}
		}
	}
	return want
}

// Every figure of a platform's context is the notes' (or the data CSVs'), and every
// figure of the notes that no dataset carries as a share is in a context: the age
// bands, other measures and medians that a dataset of disjoint segments cannot hold.
func TestEmbeddedContextMatchesTheirSources(t *testing.T) {
	want := qaContextFigures(t)
	c := calc.Embedded()
	for ds, platforms := range want {
		d := c.Get(ds)
		if d == nil {
			t.Errorf("no embedded dataset %s", ds)
			continue
		}
		for id, keys := range platforms {
			p := d.Platform(id)
			if p == nil {
				t.Errorf("%s: no platform %s for its context %v", ds, id, keys)
				continue
			}
			for key, words := range keys {
				got, ok := p.Context[key]
				if !ok {
					t.Errorf("%s, %s: no context %s (the notes give %q)", ds, id, key, words)
					continue
				}
				if v, err := decimal.NewFromString(got); err == nil && len(words) == 1 {
					if w, err := decimal.NewFromString(words[0]); err != nil || !v.Equal(w) {
						t.Errorf("%s, %s, context %s: %s, the notes give %s", ds, id, key, got, words[0])
					}
					continue
				}
				for _, w := range words {
					if !strings.Contains(got, w) {
						t.Errorf("%s, %s, context %s: %q, without the notes' %q", ds, id, key, got, w)
					}
				}
			}
		}
	}
	for _, d := range c.Datasets() {
		for _, p := range d.Platforms {
			for key := range p.Context {
				if _, ok := want[d.ID][p.ID][key]; !ok && !qaContextNotFromTheNotes[d.ID+"/"+p.ID+"/"+key] {
					t.Errorf("%s, %s: context %s = %q is not in the notes", d.ID, p.ID, key, p.Context[key])
				}
			}
		}
	}
}

// A platform that the Pew US dataset does not have (LINE, KakaoTalk, Band, Naver Blog,
// Telegram, Messenger) has no parameters of a source: all six are assumptions, each
// with its reason, the first saying which platform's parameters it takes and why.
func TestPlatformsNotInPewUSAreAssumptions(t *testing.T) {
	c := calc.Embedded()
	pew := c.Get(calc.DefaultDatasetID)
	seen := map[string]bool{}
	for _, d := range c.Datasets() {
		for _, p := range d.Platforms {
			if pew.Platform(p.ID) != nil {
				continue
			}
			seen[p.ID] = true
			for _, name := range calc.ParamNames {
				if !p.IsAssumed(name) {
					t.Errorf("%s, %s: %s is not marked as an assumption", d.ID, p.ID, name)
				}
				if !strings.HasPrefix(p.Notes[name], "Assumption") {
					t.Errorf("%s, %s: the note on %s does not say it is an assumption: %q", d.ID, p.ID, name, p.Notes[name])
				}
			}
			if n := p.Notes["minHours"]; !strings.Contains(n, p.Name+" is not in the Pew US dataset") || !strings.Contains(n, "taken as for") {
				t.Errorf("%s, %s: the note on minHours does not give the reason for its parameters: %q", d.ID, p.ID, n)
			}
		}
	}
	for _, id := range []string{"line", "kakaotalk", "band", "telegram", "messenger", "naver-blog"} {
		if !seen[id] {
			t.Errorf("no embedded dataset has %s", id)
		}
	}
}
