// Draws the charts whose options the Go app builds with go-echarts. Everything the
// page needs is served from the site itself; nothing is fetched from elsewhere.
(function () {
  "use strict";
  // stats: draws counted, time of the first and last draw (and of each chart's last),
  // milliseconds spent drawing.
  var stats = { draws: 0, lastDraw: 0, firstDraw: 0, drawMs: 0, drawnAt: {} };

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
    return head + list.filter(function (p) {
      var v = p.value !== null && typeof p.value === "object" && "value" in p.value ? p.value.value : p.value;
      return v !== "-" && v !== null && v !== undefined;
    }).map(function (p) {
      return "<br>" + p.marker + enc(String(p.seriesName)) + ": " + enc(num(p.value));
    }).join("");
  }

  // The charts' design (app/report/design.go): an option is built for a chart of
  // 800 × 450 CSS pixels. fit scales every size in it by k (the width drawn at over
  // 800 for the exports, so 2 at 1600 × 900; on the page no less than 1 and no more
  // than 1.25), wraps the title, the headline (a second title) and the subtitle to
  // the width, never cutting a word, and starts the plot below them and ends it above
  // the legend. It returns the height the chart wants on the page when its categories
  // set it (roiLayout.rowHeight: design pixels a category), else 0.
  var designWidth = 800;
  var sizeKeys = { fontSize: 1, lineHeight: 1, nameGap: 1, itemGap: 1, itemWidth: 1, itemHeight: 1, symbolSize: 1,
    barMaxWidth: 1, barWidth: 1, margin: 1, distance: 1, padding: 1, width: 1, borderWidth: 1, top: 1, bottom: 1, left: 1, right: 1 };

  function scaled(v, k) {
    if (typeof v === "number") return v * k;
    if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v)) return Number(v) * k;
    if (Array.isArray(v) && v.length && v.every(function (n) { return typeof n === "number"; })) return v.map(function (n) { return n * k; });
    return v;
  }

  function scaleAll(o, k) {
    if (Array.isArray(o)) { o.forEach(function (x) { scaleAll(x, k); }); return; }
    if (!o || typeof o !== "object") return;
    Object.keys(o).forEach(function (key) {
      var v = o[key];
      if (sizeKeys[key] || (key === "position" && Array.isArray(v))) o[key] = scaled(v, k);
      else if (v && typeof v === "object") scaleAll(v, k);
    });
  }

  function arr(v) { return Array.isArray(v) ? v : v ? [v] : []; }

  var measurer = null;
  function textWidth(text, style, weight) {
    if (!measurer) measurer = document.createElement("canvas").getContext("2d");
    measurer.font = (style.fontWeight || weight || "normal") + " " + (style.fontSize || 12) + "px " + (style.fontFamily || "sans-serif");
    return measurer.measureText(text.replace(/\u0001/g, " ")).width;
  }
  function lineHeight(style) { return (style && (style.lineHeight || (style.fontSize || 12) * 1.3)) || 16; }
  function lineCount(text) { return String(text).split("\n").length; }

  // wrapText breaks each line of text at spaces so that it is at most max pixels wide
  // (a word wider than that stays whole on its line).
  function wrapText(text, style, weight, max) {
    // A date ("1 December 2026") stays whole on its line.
    var dates = /(\d{1,2}) ([A-Z][a-z]+) (\d{4})/g;
    return String(text).replace(dates, "$1\u0001$2\u0001$3").split("\n").map(function (line) {
      var out = [], cur = "";
      line.split(" ").forEach(function (w) {
        var next = cur === "" ? w : cur + " " + w;
        if (cur !== "" && textWidth(next, style, weight) > max) { out.push(cur); cur = w; } else cur = next;
      });
      out.push(cur);
      return out.join("\n");
    }).join("\n").replace(/\u0001/g, " ");
  }

  function legendNames(opt, lg) {
    return lg.data ? lg.data.map(function (d) { return typeof d === "object" ? d.name : d; }) : arr(opt.series).map(function (s) { return s.name; });
  }

  // legendRows is how many rows (lines of text) the legend takes at width max.
  function legendRows(opt, max) {
    var lg = arr(opt.legend)[0];
    if (!lg || lg.show === false) return 0;
    var style = lg.textStyle || {}, rows = 1, x = 0;
    var names = legendNames(opt, lg);
    // Names that wrap (see fit): an item a row of its own, as many lines as it needs.
    if (style.overflow === "break" && style.width) {
      return names.reduce(function (n, name) { return n + lineCount(wrapText(String(name), style, "normal", style.width)); }, 0);
    }
    names.forEach(function (n) {
      var w = (lg.itemWidth || 25) + 5 + textWidth(String(n), style) + (lg.itemGap || 10);
      if (x > 0 && x + w > max) { rows++; x = 0; }
      x += w;
    });
    return rows;
  }

  function fit(opt, width, k, height) {
    delete opt.roiLayout;
    scaleAll(opt, k);
    var titles = arr(opt.title);
    var main = titles[0];
    if (!main) return 0;
    var avail = width - 24 * k;
    var ts = main.textStyle || {}, ss = main.subtextStyle || {};
    var y = typeof main.top === "number" ? main.top : 8 * k;
    main.top = y;
    main.text = wrapText(main.text || "", ts, "bold", avail);
    var h = lineCount(main.text) * lineHeight(ts);
    var gap = 6 * k, itemGap = gap, head = titles[1];
    if (head && head.text) {
      var hs = head.textStyle || {};
      head.text = wrapText(head.text, hs, "bold", avail);
      head.top = y + h + gap;
      itemGap = gap + lineCount(head.text) * lineHeight(hs) + gap;
    }
    main.itemGap = itemGap;
    var sub = 0;
    if (main.subtext) {
      // Lines of the subtitle no longer than about 100 characters, for reading.
      main.subtext = wrapText(main.subtext, ss, "normal", Math.min(avail, 560 * k));
      sub = lineCount(main.subtext) * lineHeight(ss);
    }
    var top = y + h + itemGap + sub + 14 * k;
    arr(opt.yAxis).forEach(function (ax) {
      if (ax.name && (ax.nameLocation === "end" || ax.nameLocation === undefined)) top += lineHeight(ax.nameTextStyle) + (ax.nameGap === undefined ? 15 * k : ax.nameGap);
    });
    var grid = arr(opt.grid)[0];
    if (!grid) return 0;
    grid.top = top;
    // Names of categories down the side take at most 40% of the width (30% on a
    // phone): longer ones wrap at spaces, and their rows are as tall as their lines
    // need (roiRowMin, read by pageHeight).
    opt.roiRowMin = 0;
    arr(opt.yAxis).forEach(function (ax) {
      if (ax.type !== "category" || !ax.data || !ax.axisLabel || ax.axisLabel.show === false) return;
      var style = ax.axisLabel, max = Math.floor(width * (width < 600 ? 0.3 : 0.4)), lines = 1;
      ax.data.forEach(function (d) {
        var name = String(d && typeof d === "object" ? d.value : d);
        var st = d && typeof d === "object" && d.textStyle ? Object.assign({}, style, d.textStyle) : style;
        lines = Math.max(lines, lineCount(wrapText(name, st, "normal", max)));
      });
      if (lines > 1 && style.width === undefined) {
        style.width = max;
        style.overflow = "break";
        style.lineHeight = style.lineHeight || Math.round(style.fontSize * 1.25);
      }
      opt.roiRowMin = Math.max(opt.roiRowMin, lines * (style.lineHeight || style.fontSize * 1.25) + 10 * k);
    });
    // Labels that wrap (overflow "break") are as wide as the plot.
    var plot = width - (typeof grid.left === "number" ? grid.left : 0) - (typeof grid.right === "number" ? grid.right : 0);
    arr(opt.series).forEach(function (s) {
      if (s.label && s.label.overflow === "break" && s.label.width === undefined) s.label.width = plot;
    });
    // Labels above their bars (a position [x, y]) need room in each row: at a fixed
    // height (the exports), the bars of a chart of many rows get thinner, and all the
    // bars of their stack with them.
    if (height) {
      var labelled = arr(opt.series).filter(function (s) { return s.label && Array.isArray(s.label.position); });
      var cats = 0;
      arr(opt.yAxis).forEach(function (ax) { if (ax.type === "category" && ax.data) cats = Math.max(cats, ax.data.length); });
      labelled.forEach(function (s) {
        if (!cats) return;
        var xl = arr(opt.xAxis)[0], xh = xl && xl.axisLabel ? xl.axisLabel.fontSize * 1.3 + 8 * k : 0;
        var band = (height - top - (typeof grid.bottom === "number" ? grid.bottom : 0) - xh) / cats;
        var lh = s.label.lineHeight || s.label.fontSize * 1.25;
        var bw = Math.min(typeof s.barWidth === "number" ? s.barWidth : 14 * k, band - lh - 10 * k);
        if (bw < 6 * k) {
          bw = 6 * k;
          s.label.lineHeight = s.label.fontSize * 1.1;
        }
        arr(opt.series).forEach(function (o) { if (o === s || (s.stack && o.stack === s.stack)) o.barWidth = bw; });
      });
    }
    // A narrow horizontal value axis gets fewer ticks, so that its labels keep apart.
    var horizontal = arr(opt.xAxis).filter(function (ax) { return ax.type === "value" || (ax.type === undefined && !ax.data); });
    horizontal.forEach(function (ax) {
      if (ax.splitNumber === undefined && ax.interval === undefined) ax.splitNumber = Math.max(2, Math.min(5, Math.floor(plot / (110 * k))));
    });
    // A legend name wider than the chart (a scenario's, on a phone) wraps at spaces
    // rather than being cut at both edges.
    var lg = arr(opt.legend)[0];
    if (lg && lg.show !== false) {
      var ls = lg.textStyle || (lg.textStyle = {}), textMax = avail - (lg.itemWidth || 25) - 5 * k;
      if (legendNames(opt, lg).some(function (n) { return textWidth(String(n), ls) > textMax; })) {
        ls.width = textMax;
        ls.overflow = "break";
        ls.lineHeight = ls.lineHeight || Math.round((ls.fontSize || 12) * 1.25);
      }
    }
    // A legend in more than one row pushes the plot up.
    var rows = legendRows(opt, avail);
    if (rows > 1 && typeof grid.bottom === "number") {
      grid.bottom += (rows - 1) * (lineHeight(lg.textStyle) + (lg.itemGap || 10));
    }
    return top;
  }

  // pageScale is k for a chart drawn on the page width CSS pixels wide.
  function pageScale(width) { return Math.min(1.25, Math.max(1, width / designWidth)); }

  // pageHeight is the height on the page of a chart whose categories set it (option
  // as built, before fit), or 0.
  function pageHeight(layout, opt, top, k) {
    var rowMin = opt.roiRowMin || 0;
    delete opt.roiRowMin;
    if (!(layout && layout.rowHeight) && !rowMin) return 0;
    var row = Math.max(layout && layout.rowHeight ? layout.rowHeight * k : 0, rowMin);
    var n = 0;
    arr(opt.yAxis).concat(arr(opt.xAxis)).forEach(function (ax) { if (ax.type === "category" && ax.data) n = Math.max(n, ax.data.length); });
    var grid = arr(opt.grid)[0] || {};
    var bottom = typeof grid.bottom === "number" ? grid.bottom : 60 * k;
    return Math.ceil(Math.max(460, top + n * row + bottom + 30 * k));
  }

  // prepare parses an option and lays it out for the element it is drawn in; it sets
  // the element's height when the chart's categories set it.
  function prepare(el, json) {
    var opt = JSON.parse(json);
    var layout = opt.roiLayout;
    var width = el.clientWidth || designWidth;
    var k = pageScale(width);
    var top = fit(opt, width, k);
    var h = pageHeight(layout, opt, top, k);
    // A chart of the page's fixed height keeps a plot of 180 design pixels at least
    // (axis labels included) between its titles and its legend, growing where they
    // wrap to many lines (long scenario names on a phone); it never gets shorter than
    // the page makes it.
    var grid = arr(opt.grid)[0];
    if (!h && grid && typeof grid.bottom === "number" && top + 180 * k + grid.bottom > 460) {
      var box = el.classList.contains("chart-canvas") || !el.parentElement ? el : el.parentElement;
      box.style.removeProperty("--chart-height");
      h = Math.max(box.clientHeight, Math.ceil(top + 180 * k + grid.bottom));
    }
    // On the element drawn in and, for a chart moved into the app's element, on that.
    [el, el.parentElement].forEach(function (e) {
      if (!e || (e !== el && !e.classList.contains("chart-canvas"))) return;
      if (h) e.style.setProperty("--chart-height", h + "px");
      else e.style.removeProperty("--chart-height");
    });
    el.setAttribute("data-width", String(width));
    return opt;
  }

  // bars lists the boxes of the bars ECharts drew in a chart, in CSS pixels (for the
  // tests of labels drawn over bars).
  function bars(chart) {
    var out = [];
    chart.getZr().storage.getDisplayList(true).forEach(function (el) {
      if (el.type !== "rect" || el.invisible || !el.shape || !(el.shape.width > 0.5) || !(Math.abs(el.shape.height) > 0.5)) return;
      var fill = el.style && el.style.fill;
      if (!fill || fill === "none" || fill === "transparent" || /^rgba\(.*,\s*0\)$/.test(fill) || el.style.opacity === 0) return;
      var r = el.getBoundingRect().clone();
      if (el.transform) r.applyTransform(el.transform);
      out.push({ x: r.x, y: r.y, width: r.width, height: r.height });
    });
    return out;
  }

  // texts lists the text ECharts drew in a chart, a line at a time, with its font size
  // and its box in CSS pixels (for the tests of overlapping and cut text).
  function texts(chart) {
    var out = [];
    chart.getZr().storage.getDisplayList(true).forEach(function (el) {
      if (el.type !== "tspan" || el.invisible || !el.style || !el.style.text) return;
      for (var p = el.parent || el.__hostTarget; p; p = p.parent || p.__hostTarget) if (p.ignore || p.invisible) return;
      var r = el.getBoundingRect().clone();
      if (el.transform) r.applyTransform(el.transform);
      var m = /(\d+(?:\.\d+)?)px/.exec(el.style.font || "");
      out.push({ text: String(el.style.text), fontSize: m ? Number(m[1]) : 0, x: r.x, y: r.y, width: r.width, height: r.height });
    });
    return out;
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
        var tall = h.style.getPropertyValue("--chart-height");
        if (tall) el.style.setProperty("--chart-height", tall);
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
    var opt = prepare(el, json);
    el._roiOption = json;
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
    } else if (chart.getHeight() !== el.clientHeight || chart.getWidth() !== el.clientWidth) {
      chart.resize();
      chart.setOption(opt, { notMerge: true });
    } else if (String(series.length) !== el.getAttribute("data-series")) {
      chart.setOption(opt, { replaceMerge: ["series"] });
    } else {
      chart.setOption(opt);
    }
    el.setAttribute("data-series", String(series.length));
    drawn(id, json);
    if (early) before[id] = canonical(json);
    stats.drawMs += performance.now() - t0;
    stats.draws++;
    stats.lastDraw = stats.drawnAt[id] = performance.now();
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

  // request draws chart id with option json: a chart on screen that has not been
  // drawn since the last frame at once, in the task that changed it (an input's own
  // task, so that its chart paints in the next frame), the others at the next frame
  // or when scrolled to. The option drawn last is not drawn again.
  var last = {}; // element id → the option JSON drawn last
  var fresh = {}; // element id → drawn since the last animation frame
  var clearing = 0;
  function request(id, json) {
    var h = hosts[id];
    if (last[id] === json && waiting[id] === undefined && h && h.isConnected && echarts.getInstanceByDom(h)) return;
    queue(id, json);
    if (observer && onScreen[id] && !fresh[id] && !early[id] && instance(id)) drawNow(id);
    if (api.onRequest) api.onRequest(id, json);
  }
  function drawn(id, json) {
    last[id] = json;
    fresh[id] = true;
    if (!clearing) clearing = requestAnimationFrame(function () { clearing = 0; fresh = {}; });
  }

  // The first chart drawn before the start is drawn at once, before the scripts
  // after this one (go-app's) run; the others one a task.
  function predraw(id, json) {
    queue(id, json);
    early[id] = true;
    if (!stats.firstDraw) drawNow(id);
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

  // flush draws the waiting charts that are new or on screen; all of them when all. A
  // chart left waiting off screen takes the height of its new option at once, so that
  // the page does not change under a person when it is scrolled to and drawn (the share
  // chart is as tall as its platforms: after the demographics were switched, its
  // buttons moved between the press and the release of a click on them).
  var sized = {}; // element id → the waiting option its element's height was set for
  function flush(all) {
    frame = 0;
    Object.keys(waiting).forEach(function (id) {
      var el = document.getElementById(id);
      if (!el) { delete waiting[id]; return; }
      if (all === true || !observer || onScreen[id] || typeof echarts === "undefined" || (!early[id] && !instance(id))) {
        drawNow(id);
      } else if (sized[id] !== waiting[id]) {
        sized[id] = waiting[id];
        prepare(host(id), waiting[id]);
      }
    });
  }

  function drawNow(id) {
    if (waiting[id] !== undefined) {
      var json = waiting[id], wasEarly = !!early[id];
      delete waiting[id];
      delete sized[id];
      delete early[id];
      draw(id, json, wasEarly);
    }
  }

  function dispose(id) {
    delete last[id];
    delete waiting[id];
    delete sized[id];
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

  // json returns the option (JSON) chart id was last drawn with, before its layout.
  function json(id) {
    var h = typeof echarts === "undefined" ? null : host(id);
    return h ? h._roiOption || null : null;
  }

  // resizeAll lays the charts out again for their new widths.
  function resizeAll() {
    document.querySelectorAll(".chart-canvas").forEach(function (el) {
      var chart = echarts.getInstanceByDom(el);
      if (!chart) return;
      if (el._roiOption && el.getAttribute("data-width") !== String(el.clientWidth)) {
        var opt = prepare(el, el._roiOption);
        if (opt.tooltip) opt.tooltip.formatter = tooltip;
        chart.resize();
        chart.setOption(opt, { notMerge: true });
      } else chart.resize();
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
    var exported = api.lastImage; // the last export's, which the print's are not
    var k = cell.width / designWidth, svg = image(json, "svg", cell.width, cell.height, k);
    // The design's sizes scale with k: the smallest text at the print's floor.
    var min = smallestFont(svg);
    if (isFinite(min) && min < PRINT_MIN_PX) svg = image(json, "svg", cell.width, cell.height, k * PRINT_MIN_PX / min);
    api.lastImage = exported;
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
  // headline, the scenario's name, units and currency, the date and the source line;
  // it is scaled by width / 800 (the page's design at slide size). lastImage keeps
  // the option ECharts drew the last image with and the text it drew (for tests).
  // sameNames gives an SVG's class names and ids as those of the page's first chart:
  // they carry the count of charts made before (zr12-cls-50, zr12-c0), so that the
  // same chart would give another file each time. Classes are numbered in the order
  // they appear. Only the style sheet and the attributes that name them change, never
  // a text of the chart (which may hold what a person typed).
  function sameNames(svg) {
    var classes = {}, n = 0;
    function fix(s) {
      return s.replace(/zr\d+-cls-\d+/g, function (c) {
        if (!(c in classes)) classes[c] = "zr0-cls-" + n++;
        return classes[c];
      }).replace(/zr\d+-/g, "zr0-");
    }
    return svg.replace(/<style[^>]*>[\s\S]*?<\/style>|\s(?:class|id|clip-path|fill|stroke|filter|mask|href|xlink:href)="[^"]*"/g, fix);
  }

  function image(json, format, width, height, scale) {
    width = width || 1600;
    height = height || 900;
    var opt = JSON.parse(json);
    opt.animation = false;
    fit(opt, width, scale || width / designWidth, height);
    delete opt.roiRowMin;
    function keep(chart) {
      api.lastImage = { format: format, width: width, height: height, option: chart.getOption(), texts: texts(chart), bars: bars(chart) };
    }
    if (format === "svg") {
      var svgChart = echarts.init(null, null, { renderer: "svg", ssr: true, width: width, height: height });
      svgChart.setOption(opt);
      keep(svgChart);
      var svg = svgChart.renderToSVGString();
      svgChart.dispose();
      return sameNames(svg);
    }
    var div = document.createElement("div");
    div.style.cssText = "position:fixed;left:-20000px;top:0;width:" + width + "px;height:" + height + "px";
    document.body.appendChild(div);
    var chart = echarts.init(div, null, { renderer: "canvas", width: width, height: height });
    chart.setOption(opt);
    keep(chart);
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
  var api = { draw: request, predraw: predraw, afterEarly: afterEarly, onRequest: null, flush: function () { flush(true); }, waiting: waiting, dispose: dispose, option: option, stats: stats, image: image, download: download, copy: copy, texts: texts, bars: bars, json: json, lastImage: null, preparePrint: preparePrint };
  window.roiCharts = api;
})();
