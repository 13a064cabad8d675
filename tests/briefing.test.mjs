// Browser tests of the printed briefing: Chromium prints the page to PDF (A4 landscape,
// the page's CSS page size), and poppler reads it back: the number of pages, the size
// of every word (pdftotext's bounding boxes, against text printed at 10 pt by the same
// fonts), the proposal and its figures (as the page and the command line give them),
// the comparison of scenarios, and charts drawn as vectors (no raster image).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cli, money, people, browserSession, defaultScenario, exported } from "./harness.mjs";

const env = browserSession();
const dir = mkdtempSync(path.join(tmpdir(), "roi-briefing-"));
let n = 0;

// pdf prints the page as the browser's print does (print media, the CSS page size).
async function pdf(page) {
  await page.emulateMedia({ media: "print" });
  // The charts' SVG images are made when printing starts; wait until they are decoded.
  await page.waitForFunction(() => [...document.querySelectorAll("img.chart-print")].every((i) => i.complete && i.naturalWidth > 0));
  const file = path.join(dir, `briefing-${++n}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.emulateMedia({ media: "screen" });
  return file;
}

// words are the PDF's words with their heights in points, as pdftotext lays them out.
function words(file) {
  const xml = execFileSync("pdftotext", ["-bbox-layout", file, "-"]).toString();
  const out = [];
  xml.split("<page ").slice(1).forEach((pg, i) => {
    for (const m of pg.matchAll(/<word xMin="(-?[\d.]+)" yMin="(-?[\d.]+)" xMax="(-?[\d.]+)" yMax="(-?[\d.]+)">([^<]*)<\/word>/g)) {
      out.push({ page: i + 1, text: m[5], height: Number(m[4]) - Number(m[2]) });
    }
  });
  return out;
}

function pages(file) {
  const info = execFileSync("pdfinfo", [file]).toString();
  assert.match(info, /Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/, "not A4 landscape");
  return Number(info.match(/Pages:\s+(\d+)/)[1]);
}

const text = (file) => execFileSync("pdftotext", ["-layout", file, "-"]).toString();
// The text in the order it was drawn, each cell's words together, on one line.
const flatText = (file) => execFileSync("pdftotext", ["-raw", file, "-"]).toString().replace(/\s+/g, " ");

// Raster images in the PDF (pdfimages lists one per line after its two header lines).
function rasters(file) {
  return execFileSync("pdfimages", ["-list", file]).toString().trim().split("\n").slice(2);
}

// The height pdftotext gives a word printed at 10 pt, in each font the briefing prints
// with: the page's, and the charts' (SVG text, sans-serif unless the chart says).
// tenPt.page is the page's font at 10 pt (regular and bold), tenPt.any the least of it
// and the charts' font at 10 pt. Page 1 has no chart: its words are held to the page's
// font; page 2's, which has the charts, to the least.
const tenPt = {};
async function calibrate() {
  if (tenPt.any) return;
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.url);
  const font = await page.evaluate(() => getComputedStyle(document.documentElement).fontFamily);
  await page.goto("about:blank");
  // The charts' text at 10 pt: 40/3 CSS pixels in an SVG drawn at its own size.
  const svg = (family) => `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40" viewBox="0 0 400 40"><text x="2" y="25" style="font-size:${40 / 3}px;font-family:${family}">Calibration gyp 10 pt</text></svg>`;
  await page.setContent(`<html><body style="margin:0">
    <p style="font: 10pt ${font.replace(/"/g, "'")}">Calibration gyp 10 pt</p>
    <p style="font: bold 10pt ${font.replace(/"/g, "'")}">Calibration gyp 10 pt</p>
    ${svg("sans-serif")}</body></html>`);
  const file = path.join(dir, "calibration.pdf");
  writeFileSync(file, await page.pdf({ width: "210mm", height: "100mm" }));
  await context.close();
  const hs = words(file).map((w) => w.height);
  assert.equal(hs.length, 12, "calibration words: " + hs.length);
  tenPt.page = Math.min(...hs.slice(0, 8));
  tenPt.any = Math.min(...hs);
  for (const h of hs) assert.ok(h > 9 && h < 14, `10 pt prints ${h} pt high`);
}

// checkPrint asserts what every briefing must be: at most two A4 landscape pages
// (most: a long one may take three), no word smaller than 10 pt, charts as vectors.
// It returns the PDF's text, and the text of each page.
async function checkPrint(file, most = 2) {
  await calibrate();
  const count = pages(file);
  assert.ok(count >= 1 && count <= most, `${count} pages`);
  const ws = words(file);
  assert.ok(ws.length > 200, `${ws.length} words`);
  const small = ws.filter((w) => w.height < (w.page === 1 ? tenPt.page : tenPt.any) * 0.99);
  assert.deepEqual(small.map((w) => `page ${w.page}: ${w.text} (${w.height.toFixed(2)})`), [],
    `words under 10 pt (${tenPt.page.toFixed(2)} high in the page's font, ${tenPt.any.toFixed(2)} in the charts')`);
  assert.deepEqual(rasters(file), [], "raster images in the briefing");
  const perPage = [];
  for (let i = 1; i <= count; i++) perPage.push(execFileSync("pdftotext", ["-raw", "-f", String(i), "-l", String(i), file, "-"]).toString().replace(/\s+/g, " "));
  return { txt: text(file), flat: flatText(file), pages: perPage };
}

const grouped = (s) => s.replace(/\B(?=(\d{3})+(?!\d))/g, ",");


// quiet waits until the recommendation and the likely range are worked out.
async function quiet(page) {
  await page.waitForFunction(() => !document.querySelector("#recommendation.updating, #uncertainty.updating, #uncertainty-progress"));
}

// proposal checks the printed proposal against the command line: the current plan's
// figures, and the recommendation's (the command line's for the recommended plan).
async function proposal(page, { flat }) {
  const scenario = await exported(page);
  const doc = cli(scenario);
  const cur = doc.currency;
  const rec = cli({ ...scenario, plan: doc.recommendation.plan.map((l) => ({ ...l, hoursPerWeek: Number(l.hoursPerWeek) })) });
  assert.ok(flat.includes("Proposal: the current plan or the recommendation"), "the proposal is not stated");
  assert.ok(flat.includes("Figure Current plan Likely range (P10 to P90) Recommendation (not applied)"), "the columns are not labelled");
  assert.equal(await page.locator("#fig-total-cost .value").innerText(), money(doc.totals.cost, cur), "the page and the command line differ");
  // Each row: the current plan's figure (the command line's), its likely range (the
  // page's: P10 to P90 of the same draws), the recommendation's (the command line's
  // for the recommended plan).
  const likely = async (id) => (await page.locator(`#likely-${id} td`).nth(1).innerText()).replace(/^(\S+) (EUR|people) to (\S+) \2$/, "$1 to $3 $2");
  const rows = [
    [`Total cost over ${doc.horizonMonths} months`, money(doc.totals.cost, cur), await likely("cost"), money(rec.totals.cost, cur)],
    ["Value", money(doc.totals.value, cur), await likely("value"), money(rec.totals.value, cur)],
    ["Net (value − cost)", money(doc.totals.net, cur), await likely("net"), money(rec.totals.net, cur)],
    ["Unique reach, average per month", people(doc.totals.averageMonthlyReach) + " people", await likely("reach"), people(rec.totals.averageMonthlyReach) + " people"],
  ];
  for (const r of rows) {
    assert.match(r[2], /^\S+ to \S+ (EUR|people)$/);
    assert.ok(flat.includes(r.join(" ")), "the printed row is not " + r.join(" | "));
  }
  const must = (await page.locator("#must-be-true").innerText()).trim();
  assert.ok(flat.includes(must), "what would have to be true: " + must);
  return { doc, rec, flat };
}

test("the default scenario's briefing: two pages, 10 pt or more, the proposal side by side, vector charts", async (t) => {
  const { page, seen } = await env.open(t);
  await quiet(page);
  const printed = await checkPrint(await pdf(page));
  const { flat } = await proposal(page, printed);
  for (const want of ["Results: Mid-size embassy, US adults (example)", "What the result depends on", "Likely range: in the middle 80% of 2,000 draws",
    "Assumptions", "Reaching 1,000 people of the target audience is worth 10.00 EUR.", "Sources", "Who uses each platform: Pew Research Center",
    "Why these platforms: without YouTube"]) {
    assert.ok(flat.includes(want), "the briefing lacks " + want);
  }
  assert.ok(!flat.includes("Compare scenarios"), "a comparison with one scenario");
  assert.ok(!flat.includes("Audience size"), "the briefing prints the input form");
  // The charts' own text is in the PDF: their titles and source lines.
  for (const id of ["chart-fit", "chart-cost"]) {
    const title = await page.evaluate((id) => window.roiCharts.option(id).title[0].text, id);
    assert.ok(flat.includes(title), "the chart is not printed: " + title);
  }
  assert.deepEqual(seen.errors, []);
});

test("a briefing with the recommendation applied proposes it", async (t) => {
  const { page } = await env.open(t);
  await page.click("#apply-recommendation");
  await page.waitForSelector("#apply-note");
  await quiet(page);
  const flat = (await checkPrint(await pdf(page))).flat;
  assert.ok(flat.includes("Proposed: the recommended plan"), "the applied recommendation is not the proposal");
  assert.ok(!flat.includes("not applied"));
  const doc = cli(await exported(page));
  assert.ok(flat.includes(`Total cost over 12 months ${money(doc.totals.cost, doc.currency)}`), "the proposal's cost");
});

test("with two kept scenarios the briefing compares them, in two pages", async (t) => {
  const { page, seen } = await env.open(t);
  await page.click("#copy-scenario");
  await page.fill("#f-name", "Worth more per 1,000");
  await page.fill("#f-valuePer1000", "20");
  await page.waitForSelector("#compare-table");
  await quiet(page);
  const printed = await checkPrint(await pdf(page));
  const { flat } = await proposal(page, printed);
  assert.ok(flat.includes("Compare scenarios"), "no comparison");
  for (const name of ["Mid-size embassy, US adults (example)", "Worth more per 1,000 (being edited)"]) {
    assert.ok(flat.includes(name), "the comparison lacks " + name);
  }
  // The comparison's key figures chart is printed (instead of the scenario's).
  for (const id of ["chart-compare-key"]) {
    const title = await page.evaluate((id) => window.roiCharts.option(id).title[0].text, id);
    assert.ok(flat.includes(title), "the comparison chart is not printed: " + title);
  }
  // Every figure of the page's comparison table is printed, row by row.
  const cells = await page.locator("#compare-table tbody tr").evaluateAll((trs) => trs.map((tr) =>
    [...tr.children].map((c) => c.firstChild ? c.firstChild.textContent.trim() : c.textContent.trim())));
  for (const r of cells) {
    for (const c of r.slice(1)) if (c !== "—") assert.ok(flat.includes(c), `comparison cell ${c} (${r[0]}) not printed`);
  }
  assert.deepEqual(seen.errors, []);
});

test("scenarios on demographics of different measures: the printed comparison says so", async (t) => {
  const { page } = await env.open(t);
  await page.click("#copy-scenario");
  await page.selectOption("#f-dataset", "reuters-dnr-2025");
  await page.waitForSelector("#compare-measures");
  await quiet(page);
  const flat = (await checkPrint(await pdf(page))).flat;
  assert.ok(flat.includes("measure different things"), "the briefing does not flag the comparison across measures");
});

test("a long scenario (news-use survey, six platforms, a long name) still prints on two pages", async (t) => {
  const { page, seen } = await env.open(t);
  await page.selectOption("#f-dataset", "reuters-dnr-2025");
  await page.fill("#f-name", "Embassy outreach to young professionals in the capital and the three largest regional cities");
  for (const p of ["Facebook", "YouTube", "Instagram", "WhatsApp", "TikTok", "X (Twitter)"]) {
    await page.getByLabel(`Hours per week of Digital officer on ${p}`).fill("4");
  }
  await quiet(page);
  const printed = await checkPrint(await pdf(page));
  const { flat } = await proposal(page, printed);
  assert.ok(flat.includes("Who uses each platform: Reuters Institute Digital News Report 2025"));
  assert.ok(flat.includes("Digital officer: Facebook 4, Instagram 4, X (Twitter) 4, YouTube 4, WhatsApp 4, TikTok 4 (h/week)"), "the plan");
  assert.deepEqual(seen.errors, []);
});

// Three roles make the plan's cells and the assumptions long: the text runs onto a
// second page and the comparison takes a third, each part whole.
test("a scenario of three roles, a benefit and seven platforms: the proposal whole on page 1, the comparison together on the last", async (t) => {
  const { page, seen } = await env.open(t);
  const s = { ...defaultScenario(), name: "Regional hub: three roles, seven platforms" };
  s.staff = [
    { role: "Digital officer", annualSalary: "52000", hoursPerWeek: 30 },
    { role: "Press attaché", hourlyCost: "48", hoursPerWeek: 12 },
    { role: "Local assistant", annualSalary: "31000", hoursPerWeek: 20 },
  ];
  const ids = ["facebook", "instagram", "x", "website", "youtube", "linkedin", "tiktok"];
  s.plan = ids.map((p, i) => ({ platform: p, role: s.staff[i % 3].role, hoursPerWeek: 3 + (i % 3) }));
  s.benefits = [{ name: "Consular enquiries answered online", amountPerMonth: "400", ramped: true }];
  await page.setInputFiles("#import-json", { name: "hub.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(s)) });
  await page.waitForFunction((n) => document.querySelector("#f-name").value === n, s.name);
  await quiet(page);
  const printed = await checkPrint(await pdf(page), 3);
  // The proposal's figures, as the command line gives them, on page 1.
  await proposal(page, { flat: printed.pages[0] });
  assert.ok(printed.pages[0].includes("Local assistant: X (Twitter) 5, LinkedIn 5 (h/week)"), "the third role's plan is not on page 1");
  assert.ok(printed.pages[0].includes("What the result depends on"), "what the result depends on is not on page 1");
  assert.ok(printed.flat.includes("Consular enquiries answered online: worth 400.00 EUR a month"), "the benefit is not in the briefing");
  // The imported scenario is kept beside the default: the last page compares them.
  const charts = ["Compare scenarios", "Key figures per scenario"];
  const last = printed.pages[printed.pages.length - 1];
  for (const title of charts) {
    assert.ok(last.includes(title), `the chart "${title}" is not on the last page`);
    assert.ok(!printed.pages.slice(0, -1).some((p) => p.includes(title)), `the chart "${title}" begins before the last page`);
  }
  assert.deepEqual(seen.errors, []);
});

test("a briefing printed while the form has problems is marked out of date", async (t) => {
  const { page } = await env.open(t);
  await quiet(page);
  await page.fill("#f-horizonMonths", "0");
  await page.waitForSelector("#out-of-date");
  const flat = (await checkPrint(await pdf(page))).flat;
  assert.ok(flat.includes("Out of date: fix 1 problem."), "no out-of-date mark");
  assert.ok(flat.includes(grouped("56519.89") + " EUR"), "the last results without problems");
});

test("a comparison of large amounts prints whole beside its chart", async (t) => {
  const { page, seen } = await env.open(t);
  // Yen: figures of eight digits, and differences beside them.
  const s = { ...defaultScenario(), name: "Tokyo outreach 東京", currency: "JPY",
    staff: [{ role: "Digital officer", hourlyCost: "6500", hoursPerWeek: 30 }], valuePer1000: "1500",
    ranges: { valuePer1000: { low: "800", high: "3000" } } };
  await page.setInputFiles("#import-json", { name: "tokyo.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(s)) });
  await page.waitForFunction(() => document.getElementById("f-name").value === "Tokyo outreach 東京");
  await page.click("#copy-scenario");
  await page.fill("#f-name", "Tokyo outreach, worth more per 1,000");
  await page.fill("#f-valuePer1000", "2500");
  await page.waitForSelector("#compare-table .diff");
  await quiet(page);
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 1062, height: 750 }); // A4 landscape within its 8 mm margins
  const fit = await page.evaluate(() => {
    const table = document.getElementById("compare-table");
    const chart = document.getElementById("chart-compare-key").closest("figure");
    return { table: table.getBoundingClientRect().right, room: table.parentElement.getBoundingClientRect().right, chart: chart.getBoundingClientRect().left };
  });
  assert.ok(fit.table <= fit.room + 0.5 && fit.table <= fit.chart, `the printed comparison table ends at ${fit.table} px, its column at ${fit.room} px, the chart beside it starts at ${fit.chart} px`);
  const diff = await page.locator("#compare-table .diff").first().evaluate((d) => d.firstChild.textContent);
  assert.match(diff, /^[+−][\d,]+\.\d\d JPY$/);
  assert.ok(flatText(await pdf(page)).includes(diff), "the briefing lacks the difference " + diff);
  assert.deepEqual(seen.errors, []);
});

test("a proposal in rupiah prints every figure inside its table, within the page", async (t) => {
  const { page, seen } = await env.open(t);
  // Rupiah: figures of ten digits before the decimals.
  const s = { ...defaultScenario(), name: "Jakarta outreach", currency: "IDR",
    staff: [{ role: "Digital officer", hourlyCost: "950000", hoursPerWeek: 30 }], valuePer1000: "150000",
    ranges: { valuePer1000: { low: "80000", high: "300000" } } };
  await page.setInputFiles("#import-json", { name: "jakarta.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(s)) });
  await page.waitForFunction(() => document.getElementById("f-name").value === "Jakarta outreach");
  await quiet(page);
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 1062, height: 750 }); // A4 landscape within its 8 mm margins
  const out = await page.evaluate(() => {
    const table = document.getElementById("brief-figures").getBoundingClientRect();
    const over = [...document.querySelectorAll("#brief-figures td")].filter((td) => td.scrollWidth > td.clientWidth + 1)
      .map((td) => td.textContent.trim());
    return { table: table.right, width: document.documentElement.clientWidth, over };
  });
  assert.ok(out.table <= out.width, `the proposal's table ends at ${out.table} px, the page at ${out.width} px`);
  assert.deepEqual(out.over, [], "figures wider than their cells");
  assert.deepEqual(seen.errors, []);
});
