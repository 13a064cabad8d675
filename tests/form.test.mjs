// Browser tests of the form's shape changing under a person's hands: cost modes
// switched back and forth, roles added and removed, demographics switched and undone,
// always typing into the field now shown, then checking the exported scenario and
// the figures field by field against the command line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { root, ready, cli, money, people, browserSession, exported } from "./harness.mjs";

const env = browserSession();

const figure = (page, id) => page.locator(`#fig-${id} .value`).innerText();
const quiet = (page) => page.waitForFunction(() => !document.querySelector(".stale-notice"));

// exported downloads the scenario as "Export JSON" gives it.

// matchesCLI checks the page's headline figures against the command line's results for
// the exported scenario.
async function matchesCLI(page, scenario) {
  const doc = cli(scenario);
  const cur = doc.currency;
  assert.equal(await figure(page, "total-cost"), money(doc.totals.cost, cur));
  assert.equal(await figure(page, "value"), money(doc.totals.value, cur));
  assert.equal(await figure(page, "reach"), people(doc.totals.averageMonthlyReach) + " people");
  return doc;
}

test("switching the cost mode back and forth keeps each typed value in its own field", async (t) => {
  const { page, seen } = await env.open(t);
  const mode = page.getByLabel("Cost given as").first();
  await mode.selectOption("salary");
  // An emptied salary is one problem, at the salary, not also at the hourly cost not shown.
  await page.getByLabel("Annual salary (EUR per year)").fill("");
  await page.waitForSelector("#out-of-date");
  const problems = await page.locator("#out-of-date").innerText();
  assert.match(problems, /Out of date: fix 1 problem\./);
  assert.match(problems, /Digital officer: annual salary: is empty/);
  await page.getByLabel("Annual salary (EUR per year)").fill("90000");
  await mode.selectOption("hourly");
  await page.getByLabel("Loaded hourly cost (EUR per hour)").fill("45");
  await quiet(page);
  let s = await exported(page);
  assert.equal(s.staff[0].hourlyCost, "45");
  assert.equal(s.staff[0].annualSalary, undefined);
  await matchesCLI(page, s);
  await mode.selectOption("salary");
  assert.equal(await page.getByLabel("Annual salary (EUR per year)").inputValue(), "90000");
  await quiet(page);
  s = await exported(page);
  assert.equal(s.staff[0].annualSalary, "90000");
  assert.equal(s.staff[0].hourlyCost, undefined);
  const doc = await matchesCLI(page, s);
  // 90,000 a year, loaded, is not 90,000 an hour: the rate is about 76 EUR.
  assert.ok(Number(doc.totals.cost) < 200000, `total cost ${doc.totals.cost}`);
  await mode.selectOption("hourly");
  assert.equal(await page.getByLabel("Loaded hourly cost (EUR per hour)").inputValue(), "45");
  assert.deepEqual(seen.errors, []);
});

test("roles added and removed: every input stays bound to its own role", async (t) => {
  const { page, seen } = await env.open(t);
  await page.click("#add-role");
  await page.fill("#f-staff-1-role", "Press attaché");
  await page.selectOption("#f-staff-1-mode", "salary");
  await page.fill("#f-staff-1-annualSalary", "90000");
  await page.fill("#f-staff-1-hoursPerWeek", "6");
  await page.getByLabel("Hours per week of Press attaché on YouTube").fill("3");
  await quiet(page);
  let s = await exported(page);
  assert.equal(s.staff.length, 2);
  assert.deepEqual(s.plan.find((l) => l.platform === "youtube"), { platform: "youtube", role: "Press attaché", hoursPerWeek: 3 });
  await matchesCLI(page, s);
  // Switching the second role to hourly shows its own hourly cost again (40, as the
  // role was added), not the salary typed meanwhile; emptying it is its own problem.
  await page.selectOption("#f-staff-1-mode", "hourly");
  assert.equal(await page.locator("#f-staff-1-hourlyCost").inputValue(), "40");
  await page.locator("#f-staff-1-hourlyCost").fill("");
  await page.waitForSelector("#f-staff-1-hourlyCost-error");
  assert.match(await page.locator("#out-of-date").innerText(), /Press attaché: hourly cost/);
  await page.locator("#f-staff-1-hourlyCost").fill("38");
  await quiet(page);
  assert.equal(await page.inputValue("#f-staff-0-annualSalary"), "52000", "the first role's salary changed");
  // Remove the first role: the press attaché's fields and plan move up, and typing
  // into them edits the press attaché.
  await page.getByRole("button", { name: "Remove Digital officer" }).click();
  await page.waitForSelector("#f-plan-youtube-1", { state: "detached" }); // as a person sees the column go
  await page.getByLabel("Hours per week of Press attaché on YouTube").fill("4");
  await page.fill("#f-staff-0-hoursPerWeek", "10");
  await quiet(page);
  s = await exported(page);
  assert.equal(s.staff.length, 1);
  assert.equal(s.staff[0].role, "Press attaché");
  assert.equal(s.staff[0].hourlyCost, "38");
  assert.equal(s.staff[0].hoursPerWeek, 10);
  assert.deepEqual(s.plan, [{ platform: "youtube", role: "Press attaché", hoursPerWeek: 4 }]);
  await matchesCLI(page, s);
  assert.deepEqual(seen.errors, []);
});

test("benefits and maturity points added and removed: every input stays bound to its own line", async (t) => {
  const { page, seen } = await env.open(t);
  for (let i = 0; i < 3; i++) await page.click("#add-benefit");
  await page.waitForSelector("#f-benefits-2-amountPerMonth");
  await page.fill("#f-benefits-0-amountPerMonth", "100");
  await page.fill("#f-benefits-1-name", "Calls answered");
  await page.fill("#f-benefits-1-amountPerMonth", "200");
  await page.fill("#f-benefits-2-amountPerMonth", "300");
  // Remove the first line: the others move up, and typing edits the line now shown.
  await page.getByRole("button", { name: "Remove benefit 1" }).click();
  await page.waitForSelector("#f-benefits-2-amountPerMonth", { state: "detached" });
  assert.equal(await page.inputValue("#f-benefits-0-name"), "Calls answered");
  await page.fill("#f-benefits-0-amountPerMonth", "250");
  await page.uncheck("#f-benefits-1-ramped");
  // A point added to the default curve, then its second point removed.
  await page.click("#add-point");
  await page.waitForSelector("#f-maturity-3-month");
  const added = await page.inputValue("#f-maturity-3-month");
  await page.getByRole("button", { name: "Remove point 2" }).click();
  await page.waitForSelector("#f-maturity-3-month", { state: "detached" });
  assert.equal(await page.inputValue("#f-maturity-1-month"), "12");
  await page.fill("#f-maturity-1-factor", "0.9");
  await page.fill("#f-maturity-2-factor", "0.95");
  await quiet(page);
  const s = await exported(page);
  assert.deepEqual(s.benefits.map((b) => [b.name, b.amountPerMonth, Boolean(b.ramped)]),
    [["Calls answered", "250", true], ["Benefit 3", "300", false]]);
  assert.deepEqual(s.maturity.map((a) => [Number(a.month), Number(a.factor)]), [[0, 0.1], [12, 0.9], [Number(added), 0.95]]);
  await matchesCLI(page, s);
  assert.deepEqual(seen.errors, []);
});

test("switching demographics keeps the plan both datasets have, says what it dropped, and undoes", async (t) => {
  const { page, seen } = await env.open(t);
  await page.fill("#f-plan-flickr-0", "1");
  await quiet(page);
  const before = await exported(page);
  await page.selectOption("#f-dataset", "reuters-dnr-2025");
  await page.waitForSelector("#switch-notice");
  assert.match(await page.locator("#switch-notice").innerText(), /Plan hours on platforms the new dataset does not have: .*Flickr/);
  await page.getByLabel("Hours per week of Digital officer on YouTube").fill("5");
  await quiet(page);
  const after = await exported(page);
  const hours = (s, p) => s.plan.filter((l) => l.platform === p).map((l) => l.hoursPerWeek);
  assert.deepEqual(hours(after, "facebook"), hours(before, "facebook"), "Facebook's hours changed");
  assert.deepEqual(hours(after, "youtube"), [5]);
  assert.deepEqual(hours(after, "flickr"), []);
  await matchesCLI(page, after);
  await page.selectOption("#f-dataset", "pew-us-2023");
  await page.click("#undo-switch");
  await page.waitForFunction(() => document.querySelector("#f-dataset").value === "reuters-dnr-2025");
  await quiet(page);
  const back = await exported(page);
  assert.equal(back.dataset, "reuters-dnr-2025", "undo went back too far");
  assert.deepEqual(hours(back, "youtube"), [5]);
  assert.deepEqual(seen.errors, []);
});

test("export and share say why they wait while the form has problems; the print carries an out-of-date mark", async (t) => {
  const { page, seen } = await env.open(t);
  await page.fill("#f-horizonMonths", "0");
  await page.waitForSelector("#out-of-date");
  const notice = (re) => page.waitForFunction((re) => new RegExp(re).test(document.querySelector("#notice")?.innerText || ""), re.source);
  await page.click("#export-json");
  await notice(/not exported: its form has 1 problem/);
  await page.click("#share");
  await notice(/not shared/);
  assert.equal(await page.locator("#share-link").count(), 0);
  await page.click("#apply-recommendation");
  await page.waitForSelector("#apply-note");
  assert.match(await page.locator("#apply-note").innerText(), /cannot be applied while the form has 1 problem/);
  await page.emulateMedia({ media: "print" });
  assert.ok(await page.locator("#out-of-date").isVisible(), "the out-of-date mark does not print");
  assert.match(await page.locator("#out-of-date").innerText(), /Out of date: fix 1 problem/);
  await page.emulateMedia({ media: "screen" });
  // A problem's link moves the focus to its field.
  await page.locator("#out-of-date a").first().click();
  assert.equal(await page.evaluate(() => document.activeElement.id), "f-horizonMonths");
  assert.deepEqual(seen.errors, []);
});

test("a scenario carrying its own dataset opens from a link and survives a reload", async (t) => {
  const { page: a } = await env.open(t);
  const ds = JSON.parse(readFileSync(path.join(root, "calc", "data", "reuters-dnr-2025.dataset.json"), "utf8"));
  ds.id = "embassy-survey-2026";
  ds.title = "Embassy's own survey";
  const scenario = { format: "platform-roi-scenario", version: 1, name: "Inline survey", currency: "EUR",
    audience: { size: 300000, weights: { all: 1 } }, datasetInline: ds, objective: "reach",
    staff: [{ role: "Officer", hourlyCost: "40", hoursPerWeek: 10 }],
    plan: [{ platform: "youtube", role: "Officer", hoursPerWeek: 6 }] };
  const payload = await a.evaluate(async (json) => {
    const cs = new CompressionStream("deflate-raw");
    const w = cs.writable.getWriter(); w.write(new TextEncoder().encode(json)); w.close();
    const buf = new Uint8Array(await new Response(cs.readable).arrayBuffer());
    let s = ""; for (const b of buf) s += String.fromCharCode(b);
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }, JSON.stringify(scenario));
  const { page: b, seen } = await env.open(t, { url: new URL("/#s=" + payload, new URL(a.url())).href, wait: false });
  await ready(b);
  assert.match(await b.locator("#notice").innerText(), /as a new scenario/);
  assert.match(await b.locator("#f-dataset option:checked").innerText(), /carried by this scenario/);
  const doc = await matchesCLI(b, scenario);
  assert.equal(doc.dataset.id, "embassy-survey-2026");
  await b.reload();
  await ready(b);
  assert.match(await b.locator("#f-dataset option:checked").innerText(), /carried by this scenario/);
  assert.equal(await figure(b, "total-cost"), money(doc.totals.cost, "EUR"));
  const s = await exported(b);
  assert.equal(s.datasetInline.id, "embassy-survey-2026");
  assert.equal(s.objective, "reach", "an explicit objective came back as the default");
  assert.deepEqual(seen.errors, []);
});


test("keyboard and screen reader: skip link, chart text, presets of an imported dataset", async (t) => {
  const { page, seen } = await env.open(t);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Skip to the results");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "results");
  // The chart's accessible name is the page's own summary, not ECharts' generated text.
  const summary = await page.locator("#chart-cost-caption .chart-summary").innerText();
  const label = await page.locator("#chart-cost").getAttribute("aria-label");
  assert.ok(label.endsWith(summary), `aria-label ${label} is not the summary ${summary}`);
  assert.ok(!/This is a chart about/.test(label), "ECharts' generated description is used");
  // No explanation only in a title tooltip, which keyboard and touch cannot reach.
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll("[title]")].map((e) => e.outerHTML.slice(0, 80))), []);
  // Presets of an imported dataset set weights, never blank them.
  const csv = "# id: ke-2024\n# title: Kenya 2024\n# source: A survey\n# year: 2024\n# measure: Share of adults using it\nplatform,18-34,35-54,55+\nfacebook,0.6,0.5,0.3\nyoutube,90%,70%,40%\n";
  await page.setInputFiles("#import-csv", { name: "ke.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.waitForSelector("#imported-datasets");
  await page.selectOption("#f-dataset", "ke-2024");
  for (const preset of ["Young adults (18-34)", "Older adults", "General public"]) {
    await page.getByRole("button", { name: preset }).click();
    await page.waitForFunction(() => !document.querySelector(".stale-notice"));
    const weights = await page.locator(".segment input").evaluateAll((els) => els.map((e) => e.value));
    assert.ok(weights.some((w) => Number(w) > 0), `${preset} left the weights ${weights}`);
  }
  assert.deepEqual(seen.errors, []);
});

test("the host country first: its datasets are offered, switching between them keeps the plan", async (t) => {
  const { page, seen } = await env.open(t);
  await page.getByLabel("Host country or region").fill("Kenya");
  await page.getByLabel("Host country or region").press("Enter");
  await page.waitForFunction(() => /Kenya: \d+ datasets listed first/.test(document.querySelector("#country-found")?.innerText || ""));
  const group = await page.locator('#f-dataset optgroup[label="The host country"] option').evaluateAll((os) => os.map((o) => o.value));
  assert.ok(group.length >= 2, `Kenya's datasets: ${group}`);
  const planBefore = (await exported(page)).plan;
  for (const id of group.slice(0, 2)) {
    await page.selectOption("#f-dataset", id);
    await page.waitForFunction(() => !document.querySelector(".stale-notice"));
    const s = await exported(page);
    assert.equal(s.dataset, id);
    const kept = planBefore.filter((l) => s.plan.some((m) => m.platform === l.platform && m.hoursPerWeek === l.hoursPerWeek));
    assert.ok(kept.length > 0, `no plan line kept on ${id}`);
    await matchesCLI(page, s);
  }
  assert.match(await page.locator(".dataset-info").innerText(), /Kenya/);
  // A country no dataset describes is said plainly.
  await page.getByLabel("Host country or region").fill("Atlantis");
  await page.getByLabel("Host country or region").press("Enter");
  await page.waitForFunction(() => /No dataset describes "Atlantis" yet/.test(document.querySelector("#country-found")?.innerText || ""));
  assert.deepEqual(seen.errors, []);
});

test("what the result depends on: worked out after typing, marked while it updates, the command line's figures", async (t) => {
  const { page, seen } = await env.open(t);
  await page.waitForSelector("#likely-range");
  await page.evaluate(() => {
    window.__busy = false;
    new MutationObserver((records) => {
      // It was marked busy if it later stops being busy (records are read in a batch).
      for (const r of records) if (r.target.id === "uncertainty" && r.oldValue === "true") window.__busy = true;
    }).observe(document.body, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ["aria-busy"] });
  });
  await page.fill("#f-audience-size", "2000000");
  // The figures change first; the likely range follows, marked as updating meanwhile.
  await page.waitForFunction(() => window.__busy && document.querySelector('#uncertainty[aria-busy="false"]'));
  const s = await exported(page);
  const doc = cli(s);
  const net = doc.uncertainty.simulation.net;
  assert.match(await page.locator("#likely-net-text").innerText(), new RegExp(`${money(net.p10, "EUR").replace(/[.]/g, "\\.")} to ${money(net.p90, "EUR").replace(/[.]/g, "\\.")}`));
  assert.match(await page.locator("#must-be-true").innerText(), new RegExp(money(doc.uncertainty.switching.valuePer1000ForBreakEven, "EUR").replace(/[.]/g, "\\.")));
  const tornado = await page.evaluate(() => window.roiCharts.option("chart-tornado"));
  // Inputs that do not move the net value are left to the view of reach.
  assert.equal(tornado.yAxis[0].data.length, Math.min(10, doc.uncertainty.sensitivity.filter((x) => x.netAtLow !== x.netAtHigh).length));
  assert.equal(tornado.yAxis[0].data.at(-1), "Value per 1,000 people reached");
  // A range typed for an input is the scenario's own (the list's Change opens it in the form).
  await page.click("#ranges summary");
  await page.getByRole("button", { name: "Change the range of Facebook: reach rate" }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), "f-ranges-platforms-facebook-reachRate-low");
  await page.fill("#f-ranges-platforms-facebook-reachRate-low", "0.01");
  await page.fill("#f-ranges-platforms-facebook-reachRate-high", "0.08");
  await page.waitForFunction(() => !document.querySelector(".stale-notice") && !document.querySelector('#uncertainty[aria-busy="true"]'));
  const s2 = await exported(page);
  assert.deepEqual(s2.ranges.platforms.facebook.reachRate, { low: 0.01, high: 0.08 });
  assert.deepEqual(seen.errors, []);
});
