// Browser tests of the form's workflows as a digital officer goes through them with
// the keyboard: scenarios copied and compared, lines removed, switches undone. What
// the page shows must be what was typed, or be marked out of date, and the focus must
// stay where the person can go on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSession } from "./harness.mjs";

const env = browserSession();

const quiet = (page) => page.waitForFunction(() => !document.querySelector(".stale-notice"));

test("a kept scenario with problems is compared with its last figures marked out of date", async (t) => {
  const { page, seen } = await env.open(t);
  await page.click("#copy-scenario");
  await page.waitForFunction(() => document.querySelectorAll("#f-scenario option").length === 2);
  await page.getByLabel("Scenario name").fill("Video push");
  await page.getByLabel("Hours per week of Digital officer on YouTube").fill("2");
  await quiet(page);
  const head = () => page.locator("#compare-table thead th").allInnerTexts();
  assert.deepEqual(await head(), ["Figure", "Mid-size embassy, US adults (example)", "Video push (being edited)"]);
  // A comma typed for a decimal point: the copy's form has a problem, and its column
  // keeps the last figures without a problem, which are no longer what the form says.
  await page.getByLabel("Hours per week of Digital officer on YouTube").fill("2,5");
  await page.waitForSelector("#out-of-date");
  assert.deepEqual(await head(), ["Figure", "Mid-size embassy, US adults (example)", "Video push (out of date: its form has problems) (being edited)"]);
  await page.getByLabel(/^Scenario \(/).selectOption({ label: "Mid-size embassy, US adults (example)" });
  await page.waitForFunction(() => /\(being edited\)/.test(document.querySelector("#compare-table thead th:nth-child(2)")?.innerText || ""));
  assert.deepEqual(await head(), ["Figure", "Mid-size embassy, US adults (example) (being edited)", "Video push (out of date: its form has problems)"]);
  const legend = await page.evaluate(() => [].concat(window.roiCharts.option("chart-compare-key").yAxis)[0].data.map((d) => d.value ?? d));
  assert.ok(legend.includes("Video push (out of date: its form has problems)"), `the comparison chart names ${legend}`);
  assert.deepEqual(seen.errors, []);
});
