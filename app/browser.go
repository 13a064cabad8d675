package app

import (
	"errors"
	"fmt"

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
func readFile(input app.Value, done func(name, text, failure string)) {
	f := app.Window().Get("roiFiles")
	if !f.Truthy() {
		done("", "", "the page's file helper is missing")
		return
	}
	var cb app.Func
	cb = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer cb.Release()
		done(args[0].String(), args[1].String(), args[2].String())
		return nil
	})
	f.Call("read", input, cb)
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

// copyText puts text on the clipboard where the browser allows it.
func copyText(text string) {
	if f := app.Window().Get("roiFiles"); f.Truthy() {
		f.Call("copy", text)
	}
}
