// Round trips of whole scenarios through the page: a file imported, exported, shared
// as a link and opened in another browser, kept and reloaded, must give the same
// results as the file (the command line computes both), defaults included.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { root, ready, cli, browserSession } from "./harness.mjs";

const env = browserSession();
const read = (p) => JSON.parse(readFileSync(path.join(root, p), "utf8"));

function scenarios() {
  const out = ["net-objective", "reuters-news", "youth-outreach"].map((n) => read(`calc/testdata/scenarios/${n}.json`));
  const explicit = read("calc/data/default-scenario.json");
  Object.assign(explicit, { name: `Explicit defaults <img src=x onerror="window.__pwned=1"> & "quotes"`, objective: "reach", valuePer1000: "0",
    maturity: [{ month: 0, factor: 0.10 }, { month: 1, factor: 0.60 }, { month: 12, factor: 1.00 }] });
  explicit.staff[0] = { role: "Officer <script>window.__pwned=2</script>", annualSalary: "61000", onCost: 0.30, overhead: "0.12", productiveHours: 1720, hoursPerWeek: 30 };
  explicit.plan = explicit.plan.map((l) => ({ ...l, role: explicit.staff[0].role }));
  delete explicit.ranges; // its range of the value per 1,000 would exclude 0
  out.push(explicit);
  const ds = read("calc/data/reuters-dnr-2025.dataset.json");
  Object.assign(ds, { id: "embassy-own-2026", title: "Embassy's own survey, 2026" });
  out.push({ format: "platform-roi-scenario", version: 1, name: "Carries its own dataset", currency: "USD", horizonMonths: 18,
    audience: { size: 250000, weights: { all: 1 } }, datasetInline: ds,
    platforms: { youtube: { reachRate: 0.05, toolCost: "20" } },
    staff: [{ role: "Officer", hourlyCost: "41.50", hoursPerWeek: 12 }],
    plan: [{ platform: "youtube", role: "Officer", hoursPerWeek: 6 }, { platform: "facebook", role: "Officer", hoursPerWeek: 4 }],
    benefits: [{ name: "Calls answered", amountPerMonth: "300", ramped: true }], candidates: ["youtube", "facebook"] });
  // Ranges of every kind, a benefit line without one before a line with one, and the
  // simulation's settings.
  const ranged = read("calc/data/default-scenario.json");
  Object.assign(ranged, { name: "Ranges of every kind",
    platforms: { facebook: { reachRate: 0.04 } },
    benefits: [{ name: "Calls answered", amountPerMonth: "300", ramped: true }, { name: "Travel saved", amountPerMonth: "150.50" }],
    ranges: { valuePer1000: { low: "4.50", high: "25" },
      platforms: { facebook: { reachRate: { low: 0.01, high: 0.09 }, minHours: { low: 1, high: 3.5 } }, instagram: { setupHours: { low: 2, high: 40 } } },
      benefits: [null, { low: "100", high: "400.25" }] },
    simulation: { draws: 500, seed: 7 } });
  out.push(ranged);
  return out;
}

// same checks that a file computes the same results as the original, defaults included.
function same(got, want, how) {
  const a = cli(got), b = cli(want);
  assert.deepEqual(a, b, `${want.name}: results differ after ${how}`);
  if (want.ranges) assert.deepEqual(got.ranges, want.ranges, `${want.name}: ranges differ after ${how}`);
  for (const k of ["objective", "maturity", "valuePer1000", "candidates", "datasetInline", "ranges", "simulation"]) {
    assert.equal(k in got, k in want, `${want.name}: ${k} ${k in want ? "lost" : "added"} by ${how}`);
  }
}

async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
  return JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8"));
}

test("scenarios round-trip through file import, export, share link and reload", async (t) => {
  const { page, seen } = await env.open(t);
  for (const s of scenarios()) {
    await page.setInputFiles("#import-json", { name: "in.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(s, null, 2)) });
    await page.waitForFunction((n) => document.querySelector("#f-name").value === n, s.name);
    await page.waitForFunction(() => !document.querySelector(".stale-notice"));
    const file = await exported(page);
    same(file, s, "import and export");

    await page.click("#share");
    await page.waitForSelector("#share-link");
    const link = await page.inputValue("#share-link");
    assert.match(link, /#s2=[A-Za-z0-9_-]+$/);
    const other = await env.open(t, { url: link });
    await other.page.waitForFunction((n) => document.querySelector("#f-name").value === n, s.name, { timeout: 10000, polling: 100 }).catch(async (e) => { throw new Error((await other.page.locator("#notice").innerText().catch(() => "no notice")) + " / name=" + JSON.stringify(await other.page.evaluate(() => document.querySelector("#f-name").value)) + " want " + JSON.stringify(s.name) + " / options=" + (await other.page.locator("#f-scenario option").allInnerTexts()) + " / h2=" + (await other.page.locator("#results-h").innerText()) + " / " + e); });
    same(await exported(other.page), s, "a share link");
    assert.deepEqual(other.seen.errors, []);
    await other.context.close();
  }
  await page.reload();
  await ready(page);
  const kept = await page.locator("#f-scenario option").allInnerTexts();
  for (const s of scenarios()) {
    const i = kept.indexOf(s.name);
    assert.ok(i >= 0, `${s.name} not kept after a reload: ${kept}`);
    const value = await page.locator("#f-scenario option").nth(i).getAttribute("value");
    await page.selectOption("#f-scenario", value);
    await page.waitForFunction((n) => document.querySelector("#f-name").value === n, s.name);
    await page.waitForFunction(() => !document.querySelector(".stale-notice"));
    same(await exported(page), s, "a reload");
  }
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(seen.errors, []);
});
