// Builds a slide deck (PPTX) of a scenario's results in the browser, with PptxGenJS:
// the page's "Download slides (PPTX)" and the render command (--format pptx) hand it
// the same data (the JSON of report.Deck). PptxGenJS is served from the site itself
// and loaded on first use only; nothing is sent anywhere. Every name in the deck is
// passed to PptxGenJS as text, which writes it escaped.
(function () {
  "use strict";
  // The library sits beside this script (under the site's base path, or the render
  // command's page).
  var here = document.currentScript ? document.currentScript.src : "";
  var libURL = new URL("pptxgen.bundle.js", here || document.baseURI).href;
  var loading = null;

  // load resolves once PptxGenJS is there, adding its script on first use.
  function load() {
    if (typeof window.PptxGenJS === "function") return Promise.resolve();
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = libURL;
        s.async = true;
        s.onload = function () {
          if (typeof window.PptxGenJS === "function") resolve();
          else reject(new Error("the slide library (pptxgen.bundle.js) loaded but did not start"));
        };
        s.onerror = function () {
          s.remove();
          loading = null; // try again on the next click
          reject(new Error("the slide library (pptxgen.bundle.js) could not be loaded; check the connection, or reload the page while online once so that it is kept for offline use"));
        };
        document.head.appendChild(s);
      });
    }
    return loading;
  }

  // The slides are 13.33 × 7.5 inches (16:9); sizes below are in inches and points.
  var W = 13.333, H = 7.5, M = 0.5;
  var FONT = "Arial", INK = "1A1A1A", MUTED = "444444", ACCENT = "0B5CAD", BAD = "B00020";

  function pause() { return new Promise(function (r) { setTimeout(r, 0); }); }

  // notesOf writes a chart's data table as text for the speaker notes: one line per
  // row, cells as "column: value".
  function notesOf(chart) {
    var t = chart.table || { head: [], rows: [] };
    var lines = [chart.title + ". " + (chart.summary || ""), "", "Data table (" + t.head.join(" | ") + "):"];
    t.rows.forEach(function (row) { lines.push(row.join(" | ")); });
    if (chart.source) lines.push("", chart.source);
    return lines.join("\n");
  }

  // chunks splits items into lists of at most n.
  function chunks(items, n) {
    var out = [];
    for (var i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
    return out.length ? out : [[]];
  }

  // build makes the deck of deck (report.Deck as an object) and returns the PptxGenJS
  // presentation; progress(text) hears how far it has got.
  async function build(deck, progress) {
    progress = progress || function () {};
    await load();
    var pptx = new window.PptxGenJS();
    pptx.layout = "LAYOUT_WIDE";
    pptx.title = deck.scenario + " - platform ROI briefing";
    pptx.subject = "Platform ROI briefing, " + deck.date;
    pptx.author = "Platform ROI calculator";
    pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
    // A title placeholder on every slide, so that the slide titles are the deck's
    // outline (and what screen readers announce).
    pptx.defineSlideMaster({
      title: "ROI",
      background: { color: "FFFFFF" },
      objects: [{ placeholder: { options: { name: "title", type: "title", x: M, y: 0.25, w: W - 2 * M, h: 0.9,
        fontFace: FONT, fontSize: 28, bold: true, color: INK, align: "left", valign: "middle", margin: 0 }, text: "" } }],
      slideNumber: { x: W - M - 0.6, y: H - 0.4, w: 0.6, h: 0.3, fontFace: FONT, fontSize: 10, color: MUTED, align: "right" },
    });
    function slide(title) {
      var s = pptx.addSlide({ masterName: "ROI" });
      s.addText(title, { placeholder: "title" });
      return s;
    }
    function foot(s, text) {
      s.addText(text, { x: M, y: H - 0.75, w: W - 2 * M - 0.8, h: 0.6, fontFace: FONT, fontSize: 12, color: MUTED, valign: "bottom", margin: 0 });
    }

    // Title slide: the scenario, the date, what the amounts are, the headline figures.
    var first = slide(deck.scenario);
    first.addText("Platform ROI briefing · " + deck.date, { x: M, y: 1.15, w: W - 2 * M, h: 0.45, fontFace: FONT, fontSize: 18, color: ACCENT, margin: 0 });
    first.addText(deck.basis, { x: M, y: 1.6, w: W - 2 * M, h: 0.45, fontFace: FONT, fontSize: 14, color: MUTED, margin: 0 });
    var top = 2.2;
    if (deck.stale) {
      first.addText(deck.stale, { x: M, y: top, w: W - 2 * M, h: 0.6, fontFace: FONT, fontSize: 14, bold: true, color: BAD,
        line: { color: BAD, width: 1.5 }, margin: 6 });
      top += 0.75;
    }
    var cols = 4, gap = 0.2, bw = (W - 2 * M - gap * (cols - 1)) / cols;
    var bh = Math.min(2.1, (H - 0.6 - top - gap) / 2);
    deck.figures.forEach(function (f, i) {
      var x = M + (i % cols) * (bw + gap), y = top + Math.floor(i / cols) * (bh + gap);
      var runs = [
        { text: f.label, options: { fontSize: 14, color: MUTED, breakLine: true } },
        { text: f.value, options: { fontSize: 24, bold: true, color: INK, breakLine: !!f.likely } },
      ];
      if (f.likely) runs.push({ text: "likely " + f.likely, options: { fontSize: 12, color: MUTED } });
      first.addText(runs, { x: x, y: y, w: bw, h: bh, fontFace: FONT, valign: "top", fill: { color: "F2F5F9" }, margin: 8,
        objectName: "Figure: " + f.label });
    });

    // One slide per chart: the chart's image at slide resolution, its source line, and
    // its data table in the notes.
    var charts = deck.charts.slice();
    var compare = deck.compare;
    var all = charts.concat(compare ? compare.charts : []);
    var drawn = 0;
    async function chartSlide(ch) {
      drawn++;
      progress("Preparing slides… drawing chart " + drawn + " of " + all.length);
      await pause();
      var png = window.roiCharts.image(JSON.stringify(ch.option), "png", 1600, 900);
      var s = slide(ch.title);
      var ih = H - 1.3 - 0.85, iw = ih * 16 / 9;
      s.addImage({ data: png, x: (W - iw) / 2, y: 1.2, w: iw, h: ih, altText: ch.title + ". " + (ch.summary || "") });
      foot(s, ch.source || "");
      s.addNotes(notesOf(ch));
    }
    for (var i = 0; i < charts.length; i++) await chartSlide(charts[i]);

    // The comparison of scenarios: its table, then its charts.
    if (compare) {
      var t = compare.table;
      var s = slide(compare.title);
      var cell = function (text, head, first) {
        return { text: text, options: { bold: head || first, fill: { color: head ? "E8EEF6" : "FFFFFF" }, align: head || first ? "left" : "right" } };
      };
      var rows = [t.head.map(function (h, j) { return cell(h, true, j === 0); })];
      t.rows.forEach(function (r) { rows.push(r.map(function (v, j) { return cell(v, false, j === 0); })); });
      var firstW = 3.2, restW = (W - 2 * M - firstW) / Math.max(1, t.head.length - 1);
      var size = t.head.length > 5 ? 10 : 12;
      s.addTable(rows, { x: M, y: 1.25, w: W - 2 * M, colW: [firstW].concat(t.head.slice(1).map(function () { return restW; })),
        fontFace: FONT, fontSize: size, color: INK, border: { type: "solid", pt: 0.75, color: "B0B8C4" }, valign: "middle", margin: 0.05,
        autoPage: true, autoPageRepeatHeader: true, newSlideStartY: 1.25 });
      foot(s, compare.note);
      s.addNotes(t.head.join(" | ") + "\n" + t.rows.map(function (r) { return r.join(" | ").replace(/\n/g, " "); }).join("\n"));
      for (var j = 0; j < compare.charts.length; j++) await chartSlide(compare.charts[j]);
    }

    // The assumptions still at their defaults, and the sources.
    var lists = [["Assumptions still at their defaults", deck.assumptions.length ? deck.assumptions : ["None: every input is the scenario's own."]], ["Sources", deck.sources]];
    lists.forEach(function (l) {
      chunks(l[1], 12).forEach(function (items, k) {
        var s = slide(k === 0 ? l[0] : l[0] + " (continued)");
        s.addText(items.map(function (t) { return { text: t, options: { bullet: true, breakLine: true } }; }),
          { x: M, y: 1.25, w: W - 2 * M, h: H - 1.25 - 0.8, fontFace: FONT, fontSize: 16, color: INK, valign: "top", paraSpaceAfter: 6, margin: 0 });
      });
    });
    progress("Preparing slides… writing the file");
    await pause();
    return pptx;
  }

  // download builds the deck of deckJSON and offers it as a file; progress(text) hears
  // how far it has got and done(failure) is called at the end ("" when it worked).
  function download(deckJSON, progress, done) {
    var deck;
    try { deck = JSON.parse(deckJSON); } catch (e) { done("the deck's data does not read: " + e.message); return; }
    progress("Preparing slides…");
    build(deck, progress)
      .then(function (pptx) { return pptx.write({ outputType: "blob", compression: true }); })
      .then(function (blob) { window.roiFiles.saveBlob(blob, deck.fileName + ".pptx"); done(""); })
      .catch(function (e) { done(String(e && e.message || e)); });
  }

  // base64 builds the deck of deck (an object) and resolves to the file as base64, for
  // the render command.
  function base64(deck, progress) {
    return build(deck, progress).then(function (pptx) { return pptx.write({ outputType: "base64", compression: true }); });
  }

  window.roiSlides = { load: load, build: build, download: download, base64: base64 };
})();
