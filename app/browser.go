package app

import (
	"errors"
	"fmt"
	"platformroi/calc"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func asError[T error](err error, target *T) bool { return errors.As(err, target) }

// browserStore is the browser's localStorage.
type browserStore struct{}

func (browserStore) Get(key string) (v string, ok bool) {
	defer func() {
		if recover() != nil {
			v, ok = "", false
		}
	}()
	ls := app.Window().Get("localStorage")
	if !ls.Truthy() {
		return "", false
	}
	val := ls.Call("getItem", key)
	if val.IsNull() || val.IsUndefined() {
		return "", false
	}
	return val.String(), true
}

func (browserStore) Set(key, value string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the browser refused to store it (%v)", r)
		}
	}()
	ls := app.Window().Get("localStorage")
	if !ls.Truthy() {
		return errors.New("this browser offers no storage")
	}
	ls.Call("setItem", key, value)
	return nil
}

// download offers text as a file, through web/files.js.
func download(name, mime, text string) {
	if f := app.Window().Get("roiFiles"); f.Truthy() {
		f.Call("download", name, mime, text)
	}
}

// readFile reads the file chosen in a file input and calls done with its name and
// text, or with a failure.
func readFile(input app.Value, limit int, done func(name string, data []byte, failure string)) {
	f := app.Window().Get("roiFiles")
	if !f.Truthy() {
		done("", nil, "the page's file helper is missing")
		return
	}
	var cb app.Func
	cb = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer cb.Release()
		name, bytes, size, failure := args[0].String(), args[1], args[2].Int(), args[3].String()
		switch {
		case failure != "":
			done(name, nil, failure)
		case bytes.IsNull():
			done(name, nil, fmt.Sprintf("it has %s bytes; a file here may have at most %s (%s)", calc.Grouped(fmt.Sprint(size)), calc.Grouped(fmt.Sprint(limit)), sizeText(limit)))
		default:
			data := make([]byte, bytes.Get("length").Int())
			app.CopyBytesToGo(data, bytes)
			done(name, data, "")
		}
		return nil
	})
	f.Call("read", input, limit, cb)
}

// sizeText says a number of bytes for people: "4 MiB".
func sizeText(n int) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

// locationHash is the page address's fragment ("#s=…"), or "" when prerendering.
func locationHash() string {
	loc := app.Window().Get("location")
	if !loc.Truthy() {
		return ""
	}
	return loc.Get("hash").String()
}

// clearLocationHash removes the fragment from the address without reloading.
func clearLocationHash() {
	loc := app.Window().Get("location")
	if h := app.Window().Get("history"); h.Truthy() && loc.Truthy() {
		h.Call("replaceState", nil, "", loc.Get("pathname").String()+loc.Get("search").String())
	}
}

// pageAddress is the page's address without its fragment.
func pageAddress() string {
	loc := app.Window().Get("location")
	if !loc.Truthy() {
		return ""
	}
	return loc.Get("origin").String() + loc.Get("pathname").String()
}

// copyText puts text on the clipboard where the browser allows it, then calls done
// with whether it did (from the browser's callback: dispatch to change the page).
func copyText(text string, done func(ok bool)) {
	f := app.Window().Get("roiFiles")
	if !f.Truthy() {
		done(false)
		return
	}
	var cb app.Func
	cb = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer cb.Release()
		ok := len(args) > 0 && args[0].Bool()
		done(ok)
		return nil
	})
	f.Call("copy", text, cb)
}
