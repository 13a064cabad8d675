// The page before the WebAssembly has started. It draws the charts from options it
// already has, words go-app's loader (a corner badge: web/app.css) for the visit, and
// keeps what is typed meanwhile. go-app rebuilds the whole page when Go starts; its
// app.js, as the site generator changes it (wasm/site.go), runs Go once this script
// has run and roiStart.ready() has resolved, and calls roiStart.beforeRun() and
// roiStart.started() around the start, or roiStart.withoutApp() where it does not load
// the WebAssembly at all.
//
// Three visits:
// - new (nothing kept in this browser): the prerendered page is the person's: the
//   default scenario's charts are drawn from the options the site generator wrote
//   into it (#roi-first-charts); what is typed or chosen in the form is kept and put
//   into the app's form once it has started (with the focus and caret); buttons and
//   file choosers wait, disabled, and the badge says so.
// - returning (scenarios kept): the prerendered page shows the default scenario, not
//   theirs, so the form waits, disabled and dimmed; the charts last drawn for their
//   active scenario are drawn if this script kept them (localStorage
//   "platformroi.charts") for exactly the scenario the store holds as active.
// - a share link (#s= or #s2=): nothing is drawn until the app has opened it.
(function () {
  "use strict";
  var storeKey = "platformroi.workspace"; // the app's scenarios (app/workspace.go)
  var chartsKey = "platformroi.charts"; // the charts last drawn for the active scenario
  var page = document.body.firstElementChild; // the prerendered page, which go-app replaces
  var root = document.documentElement;
  var labels = {
    new: ["Starting the calculator: {progress}%", "What you type is kept; buttons work once it has started."],
    returning: ["Opening your scenarios: {progress}%", "Until then the form shows the default scenario."],
    link: ["Opening the shared scenario: {progress}%", "Until then the page shows the default scenario."],
  };

  // A browser that keeps no data for this site throws when localStorage is read (site
  // data blocked in its settings) or gives null (storage turned off). Go cannot catch
  // an exception thrown while it reads a property, and go-app lists localStorage's keys
  // when it starts: either way the WebAssembly stopped and the page stayed dead. Such a
  // browser gets a storage that holds nothing and refuses to keep anything, so that the
  // app works and says that nothing is kept.
  var storage = null;
  try { storage = window.localStorage; } catch (e) { /* blocked */ }
  if (!storage) {
    var none = Object.create({
      length: 0,
      key: function () { return null; },
      getItem: function () { return null; },
      // These words are app/page.go's noStorage: the notice then gives no advice to free space.
      setItem: function () { throw new Error("this browser keeps no data for this site"); },
      removeItem: function () {},
      clear: function () {},
    });
    try { Object.defineProperty(window, "localStorage", { configurable: true, value: none }); } catch (e) { /* left as it is */ }
  }

  function read(key) {
    try { return window.localStorage ? localStorage.getItem(key) : null; } catch (e) { return null; }
  }
  function parse(text) {
    try { return text ? JSON.parse(text) : null; } catch (e) { return null; }
  }
  // today is the date the charts carry, as the app writes it (report.Today): "1 December 2026".
  function today() {
    return new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }
  // fingerprint identifies a kept scenario as stored (FNV-1a over its JSON, and its length).
  function fingerprint(entry) {
    var s = JSON.stringify(entry), h = 0x811c9dc5;
    for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    return h.toString(16) + ":" + s.length;
  }
  function activeEntry(ws) {
    return ws && Array.isArray(ws.scenarios) ? ws.scenarios[ws.active] || null : null;
  }

  var first = parse((document.getElementById("roi-first-charts") || {}).textContent);
  var ids = first && first.charts ? first.charts.map(function (c) { return c.id; }) : [];
  var kept = read(storeKey);
  var visit = /^#s/.test(location.hash) ? "link" : kept === null ? "new" : "returning";

  // The charts to draw now: id → option JSON, and the date they carry.
  var charts = null, date = "";
  if (visit === "new" && first) {
    charts = {};
    first.charts.forEach(function (c) { charts[c.id] = JSON.stringify(c.option); });
    date = first.date;
  } else if (visit === "returning") {
    var drawn = parse(read(chartsKey));
    var entry = activeEntry(parse(kept));
    if (drawn && drawn.format === "platform-roi-charts" && drawn.version === 1 && entry &&
        drawn.scenario === entry.id && drawn.entry === fingerprint(entry)) {
      charts = drawn.charts;
      date = drawn.date;
    }
  }
  var drew = false;
  if (charts && window.roiCharts) {
    var now = today();
    Object.keys(charts).forEach(function (id) {
      if (!document.getElementById(id) || typeof charts[id] !== "string") return;
      window.roiCharts.predraw(id, date ? charts[id].split(date).join(now) : charts[id]);
      drew = true;
    });
  }

  // The badge.
  var label = labels[visit];
  var start = { visit: visit, label: label[0], predrawn: drew, runAt: NaN, startedAt: NaN, held: 0, released: NaN, ready: ready, beforeRun: beforeRun, started: started, withoutApp: withoutApp };
  if (visit === "returning" && drew) label = [label[0], "The charts are your scenario's; until then the form shows the default scenario."];
  var badge = document.getElementById("app-wasm-loader");
  var labelEl = document.getElementById("app-wasm-loader-label");
  if (labelEl) {
    var progress = /(\d+)%/.exec(labelEl.textContent);
    labelEl.textContent = label[0].replace("{progress}", progress ? progress[1] : "0");
  }
  if (badge) {
    var note = document.createElement("p");
    note.className = "start-note";
    note.textContent = label[1];
    badge.appendChild(note);
  }

  // Controls that wait: buttons and file choosers always; the whole form unless the
  // prerendered page is the person's.
  var waiting = page ? page.querySelectorAll(visit === "new" ? "button, input[type=file]" : "button, input, select, textarea") : [];
  var disabled = [];
  for (var i = 0; i < waiting.length; i++) {
    if (!waiting[i].disabled) { waiting[i].disabled = true; disabled.push(waiting[i]); }
  }
  if (visit !== "new") root.classList.add("roi-opening");

  // What is typed or chosen meanwhile: element id → value, in the order last changed.
  var edits = [];
  function edited(e) {
    var el = e.target;
    if (!page || !page.contains(el) || !el.id || !/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) return;
    edits = edits.filter(function (x) { return x.id !== el.id; });
    edits.push({ id: el.id, value: el.value, checked: el.checked, checkbox: el.type === "checkbox" });
  }
  document.addEventListener("input", edited, true);
  document.addEventListener("change", edited, true);

  // ready resolves once the charts drawn now are drawn (at most 2 s), so that the app,
  // which starts after it, finds them drawn and need not draw them again.
  function ready() {
    return new Promise(function (resolve) {
      if (!drew) return resolve();
      setTimeout(resolve, 2000);
      window.roiCharts.afterEarly(resolve);
    });
  }

  // What go-app's rebuild loses and started puts back: focus and caret, the scroll of
  // the results, open data tables.
  var saved = null;
  function beforeRun() {
    start.runAt = performance.now();
    document.removeEventListener("input", edited, true);
    document.removeEventListener("change", edited, true);
    var a = document.activeElement, results = page && page.querySelector(".results");
    saved = { focus: null, resultsScroll: results ? results.scrollTop : 0, open: [] };
    if (a && a.id && page && page.contains(a)) {
      saved.focus = { id: a.id };
      try { saved.focus.start = a.selectionStart; saved.focus.end = a.selectionEnd; } catch (e) { /* no caret */ }
    }
    if (page) page.querySelectorAll("details[open] > summary").forEach(function (s) { saved.open.push(s.textContent); });
    saved.parts = results ? parts(results) : [];
  }

  // parts gives each part of the results: its element's tag and id, top and height.
  function parts(results) {
    return [].map.call(results.children, function (c) {
      var r = c.getBoundingClientRect();
      return { tag: c.tagName, id: c.id, top: r.top, h: r.height, shown: c.getClientRects().length > 0 };
    });
  }

  // hold keeps each part of the results where the prerendered page had it until the app
  // has worked out all that page showed: the recommendation and what the result
  // depends on come after the start, and without this the parts below them would move
  // up at the start and back down a moment later (a layout shift, 0.17 by Lighthouse's
  // count). A part gets a least height that puts the next part where it was (margins
  // of what is inside it included). Released then, on the first input, before
  // printing, or after 10 s. On a return visit the app shows another scenario than the
  // prerendered page, so its parts may still end up elsewhere, but they move once, not
  // twice.
  function hold(results, was) {
    if (!results) return;
    var now = parts(results), held = [];
    var same = function (i) { return i < now.length && i < was.length && now[i].tag === was[i].tag && now[i].id === was[i].id; };
    // Parts not shown (print only) have no place; the next part is the next one shown.
    var next = function (i) { do i++; while (same(i) && !(was[i].shown && now[i].shown)); return i; };
    for (var i = 0; same(i); i++) {
      if (!was[i].shown || !now[i].shown) continue;
      var j = next(i), last = !same(j);
      var want = last ? was[i].h : was[j].top - was[i].top;
      var got = last ? now[i].h : now[j].top - now[i].top;
      if (want > got + 0.5) held.push([results.children[i], now[i].h + want - got]);
    }
    held.forEach(function (x) { x[0].style.minHeight = x[1] + "px"; });
    if (!held.length) return;
    var timer = 0, mo = new MutationObserver(function () {
      if (!results.querySelector(".updating, [aria-busy=true]")) release();
    });
    function release() {
      mo.disconnect();
      clearTimeout(timer);
      document.removeEventListener("input", release, true);
      document.removeEventListener("change", release, true);
      window.removeEventListener("beforeprint", release);
      held.forEach(function (x) { x[0].style.minHeight = ""; });
      start.released = performance.now();
    }
    mo.observe(results, { subtree: true, childList: true, attributes: true, attributeFilter: ["class", "aria-busy"] });
    timer = setTimeout(release, 10000);
    window.addEventListener("beforeprint", release);
    document.addEventListener("input", release, true);
    document.addEventListener("change", release, true);
    start.held = held.length;
  }

  function fire(el, type) {
    el.dispatchEvent(new Event(type, { bubbles: true }));
  }

  function started() {
    start.startedAt = performance.now();
    root.classList.remove("roi-opening");
    var now = document.body.firstElementChild;
    edits.forEach(function (x) {
      var el = document.getElementById(x.id);
      if (!el || el.disabled || !now.contains(el)) return;
      if (x.checkbox) {
        if (el.checked !== x.checked) { el.checked = x.checked; fire(el, "change"); }
      } else if (el.value !== x.value) {
        el.value = x.value;
        fire(el, el.tagName === "SELECT" ? "change" : "input");
      }
    });
    if (!saved) return;
    var results = now.querySelector(".results");
    if (results) results.scrollTop = saved.resultsScroll;
    hold(results, saved.parts);
    now.querySelectorAll("details > summary").forEach(function (s) {
      if (saved.open.indexOf(s.textContent) >= 0) s.parentNode.open = true;
    });
    var f = saved.focus && document.getElementById(saved.focus.id);
    if (f) {
      f.focus({ preventScroll: true });
      try { if (saved.focus.start != null) f.setSelectionRange(saved.focus.start, saved.focus.end); } catch (e) { /* no caret */ }
    }
  }

  function withoutApp() {
    root.classList.remove("roi-opening");
    disabled.forEach(function (el) { el.disabled = false; });
    document.removeEventListener("input", edited, true);
    document.removeEventListener("change", edited, true);
  }

  // Keeping the charts drawn for the active scenario, for the next start: a while after
  // the app last asked for a chart, and when the page is hidden. Nothing is kept while
  // the results are out of date (the form has problems), or when another tab wrote the
  // scenarios since (the store's active scenario may then not be the one shown here).
  var latest = {}, timer = 0, foreign = false;
  if (window.roiCharts) {
    window.roiCharts.onRequest = function (id, json) {
      if (ids.indexOf(id) < 0) return;
      latest[id] = json;
      foreign = false;
      clearTimeout(timer);
      timer = setTimeout(keep, 1000);
    };
  }
  window.addEventListener("storage", function (e) { if (e.key === storeKey) foreign = true; });
  window.addEventListener("pagehide", keep);
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") keep(); });

  function keep() {
    clearTimeout(timer);
    timer = 0;
    if (foreign || ids.some(function (id) { return latest[id] === undefined; })) return;
    try {
      var entry = activeEntry(parse(read(storeKey)));
      var name = entry && entry.scenario && entry.scenario.name;
      var fit = parse(latest[ids[0]]);
      var title = fit && (Array.isArray(fit.title) ? fit.title[0] : fit.title);
      if (!entry || document.querySelector(".stale-notice") || !title || String(title.subtext).indexOf("Scenario: " + name + "\n") !== 0) {
        localStorage.removeItem(chartsKey);
        return;
      }
      var text = JSON.stringify({ format: "platform-roi-charts", version: 1, scenario: entry.id, entry: fingerprint(entry), date: today(), charts: latest });
      if (text !== read(chartsKey)) localStorage.setItem(chartsKey, text);
    } catch (e) {
      // Storage full or refused: the next start draws once the app has started.
    }
  }

  window.roiStart = start;
})();
