// Lighthouse audits of the built site (make bench): performance, accessibility and best
// practices, desktop settings, in Debian's Chromium on the loopback server. Scores and
// the failing audits are printed; nothing is asserted. With COMPARE_DIST and
// COMPARE_BIN, another build of the site (with its own server) is audited in the same
// runs, alternating. THROTTLING=provided audits the load as observed on the loopback
// interface instead of Lighthouse's simulation (which, here, leaves the WebAssembly's
// start out of the blocking time).
import path from "node:path";
import lighthouse from "lighthouse";
import desktop from "lighthouse/core/config/desktop-config.js";
import { serve, launch } from "./harness.mjs";

const runs = Number(process.env.RUNS || 3);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const sites = { site: await serve(process.env.DIST ? path.resolve(process.env.DIST) : undefined) };
if (process.env.COMPARE_DIST) sites["compared site"] = await serve(path.resolve(process.env.COMPARE_DIST), "/", path.resolve(process.env.COMPARE_BIN));
const port = 9300 + Math.floor(Math.random() * 500);
const browser = await launch({ args: [`--remote-debugging-port=${port}`] });
try {
  const categories = ["performance", "accessibility", "best-practices"];
  const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "speed-index", "interactive", "cumulative-layout-shift"];
  const results = {};
  for (let i = 0; i < runs; i++) {
    const order = Object.entries(sites);
    if (i % 2) order.reverse();
    for (const [name, server] of order) {
      const r = await lighthouse(server.url, { port, output: "json", logLevel: "error", onlyCategories: categories, ...(process.env.THROTTLING ? { throttlingMethod: process.env.THROTTLING } : {}) }, desktop);
      const s = (results[name] ||= { scores: {}, metrics: {}, failing: new Set() });
      for (const k of categories) (s.scores[k] ||= []).push(r.lhr.categories[k].score);
      for (const m of metrics) (s.metrics[m] ||= []).push(r.lhr.audits[m].numericValue);
      for (const a of Object.values(r.lhr.audits)) {
        if (a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary") s.failing.add(`${a.id}: ${a.title}`);
      }
    }
  }
  for (const [name, s] of Object.entries(results)) {
    console.log(`${name}:`);
    for (const [k, v] of Object.entries(s.scores)) console.log(`  lighthouse ${k}: ${v.map((x) => x.toFixed(2)).join(", ")} (median ${median(v).toFixed(2)})`);
    for (const [m, v] of Object.entries(s.metrics)) {
      const [d, unit] = m === "cumulative-layout-shift" ? [3, ""] : [0, " ms"];
      console.log(`  ${m}: median ${median(v).toFixed(d)}${unit} (min ${Math.min(...v).toFixed(d)}, max ${Math.max(...v).toFixed(d)})`);
    }
    if (s.failing.size) console.log("  failing audits:\n    " + [...s.failing].join("\n    "));
  }
} finally {
  await browser.close();
  for (const s of Object.values(sites)) s.stop();
}
