// Browser timings of the built site (make bench-browser): cold load to first chart
// drawn, and one input change to every chart redrawn, in headless Chromium. Medians of
// several runs are printed; nothing is asserted.
import path from "node:path";
import { serve, launch, ready } from "./harness.mjs";

const runs = Number(process.env.RUNS || 7);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const server = await serve(process.env.DIST ? path.resolve(process.env.DIST) : undefined);
const browser = await launch();
try {
  const cold = [], warm = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    await page.goto(server.url);
    await ready(page, 1);
    cold.push(await page.evaluate(() => window.roiCharts.stats.firstDraw));
    await context.close();
  }
  // Reload through the service worker, with the server still up.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  await page.waitForFunction(async () => !!(await navigator.serviceWorker.getRegistration())?.active, null, { timeout: 60000 });
  for (let i = 0; i < runs; i++) {
    await page.reload();
    await ready(page, 1);
    warm.push(await page.evaluate(() => window.roiCharts.stats.firstDraw));
  }
  await ready(page);

  // Input change to the figures painted and to the last chart on screen redrawn, both
  // measured inside the page from the input event. Charts off screen wait until they
  // are scrolled to, so the edits are timed twice: with the page at its top (the
  // headline figures on screen) and scrolled to the cost chart.
  const measure = async (selector, values, scrollTo) => {
    await page.evaluate((id) => { if (id) document.getElementById(id).scrollIntoView({ block: "center" }); else window.scrollTo(0, 0); }, scrollTo);
    await page.waitForTimeout(500);
    const dom = [], paint = [], charts = [];
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
        return [[changed - t0, painted - t0], s.draws > before ? s.lastDraw - t0 : NaN];
      }, [selector, v]);
      dom.push(p[0]);
      paint.push(p[1]);
      if (!isNaN(c)) charts.push(c);
    }
    return { dom, paint, charts };
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
      return done - t0;
    }, v));
  }
  // Opening 500 kept scenarios: the store is filled with copies of the default one,
  // then the page is reloaded (only the scenario shown is computed at load).
  const many = [];
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const ctx = await browser.newContext({ serviceWorkers: "block" });
    const pg = await ctx.newPage();
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
    many.push(await pg.evaluate(() => window.roiCharts.stats.firstDraw));
    await ctx.close();
  }
  await context.close();
  const fmt = (xs) => `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, n=${xs.length})`;
  console.log(`cold load to first chart drawn (no service worker): ${fmt(cold)}`);
  console.log(`reload through the service worker to first chart drawn: ${fmt(warm)}`);
  console.log(`reload with 500 kept scenarios to first chart drawn (no service worker): ${fmt(many)}`);
  console.log(`audience-size change to what the result depends on worked out again: ${fmt(uncertain)}`);
  const fmtOr = (xs) => (xs.length ? fmt(xs) : "none drawn");
  console.log(`plan-hours change, page at its top, to the figures changed in the DOM: ${fmt(planTop.dom)}; painted (the next frame): ${fmt(planTop.paint)}; to a chart redrawn: ${fmtOr(planTop.charts)}`);
  console.log(`plan-hours change, cost chart on screen, to the figures painted: ${fmt(planCharts.paint)}; to the last chart on screen redrawn: ${fmtOr(planCharts.charts)}`);
  console.log(`audience-size change (recommendation recomputed), cost chart on screen, to the figures painted: ${fmt(audience.paint)}; to the last chart on screen redrawn: ${fmtOr(audience.charts)}`);
} finally {
  await browser.close();
  server.stop();
}
