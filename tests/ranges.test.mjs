// Browser tests of ranges typed beside their inputs, as a person does it: by the
// field's label and the keyboard, checking the range shown, the likely range and the
// tornado chart against the command line, the range kept through export, import, a
// share link and a reload, a bad range refused beside its field; and the tornado's
// switch to reach.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ready, cli, money, people, browserSession, exported } from "./harness.mjs";

const env = browserSession();

const settled = (page) => page.waitForFunction(() => !document.querySelector(".stale-notice") &&
  document.querySelector('#uncertainty[aria-busy="false"]') && !document.querySelector("#uncertainty-progress"));


const summary = (page, input) => page.locator(`details[data-input="${input}"] > summary`);
const likely = (page, id) => page.locator(`#fig-${id} .likely`).innerText();
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// The tornado's bars are changes from the net value (or reach) in use, largest at the top.
function bars(option) {
  const names = option.yAxis[0].data;
  return names.map((n, i) => ({ name: n, low: option.series[0].data[i], high: option.series[1].data[i] }))
    .map((b) => ({ ...b, low: typeof b.low === "object" ? b.low.value : b.low, high: typeof b.high === "object" ? b.high.value : b.high }));
}

test("a range typed beside its input is used, shown, and kept through export, import, a link and a reload", async (t) => {
  const { page, seen } = await env.open(t);
  await settled(page);
  const fb = "platforms.facebook.reachRate";
  // Before: the default relative range of an assumption.
  assert.match(await summary(page, fb).innerText(), /0\.015 to 0\.06\s+default −50 %, \+100 %/);
  const valueBefore = await likely(page, "value");
  const tornadoBefore = bars(await page.evaluate(() => window.roiCharts.option("chart-tornado")));

  // Opened and typed with the keyboard: Enter on the summary, Tab to the low end.
  await summary(page, fb).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-label")), "Facebook: reach rate, low end (share per month)");
  await page.keyboard.type("0.005");
  await page.getByLabel("Facebook: reach rate, high end").fill("0.2");
  await settled(page);
  assert.match(await summary(page, fb).innerText(), /0\.005 to 0\.2\s+your range/);

  const s = await exported(page);
  assert.deepEqual(s.ranges.platforms.facebook.reachRate, { low: 0.005, high: 0.2 });
  const doc = cli(s);
  // The likely range beside the headline figures is the command line's for the typed range.
  const sim = doc.uncertainty.simulation;
  assert.equal(await likely(page, "value"), `likely ${money(sim.value.p10, "EUR")} to ${money(sim.value.p90, "EUR")}`);
  assert.notEqual(await likely(page, "value"), valueBefore);
  assert.equal(await likely(page, "reach"), `likely ${people(sim.averageMonthlyReach.p10)} people to ${people(sim.averageMonthlyReach.p90)} people`);
  // So is the tornado: Facebook's reach rate at the top, its ends the command line's.
  const tornado = bars(await page.evaluate(() => window.roiCharts.option("chart-tornado")));
  const top = doc.uncertainty.sensitivity[0];
  assert.equal(top.input, fb);
  assert.equal(tornado[tornado.length - 1].name, "Facebook: reach rate");
  const net = Number(doc.totals.net);
  assert.ok(Math.abs(tornado.at(-1).low - (Number(top.netAtLow) - net)) < 0.01, `low end ${tornado.at(-1).low}`);
  assert.ok(Math.abs(tornado.at(-1).high - (Number(top.netAtHigh) - net)) < 0.01, `high end ${tornado.at(-1).high}`);
  assert.notDeepEqual(tornado, tornadoBefore);
  // The list under the results says where it comes from.
  await page.click("#ranges summary");
  assert.match(await page.locator('#ranges tr[data-input="platforms.facebook.reachRate"]').innerText(), /0\.0050\s+0\.2000\s+this scenario/);

  // Exported and imported into a fresh page: the range is back beside its field.
  const other = await env.open(t);
  await other.page.setInputFiles("#import-json", { name: "in.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(s)) });
  await settled(other.page);
  assert.equal(await other.page.getByLabel("Facebook: reach rate, low end").inputValue(), "0.005");
  assert.equal(await other.page.getByLabel("Facebook: reach rate, high end").inputValue(), "0.2");
  assert.equal(await likely(other.page, "value"), await likely(page, "value"));
  await other.context.close();

  // A share link opened elsewhere.
  await page.click("#share");
  await page.waitForSelector("#share-link");
  const link = await page.inputValue("#share-link");
  const shared = await env.open(t, { url: link });
  await shared.page.waitForFunction(() => document.querySelector('details[data-input="platforms.facebook.reachRate"]')?.open);
  await settled(shared.page);
  assert.equal(await shared.page.getByLabel("Facebook: reach rate, high end").inputValue(), "0.2");
  assert.deepEqual((await exported(shared.page)).ranges, s.ranges);
  assert.deepEqual(shared.seen.errors, []);
  await shared.context.close();

  // A reload: kept in the browser.
  await page.reload();
  await ready(page);
  await settled(page);
  assert.equal(await page.getByLabel("Facebook: reach rate, low end").inputValue(), "0.005");
  assert.deepEqual((await exported(page)).ranges, s.ranges);
  assert.deepEqual(seen.errors, []);
});

test("a bad range is refused beside its field, naming it, and changes nothing else", async (t) => {
  const { page, seen } = await env.open(t);
  await settled(page);
  const fields = () => page.locator(".inputs input[type=text]").evaluateAll((els) => Object.fromEntries(els.map((e) => [e.id, e.value])));
  const before = await fields();
  const figures = await page.locator(".headline").innerText();
  // The default scenario types a range of the value per 1,000: it is shown open.
  assert.equal(await page.locator('details[data-input="valuePer1000"]').evaluate((d) => d.open), true);
  const high = page.getByLabel("Value per 1,000 people reached, high end");
  assert.equal(await high.inputValue(), "20.00");
  await high.fill("8"); // below the value in use, 10.00
  await page.waitForSelector(".stale-notice");
  const error = page.locator("#f-ranges-valuePer1000-high-error");
  assert.match(await error.innerText(), /^Value per 1,000 people reached, high end: must be at least the value in use, 10(\.00)?\b.*found 8/);
  assert.equal(await high.getAttribute("aria-invalid"), "true");
  assert.equal(await high.getAttribute("aria-describedby"), "f-ranges-valuePer1000-high-error");
  // Its disclosure is the one with the error: the message sits inside it.
  assert.equal(await page.locator('details[data-input="valuePer1000"] #f-ranges-valuePer1000-high-error').count(), 1);
  // Nothing else changed: the figures shown are the last good ones, the form the same but for the field.
  assert.equal(await page.locator(".headline").innerText(), figures);
  assert.deepEqual(await fields(), { ...before, "f-ranges-valuePer1000-high": "8" });
  // A low end above the high end (and above the value) is refused at the low end, too.
  await page.getByLabel("Value per 1,000 people reached, low end").fill("40");
  await page.waitForSelector("#f-ranges-valuePer1000-low-error");
  assert.match(await page.locator("#f-ranges-valuePer1000-low-error").innerText(), /^Value per 1,000 people reached, low end: must be at most/);
  // The problem list's link goes to the field.
  await page.locator("#out-of-date a", { hasText: "Value per 1,000 people reached, low end" }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), "f-ranges-valuePer1000-low");
  // Fixed, the range is used.
  await page.getByLabel("Value per 1,000 people reached, low end").fill("2");
  await high.fill("30");
  await settled(page);
  assert.match(await summary(page, "valuePer1000").innerText(), /Likely range: 2 to 30 EUR\s+your range/);
  const doc = cli(await exported(page));
  assert.equal(doc.uncertainty.inputs.find((i) => i.input === "valuePer1000").high, "30.00");
  assert.deepEqual(seen.errors, []);
});

test("the tornado switches to reach, with its own title, table and figures", async (t) => {
  const { page, seen } = await env.open(t);
  await settled(page);
  const doc = cli(await exported(page));
  const net = await page.evaluate(() => window.roiCharts.option("chart-tornado"));
  assert.match(net.title[0].text, /net value/);
  // By the keyboard: from the net value button, an arrow key selects reach.
  await page.getByLabel("net value", { exact: true }).focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.getByLabel("reach", { exact: true }).isChecked(), true);
  await page.waitForFunction(() => /reach/.test(window.roiCharts.option("chart-tornado").title[0].text));
  const opt = await page.evaluate(() => window.roiCharts.option("chart-tornado"));
  assert.equal(opt.title[0].text, "What moves the reach: people at each end of a range");
  assert.match(opt.title[0].subtext.replace(/\n/g, " "), new RegExp(`Scenario: ${esc(doc.scenario)}.*People reached, summed over 12 months: change from ${esc(people(doc.totals.reach))}.*Source:`));
  // The inputs that move the reach, by how much, largest at the top; none that leaves it.
  const swing = (s) => Math.abs(Math.round(Number(s.reachAtHigh) - Number(s.reachAtLow)));
  const want = doc.uncertainty.sensitivity.filter((s) => swing(s) > 0)
    .map((s, i) => ({ s, i })).sort((a, b) => swing(b.s) - swing(a.s) || a.i - b.i).slice(0, 10).map((x) => x.s);
  const got = bars(opt);
  assert.equal(got.length, want.length);
  const reach = Number(doc.totals.reach);
  want.forEach((s, i) => {
    const b = got[got.length - 1 - i];
    assert.ok(Math.abs(b.low - (Number(s.reachAtLow) - reach)) <= 1, `${b.name} low ${b.low}`);
    assert.ok(Math.abs(b.high - (Number(s.reachAtHigh) - reach)) <= 1, `${b.name} high ${b.high}`);
  });
  assert.ok(!got.some((b) => b.name === "Value per 1,000 people reached"), "the value per 1,000 does not move the reach");
  // Its text alternative and table follow.
  const fig = page.locator("figure.chart", { has: page.locator("#chart-tornado") });
  assert.match(await fig.locator(".chart-title").innerText(), /What moves the reach/);
  await fig.locator("details > summary").click();
  const rows = await fig.locator("details tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.innerText)));
  assert.equal(rows.length, want.length);
  assert.deepEqual(rows[0].slice(2), [people(want[0].reachAtLow), people(want[0].reachAtHigh)]);
  assert.match(await page.locator("#chart-tornado").getAttribute("aria-label"), /move the reach most/);
  // Exported as the view shown.
  const [png] = await Promise.all([page.waitForEvent("download"), fig.getByRole("button", { name: /^PNG: What moves the reach/ }).click()]);
  assert.match(png.suggestedFilename(), / - what moves the reach\.png$/);
  // And back.
  await page.getByLabel("net value", { exact: true }).check();
  await page.waitForFunction(() => /net value/.test(window.roiCharts.option("chart-tornado").title[0].text));
  assert.deepEqual(seen.errors, []);
});

test("a typed range keeps its own field when the form changes shape: demographics switched and undone, a platform left out of the plan", async (t) => {
  const { page, seen } = await env.open(t);
  await settled(page);
  const open = async (input) => {
    const d = page.locator(`details[data-input="${input}"]`);
    if (!(await d.evaluate((e) => e.open))) await d.locator("> summary").click();
  };
  await open("platforms.instagram.reachRate");
  await page.getByLabel("Instagram: reach rate, low end").fill("0.01");
  await page.getByLabel("Instagram: reach rate, high end").fill("0.1");
  await open("platforms.flickr.minHours");
  await page.getByLabel("Flickr: minimum hours per week, low end").fill("0.5");
  await page.getByLabel("Flickr: minimum hours per week, high end").fill("2");
  await settled(page);
  // The news dataset lists its platforms in another order and has no Flickr.
  await page.selectOption("#f-dataset", "reuters-dnr-2025");
  await page.waitForSelector("#switch-notice");
  assert.match(await page.locator("#switch-notice").innerText(), /ranges for platforms the new dataset does not have: .*Flickr/);
  await settled(page);
  assert.equal(await page.getByLabel("Instagram: reach rate, low end").inputValue(), "0.01");
  assert.equal(await page.getByLabel("Instagram: reach rate, high end").inputValue(), "0.1");
  // Undone: the ranges as they were before the switch, Flickr's included.
  await page.click("#undo-switch");
  await page.waitForFunction(() => document.querySelector("#f-dataset").value === "pew-us-2023");
  await settled(page);
  assert.equal(await page.getByLabel("Flickr: minimum hours per week, high end").inputValue(), "2");
  let s = await exported(page);
  assert.deepEqual(s.ranges.platforms.flickr, { minHours: { low: 0.5, high: 2 } });
  // Switched again, typing edits the field of the platform shown there now, not the
  // one shown there before (YouTube is first in one dataset, second in the other).
  await page.selectOption("#f-dataset", "reuters-dnr-2025");
  await page.waitForSelector("#switch-notice");
  await settled(page);
  await open("platforms.youtube.fullHours");
  await page.getByLabel("YouTube: hours per week for full effort, high end").fill("30");
  await page.getByLabel("YouTube: hours per week for full effort, low end").fill("5");
  await settled(page);
  s = await exported(page);
  assert.deepEqual(s.ranges.platforms, { instagram: { reachRate: { low: 0.01, high: 0.1 } }, youtube: { fullHours: { low: 5, high: 30 } } });
  // Instagram left out of the plan: its range stays typed (a range applies to the
  // platforms in the plan), and comes back into use with its hours.
  const hours = await page.locator("#f-plan-instagram-0").inputValue();
  await page.fill("#f-plan-instagram-0", "");
  await settled(page);
  assert.equal(await page.getByLabel("Instagram: reach rate, low end").inputValue(), "0.01");
  assert.equal(cli(await exported(page)).uncertainty.inputs.some((i) => i.input === "platforms.instagram.reachRate"), false);
  await page.fill("#f-plan-instagram-0", hours);
  await settled(page);
  const back = cli(await exported(page)).uncertainty.inputs.find((i) => i.input === "platforms.instagram.reachRate");
  assert.deepEqual([back.low, back.high, back.from], ["0.0100", "0.1000", "scenario"]);
  assert.deepEqual(seen.errors, []);
});
