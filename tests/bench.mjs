// Browser timings of the built site (make bench-browser): cold load to first chart
// drawn, and one input change to every chart redrawn, in headless Chromium. Medians of
// several runs are printed; nothing is asserted.
import { serve, launch, ready } from "./harness.mjs";

const runs = Number(process.env.RUNS || 7);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const server = await serve();
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

  // Input change to every changed chart redrawn: time from the input event to the
  // last redraw, measured inside the page.
  const measure = async (selector, values) => {
    const times = [];
    for (const v of values) {
      const t = await page.evaluate(async ([sel, val]) => {
        const el = document.querySelector(sel);
        const before = window.roiCharts.stats.draws;
        const t0 = performance.now();
        el.value = val;
        el.dispatchEvent(new Event("input", { bubbles: true }));
        // Every chart whose figures changed is redrawn; wait until none has been for
        // 300 ms, then take the time of the last redraw.
        const s = window.roiCharts.stats;
        while (performance.now() - Math.max(t0, s.lastDraw) < 300) {
          await new Promise((r) => setTimeout(r, 5));
        }
        return s.draws > before ? s.lastDraw - t0 : NaN;
      }, [selector, v]);
      times.push(t);
    }
    return times;
  };
  const planEdits = await measure("#f-plan-facebook-0", ["9", "8", "7", "8", "9", "10", "8", "7", "9", "8", "7"]);
  const audienceEdits = await measure("#f-audience-size", ["1500001", "1500002", "1500003", "1500004", "1500005", "1500006", "1500007"]);
  await context.close();
  const fmt = (xs) => `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, n=${xs.length})`;
  console.log(`cold load to first chart drawn (no service worker): ${fmt(cold)}`);
  console.log(`reload through the service worker to first chart drawn: ${fmt(warm)}`);
  console.log(`plan-hours change to its 3 charts redrawn: ${fmt(planEdits)}`);
  console.log(`audience-size change (recommendation recomputed) to its charts redrawn: ${fmt(audienceEdits)}`);
} finally {
  await browser.close();
  server.stop();
}
