package calc

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"fmt"
)

// EncodeShareJSON returns the payload of a share link for a scenario file's JSON (what
// follows SharePrefix in the address): its compact JSON, raw DEFLATE, base64url.
func EncodeShareJSON(data []byte) (string, error) {
	var compact bytes.Buffer
	if err := json.Compact(&compact, data); err != nil {
		return "", err
	}
	if compact.Len() > MaxShareJSON {
		return "", &ShareError{Msg: fmt.Sprintf("the scenario is too large for a share link (%d bytes of JSON; a link holds at most %d): save it as a file instead", compact.Len(), MaxShareJSON)}
	}
	var z bytes.Buffer
	w, _ := flate.NewWriter(&z, flate.BestCompression)
	w.Write(compact.Bytes())
	w.Close()
	return base64.RawURLEncoding.EncodeToString(z.Bytes()), nil
}

// DecodeShareJSON returns the scenario file's JSON of a share link's fragment.
func DecodeShareJSON(fragment string) ([]byte, error) {
	s, err := DecodeShare(fragment)
	if err != nil {
		return nil, err
	}
	return MarshalScenario(s)
}
