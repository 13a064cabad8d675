// Draws the charts whose options the Go app builds with go-echarts. Everything the
// page needs is served from the site itself; nothing is fetched from elsewhere.
(function () {
  "use strict";
  // stats: draws counted, time of the first and last draw, milliseconds spent drawing.
  var stats = { draws: 0, lastDraw: 0, firstDraw: 0, drawMs: 0 };

  // tooltip builds the tooltip's HTML with every name and value encoded: scenario,
  // platform and role names come from people and files, and must stay text.
  function tooltip(params) {
    var list = Array.isArray(params) ? params : [params];
    var enc = echarts.format.encodeHTML;
    var num = function (v) {
      if (v !== null && typeof v === "object" && "value" in v) v = v.value;
      return typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: 2 }) : String(v);
    };
    var head = list.length ? enc(String(list[0].axisValueLabel != null ? list[0].axisValueLabel : list[0].name)) : "";
    return head + list.map(function (p) {
      return "<br>" + p.marker + enc(String(p.seriesName)) + ": " + enc(num(p.value));
    }).join("");
  }

  // Where each chart is drawn: element id → the element holding the ECharts instance.
  // That is the page's element with that id, or, for a chart drawn before the
  // WebAssembly started, the prerendered page's element: go-app replaces the whole
  // page when it starts, and when the app then asks for the very option already drawn,
  // that chart is moved into the app's element (without its id and role, which the
  // app's element has) rather than drawn again, which on a slow machine takes the start
  // 100 ms a chart. Any other option frees it and draws afresh.
  var hosts = {};
  var before = {}; // element id → the option drawn before the app started, as canonical JSON
  var moved = false; // host moved the chart drawn before the start into the app's element

  function canonical(json) {
    try { return JSON.stringify(JSON.parse(json)); } catch (e) { return ""; }
  }

  // host returns the element chart id is drawn in (the page's element when none yet),
  // or null when the page has no element id. json is the option about to be drawn;
  // without it, nothing is moved or freed.
  function host(id, json) {
    var el = document.getElementById(id);
    if (!el) return null;
    var h = hosts[id];
    if (h && h !== el && !el.contains(h)) {
      if (json === undefined) return el;
      if (before[id] !== undefined && before[id] === canonical(json)) {
        ["id", "role", "aria-label", "data-observed"].forEach(function (a) { h.removeAttribute(a); });
        if (observer) observer.unobserve(h); // the app's element is observed
        el.appendChild(h);
        moved = true;
      } else {
        var old = echarts.getInstanceByDom(h);
        if (old) old.dispose();
        h = null;
      }
      delete before[id];
    }
    hosts[id] = h || el;
    return hosts[id];
  }

  // instance returns chart id's ECharts instance, if drawn.
  function instance(id) {
    var h = typeof echarts === "undefined" ? null : host(id);
    return h ? echarts.getInstanceByDom(h) : null;
  }

  function draw(id, json, early) {
    if (typeof echarts === "undefined") return;
    moved = false;
    var el = host(id, json);
    if (!el || moved) return; // none, or the very chart drawn before the start, now the app's
    var t0 = performance.now();
    var opt = JSON.parse(json);
    var series = opt.series || [];
    // Merging into the drawn chart is about a third cheaper than rebuilding it. A mark
    // line that is gone must be cleared explicitly, and a change in the number of
    // series replaces them all.
    series.forEach(function (s) { if (!s.markLine) s.markLine = { data: [] }; });
    if (opt.tooltip) opt.tooltip.formatter = tooltip;
    var chart = echarts.getInstanceByDom(el);
    if (!chart) {
      chart = echarts.init(el, null, { renderer: "canvas" });
      chart.setOption(opt, { notMerge: true });
    } else if (String(series.length) !== el.getAttribute("data-series")) {
      chart.setOption(opt, { replaceMerge: ["series"] });
    } else {
      chart.setOption(opt);
    }
    el.setAttribute("data-series", String(series.length));
    if (early) before[id] = canonical(json);
    stats.drawMs += performance.now() - t0;
    stats.draws++;
    stats.lastDraw = performance.now();
    if (!stats.firstDraw) stats.firstDraw = stats.lastDraw;
    el.setAttribute("data-draws", String(Number(el.getAttribute("data-draws") || 0) + 1));
  }

  // Redraws wait for the next animation frame, so that several changes in one task
  // draw once, and for the chart to be on screen: a chart below the fold keeps its
  // latest option and draws when it is scrolled to (or printed). A chart's first draw
  // does not wait for the screen, so that the page is complete from the start. Charts
  // drawn before the WebAssembly has started (predraw) are drawn on screen at the next
  // frame and the others one a task, so that no long task holds up the first paint.
  var waiting = {}; // element id → option JSON not drawn yet
  var early = {}; // element id → waiting to be drawn before the app has started
  var onScreen = {}; // element id → within a screen of the viewport
  var frame = 0;
  var observer = typeof IntersectionObserver === "undefined" ? null : new IntersectionObserver(function (entries) {
    entries.forEach(function (e) { onScreen[e.target.id] = e.isIntersecting; });
    schedule();
  }, { rootMargin: "100px" });

  function request(id, json) {
    queue(id, json);
    if (api.onRequest) api.onRequest(id, json);
  }

  function predraw(id, json) {
    queue(id, json);
    early[id] = true;
    idle();
  }

  var idling = 0, whenDrawn = [];
  function idle() {
    if (!idling) idling = setTimeout(drawOneEarly, 0);
  }
  function drawOneEarly() {
    idling = 0;
    var ids = Object.keys(early);
    if (ids.length) drawNow(ids[0]);
    if (ids.length > 1) idle();
    else earlyDrawn();
  }
  function earlyDrawn() {
    if (Object.keys(early).length) return;
    whenDrawn.splice(0).forEach(function (f) { f(); });
  }
  // afterEarly calls f once no chart waits to be drawn before the app has started.
  function afterEarly(f) {
    whenDrawn.push(f);
    earlyDrawn();
  }

  function queue(id, json) {
    var el = document.getElementById(id);
    if (!el) return;
    waiting[id] = json;
    latest[id] = json;
    printSoon();
    delete early[id];
    if (observer && !el.hasAttribute("data-observed")) {
      observer.observe(el);
      el.setAttribute("data-observed", "");
    }
    schedule();
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(flush);
  }

  // flush draws the waiting charts that are new or on screen; all of them when all.
  function flush(all) {
    frame = 0;
    Object.keys(waiting).forEach(function (id) {
      var el = document.getElementById(id);
      if (!el) { delete waiting[id]; return; }
      if (all === true || !observer || onScreen[id] || typeof echarts === "undefined" || (!early[id] && !instance(id))) {
        drawNow(id);
      }
    });
  }

  function drawNow(id) {
    if (waiting[id] !== undefined) {
      var json = waiting[id], wasEarly = !!early[id];
      delete waiting[id];
      delete early[id];
      draw(id, json, wasEarly);
    }
  }

  function dispose(id) {
    delete waiting[id];
    delete early[id];
    delete before[id];
    delete latest[id];
    delete printed[id];
    var h = hosts[id] || document.getElementById(id);
    delete hosts[id];
    var chart = h && echarts.getInstanceByDom(h);
    if (chart) chart.dispose();
    var el = document.getElementById(id), img = el && el.querySelector(":scope > img.chart-print");
    if (img) img.remove();
  }

  // option returns a chart's current option, drawing it first if it waits (for tests).
  function option(id) {
    drawNow(id);
    var chart = instance(id);
    return chart ? chart.getOption() : null;
  }

  function resizeAll() {
    document.querySelectorAll(".chart-canvas").forEach(function (el) {
      var chart = echarts.getInstanceByDom(el);
      if (chart) chart.resize();
    });
  }
  var pending = 0;
  window.addEventListener("resize", function () {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(resizeAll);
  });
  // On paper each chart is a vector drawing: printed, it is the SVG of its latest
  // option, in an image inside its element (web/app.css shows the image and hides the
  // canvas in print). An image holds no script and no markup of the page: the SVG's
  // text, names typed by people among it, stays text. The printed cell's size is the
  // CSS of the chart's element (--print-width and --print-height, in mm); the SVG is
  // laid out at the size, in CSS pixels, that prints its smallest text at 10 pt or more
  // when scaled to the cell (a CSS pixel prints at 0.75 pt): as on screen at about
  // that size, never below 10 pt.
  var PRINT_MIN_PX = 13.6; // 10.2 pt
  var MM = 96 / 25.4; // CSS pixels per mm
  var latest = {}; // element id → the latest option JSON, drawn or waiting
  var printed = {}; // element id → the option JSON and cell size of the SVG in its image

  function smallestFont(svg) {
    var min = Infinity, m, re = /font-size:\s*([\d.]+)px/g;
    while ((m = re.exec(svg))) min = Math.min(min, Number(m[1]));
    return min;
  }

  function printSize(json, cell) {
    var w = cell.width, h = cell.height, svg = image(json, "svg", w, h);
    var min = smallestFont(svg);
    if (isFinite(min) && min < PRINT_MIN_PX) {
      w = Math.floor(cell.width * min / PRINT_MIN_PX);
      svg = image(json, "svg", w, Math.round(w * cell.height / cell.width));
    }
    return svg;
  }

  function cellOf(el) {
    var css = getComputedStyle(el);
    var mm = function (name, def) { var v = parseFloat(css.getPropertyValue(name)); return (isFinite(v) && v > 0 ? v : def) * MM; };
    return { width: Math.round(mm("--print-width", 137.5)), height: Math.round(mm("--print-height", 100)) };
  }

  // preparePrint puts each drawn chart's SVG in the page's element of the chart (once
  // per option; a chart drawn before the app started is drawn in an element inside it).
  // When idle (deadline given) it makes images while the browser has time, and asks
  // for more time for the rest; about 5 ms a chart.
  function preparePrint(deadline) {
    printIdle = 0;
    if (typeof echarts === "undefined") return;
    var idle = deadline && typeof deadline.timeRemaining === "function";
    Object.keys(latest).forEach(function (id) {
      var el = document.getElementById(id);
      if (!el) { delete latest[id]; return; }
      var img = el.querySelector(":scope > img.chart-print");
      var cell = cellOf(el), key = cell.width + "x" + cell.height + " " + latest[id];
      if (img && printed[id] === key) return;
      if (idle && !deadline.didTimeout && deadline.timeRemaining() < 8) { printSoon(); return; }
      if (!img) {
        img = document.createElement("img");
        img.className = "chart-print";
        img.alt = ""; // the element is the chart's image, with its label
        el.appendChild(img);
      }
      img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(printSize(latest[id], cell));
      printed[id] = key;
    });
  }

  // The images are made when the page is idle after the charts change, so that they
  // are there before anyone prints, and again, if need be, before printing.
  var printIdle = 0;
  function printSoon() {
    if (printIdle) return;
    if (window.matchMedia("print").matches) printIdle = setTimeout(function () { preparePrint(); }, 0);
    else if (window.requestIdleCallback) printIdle = requestIdleCallback(preparePrint, { timeout: 3000 });
    else printIdle = setTimeout(function () { preparePrint(); }, 1000);
  }

  window.addEventListener("beforeprint", function () { preparePrint(); flush(true); resizeAll(); });
  window.addEventListener("afterprint", resizeAll);
  window.matchMedia("print").addEventListener("change", function (e) { if (e.matches) preparePrint(); flush(true); resizeAll(); });

  // image renders a chart option (JSON) as an image for a briefing deck, width ×
  // height CSS pixels (default 1600 × 900, 16:9): "png" gives a data URL at 2× pixel
  // ratio on white, "svg" the SVG text. The option already carries the title, the
  // scenario's name, units and currency, the date and the source line.
  function image(json, format, width, height) {
    width = width || 1600;
    height = height || 900;
    var opt = JSON.parse(json);
    opt.animation = false;
    if (format === "svg") {
      var svgChart = echarts.init(null, null, { renderer: "svg", ssr: true, width: width, height: height });
      svgChart.setOption(opt);
      var svg = svgChart.renderToSVGString();
      svgChart.dispose();
      return svg;
    }
    var div = document.createElement("div");
    div.style.cssText = "position:fixed;left:-20000px;top:0;width:" + width + "px;height:" + height + "px";
    document.body.appendChild(div);
    var chart = echarts.init(div, null, { renderer: "canvas", width: width, height: height });
    chart.setOption(opt);
    var url = chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" });
    chart.dispose();
    div.remove();
    return url;
  }

  function blobOf(dataURL) {
    var bytes = atob(dataURL.split(",")[1]);
    var arr = new Uint8Array(bytes.length);
    for (var i = 0; i < bytes.length; i++) arr[i] = bytes.charCodeAt(i);
    return new Blob([arr], { type: "image/png" });
  }

  // download saves the chart drawn in element id as name.png or name.svg.
  function download(id, json, format, name) {
    var out = image(json, format);
    // web/files.js saves files; it is loaded with this script.
    if (format === "svg") window.roiFiles.saveBlob(new Blob([out], { type: "image/svg+xml" }), name + ".svg");
    else window.roiFiles.saveBlob(blobOf(out), name + ".png");
  }

  // copy puts the chart's PNG on the clipboard where the browser allows it, and
  // calls done(true or false).
  function copy(json, done) {
    try {
      if (!navigator.clipboard || typeof ClipboardItem === "undefined") return done(false);
      navigator.clipboard.write([new ClipboardItem({ "image/png": blobOf(image(json, "png")) })])
        .then(function () { done(true); }, function () { done(false); });
    } catch (e) {
      done(false);
    }
  }

  // draw(id, json) is the app's; predraw(id, json) web/start.js's, before the app has
  // started, and afterEarly(f) calls f once those are drawn; onRequest(id, json), when
  // set, hears of each of the app's.
  var api = { draw: request, predraw: predraw, afterEarly: afterEarly, onRequest: null, flush: function () { flush(true); }, waiting: waiting, dispose: dispose, option: option, stats: stats, image: image, download: download, copy: copy, preparePrint: preparePrint };
  window.roiCharts = api;
})();
