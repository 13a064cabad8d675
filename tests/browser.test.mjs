// Browser tests of the built site (make site): it loads, draws its charts, updates to
// the command line's figures, keeps results on bad input, works offline, stays on its
// origin, and has no serious accessibility violations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { root, serve, watch, ready, cached, cli, defaultScenario, money, people, browserSession } from "./harness.mjs";

const env = browserSession();

// num reads a chart data item, a number or {value: number}.
const num = (d) => Number(d !== null && typeof d === "object" ? d.value : d);
const text = (page, sel) => page.locator(sel).innerText();
const figure = (page, id) => text(page, `#fig-${id} .value`);

test("the prerendered page already shows the default scenario's figures", async () => {
  const html = readFileSync(path.join(root, "dist", "index.html"), "utf8");
  const doc = cli(defaultScenario());
  assert.ok(html.includes(money(doc.totals.cost, "EUR")), "index.html lacks the total cost " + doc.totals.cost);
  assert.ok(html.includes("Data table: Share of the target audience on each platform"));
});

test("the site loads, draws every chart and matches the command line", async (t) => {
  const { page, seen } = await env.open(t);
  const doc = cli(defaultScenario());
  assert.equal(await figure(page, "total-cost"), money(doc.totals.cost, "EUR"));
  assert.equal(await figure(page, "value"), money(doc.totals.value, "EUR"));
  assert.equal(await figure(page, "reach"), people(doc.totals.averageMonthlyReach) + " people");
  for (const id of ["chart-fit", "chart-cost", "chart-cumulative", "chart-reach"]) {
    const opt = await page.evaluate((id) => window.roiCharts.option(id), id);
    assert.ok(opt && opt.series.length > 0, `${id} has no series`);
    assert.ok(opt.title[0].text.length > 0 && opt.title[0].subtext.includes(doc.scenario), `${id} lacks title or scenario name`);
    const source = ["chart-cost", "chart-cumulative"].includes(id) ? "Source: the scenario's staff costs" : "Source: Pew Research Center";
    assert.ok(opt.title[0].subtext.replace(/\n/g, " ").includes(source), `${id} lacks its source line`);
  }
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.foreign, []);
});

test("changing inputs updates numbers and charts to the command line's values", async (t) => {
  const { page, seen } = await env.open(t);
  const before = await figure(page, "total-cost");
  await page.fill("#f-audience-size", "2500000");
  await page.fill("#f-plan-facebook-0", "10");
  await page.fill("#f-plan-tiktok-0", "4");
  await page.fill("#f-valuePer1000", "12.50");
  await page.waitForFunction((b) => document.querySelector("#fig-total-cost .value").innerText !== b, before);

  const s = defaultScenario();
  s.audience.size = 2500000;
  s.valuePer1000 = "12.50";
  s.plan = [
    { platform: "facebook", role: "Digital officer", hoursPerWeek: 10 },
    { platform: "instagram", role: "Digital officer", hoursPerWeek: 6 },
    { platform: "tiktok", role: "Digital officer", hoursPerWeek: 4 },
    { platform: "x", role: "Digital officer", hoursPerWeek: 6 },
    { platform: "website", role: "Digital officer", hoursPerWeek: 4 },
  ];
  const doc = cli(s);
  assert.equal(await figure(page, "total-cost"), money(doc.totals.cost, "EUR"));
  assert.equal(await figure(page, "value"), money(doc.totals.value, "EUR"));
  assert.equal(await figure(page, "staff-cost"), `${money(doc.totals.staffCost, "EUR")} (${(Number(doc.totals.hiddenCostShare) * 100).toFixed(1)}%)`);
  assert.equal(await figure(page, "reach"), people(doc.totals.averageMonthlyReach) + " people");

  const reach = await page.evaluate(() => window.roiCharts.option("chart-reach").series[0].data);
  assert.deepEqual(reach.map(num), doc.months.map((m) => m.uniqueReach), "reach chart differs from the command line");
  const cost = await page.evaluate(() => window.roiCharts.option("chart-cost"));
  // The plan's platforms, the costliest first, with their staff time.
  const staff = cost.series.find((x) => x.name.startsWith("Staff time:")).data.map(num);
  const names = cost.yAxis[0].data.map((d) => (typeof d === "object" ? d.value : d));
  const inPlan = doc.platforms.filter((p) => p.hoursPerWeek !== "0").sort((a, b) => Number(b.cost) - Number(a.cost));
  assert.deepEqual(names, inPlan.map((p) => p.name), "cost chart's platforms differ from the command line's plan, costliest first");
  assert.deepEqual(staff, inPlan.map((p) => Number(p.staffCost)), "cost chart differs from the command line");
  const rec = await text(page, "#recommended-plan");
  for (const l of doc.recommendation.plan) assert.ok(rec.includes(`${l.hoursPerWeek} h/week by ${l.role}`), `recommendation lacks ${JSON.stringify(l)}`);
  assert.deepEqual(seen.errors, []);
});

test("an invalid value shows its message at the field and keeps the results", async (t) => {
  const { page, seen } = await env.open(t);
  const before = await figure(page, "total-cost");
  await page.fill("#f-audience-size", "lots");
  await page.waitForSelector("#f-audience-size-error");
  assert.match(await text(page, "#f-audience-size-error"), /must be a number/);
  assert.equal(await page.getAttribute("#f-audience-size", "aria-invalid"), "true");
  assert.equal(await figure(page, "total-cost"), before, "results changed on invalid input");
  assert.match(await text(page, ".stale-notice"), /Out of date/);

  await page.fill("#f-staff-0-hoursPerWeek", "5");
  await page.waitForSelector("#f-staff-0-hoursPerWeek-error");
  assert.match(await text(page, "#f-staff-0-hoursPerWeek-error"), /has 5 hours per week available, but the plan gives it 24/);

  await page.fill("#f-audience-size", "1500000");
  await page.fill("#f-staff-0-hoursPerWeek", "30");
  await page.waitForFunction(() => !document.querySelector(".stale-notice"));
  assert.equal(await figure(page, "total-cost"), before);
  assert.deepEqual(seen.errors, []);
});

test("a reload works offline once the page has been opened", async (t) => {
  const { context, page } = await env.open(t);
  await cached(page);
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  assert.match(await figure(page, "total-cost"), /EUR$/);
});

test("no serious or critical accessibility violations (axe-core)", async (t) => {
  const { page } = await env.open(t);
  await page.addScriptTag({ path: path.join(root, "node_modules", "axe-core", "axe.min.js") });
  const result = await page.evaluate(async () => axe.run(document, { resultTypes: ["violations"] }));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 2).map((n) => n.target).join(" ")}`), []);
});

test("a site built with BASE=/tools/roi/ works under that path", async (t) => {
  const sub = await serve(path.join(root, "dist-sub"), "/tools/roi/");
  t.after(() => sub.stop());
  const context = await env.browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  const seen = watch(page, new URL(sub.url).origin);
  const outside = [];
  page.on("request", (r) => { const u = new URL(r.url()); if (u.protocol === "http:" && !u.pathname.startsWith("/tools/roi/")) outside.push(u.pathname); });
  assert.ok(sub.url.endsWith("/tools/roi/"), sub.url);
  await page.goto(sub.url);
  await ready(page);
  assert.match(await figure(page, "total-cost"), /EUR$/);
  assert.deepEqual(outside, [], "requests outside the sub-path");
  assert.deepEqual(seen.errors, []);
  await cached(page);
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  assert.match(await figure(page, "total-cost"), /EUR$/);
});
