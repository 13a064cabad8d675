package calc

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestTreeReaderAsBefore reads documents with the tree reader and with the one it
// replaced (encoding/json's Decoder.Token, jsontree_ref_test.go): the same nodes, or
// the same error, for every file the package ships and tests with and for documents
// made to hit each path: escapes, duplicate keys, depth, entries over a limit, bad syntax.
func TestTreeReaderAsBefore(t *testing.T) {
	docs := map[string][]byte{}
	for _, dir := range []string{"data", "testdata"} {
		filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() && strings.HasSuffix(p, ".json") {
				if b, err := os.ReadFile(p); err == nil {
					docs[p] = b
				}
			}
			return nil
		})
	}
	if len(docs) < 20 {
		t.Fatalf("found %d documents to read", len(docs))
	}
	deep := strings.Repeat("[", maxDepth) + "1" + strings.Repeat("]", maxDepth)
	deeper := strings.Repeat("[", maxDepth+1) + "1" + strings.Repeat("]", maxDepth+1)
	deepest := strings.Repeat(`{"a":`, maxDepth+1) + "{}" + strings.Repeat("}", maxDepth+1)
	many := func(n int) string {
		var b strings.Builder
		b.WriteString(`{"plan": [`)
		for i := range n {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, `{"platform": "p%d", "hours": %d.5, "x": [1, {"y": "\"]}"}]}`, i, i)
		}
		b.WriteString(`], "weights": {`)
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "\n  \"k%d\" : %d", i, i)
		}
		b.WriteString("}}")
		return b.String()
	}
	for i, s := range []string{
		`{}`, `[]`, ` { } `, `"x"`, `1`, `-1.5e+10`, `true`, `false`, `null`, `[1,2,[3,[4]],{"a":{}}]`,
		`{"a": "\u00e9\n\t\"q\" \\ \/", "b": "\ud83d\ude00", "c": "\ud800", "é": "日本"}`,
		`{"a": 1, "b": {"a": 2}, "a": 3}`, "{\n  \"a\": 1,\n  \"a\": 2\n}", `{"": 1, "": 2}`, `[{"":{"":[]}}]`,
		deep, deeper, deepest, `{"a": [` + deeper + `]}`,
		many(10), many(17), many(40), many(1001), many(1200), `{"a": 1, "a": 2, "plan": [` + strings.Repeat("{},", 1500) + `{}]}`,
		``, `   `, `{`, `{"a": }`, `{"a": 1,}`, `[1 2]`, `{} x`, `{"a": 1}}`, `nul`, `{"a" 1}`, "\ufeff{\"a\": 1}", "{\"a\": \"\x01\"}",
		`{"a":1e}`, `[-]`, `{"a": "unterminated}`,
	} {
		docs[fmt.Sprintf("case %d", i)] = []byte(s)
	}
	for name, doc := range docs {
		for _, sh := range []*shape{nil, scenarioShape, datasetShape} {
			got, gotErr := parseTree(doc, sh)
			want, wantErr := parseTreeTokens(doc, sh)
			if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
				t.Errorf("%s: error %v, before %v", name, gotErr, wantErr)
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: the nodes read differ from before", name)
			}
		}
	}
}

func BenchmarkReadEmbeddedDatasets(b *testing.B) {
	names, _ := fs.Glob(dataFiles, "data/*.dataset.json")
	var files [][]byte
	for _, n := range names {
		d, _ := dataFiles.ReadFile(n)
		files = append(files, d)
	}
	for b.Loop() {
		for _, f := range files {
			if _, err := ReadDataset(f); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// FuzzTreeReader checks the tree reader against the one it replaced on any input.
func FuzzTreeReader(f *testing.F) {
	for _, s := range []string{`{"a": [1, "b\n", {"c": null}], "d": true}`, `{"a": 1, "a": 2}`, `[[[[]]]]`, `{"plan": [{}, {}]}`, `"\ud800"`, `{"a":1e5}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		for _, sh := range []*shape{nil, scenarioShape} {
			got, gotErr := parseTree(doc, sh)
			want, wantErr := parseTreeTokens(doc, sh)
			if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: %v, before %v", doc, gotErr, wantErr)
			}
		}
	})
}
