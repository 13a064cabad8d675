// Lighthouse audits of the built site (make bench): performance, accessibility and best
// practices, desktop settings, in Debian's Chromium on the loopback server. Scores and
// the failing audits are printed; nothing is asserted.
import lighthouse from "lighthouse";
import desktop from "lighthouse/core/config/desktop-config.js";
import { serve, launch } from "./harness.mjs";

const runs = Number(process.env.RUNS || 3);
const server = await serve();
const port = 9300 + Math.floor(Math.random() * 500);
const browser = await launch({ args: [`--remote-debugging-port=${port}`] });
try {
  const scores = { performance: [], accessibility: [], "best-practices": [] };
  let failing = new Set();
  for (let i = 0; i < runs; i++) {
    const r = await lighthouse(server.url, { port, output: "json", logLevel: "error", onlyCategories: Object.keys(scores) }, desktop);
    for (const k of Object.keys(scores)) scores[k].push(r.lhr.categories[k].score);
    for (const a of Object.values(r.lhr.audits)) {
      if (a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary") failing.add(`${a.id}: ${a.title}`);
    }
  }
  for (const [k, v] of Object.entries(scores)) console.log(`lighthouse ${k}: ${v.map((x) => x.toFixed(2)).join(", ")}`);
  if (failing.size) console.log("failing audits:\n  " + [...failing].join("\n  "));
} finally {
  await browser.close();
  server.stop();
}
