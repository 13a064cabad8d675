// Browser timings of the built site (make bench), in headless Chromium; medians and
// ranges are printed, nothing is asserted.
//
// Cold loads (a new profile each: empty HTTP cache, no service worker yet), on the
// loopback interface and on a simulated 10 Mbit/s link with 40 ms latency (CDP's
// Network.emulateNetworkConditions, applied to the page: requests a service worker
// makes itself are not slowed), alternating in the same runs between the site, an
// ECharts-only page (one chart of the same option, drawn by the site's own ECharts from
// the same server: the floor of a page that draws a chart) and, with COMPARE_DIST and
// COMPARE_BIN, another build of the site with its own server (such as the one before a
// change). The ECharts-only page is measured twice: with the site's own ECharts build
// (the strict floor: the site is that page plus its own HTML and scripts) and with
// ECharts' full build (dist/echarts.min.js of the npm package, compressed the same
// way), which is what a page that only loads ECharts loads and what the site loaded
// before it had a build of its own. Each load reports the first contentful paint, the first chart drawn, the app
// started (go-app removed its loader: the page answers input), and how often app.wasm
// came with a body and how many bytes that took (the service worker's copy included;
// a revalidation, 304, brings none).
//
// Then, on the site: reload through the service worker, opening 500 kept scenarios,
// and one input change to the figures and charts redrawn.
//
// And a hard search (tests/hardcase.mjs, a share link whose search uses up its step
// budget), on the site and on the compared one: an edit of the value per 1,000 starts
// the search again, a plan edit 100 ms later should change the headline at once; the
// long tasks (PerformanceObserver "longtask", over 50 ms) from the first edit until the
// recommendation is shown, the longest of them, and the time to the headline changed
// and to the recommendation shown. PARTS=hard runs this part only.
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from "node:fs";
import zlib from "node:zlib";
import { tmpdir } from "node:os";
import path from "node:path";
import { root, serve, launch, ready, cached } from "./harness.mjs";
import { hardScenario, shareLink } from "./hardcase.mjs";

const runs = Number(process.env.RUNS || 7);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const dist = process.env.DIST ? path.resolve(process.env.DIST) : path.join(root, "dist");
const links = {
  loopback: null,
  "10 Mbit/s, 40 ms": { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 },
};

// onlyECharts writes the ECharts-only page: the ECharts build in file (with
// compressed copies, as make site writes them) and an inline script that draws option
// into a chart of the site's size.
function onlyECharts(option, file) {
  const dir = mkdtempSync(path.join(tmpdir(), "roi-echarts-only-"));
  mkdirSync(path.join(dir, "web"));
  const js = readFileSync(file);
  const to = path.join(dir, "web", "echarts.min.js");
  writeFileSync(to, js);
  writeFileSync(to + ".br", zlib.brotliCompressSync(js, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: js.length } }));
  writeFileSync(to + ".gz", zlib.gzipSync(js, { level: 9 }));
  writeFileSync(path.join(dir, "index.html"), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>ECharts only</title></head>
<body><h1>One chart</h1><div id="chart" style="width:640px;height:360px"></div>
<script type="application/json" id="option">${JSON.stringify(option).replace(/</g, "\\u003c")}</script>
<script src="web/echarts.min.js"></script>
<script>echarts.init(document.getElementById("chart"), null, { renderer: "canvas" }).setOption(JSON.parse(document.getElementById("option").textContent));
window.firstDraw = performance.now();</script>
</body></html>
`);
  return dir;
}

// watchStart records, inside the page, when go-app's loader leaves the page.
function watchStart() {
  const b = (window.__bench = { started: NaN });
  const mo = new MutationObserver(() => {
    const l = document.getElementById("app-wasm-loader");
    if (l) b.seen = true;
    else if (b.seen && isNaN(b.started)) { b.started = performance.now(); mo.disconnect(); }
  });
  mo.observe(document, { childList: true, subtree: true });
}

// watchLongTasks records, inside the page, every long task: [start, duration] in ms.
function watchLongTasks() {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); })
    .observe({ type: "longtask", buffered: true });
}

// longTasks sums up the long tasks of the page that overlap [from, to].
function longTasks(tasks, from, to) {
  const during = tasks.filter(([s, d]) => s + d > from && s < to).map(([, d]) => d);
  return { longest: during.length ? Math.max(...during) : 0, count: during.length, total: during.reduce((a, b) => a + b, 0) };
}

// hardSearch times the hard search on the site at base (see above), in a new profile.
async function hardSearch(browser, base) {
  const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1400, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchLongTasks);
    await page.goto(shareLink(base, hardScenario()));
    await ready(page, 1);
    await page.waitForFunction(() => document.querySelector("#recommendation")?.getAttribute("aria-busy") === "false", null, { timeout: 120000 });
    const r = await page.evaluate(async () => {
      const val = document.getElementById("f-valuePer1000"), cell = document.getElementById("f-plan-p01-0");
      const fig = document.querySelector("#fig-total-cost .value");
      let recDone = NaN, figChanged = NaN;
      const mo = new MutationObserver((rs) => {
        for (const r of rs) if (r.target.id === "recommendation" && r.oldValue === "true" && isNaN(recDone)) recDone = performance.now();
      });
      mo.observe(document.body, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ["aria-busy"] });
      const fo = new MutationObserver(() => { if (isNaN(figChanged)) figChanged = performance.now(); });
      fo.observe(fig, { childList: true, characterData: true, subtree: true });
      const t0 = performance.now();
      val.value = String(Number(val.value) + 50);
      val.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((res) => setTimeout(res, 100));
      cell.value = String(Number(cell.value || 0) + 1);
      cell.dispatchEvent(new Event("input", { bubbles: true }));
      while ((isNaN(recDone) || isNaN(figChanged)) && performance.now() - t0 < 120000) await new Promise((res) => setTimeout(res, 10));
      mo.disconnect();
      fo.disconnect();
      await new Promise((res) => setTimeout(res, 100)); // the observer's last entries
      return { t0, recDone, edit: figChanged - (t0 + 100), tasks: window.__long };
    });
    return { search: r.recDone - r.t0, edit: r.edit, ...longTasks(r.tasks, r.t0, r.recDone) };
  } finally {
    await context.close();
  }
}

function fmt(xs) {
  xs = xs.filter((x) => !isNaN(x));
  return xs.length ? `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})` : "n/a";
}

// printColdLoads prints the cold loads' timings by link and site.
function printColdLoads(results, sites) {
  for (const [name, bySite] of Object.entries(results)) {
    console.log(`cold load, ${name}:`);
    const chart = (site) => median(bySite[site].map((r) => r.chart));
    for (const [site, rs] of Object.entries(bySite)) {
      const floors = sites[site].app ? Object.keys(bySite).filter((s) => !sites[s].app) : [];
      console.log(`  ${site}: first contentful paint ${fmt(rs.map((r) => r.fcp))}; first chart drawn ${fmt(rs.map((r) => r.chart))}` +
        (sites[site].app ? `; app started ${fmt(rs.map((r) => r.started))} (go.run, one task, ${fmt(rs.map((r) => r.run))}); app.wasm downloaded ${rs.map((r) => r.wasmFull).join(", ")} times, ${(median(rs.map((r) => r.wasmBytes)) / 1e6).toFixed(2)} MB (median)` : "") +
        floors.map((f) => `; first chart ${(chart(site) / chart(f)).toFixed(2)}× ${f}`).join(""));
    }
  }
}

// coldLoad opens url in a new profile over link and returns its timings.
async function coldLoad(browser, url, link, app) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  try {
    const wasm = []; // bytes of each app.wasm response (0: revalidated)
    context.on("response", (r) => { if (r.url().endsWith("/app.wasm")) wasm.push(r.request().sizes().then((s) => s.responseBodySize, () => NaN)); });
    const page = await context.newPage();
    if (link) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", link);
    }
    if (app) await page.addInitScript(watchStart);
    await page.goto(url);
    let chart, started = NaN, run = NaN;
    if (app) {
      await ready(page, 1);
      [chart, started, run] = await page.evaluate(() => [window.roiCharts.stats.firstDraw, window.__bench.started, window.roiStart.startedAt - window.roiStart.runAt]);
      // Let the service worker install (and count what it downloads) before closing.
      await cached(page, 120000);
    } else {
      await page.waitForFunction(() => window.firstDraw > 0, null, { timeout: 60000 });
      chart = await page.evaluate(() => window.firstDraw);
    }
    const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
    const bytes = await Promise.all(wasm);
    return { fcp, chart, started, run, wasmFull: bytes.filter((b) => b > 0).length, wasmBytes: bytes.reduce((a, b) => a + b, 0) };
  } finally {
    await context.close();
  }
}

const server = await serve(dist);
const compare = process.env.COMPARE_DIST
  ? await serve(path.resolve(process.env.COMPARE_DIST), "/", path.resolve(process.env.COMPARE_BIN || path.join(root, "bin", "platformroi")))
  : null;
const browser = await launch();
let only, onlyFull;
try {
  if (process.env.PARTS !== "load") {
    const hard = {};
    const hardSites = { site: server.url };
    if (compare) hardSites["compared site"] = compare.url;
    for (let i = 0; i < Math.min(runs, 5); i++) {
      for (const [site, url] of Object.entries(hardSites)) (hard[site] ||= []).push(await hardSearch(browser, url));
    }
    const f0 = (xs) => {
      xs = xs.filter((x) => !isNaN(x));
      return xs.length ? `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})` : "n/a";
    };
    for (const [site, rs] of Object.entries(hard)) {
      console.log(`hard search (${site}): value per 1,000 changed to the recommendation shown ${f0(rs.map((r) => r.search))}; ` +
        `a plan edit 100 ms later to the headline changed ${f0(rs.map((r) => r.edit))}; longest task ${f0(rs.map((r) => r.longest))}; ` +
        `long tasks ${rs.map((r) => r.count).join(", ")}, in all ${f0(rs.map((r) => r.total))}`);
    }
  }
  if (process.env.PARTS === "hard") process.exit(0);
  // The option of the site's first chart, as ECharts holds it, for the ECharts-only page.
  {
    const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await ready(page);
    const option = await page.evaluate(() => { const o = window.roiCharts.option("chart-fit"); o.animation = false; return o; });
    await context.close();
    // The ECharts build the site's page.js starts with, and ECharts' full build.
    only = await serve(onlyECharts(option, path.join(root, "bin", "echarts.min.js")));
    onlyFull = await serve(onlyECharts(option, path.join(root, "node_modules", "echarts", "dist", "echarts.min.js")));
  }
  const sites = { site: { url: server.url, app: true }, "ECharts only": { url: only.url, app: false }, "ECharts only, full build": { url: onlyFull.url, app: false } };
  if (compare) sites["compared site"] = { url: compare.url, app: true };
  const results = {}; // link → site → {fcp, chart, started, wasmFull}[]
  for (let i = 0; i < runs; i++) {
    for (const [name, link] of Object.entries(links)) {
      results[name] ||= {};
      // Alternate the order from run to run.
      const order = Object.entries(sites);
      if (i % 2) order.reverse();
      for (const [site, s] of order) {
        (results[name][site] ||= []).push(await coldLoad(browser, s.url, link, s.app));
      }
    }
  }

  if (process.env.PARTS === "load") {
    printColdLoads(results, sites);
    process.exit(0);
  }

  // Reload through the service worker, with the server still up.
  const warm = [], warmStarted = [];
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.addInitScript(watchStart);
  await page.addInitScript(watchLongTasks);
  await page.goto(server.url);
  await ready(page);
  await cached(page);
  for (let i = 0; i < runs; i++) {
    await page.reload();
    await ready(page, 1);
    const [c, st] = await page.evaluate(() => [window.roiCharts.stats.firstDraw, window.__bench.started]);
    warm.push(c);
    warmStarted.push(st);
  }
  await ready(page);

  // Input change to the figures painted and to the last chart on screen redrawn, both
  // measured inside the page from the input event. Charts off screen wait until they
  // are scrolled to, so the edits are timed twice: with the page at its top (the
  // headline figures on screen) and scrolled to the cost chart.
  const measure = async (selector, values, scrollTo) => {
    await page.evaluate((id) => { if (id) document.getElementById(id).scrollIntoView({ block: "center" }); else window.scrollTo(0, 0); }, scrollTo);
    await page.waitForTimeout(500);
    const dom = [], paint = [], charts = [], analysis = [];
    for (const v of values) {
      const [p, c] = await page.evaluate(async ([sel, val]) => {
        const el = document.querySelector(sel);
        const fig = document.querySelector("#fig-reach .value");
        const s = window.roiCharts.stats;
        const before = s.draws;
        let painted = NaN, changed = NaN;
        const mo = new MutationObserver(() => {
          if (isNaN(changed)) { changed = performance.now(); requestAnimationFrame(() => { painted = performance.now(); }); }
        });
        mo.observe(fig, { childList: true, characterData: true, subtree: true });
        const t0 = performance.now();
        el.value = val;
        el.dispatchEvent(new Event("input", { bubbles: true }));
        while (performance.now() - Math.max(t0, s.lastDraw) < 300) {
          await new Promise((r) => setTimeout(r, 5));
        }
        mo.disconnect();
        // The charts of the edit's own figures, and those of what the result depends
        // on (worked out after the figures have painted, with a progress indicator).
        const late = (id) => id === "chart-tornado" || id === "chart-net-draws";
        const since = (pick) => {
          const ts = Object.entries(s.drawnAt).filter(([id, t]) => t > t0 && pick(id)).map(([, t]) => t - t0);
          return ts.length ? Math.max(...ts) : NaN;
        };
        const own = since((id) => !late(id)), after = since(late);
        return [[changed - t0, painted - t0], s.draws > before ? [own, after] : [NaN, NaN]];
      }, [selector, v]);
      dom.push(p[0]);
      paint.push(p[1]);
      if (!isNaN(c[0])) charts.push(c[0]);
      if (!isNaN(c[1])) analysis.push(c[1]);
    }
    return { dom, paint, charts, analysis };
  };
  const plan = process.env.PLAN_CELL || "#f-plan-facebook-0";
  const planTop = await measure(plan, ["9", "8", "7", "8", "9", "10", "8", "7", "9", "8", "7"], null);
  const planCharts = await measure(plan, ["9", "8", "7", "8", "9", "10", "8", "7", "9", "8", "7"], "chart-cost");
  const audience = await measure("#f-audience-size", ["1510000", "1520000", "1530000", "1540000", "1550000", "1560000", "1570000"], "chart-cost");
  // An audience edit to what the result depends on worked out again (recommendation,
  // sensitivity, switching values, 2,000 draws, robustness), after the figures painted.
  const uncertain = [];
  for (const v of ["1600000", "1610000", "1620000", "1630000", "1640000"]) {
    uncertain.push(await page.evaluate(async (val) => {
      const el = document.querySelector("#f-audience-size");
      let done = NaN;
      const t0 = performance.now();
      const mo = new MutationObserver((rs) => {
        for (const r of rs) if (r.target.id === "uncertainty" && r.oldValue === "true") done = performance.now();
      });
      mo.observe(document.body, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ["aria-busy"] });
      el.value = val;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      while (isNaN(done) && performance.now() - t0 < 10000) await new Promise((r) => setTimeout(r, 5));
      mo.disconnect();
      await new Promise((r) => setTimeout(r, 100)); // the observer's last entries
      const during = window.__long.filter(([s, d]) => s + d > t0 && s < done).map(([, d]) => d);
      return [done - t0, during.length ? Math.max(...during) : 0];
    }, v));
  }
  // Opening 500 kept scenarios: the store is filled with copies of the default one,
  // then the page is reloaded (only the scenario shown is computed at load).
  const many = [];
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const ctx = await browser.newContext({ serviceWorkers: "block" });
    const pg = await ctx.newPage();
    await pg.addInitScript(watchStart);
    await pg.goto(server.url);
    await ready(pg, 1);
    await pg.evaluate(() => {
      const key = "platformroi.workspace";
      const w = JSON.parse(localStorage.getItem(key));
      const one = w.scenarios[0];
      w.scenarios = Array.from({ length: 500 }, (_, k) => ({ ...one, id: "bench-" + k }));
      localStorage.setItem(key, JSON.stringify(w));
    });
    await pg.reload();
    await ready(pg, 1);
    many.push(await pg.evaluate(() => window.__bench.started));
    await ctx.close();
  }
  await context.close();
  printColdLoads(results, sites);
  console.log(`reload through the service worker: first chart drawn ${fmt(warm)}; app started ${fmt(warmStarted)}`);
  console.log(`reload with 500 kept scenarios (no service worker): app started ${fmt(many)}`);
  console.log(`audience-size change to what the result depends on worked out again: ${fmt(uncertain.map((u) => u[0]))}; longest task meanwhile (0: none over 50 ms) ${fmt(uncertain.map((u) => u[1]))}`);
  const fmtOr = (xs) => (xs.length ? fmt(xs) : "none drawn");
  console.log(`plan-hours change, page at its top, to the figures changed in the DOM: ${fmt(planTop.dom)}; painted (the next frame): ${fmt(planTop.paint)}; to a chart redrawn: ${fmtOr(planTop.charts)}`);
  console.log(`plan-hours change, cost chart on screen, to the figures painted: ${fmt(planCharts.paint)}; to the last chart of its figures on screen redrawn: ${fmtOr(planCharts.charts)}; ` +
    `to the charts of what the result depends on redrawn: ${fmtOr(planCharts.analysis)}`);
  console.log(`audience-size change (recommendation recomputed), cost chart on screen, to the figures painted: ${fmt(audience.paint)}; to the last chart of its figures on screen redrawn: ${fmtOr(audience.charts)}; ` +
    `to the charts of what the result depends on redrawn: ${fmtOr(audience.analysis)}`);
} finally {
  await browser.close();
  server.stop();
  compare?.stop();
  only?.stop();
  onlyFull?.stop();
}
