// Browser tests of what goes into briefing decks: chart images (PNG size, SVG content),
// the printed briefing (Chromium's print to PDF), and the results files, which must
// match the command line's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cli, defaultScenario, browserSession } from "./harness.mjs";

const env = browserSession();

async function downloaded(page, selector) {
  const [d] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const chunks = await (await d.createReadStream()).toArray();
  return { name: d.suggestedFilename(), data: Buffer.concat(chunks) };
}

const scenarioName = "Mid-size embassy, US adults (example)";

test("chart images: PNG 1600x900 at 2x, SVG with title and scenario name", async (t) => {
  const { page, seen } = await env.open(t);
  for (const id of ["chart-fit", "chart-cost", "chart-cumulative", "chart-reach"]) {
    const png = await downloaded(page, `#${id}-png`);
    assert.match(png.name, /\.png$/);
    assert.equal(png.data.subarray(1, 4).toString(), "PNG");
    assert.equal(png.data.readUInt32BE(16), 3200, `${id}: PNG width`);
    assert.equal(png.data.readUInt32BE(20), 1800, `${id}: PNG height`);

    const svg = await downloaded(page, `#${id}-svg`);
    const text = svg.data.toString();
    const title = await page.evaluate((id) => window.roiCharts.option(id).title[0].text, id);
    const parsed = await page.evaluate((s) => {
      const doc = new DOMParser().parseFromString(s, "image/svg+xml");
      const root = doc.documentElement;
      return { error: doc.getElementsByTagName("parsererror").length, name: root.nodeName, width: root.getAttribute("width"), height: root.getAttribute("height"), text: root.textContent };
    }, text);
    assert.equal(parsed.error, 0, `${id}: the SVG does not parse`);
    assert.deepEqual([parsed.name, parsed.width, parsed.height], ["svg", "1600", "900"]);
    // Each chart's own source; the currency only on charts of money.
    const money = ["chart-cost", "chart-cumulative"].includes(id);
    const wants = [title, "Scenario: " + scenarioName, money ? "Source: the scenario's staff costs" : "Source: Pew Research Center"];
    if (money) wants.push("EUR");
    else assert.ok(!/scenario currency/.test(parsed.text), `${id}: a currency on a chart of shares or people`);
    for (const want of wants) {
      assert.ok(parsed.text.includes(want), `${id}: the SVG lacks ${want}`);
    }
    assert.match(parsed.text, /\d{1,2} [A-Z][a-z]+ 20\d\d/, `${id}: the SVG carries no date`);
  }
  assert.deepEqual(seen.errors, []);
});

// tests/briefing.test.mjs tests the briefing's design (text sizes, proposal, comparison, vector charts).
test("the printed briefing is one or two A4 landscape pages with the figures, recommendation, charts and sources", async (t) => {
  const { page } = await env.open(t);
  await page.emulateMedia({ media: "print" });
  await page.waitForTimeout(300);
  const dir = mkdtempSync(path.join(tmpdir(), "roi-pdf-"));
  const pdf = path.join(dir, "briefing.pdf");
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = execFileSync("pdfinfo", [pdf]).toString();
  const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  assert.match(info, /Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/, "not A4 landscape");
  const text = execFileSync("pdftotext", ["-raw", pdf, "-"]).toString().replace(/\s+/g, " ");
  const doc = cli(defaultScenario());
  for (const want of ["Results: " + scenarioName, "Total cost over 12 months", "56,519.89 EUR", "Recommendation (not", "Why these platforms",
    "Assumptions", "Who uses each platform: Pew Research Center", "Briefing,"]) {
    assert.ok(text.includes(want), "the briefing lacks " + want);
  }
  assert.ok(text.includes(doc.totals.cost.replace(/\B(?=(\d{3})+(?!\d))/g, ",")), "the briefing's cost differs from the command line");
  assert.ok(!text.includes("Audience size"), "the briefing prints the input form");
  assert.equal((await page.locator(".chart-canvas canvas").count()) >= 4, true);
});

test("results files match the command line's results", async (t) => {
  const { page } = await env.open(t);
  const doc = cli(defaultScenario());
  const json = await downloaded(page, "#results-json");
  assert.deepEqual(JSON.parse(json.data.toString()), doc);

  const parse = (buf) => buf.toString().trim().split(/\r\n/).map((l) => l.split(","));
  const plats = parse((await downloaded(page, "#results-platforms-csv")).data);
  // The scenario's name holds a comma, so it is quoted: compare from the id on.
  const byId = Object.fromEntries(plats.slice(1).map((r) => [r[r.length - 13], r.slice(-13)]));
  for (const p of doc.platforms) {
    const r = byId[p.id];
    assert.ok(r, "no CSV row for " + p.id);
    assert.deepEqual([r[2], r[3], r[4], r[6], r[7], r[9], r[11], r[12]], [p.fit, String(p.potentialAudience), p.hoursPerWeek, p.cost, p.staffCost, p.value, p.roi ?? "n/a", String(p.reach)]);
  }
  const months = parse((await downloaded(page, "#results-months-csv")).data).slice(1);
  assert.equal(months.length, doc.months.length);
  months.forEach((r, i) => {
    const m = doc.months[i];
    const tail = r.slice(-9);
    assert.deepEqual([tail[0], tail[2], tail[4], tail[7], tail[8]], [String(m.month), m.cost, m.value, m.cumulativeNet, String(m.uniqueReach)]);
  });
});

// The start holds the results' parts at their prerendered heights until the app has
// worked them out (web/start.js); a briefing printed meanwhile must not carry them.
test("a briefing printed while the start holds the results' heights is still one or two pages", async (t) => {
  const { page } = await env.open(t);
  await page.evaluate(() => { for (const c of document.querySelector(".results").children) c.style.minHeight = "3000px"; });
  await page.emulateMedia({ media: "print" });
  const dir = mkdtempSync(path.join(tmpdir(), "roi-pdf-"));
  const pdf = path.join(dir, "held.pdf");
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const pages = Number(execFileSync("pdfinfo", [pdf]).toString().match(/Pages:\s+(\d+)/)[1]);
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
});

// A chart saved while the form has problems carries the last figures without problems:
// its file and its image say it is out of date, as the printed briefing and the slides do.
test("a chart exported while the form has problems is marked out of date", async (t) => {
  const { page, seen } = await env.open(t);
  await page.fill("#f-audience-size", "abc");
  await page.waitForSelector("#out-of-date");
  for (const id of ["chart-cost", "chart-reach"]) {
    const png = await downloaded(page, `#${id}-png`);
    assert.match(png.name, / \(out of date\) - [^/]+\.png$/, `${id}: ${png.name}`);
    const svg = await downloaded(page, `#${id}-svg`);
    assert.match(svg.name, / \(out of date\) - [^/]+\.svg$/, `${id}: ${svg.name}`);
    const text = await page.evaluate((s) => new DOMParser().parseFromString(s, "image/svg+xml").documentElement.textContent, svg.data.toString());
    assert.ok(text.replace(/\s+/g, " ").includes("Out of date: the form has 1 problem"), `${id}: the image does not say it is out of date`);
  }
  // Fixed, the exports are the scenario's own again.
  await page.fill("#f-audience-size", "1500000");
  await page.waitForFunction(() => !document.getElementById("out-of-date"));
  const png = await downloaded(page, "#chart-cost-png");
  assert.equal(png.name, scenarioName + " - cost.png");
  assert.deepEqual(seen.errors, []);
});
