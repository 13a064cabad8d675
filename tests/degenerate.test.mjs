// Degenerate and extreme scenarios as a person makes them on the page: a plan emptied
// hour by hour, a one-month horizon. What the page, its printed briefing and the
// command line say must not mislead: an empty plan has nothing to pay back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { bin, cli, money, browserSession, settled, exported } from "./harness.mjs";

const env = browserSession();
const dir = mkdtempSync(path.join(os.tmpdir(), "degenerate-"));


// quiet waits until the recommendation and the likely range are worked out and every
// chart has drawn its latest option.
async function quiet(page) {
  await page.waitForFunction(() => !document.querySelector("#recommendation.updating, #uncertainty.updating, #uncertainty-progress"));
  await settled(page);
}

// printed is the text of the page as the browser prints it, on one line.
async function printed(page) {
  await page.emulateMedia({ media: "print" });
  await page.waitForFunction(() => [...document.querySelectorAll("img.chart-print")].every((i) => i.complete && i.naturalWidth > 0));
  const file = path.join(dir, `briefing-${Date.now()}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.emulateMedia({ media: "screen" });
  return execFileSync("pdftotext", ["-raw", file, "-"]).toString().replace(/\s+/g, " ");
}

// table is the command line's table for a scenario document.
const table = (scenario) => execFileSync(bin, ["calc", "-"], { input: JSON.stringify(scenario) }).toString();

test("a plan emptied hour by hour has nothing to pay back, on the page, printed and on the command line", async (t) => {
  const { page, seen } = await env.open(t);
  for (const p of ["Facebook", "Instagram", "X (Twitter)", "Embassy website"]) {
    await page.getByLabel(`Hours per week of Digital officer on ${p}`).fill("0");
  }
  await page.waitForFunction(() => document.querySelector("#fig-total-cost .value").innerText === "0.00 EUR");
  await quiet(page);
  const scenario = await exported(page);
  const doc = cli(scenario);
  assert.equal(doc.totals.cost, "0.00");
  assert.equal(await page.locator("#fig-total-cost .value").innerText(), money(doc.totals.cost, "EUR"));
  assert.equal(await page.locator("#fig-break-even .value").innerText(), "n/a (no cost)");

  const why = "no platform has staff hours in the plan, so it costs nothing";
  const uncertainty = await page.locator("#uncertainty").innerText();
  assert.doesNotMatch(uncertainty, /pays/, "the page says the empty plan pays");
  assert.equal(await page.locator("#must-be-true").innerText(), `There is nothing to break even: ${why}.`);
  assert.match(await page.locator("#likely-net-text").innerText(), new RegExp(`; there is nothing to pay back: ${why}\\.$`));
  assert.match(await page.locator("#likely-range caption").innerText(), new RegExp(`there is nothing to pay back: ${why}$`));
  // The chart of the draws: one band at 0.00 EUR holding every draw, and its summary.
  const draws = await page.evaluate(() => window.roiCharts.option("chart-net-draws"));
  assert.deepEqual(draws.series[0].data.map((d) => d.value ?? d), [doc.uncertainty.simulation.draws]);
  const summary = await page.locator("figure.chart", { has: page.locator("#chart-net-draws") }).innerText();
  assert.ok(summary.includes(`there is nothing to pay back: ${why}`), summary);
  // The tornado chart of net value has no bar: the value per 1,000 moves nothing.
  const tornado = await page.evaluate(() => window.roiCharts.option("chart-tornado"));
  assert.deepEqual(tornado.yAxis[0].data, []);

  const flat = await printed(page);
  assert.ok(flat.includes(`What would have to be true: There is nothing to break even: ${why}.`), "the briefing's what would have to be true");
  assert.ok(flat.includes(`there is nothing to pay back: ${why}.`), "the briefing's likely range");
  assert.ok(!/pays in/.test(flat), "the briefing says the empty plan pays in a share of the draws");

  const out = table(scenario);
  assert.ok(out.includes(`there is nothing to break even: ${why}`), out);
  assert.ok(out.includes(`there is nothing to pay back: ${why}`), out);
  assert.ok(!out.includes("of the draws"), out);
  assert.deepEqual(seen.errors, []);
});

test("a one-month horizon reads '1 month' on the page, printed and on the command line", async (t) => {
  const { page, seen } = await env.open(t);
  await page.getByLabel(/^Horizon/).fill("1");
  await page.waitForFunction(() => document.querySelector("#fig-total-cost .label").innerText === "Total cost over 1 month");
  await quiet(page);
  const scenario = await exported(page);
  assert.equal(scenario.horizonMonths, 1);
  const doc = cli(scenario);
  assert.equal(await page.locator("#fig-total-cost .value").innerText(), money(doc.totals.cost, "EUR"));
  const results = await page.locator(".results").innerText();
  assert.ok(!results.includes("1 months"), "the results say '1 months'");
  const titles = await page.evaluate(() => ["chart-cost", "chart-cumulative", "chart-tornado", "chart-net-draws"].map((id) => JSON.stringify(window.roiCharts.option(id).title)));
  for (const title of titles) assert.ok(!title.includes("1 months"), title);
  const flat = await printed(page);
  assert.ok(!flat.includes("1 months"), "the briefing says '1 months'");
  assert.ok(flat.includes("the figures cover 1 month."), "the briefing's horizon");
  const out = table(scenario);
  assert.ok(out.includes("Horizon 1 month;") && !out.includes("1 months"), out);
  assert.deepEqual(seen.errors, []);
});

test("amounts at the limits the form accepts stay inside their headline cards, at every width, as the command line gives them", async (t) => {
  const { page, seen } = await env.open(t);
  const s = {
    format: "platform-roi-scenario", version: 1, name: "Limits", currency: "EUR", horizonMonths: 120,
    audience: { size: 10000000000, weights: { "18-29": 1 } }, dataset: "pew-us-2023",
    staff: [{ role: "Digital officer", annualSalary: "1000000000000", onCost: 10, overhead: 10, productiveHours: 1, hoursPerWeek: 168 }],
    plan: [{ platform: "facebook", role: "Digital officer", hoursPerWeek: 80 }, { platform: "instagram", role: "Digital officer", hoursPerWeek: 88 }],
    valuePer1000: "1000000000000",
  };
  await page.setInputFiles("#import-json", { name: "limits.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(s)) });
  await page.waitForFunction(() => document.querySelector("#f-name").value === "Limits");
  await quiet(page);
  const doc = cli(s);
  assert.equal(await page.locator("#fig-total-cost .value").innerText().then((v) => v.replace(/\s+/g, " ")), money(doc.totals.cost, "EUR"));
  assert.equal(await page.locator("#fig-value .value").innerText().then((v) => v.replace(/\s+/g, " ")), money(doc.totals.value, "EUR"));
  for (const width of [390, 1280, 1600]) {
    await page.setViewportSize({ width, height: 1000 });
    await page.waitForTimeout(100);
    const spill = await page.evaluate(() => [...document.querySelectorAll(".headline .figure")].flatMap((card) => {
      const box = card.getBoundingClientRect();
      return [...card.querySelectorAll(".label, .value, .likely")].filter((e) => {
        const r = document.createRange();
        r.selectNodeContents(e);
        const text = r.getBoundingClientRect();
        return text.right > box.right + 0.5 || text.left < box.left - 0.5;
      }).map((e) => `${card.id} ${e.className}: ${e.innerText}`);
    }));
    assert.deepEqual(spill, [], `at ${width} px`);
  }
  assert.deepEqual(seen.errors, []);
});
