package calc

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// MaxDatasetCSV is the largest CSV file ReadDatasetCSV reads, in bytes. A table of a
// few dozen platforms is a few kilobytes.
const MaxDatasetCSV = 1 << 20

// ReadDatasetCSV reads platform demographics for another country (or another
// audience) from a CSV file, such as a spreadsheet saves, and returns the dataset.
// It reports every problem at once as an *InputError; a dataset it returns is valid
// (it passes the same checks as a dataset file) and can be added to a Catalog.
//
// # The CSV format
//
// A file is UTF-8 text (a byte order mark is ignored; lines may end in LF, CRLF or
// CR): a few metadata lines, then a table with a header row and one row per platform:
//
//	# id: fr-2024
//	# title: Adults' use of online platforms by age, France 2024
//	# source: National statistics office, Internet use survey 2024, table 3.2
//	# year: 2024
//	# url: https://example.org/survey-2024.pdf
//	# measure: Share of adults in each age band who used the platform in the last month
//	# area: FR
//	# areaName: France
//	# measureKind: monthly
//	# base: adults
//	# readAt: https://example.org/survey-2024.pdf, table 3.2
//	# hand: first-hand
//	# label 15-29: Ages 15 to 29
//	# population 15-29: 11200000
//	platform,name,15-29,30-49,50-64,65+,minHours,fullHours,reachRate,setupHours,toolCost,adCost
//	facebook,,0.62,0.71,0.66,0.41,,,,,,
//	youtube,,92%,90%,84%,52%,,,2.5%,,,
//	dailymotion,Dailymotion,0.12,0.10,0.07,0.02,2,8,0.02,16,0,0
//
// Metadata lines come before the table, in any order. Each is "# key: value": the
// text before the first colon is the key (letter case ignored), the rest of the line
// the value (commas included; spaces and trailing commas around it are removed).
// The keys:
//
//   - source (required): who published the figures, and where.
//   - year (required): the year of the figures, a whole number from 1990 to 2100.
//   - measure (required): what a figure means.
//   - title: the dataset's title; when left out, the id is the title.
//   - id: the id that scenarios use to name the dataset ("dataset": "fr-2024"); when
//     left out, it is made from the title (in lower case, every run of characters
//     other than letters and digits becomes one "-", at most 60 characters). It may
//     not be the id of a built-in dataset. At least one of id and title is required.
//   - url (optional): where the figures can be checked.
//   - label <segment> (optional): the label of a segment column, shown in place of
//     its id (which is the default label); <segment> is the column's header as
//     written.
//   - population <segment> (optional): the number of people in a segment.
//
// And, all optional, the dataset's provenance (MODEL.md, "Dataset files"; the keys are
// the field names of a dataset file's provenance, and checked the same way):
//
//   - area: where the figures were measured: an ISO 3166-1 alpha-2 country code
//     (KE), an ISO 3166-2 subdivision code (CA-QC) or a region id in lower case
//     (global, arab-states); given with areaName, the area's name (Kenya).
//   - measureKind: the kind of measure: ever, monthly, weekly, daily, weekly-news,
//     most-important or measured-reach.
//   - base: the population a share is of: adults, internet-users, online-news-users,
//     or an age range of the whole population (13-69, 15+); ages: an age range that
//     narrows the base (18-50).
//   - method: how the figures were collected; sample: the number of respondents (a
//     whole number, no thousands separators); fieldwork: when, as an ISO 8601 date
//     or interval (2023, 2023-05, 2023-05-19/2023-09-05).
//   - licence (or license): the terms of reuse.
//   - readAt: where the figures were read; hand: first-hand or second-hand (given
//     together); original: for second-hand figures (required then), the publication
//     to check them against.
//
// A provenance key without a value gives nothing; a file without any gives a dataset
// without provenance. Citations of single platforms or figures, which a dataset file
// can carry, have no place in a CSV file.
//
// A "#" line without a colon, or whose text before the colon is several words (and
// not label or population and a segment), is a comment. A single unknown word before
// a colon is an error, as it is usually a misspelt key. Blank lines are skipped
// anywhere. What a spreadsheet adds when it saves metadata typed in its first column
// is accepted: trailing commas, a line in quotes ("# source: A, B",,,) and the value
// in the next cell (# source:,A).
//
// The first line that is neither blank nor a "#" line is the table's header row,
// which names the columns, in any order:
//
//   - platform (required): the platform's id.
//   - name, kind (optional): the platform's name and what kind of platform it is.
//   - minHours, fullHours, reachRate, setupHours, toolCost, adCost (optional): the
//     platform's default parameters (MODEL.md, Inputs 3): hours per week, hours per
//     week, a share per month, one-off hours, money per month, money per month.
//   - Every other column is an audience segment (at least one): its header is the
//     segment's id, kept as written (letter case matters: scenarios' audience
//     weights name it).
//
// The names of the fixed columns are matched ignoring letter case, spaces, "-" and
// "_" ("Reach rate" is reachRate). A header that contains hour, cost, reach, setup or
// platform but is none of the fixed columns (a misspelling, such as "minHour"), or
// that names a field this format does not carry as a column (id, title, source, year,
// url, measure, label, population, penetration, assumed, notes, note, context,
// provenance, citation, or a provenance key), is an unknown column, not a segment. A
// column with a blank header must be blank in every row (spreadsheets add such
// columns).
//
// Every row after the header row describes one platform and has a cell for every
// column (more cells are accepted when the extra ones are blank). Fields follow RFC
// 4180: a cell holding a comma or a quote is put in quotes, its quotes doubled. An
// apostrophe before a cell's leading "=", "+", "-" or "@" is dropped: the template
// writes one there, so that a spreadsheet does not take a name for a formula. Blank
// rows are skipped; "#" lines are not allowed in the table.
//
// A segment's cell is the share of the segment that uses the platform, from 0 to 1,
// written as a decimal (0.45) or a percentage (45%), with a point for the decimals
// and no thousands separators. A blank cell gives no figure, which counts as 0 (as a
// segment left out of a dataset file's penetration). reachRate takes a share in the
// same two ways; the other parameters are plain numbers.
//
// A platform of the built-in dataset pew-us-2023 (facebook, youtube, x, website, and
// the others), recognised by its id or its name with letter case ignored and written
// with the built-in id, takes from it its name, kind, parameters, the list of fields
// that are assumptions, their notes, and its context (facts such as how many foreign
// ministries used it; the US survey's own figures are left out), for every column the
// file leaves out or blank. A parameter the file gives replaces the built-in one and
// drops its note (which explained the built-in value). Any other platform must give
// all six parameters; its name is its id unless the file gives one, and its
// parameters are marked as assumptions (the format has no place for their source), as
// the built-in ones are. The penetration
// figures are the file's, from its source: "penetration" is never marked assumed.
//
// A file may have at most MaxDatasetCSV bytes (1 MiB).
//
// # Problems
//
// Each problem's Field says where it is, with lines counted from 1 as a text editor
// counts them (metadata and blank lines included); a row is on the line where it
// starts. The forms of Field:
//
//   - row 7, column "30-49": a cell of the table, on line 7 of the file, in the
//     column headed 30-49 (row 7, column 4: by position, when the header cell is
//     blank). The header row is a row too.
//   - row 7: a table row as a whole (a wrong number of cells, a platform that is not
//     built in and lacks parameters, a built-in default that conflicts with a value
//     the row gives, a line that is not valid CSV).
//   - # year (line 3): a metadata line, with its key as written; # year, without a
//     line, when the line is missing.
//   - line 3: a "#" line whose key cannot be read.
//   - empty: the file as a whole (empty, not UTF-8, too large, no table).
//
// Problems are listed in the order of the file, at most one per field, and at most
// 200 (then a last one says that reading stopped). Each message says what is wrong
// and what is accepted, for example:
//
//	row 7, column "30-49": must be a share from 0 to 1 (such as 0.45) or a percentage (such as 45%), found "1.7"
func ReadDatasetCSV(data []byte) (*Dataset, error) {
	r := &csvRead{pos: map[string][2]int{}, meta: map[string]csvMeta{}, segMeta: map[string]csvMeta{}}
	d := r.read(data)
	if err := r.over.err(); err != nil {
		return nil, err // over a limit, nothing else is said
	}
	if err := r.err(); err != nil {
		return nil, err
	}
	return d, nil
}

// csvMeta is one metadata line.
type csvMeta struct {
	line       int
	key, value string // key as written
}

// csvCol is one column of the table.
type csvCol struct {
	header string // as written, trimmed
	kind   byte   // 'p' platform, 'n' name, 'k' kind, 'm' parameter, 's' segment, 'b' blank header, 'x' unknown
	param  string // the parameter's name, for 'm'
}

// csvRow remembers where a platform of the dataset came from.
type csvRow struct {
	line  int
	given map[string]bool // parameters the row gives
}

type csvRead struct {
	ps         problems
	over       problems          // limits the file goes over
	pos        map[string][2]int // field → (line, column index + 1), to sort problems
	meta       map[string]csvMeta
	segMeta    map[string]csvMeta // "label <seg>" / "population <seg>", lower-case word
	metaOrder  []string
	headerLine int
	cols       []csvCol
	colOf      map[string]int // the first column of each kind: "p", "n", "k", "m"+parameter, "s"+segment
	rows       []csvRow       // one per platform of the dataset
	stopped    bool           // reading stopped at maxCSVProblems problems
}

// maxCSVProblems is the most problems reported for one file: a file with more is
// likely not a platform table at all, and a list of thousands helps nobody.
const maxCSVProblems = 200

// full reports whether enough problems were found to stop reading.
func (r *csvRead) full() bool {
	if len(r.ps.list) >= maxCSVProblems {
		r.stopped = true
	}
	return r.stopped
}

// ---- field names ----

func (r *csvRead) cellField(line, col int) string {
	c := r.cols[col]
	f := fmt.Sprintf("row %d, column %s", line, Quote(c.header))
	if c.header == "" {
		f = fmt.Sprintf("row %d, column %d", line, col+1)
	}
	r.pos[f] = [2]int{line, col + 1}
	return f
}

func (r *csvRead) rowField(line int) string {
	f := fmt.Sprintf("row %d", line)
	r.pos[f] = [2]int{line, 0}
	return f
}

func (r *csvRead) lineField(line int) string {
	f := fmt.Sprintf("line %d", line)
	r.pos[f] = [2]int{line, 0}
	return f
}

// metaField names the metadata line of key (lower case), or the missing line.
func (r *csvRead) metaField(key string) string {
	m, ok := r.meta[key]
	if !ok {
		m, ok = r.segMeta[key]
	}
	if !ok {
		return "# " + csvKeyName(key)
	}
	f := fmt.Sprintf("# %s (line %d)", m.key, m.line)
	r.pos[f] = [2]int{m.line, 0}
	return f
}

func (r *csvRead) err() error {
	sort.SliceStable(r.ps.list, func(i, j int) bool {
		a, b := r.pos[r.ps.list[i].Field], r.pos[r.ps.list[j].Field]
		return a[0] < b[0] || a[0] == b[0] && a[1] < b[1]
	})
	if r.stopped {
		// A row's own problem can come after its cells filled the list.
		r.ps.list = r.ps.list[:min(len(r.ps.list), maxCSVProblems)]
		r.ps.list = append(r.ps.list, Problem{Message: fmt.Sprintf("reading stopped after %d problems: correct these, then read the file again for the rest", maxCSVProblems)})
	}
	return r.ps.err()
}

// ---- reading ----

var csvMetaKeys = []string{"id", "title", "source", "year", "url", "measure"}

// csvProvenanceKeys are the metadata keys of a dataset's provenance, as in dataset
// files; they are matched ignoring letter case ("license" is taken for licence).
var csvProvenanceKeys = provenanceFields

// csvMetaKey returns the key of a metadata line (lower case) as it is stored, and
// whether it is one of the keys.
func csvMetaKey(lower string) (string, bool) {
	if lower == "license" {
		lower = "licence"
	}
	if contains(csvMetaKeys, lower) {
		return lower, true
	}
	for _, k := range csvProvenanceKeys {
		if strings.ToLower(k) == lower {
			return lower, true
		}
	}
	return "", false
}

// csvKeyName gives the name of a metadata key (lower case) as the documentation
// writes it: "areaName" for "areaname".
func csvKeyName(lower string) string {
	for _, k := range csvProvenanceKeys {
		if strings.ToLower(k) == lower {
			return k
		}
	}
	return lower
}

func (r *csvRead) read(data []byte) *Dataset {
	ps := &r.ps
	if len(data) > MaxDatasetCSV {
		r.over.add("", "the file is larger than %s (%d bytes), the most a CSV file of platforms may have: a table of platforms is a few kilobytes; is it the right file?", sizeText(MaxDatasetCSV), MaxDatasetCSV)
		return nil
	}
	bom := len(data)
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	bom -= len(data)
	data = lineFeeds(data)
	if off := firstNotUTF8(data); off >= 0 {
		line := 1 + bytes.Count(data[:off], []byte("\n"))
		ps.add("", "line %d is not UTF-8 text: %s; save the file as \"CSV UTF-8\" (or UTF-8 text)", line, notUTF8(data, off, bom))
		return nil
	}
	if len(bytes.TrimSpace(data)) == 0 {
		ps.add("", "the file is empty: a platform CSV has metadata lines such as \"# source: …\" and \"# year: 2024\", then a table whose header row is such as \"platform,18-29,30-49,50-64,65+\"")
		return nil
	}

	// Metadata lines, up to the header row.
	var table []byte
	off := 0
	for line := 1; off < len(data) && !r.full(); line++ {
		end := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		if end >= 0 {
			next = off + end + 1
		}
		text := strings.TrimSpace(string(data[off:next]))
		switch {
		case strings.Trim(text, ", \t") == "":
		case strings.HasPrefix(text, "#"):
			r.metaLine(line, text)
		case strings.HasPrefix(text, `"#`):
			if cell, ok := spreadsheetCell(text); ok {
				r.metaLine(line, cell)
			} else {
				ps.add(r.lineField(line), "a line starting with \"# in quotes must hold only the quoted metadata, such as \"# source: A, B\"")
			}
		default:
			r.headerLine = line
			table = data[off:]
		}
		if table != nil {
			break
		}
		off = next
	}

	d := &Dataset{Segments: []Segment{}, Platforms: []Platform{}}
	switch {
	case r.full():
		return nil
	case table == nil:
		ps.add("", "the file has no table: after the \"#\" lines, give a header row such as \"platform,18-29,30-49,50-64,65+\" and a row per platform")
	default:
		r.readTable(table, d)
	}
	if len(r.over.list) > 0 {
		return nil
	}
	r.resolveMeta(d)

	if r.full() {
		return nil
	}
	// The dataset's own checks, reported where the figure is in the file.
	var check problems
	checkDataset(d, "", &check)
	for _, p := range check.list {
		if f, msg, ok := r.translate(d, p); ok {
			ps.add(f, "%s", msg)
		}
	}
	if ps.err() != nil {
		return nil
	}
	// The dataset must open again as a dataset file (kept in the browser, or inline in
	// a scenario file).
	if b, err := MarshalDataset(d); err != nil || len(b) > MaxDatasetFile {
		r.over.add("", "the table is too large: as a dataset file it takes %d bytes, more than the %s a dataset file may have; is it the right file?", len(b), sizeText(MaxDatasetFile))
		return nil
	}
	return d
}

// lineFeeds returns data with every line ending a line feed: a carriage return not
// followed by a line feed (the line ending of old Mac files, which some spreadsheets
// still write) becomes one. Line and byte counts stay as they were.
func lineFeeds(data []byte) []byte {
	var out []byte
	for i, c := range data {
		if c == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
			if out == nil {
				out = append([]byte(nil), data...)
			}
			out[i] = '\n'
		}
	}
	if out == nil {
		return data
	}
	return out
}

// metaLine reads the text of a "#" line.
func (r *csvRead) metaLine(line int, text string) {
	ps := &r.ps
	text = strings.TrimSpace(strings.TrimPrefix(text, "#"))
	colon := strings.IndexByte(text, ':')
	if colon < 0 {
		return // a comment
	}
	key := strings.TrimSpace(text[:colon])
	value := strings.TrimRight(strings.TrimSpace(text[colon+1:]), ", \t")
	// The value typed in the next cell of a spreadsheet.
	value = strings.TrimSpace(strings.TrimLeft(value, ", \t"))
	if cell, ok := spreadsheetCell(value); ok {
		value = strings.TrimSpace(cell)
	}
	stored, isKey := csvMetaKey(strings.ToLower(key))
	word, seg, _ := strings.Cut(key, " ")
	word = strings.ToLower(word)
	seg = strings.TrimSpace(seg)
	switch {
	case (word == "label" || word == "population") && seg != "":
		k := word + " " + seg
		if old, dup := r.segMeta[k]; dup {
			ps.add(fmt.Sprintf("# %s (line %d)", key, line), "given twice (first on line %d)", old.line)
			r.pos[fmt.Sprintf("# %s (line %d)", key, line)] = [2]int{line, 0}
			return
		}
		r.segMeta[k] = csvMeta{line: line, key: key, value: value}
		r.metaOrder = append(r.metaOrder, k)
	case key == "":
		ps.add(r.lineField(line), "a metadata line is \"# key: value\" and this one has no key before its colon; the keys are %s", csvKeyList)
	case strings.ContainsAny(key, " \t"):
		return // a comment
	case isKey:
		if old, dup := r.meta[stored]; dup {
			f := fmt.Sprintf("# %s (line %d)", ShortText(key), line)
			r.pos[f] = [2]int{line, 0}
			ps.add(f, "given twice (first on line %d); give each key once", old.line)
			return
		}
		r.meta[stored] = csvMeta{line: line, key: csvKeyName(stored), value: value}
	default:
		f := fmt.Sprintf("# %s (line %d)", ShortText(key), line)
		r.pos[f] = [2]int{line, 0}
		ps.add(f, "unknown key %s; the keys are %s (a comment line has no colon, or several words before it)", Quote(key), csvKeyList)
	}
}

const csvKeyList = "id, title, source, year, url, measure, label <segment>, population <segment>, and for the provenance area, areaName, measureKind, base, ages, method, sample, fieldwork, licence, readAt, hand and original"

// spreadsheetCell returns the text of s when s is one cell in quotes as a spreadsheet
// writes it, possibly followed by blank cells.
func spreadsheetCell(s string) (string, bool) {
	if !strings.HasPrefix(s, `"`) {
		return s, false
	}
	cr := csv.NewReader(strings.NewReader(s))
	cr.FieldsPerRecord = -1
	rec, err := cr.Read()
	if err != nil || len(rec) == 0 {
		return s, false
	}
	for _, c := range rec[1:] {
		if strings.TrimSpace(c) != "" {
			return s, false
		}
	}
	if _, err := cr.Read(); err != io.EOF {
		return s, false
	}
	return rec[0], true
}

// The fixed columns, by their name with case, spaces, "-" and "_" removed.
var csvFixedCols = map[string]csvCol{
	"platform": {kind: 'p'}, "name": {kind: 'n'}, "kind": {kind: 'k'},
	"minhours": {kind: 'm', param: "minHours"}, "fullhours": {kind: 'm', param: "fullHours"},
	"reachrate": {kind: 'm', param: "reachRate"}, "setuphours": {kind: 'm', param: "setupHours"},
	"toolcost": {kind: 'm', param: "toolCost"}, "adcost": {kind: 'm', param: "adCost"},
}

var csvNotCarried = []string{"id", "title", "source", "year", "url", "measure", "label", "population",
	"penetration", "assumed", "notes", "note", "context", "provenance", "citation", "area", "areaname",
	"measurekind", "base", "ages", "method", "sample", "fieldwork", "licence", "license", "readat", "hand", "original"}

func normColumn(s string) string {
	return strings.Map(func(c rune) rune {
		if c == ' ' || c == '-' || c == '_' || c == '\t' {
			return -1
		}
		return unicode.ToLower(c)
	}, s)
}

const csvFixedList = "platform, name, kind, minHours, fullHours, reachRate, setupHours, toolCost, adCost"

func (r *csvRead) readTable(table []byte, d *Dataset) {
	ps := &r.ps
	off := r.headerLine - 1 // the csv reader counts lines from the header row
	cr := csv.NewReader(bytes.NewReader(table))
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	cr.ReuseRecord = false
	header := true
	platformCol, rows := -1, 0
	seenPlatform := map[string]int{} // platform id → line
	def := Embedded().Get(DefaultDatasetID)
	if def == nil {
		def = &Dataset{} // never: the default dataset is built in
	}
	lines := bytes.Count(table, []byte("\n")) + 1
	for guard := 0; guard <= lines && !r.full(); guard++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				ps.add("", "the table cannot be read: %v", err)
				return
			}
			what := "a quoted cell is not closed, or text follows its closing quote: a cell in quotes ends with a quote followed by a comma or the end of the line"
			if errors.Is(pe.Err, csv.ErrBareQuote) {
				what = `a quote (") inside a cell that does not start with one: put the whole cell in quotes and double its quotes, such as "Facebook ""Meta"""`
			}
			f := r.rowField(off + pe.StartLine)
			ps.add(f, "is not valid CSV at line %d, character %d: %s", off+pe.Line, pe.Column, what)
			if header {
				return // without its header, the table cannot be read
			}
			rows++
			continue
		}
		line, _ := cr.FieldPos(0)
		line += off
		for i := range rec {
			rec[i] = untext(strings.TrimSpace(rec[i]))
		}
		if strings.Join(rec, "") == "" {
			continue // a blank row
		}
		if header {
			header = false
			platformCol = r.readHeader(line, rec, d)
			if platformCol < 0 {
				return
			}
			continue
		}
		rows++
		if rows > MaxCSVRows {
			r.tooManyRows(cr, line, rows)
			return
		}
		if strings.HasPrefix(rec[0], "#") {
			ps.add(r.rowField(line), "a \"#\" line inside the table: metadata lines go above the header row (line %d), and a platform id cannot start with \"#\"", r.headerLine)
			continue
		}
		if len(rec) != len(r.cols) {
			extra := len(rec) > len(r.cols) && strings.Join(rec[len(r.cols):], "") == ""
			if !extra {
				ps.add(r.rowField(line), "has %d cells, but the header row (line %d) has %d columns: give every row a cell per column (an empty cell is nothing between two commas)",
					len(rec), r.headerLine, len(r.cols))
				continue
			}
			rec = rec[:len(r.cols)]
		}
		r.readRow(line, rec, platformCol, def, seenPlatform, d)
	}
	if r.stopped {
		return
	}
	if header {
		ps.add("", "the file has no table: after the \"#\" lines, give a header row such as \"platform,18-29,30-49,50-64,65+\" and a row per platform")
		return
	}
	if platformCol >= 0 && rows == 0 {
		ps.add(r.rowField(r.headerLine), "the table has no platform rows: add a row per platform below the header row")
	}
}

// tooManyRows reports a table with more than MaxCSVRows platform rows, counting the
// rest of them; row rows is on line.
func (r *csvRead) tooManyRows(cr *csv.Reader, line, rows int) {
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err == nil && strings.TrimSpace(strings.Join(rec, "")) == "" {
			continue
		}
		rows++
	}
	r.over.add("", "the table has %d platform rows (row %d is number %d); at most %d are accepted, one per platform", rows, line, MaxCSVRows+1, MaxCSVRows)
}

// readHeader reads the header row and returns the platform column, or -1 when the rows
// cannot be read.
func (r *csvRead) readHeader(line int, rec []string, d *Dataset) int {
	ps := &r.ps
	r.headerLine = line
	r.cols = make([]csvCol, len(rec))
	first := map[string]int{} // column key → index
	r.colOf = first
	platformCol := -1
	for j, h := range rec {
		c := csvCol{header: h, kind: 's'}
		n := normColumn(h)
		fixed, isFixed := csvFixedCols[n]
		switch {
		case h == "":
			c.kind = 'b'
		case isFixed:
			c.kind, c.param = fixed.kind, fixed.param
		case contains(csvNotCarried, n):
			c.kind = 'x'
		case strings.Contains(n, "hour") || strings.Contains(n, "cost") || strings.Contains(n, "reach") ||
			strings.Contains(n, "setup") || strings.Contains(n, "platform"):
			c.kind = 'x'
		}
		r.cols[j] = c
		key := string(c.kind) + c.param
		if c.kind == 's' {
			key = "s" + h
		}
		switch c.kind {
		case 'b':
			continue
		case 'x':
			what := fmt.Sprintf("unknown column %s: the columns are %s, and one per audience segment", Quote(h), csvFixedList)
			if contains(csvNotCarried, n) {
				what += fmt.Sprintf("; a CSV file cannot give a dataset's %s (a dataset file can)", h)
				if k, isMeta := csvMetaKey(n); isMeta && !contains(csvMetaKeys, k) {
					what = fmt.Sprintf("unknown column %s: a dataset's %s is given above the table, in a line such as \"# %s: …\"; the columns are %s, and one per audience segment", Quote(h), csvKeyName(k), csvKeyName(k), csvFixedList)
				}
				if n == "id" {
					what = fmt.Sprintf("unknown column %s: the platform ids go in a column named \"platform\"; the columns are %s, and one per audience segment", Quote(h), csvFixedList)
				}
			}
			ps.add(r.cellField(line, j), "%s", what)
			continue
		}
		if k, dup := first[key]; dup {
			kind := "column"
			if c.kind == 's' {
				kind = "segment column"
			}
			ps.add(r.cellField(line, j), "the %s %s appears twice in the header row (columns %d and %d): give each %s once", kind, Quote(h), k+1, j+1, kind)
			r.cols[j].kind = 'x' // its cells are not read
			continue
		}
		first[key] = j
		switch c.kind {
		case 'p':
			platformCol = j
		case 's':
			d.Segments = append(d.Segments, Segment{ID: h, Label: h})
		}
	}
	if len(d.Segments) > MaxSegments {
		r.over.add(r.rowField(line), "has %d segment columns; at most %d are accepted", len(d.Segments), MaxSegments)
		return -1
	}
	if len(rec) == 1 && strings.ContainsAny(rec[0], ";\t") {
		ps.add(r.rowField(line), "has a single column: separate the columns with commas (this one seems to use semicolons or tabs); save from a spreadsheet as \"CSV UTF-8 (comma delimited)\"")
		return -1
	}
	if r.full() {
		return -1
	}
	if platformCol < 0 {
		ps.add(r.rowField(line), "has no \"platform\" column: the header row names the columns, such as platform,18-29,30-49,50-64,65+")
		return -1
	}
	if len(d.Segments) == 0 {
		ps.add(r.rowField(line), "names no segment column: after the platform column, give a column per audience segment, such as platform,18-29,30-49,50-64,65+")
	}
	return platformCol
}

func (r *csvRead) readRow(line int, rec []string, platformCol int, def *Dataset, seen map[string]int, d *Dataset) {
	ps := &r.ps
	id := rec[platformCol]
	var builtIn *Platform
	for i := range def.Platforms {
		if p := &def.Platforms[i]; strings.EqualFold(p.ID, id) || strings.EqualFold(p.Name, id) {
			builtIn, id = p, p.ID
			break
		}
	}
	ok := true
	pf := r.cellField(line, platformCol)
	switch first, dup := seen[id]; {
	case id == "":
		ps.add(pf, "empty: give the platform's id, such as facebook")
		ok = false
	case dup:
		ps.add(pf, "the platform %s is listed twice (first on row %d): give each platform one row", Quote(id), first)
		ok = false
	default:
		seen[id] = line
	}

	pl := Platform{ID: id, Penetration: map[string]decimal.Decimal{}}
	if builtIn != nil {
		pl.Name, pl.Kind, pl.Params = builtIn.Name, builtIn.Kind, builtIn.Params
		for _, a := range builtIn.Assumed {
			if a != "penetration" {
				pl.Assumed = append(pl.Assumed, a)
			}
		}
		pl.Notes = map[string]string{}
		for k, v := range builtIn.Notes {
			if k != "penetration" {
				pl.Notes[k] = v
			}
		}
		pl.Context = map[string]string{}
		for k, v := range builtIn.Context {
			if strings.HasPrefix(k, "pew") {
				continue // US survey figures say nothing about another country's audience
			}
			pl.Context[k] = v
		}
	} else {
		pl.Name = id
		pl.Assumed = append([]string(nil), ParamNames...)
	}
	given := map[string]bool{}
	for j, c := range r.cols {
		cell := rec[j]
		if cell == "" || r.full() {
			continue
		}
		switch c.kind {
		case 'b':
			ps.add(r.cellField(line, j), "has a value, but its column has no name in the header row (line %d): name the column, or leave it blank", r.headerLine)
		case 'n':
			pl.Name = cell
		case 'k':
			pl.Kind = cell
		case 's':
			if v, msg := parseCSVNumber(cell, true); msg != "" {
				ps.add(r.cellField(line, j), "%s", msg)
			} else {
				pl.Penetration[c.header] = v
			}
		case 'm':
			given[c.param] = true
			if v, msg := parseCSVNumber(cell, c.param == "reachRate"); msg != "" {
				ps.add(r.cellField(line, j), "%s", msg)
			} else {
				*pl.Params.field(c.param) = v
				delete(pl.Notes, c.param)
			}
		}
	}
	if builtIn == nil && id != "" {
		var missing []string
		for _, name := range ParamNames {
			if !given[name] {
				missing = append(missing, name)
			}
		}
		if len(missing) > 0 {
			ps.add(r.rowField(line), "%s is not a built-in platform (those are %s), so its row gives every parameter: %s; missing here: %s",
				Quote(id), platformList(def), strings.Join(ParamNames, ", "), strings.Join(missing, ", "))
		}
	}
	if ok {
		d.Platforms = append(d.Platforms, pl)
		r.rows = append(r.rows, csvRow{line: line, given: given})
	}
}

// parseCSVNumber reads the number of a cell; share allows a percentage and checks the
// range [0, 1]. msg says what is wrong, or is empty.
func parseCSVNumber(cell string, share bool) (v decimal.Decimal, msg string) {
	text, pct := cell, false
	if share && strings.HasSuffix(text, "%") {
		text, pct = strings.TrimSpace(strings.TrimSuffix(text, "%")), true
	}
	what := "a number, such as 2 or 2.5"
	if share {
		what = "a share from 0 to 1 (such as 0.45) or a percentage (such as 45%)"
	}
	if len(cell) > maxNumberText {
		return v, fmt.Sprintf("must be %s of at most %d characters", what, maxNumberText)
	}
	v, err := decimal.NewFromString(text)
	switch {
	case (err != nil || text == "" || strings.ContainsAny(text, "\u2212")) && strings.Contains(text, ","):
		return v, fmt.Sprintf("must be %s, written with a point for the decimals and no thousands separators, found %s", what, Quote(cell))
	case err != nil || text == "" || strings.ContainsAny(text, "\u2212"):
		return v, fmt.Sprintf("must be %s, found %s", what, Quote(cell))
	}
	if beyondDigits(v) {
		return v, fmt.Sprintf("must be %s, found %s%s", what, Quote(cell), numberGloss(text, v))
	}
	if pct {
		v = v.Shift(-2)
	}
	if share && (v.IsNegative() || v.GreaterThan(one)) {
		hint := ""
		if !pct && v.GreaterThan(one) && !v.GreaterThan(decimal.NewFromInt(100)) {
			hint = fmt.Sprintf(" (for %s%%, write %s or %s%%)", v.String(), v.Shift(-2).String(), v.String())
		}
		return v, fmt.Sprintf("must be %s, found %s%s", what, Quote(cell), hint)
	}
	return v, ""
}

// resolveMeta fills the dataset's header from the metadata lines.
func (r *csvRead) resolveMeta(d *Dataset) {
	ps := &r.ps
	get := func(k string) (string, bool) { m, ok := r.meta[k]; return m.value, ok }
	d.Source, _ = get("source")
	d.Measure, _ = get("measure")
	d.URL, _ = get("url")
	if _, ok := get("source"); !ok {
		ps.add("# source", "missing: add a line such as \"# source: National statistics office, Internet use survey 2024\" above the table (who published the figures, and where)")
	}
	if _, ok := get("measure"); !ok {
		ps.add("# measure", "missing: add a line saying what a figure means, such as \"# measure: Share of adults in each age band who used the platform in the last month\"")
	}
	if y, ok := get("year"); !ok {
		ps.add("# year", "missing: add a line such as \"# year: 2024\" (the year of the figures)")
	} else if n, err := strconv.Atoi(y); err != nil {
		ps.add(r.metaField("year"), "must be the year of the figures, a whole number such as 2024, found %s", Quote(y))
	} else {
		d.Year = n
	}

	id, hasID := get("id")
	title, hasTitle := get("title")
	switch {
	case !hasID && !hasTitle:
		ps.add("# title", "missing: add a line such as \"# title: Adults' use of online platforms by age, France 2024\" (the dataset's id is made from it, unless a line such as \"# id: fr-2024\" gives one)")
	case !hasID:
		id = slugID(title)
		if id == "" {
			ps.add("# id", "missing: the title has no letters or digits to make an id from; add a line such as \"# id: fr-2024\"")
		} else if IsEmbedded(id) {
			ps.add("# id", "missing: the id made from the title, %s, is the id of a dataset built into the tool; add a line such as \"# id: fr-2024\"", Quote(id))
		}
	case !hasTitle:
		title = id
	}
	if hasID && IsEmbedded(id) {
		ps.add(r.metaField("id"), "%s is the id of a dataset built into the tool; give the imported dataset another id", Quote(id))
	}
	d.ID, d.Title = id, title
	r.resolveProvenance(d)

	// Segment labels and populations.
	segIdx := make(map[string]int, len(d.Segments))
	for i, s := range d.Segments {
		segIdx[s.ID] = i
	}
	for _, k := range r.metaOrder {
		if r.full() {
			break
		}
		m := r.segMeta[k]
		word, seg, _ := strings.Cut(k, " ")
		i, found := segIdx[seg]
		if !found {
			if len(d.Segments) > 0 {
				ps.add(r.metaField(k), "names no segment column of the table; the segments are %s", shortSegmentList(d))
			}
			continue
		}
		s := &d.Segments[i]
		switch word {
		case "label":
			s.Label = m.value
			if m.value == "" {
				s.Label = s.ID
			}
		case "population":
			v, err := decimal.NewFromString(m.value)
			if err != nil || len(m.value) > maxNumberText || strings.ContainsAny(m.value, "\u2212") {
				ps.add(r.metaField(k), "must be a whole number of people, such as 5400000 (no thousands separators), found %s", Quote(m.value))
				continue
			}
			if beyondDigits(v) {
				ps.add(r.metaField(k), "must be a whole number of people, such as 5400000, found %s%s", Quote(m.value), numberGloss(m.value, v))
				continue
			}
			s.Population = &v
		}
	}
}

// resolveProvenance fills the dataset's provenance from its metadata lines, if any
// gives it; checkDataset checks the values.
func (r *csvRead) resolveProvenance(d *Dataset) {
	var pr Provenance
	given := false
	for _, k := range csvProvenanceKeys {
		m, ok := r.meta[strings.ToLower(k)]
		if !ok || m.value == "" {
			continue // a line without a value gives nothing
		}
		given = true
		v := m.value
		switch k {
		case "area":
			pr.Area = v
		case "areaName":
			pr.AreaName = v
		case "measureKind":
			pr.MeasureKind = MeasureKind(v)
		case "base":
			pr.Base = v
		case "ages":
			pr.Ages = v
		case "method":
			pr.Method = v
		case "sample":
			n, err := strconv.Atoi(v)
			switch {
			case err != nil && strings.ContainsAny(v, ", "):
				r.ps.add(r.metaField("sample"), "must be the number of respondents, a whole number without thousands separators, such as 2043, found %s", Quote(v))
			case err != nil || n < 1:
				r.ps.add(r.metaField("sample"), "must be the number of respondents, a whole number of at least 1 such as 2043 (leave the line out when the source does not give it), found %s", Quote(v))
			default:
				pr.Sample = n
			}
		case "fieldwork":
			pr.Fieldwork = v
		case "licence":
			pr.Licence = v
		case "readAt":
			pr.ReadAt = v
		case "hand":
			pr.Hand = Hand(v)
		case "original":
			pr.Original = v
		}
	}
	if given {
		d.Provenance = &pr
	}
}

// shortSegmentList lists the first segments of d, for a message.
func shortSegmentList(d *Dataset) string {
	const most = 12
	if len(d.Segments) <= most {
		return segmentList(d)
	}
	short := *d
	short.Segments = d.Segments[:most]
	return fmt.Sprintf("%s and %d more", segmentList(&short), len(d.Segments)-most)
}

// slugID makes a dataset id from a title.
func slugID(title string) string {
	var b strings.Builder
	n, dash := 0, false
	for _, c := range strings.ToLower(title) {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			dash = n > 0
			continue
		}
		if n >= 60 {
			break
		}
		if dash {
			if n >= 59 {
				break
			}
			b.WriteByte('-')
			n++
			dash = false
		}
		b.WriteRune(c)
		n++
	}
	return b.String()
}

// translate turns a problem found by checkDataset into one at its place in the CSV
// file. ok is false for problems reported otherwise (a missing table or segments).
func (r *csvRead) translate(d *Dataset, p Problem) (field, msg string, ok bool) {
	f := p.Field
	switch f {
	case "id", "title":
		_, hasID := r.meta["id"]
		_, hasTitle := r.meta["title"]
		switch {
		case f == "id" && hasID, f == "title" && hasTitle:
			return r.metaField(f), p.Message, true
		case f == "title" && hasID:
			return r.metaField("id"), "(the title, made from the id) " + p.Message, true
		case f == "id" && hasTitle && d.ID != "":
			return r.metaField("title"), "(the id made from the title) " + p.Message, true
		}
		return "", "", false // a missing title and id are reported once, at "# title"
	case "source", "year", "url", "measure":
		return r.metaField(f), p.Message, true
	case "segments", "platforms":
		return "", "", false // reported with the table
	}
	if name, found := strings.CutPrefix(f, "provenance."); found {
		return r.metaField(strings.ToLower(name)), p.Message, true
	}
	if rest, found := strings.CutPrefix(f, "segments["); found {
		i, sub, ok := cutIndex(rest)
		if !ok || i >= len(d.Segments) {
			return f, p.Message, true
		}
		seg := d.Segments[i].ID
		switch sub {
		case "label":
			if _, given := r.segMeta["label "+seg]; given {
				return r.metaField("label " + seg), p.Message, true
			}
		case "population":
			return r.metaField("population " + seg), p.Message, true
		}
		if j, ok := r.colOf["s"+seg]; ok {
			return r.cellField(r.headerLine, j), p.Message, true
		}
		return r.rowField(r.headerLine), p.Message, true
	}
	if rest, found := strings.CutPrefix(f, "platforms["); found {
		i, sub, ok := cutIndex(rest)
		if !ok || i >= len(r.rows) {
			return f, p.Message, true
		}
		row := r.rows[i]
		if seg, isPen := strings.CutPrefix(sub, "penetration."); isPen {
			if j, ok := r.colOf["s"+seg]; ok {
				return r.cellField(row.line, j), p.Message, true
			}
		}
		kinds := map[string]string{"id": "p", "name": "n", "kind": "k"}
		if k, isText := kinds[sub]; isText {
			if j, ok := r.colOf[k]; ok {
				return r.cellField(row.line, j), p.Message, true
			}
		}
		if contains(ParamNames, sub) {
			if j, ok := r.colOf["m"+sub]; ok && row.given[sub] {
				return r.cellField(row.line, j), p.Message, true
			}
			return r.rowField(row.line), sub + " (the built-in value) " + p.Message + "; give this platform's " + sub + " in a column", true
		}
		return r.rowField(row.line), sub + ": " + p.Message, true
	}
	return f, p.Message, true
}

// cutIndex reads "3].rest" into 3 and "rest".
func cutIndex(s string) (int, string, bool) {
	k := strings.Index(s, "]")
	if k < 0 {
		return 0, "", false
	}
	i, err := strconv.Atoi(s[:k])
	if err != nil || i < 0 {
		return 0, "", false
	}
	return i, strings.TrimPrefix(s[k+1:], "."), true
}

// DatasetCSVTemplate writes d as a CSV file in the format that ReadDatasetCSV reads,
// to be edited in a spreadsheet (for another country, say): a metadata line for each
// field of d's header and provenance that d gives, a label and population line for
// each segment that has one, then the header row and a row per platform, with its
// figures (a blank cell where d has none for the segment) and its parameters. A
// platform of the built-in pew-us-2023 dataset leaves blank the parameters that are
// the built-in ones with the built-in notes, so that it keeps those notes when read;
// any other platform gives all six. Text is written on one line (a line break becomes a space), and a value
// that starts with a quote or a comma, or ends with a comma, in quotes. A table cell
// (platform id, name, kind, segment) that a spreadsheet could take for a formula
// starts with an apostrophe, which ReadDatasetCSV drops.
//
// Reading the file with ReadDatasetCSV gives back d as far as the CSV format carries
// it: id, title, source, year, url, measure, provenance, segments (id, label,
// population), and platforms (id, name, kind, penetration, parameters). It does not
// carry citations of single platforms or figures, notes and context other than a
// built-in platform's, or "penetration" marked assumed. An import may not take the id
// of an embedded dataset, so for one of those the file's id is d's with "-copy" added,
// and a comment line says so.
func DatasetCSVTemplate(d *Dataset) []byte {
	var b strings.Builder
	line := func(key, value string) {
		value = strings.TrimSpace(strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(value))
		if strings.HasPrefix(value, `"`) || strings.HasPrefix(value, ",") || strings.HasSuffix(value, ",") {
			// As one quoted cell, which the reader takes as it is.
			value = `"` + strings.ReplaceAll(value, `"`, `""`) + `"`
		}
		if value != "" {
			fmt.Fprintf(&b, "# %s: %s\n", key, value)
		}
	}
	id := d.ID
	if IsEmbedded(id) {
		fmt.Fprintf(&b, "# Made from the built-in dataset %s, whose id an import may not take, so this file's id adds -copy to it.\n", id)
		id += "-copy"
	}
	line("id", id)
	line("title", d.Title)
	line("source", d.Source)
	line("year", strconv.Itoa(d.Year))
	line("url", d.URL)
	line("measure", d.Measure)
	if pr := d.Provenance; pr != nil {
		sample := ""
		if pr.Sample > 0 {
			sample = strconv.Itoa(pr.Sample)
		}
		for _, f := range [][2]string{
			{"area", pr.Area}, {"areaName", pr.AreaName}, {"measureKind", string(pr.MeasureKind)}, {"base", pr.Base},
			{"ages", pr.Ages}, {"method", pr.Method}, {"sample", sample}, {"fieldwork", pr.Fieldwork},
			{"licence", pr.Licence}, {"readAt", pr.ReadAt}, {"hand", string(pr.Hand)}, {"original", pr.Original},
		} {
			line(f[0], f[1])
		}
	}
	for _, s := range d.Segments {
		if strings.Contains(s.ID, ":") {
			continue // a key cannot hold a colon: the segment keeps its id as its label
		}
		if s.Label != s.ID {
			line("label "+s.ID, s.Label)
		}
		if s.Population != nil {
			line("population "+s.ID, s.Population.String())
		}
	}

	def := Embedded().Get(DefaultDatasetID)
	w := csv.NewWriter(&b)
	header := []string{"platform", "name", "kind"}
	for _, s := range d.Segments {
		header = append(header, text(s.ID))
	}
	w.Write(append(header, ParamNames...))
	for _, p := range d.Platforms {
		var builtIn *Platform
		for i := range def.Platforms {
			if q := &def.Platforms[i]; strings.EqualFold(q.ID, p.ID) || strings.EqualFold(q.Name, p.ID) {
				builtIn = q
				break
			}
		}
		row := []string{text(p.ID), text(p.Name), text(p.Kind)}
		for _, s := range d.Segments {
			cell := ""
			if v, ok := p.Penetration[s.ID]; ok {
				cell = v.String()
			}
			row = append(row, cell)
		}
		for _, name := range ParamNames {
			v := *p.Params.field(name)
			if builtIn != nil && v.Equal(*builtIn.Params.field(name)) && p.Notes[name] == builtIn.Notes[name] {
				row = append(row, "")
				continue
			}
			row = append(row, v.String())
		}
		w.Write(row)
	}
	w.Flush()
	return []byte(b.String())
}
