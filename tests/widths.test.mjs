// The page from 320 to 1920 px wide, with two scenarios that differ: nothing makes the
// page scroll sideways, no table has an empty band under its header row (a header cell
// shorter than the row's tallest sits on the rule above the figures), and the
// comparison's columns fit its box from 640 px up (the difference under each figure
// repeated the other scenario's whole name on one line, which pushed the scenario
// being edited out of view; its four-line name left a band of 60 px under the others).
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSession, settled } from "./harness.mjs";

const env = browserSession();
const widths = [320, 360, 390, 480, 640, 768, 1024, 1280, 1440, 1600, 1920];

// layout measures, at the current width, what runs out of the page and every table's
// header band and fit.
function layout() {
  const doc = document.documentElement;
  const tables = [...document.querySelectorAll("table")].filter((t) => t.offsetParent !== null && t.querySelector("thead th"));
  return {
    page: doc.scrollWidth - doc.clientWidth,
    tables: tables.map((t) => {
      const row = t.querySelector("thead tr").getBoundingClientRect();
      let band = 0;
      for (const th of t.querySelectorAll("thead th")) {
        if (!th.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(th);
        const text = range.getBoundingClientRect();
        const pad = parseFloat(getComputedStyle(th).paddingBottom);
        band = Math.max(band, Math.round(row.bottom - pad - text.bottom));
      }
      const box = t.closest(".scroll") || t.parentElement;
      return { id: t.id || t.querySelector("caption")?.textContent || t.className, band, over: Math.round(t.scrollWidth - box.clientWidth) };
    }),
  };
}

test("from 320 to 1920 px: no sideways page, no empty band under a table's header row, the comparison fits from 640 px", async (t) => {
  const { page, seen } = await env.open(t);
  await page.click("#copy-scenario");
  await page.waitForSelector("#compare-table");
  await page.fill("#f-staff-0-hoursPerWeek", "40");
  await page.getByLabel("Hours per week of Digital officer on YouTube").fill("5");
  await page.waitForFunction(() => document.querySelector("#compare-table .diff"));
  await settled(page);
  const problems = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    const m = await page.evaluate(layout);
    if (m.page > 0) problems.push(`${width} px: the page scrolls ${m.page} px sideways`);
    assert.ok(m.tables.some((x) => x.id === "compare-table"), `${width} px: no comparison table`);
    for (const x of m.tables) {
      if (x.band > 4) problems.push(`${width} px: ${x.id}: ${x.band} px empty under a header`);
      if (x.id === "compare-table" && width >= 640 && x.over > 0) problems.push(`${width} px: the comparison is ${x.over} px wider than its box`);
    }
  }
  assert.deepEqual(problems, []);
  // The difference still says against which scenario, for a screen reader.
  assert.match(await page.locator("#compare-table tbody tr").first().locator("td").first().textContent(), /vs Copy of Mid-size embassy/);
  assert.deepEqual(seen.errors, []);
});

// Text typed without spaces wraps inside its column wherever it shows: a currency
// code typed wrong is quoted in its problem and named in the labels of every amount
// ("Annual salary (https://example.org/… per year)"); the share link's box fits a
// phone. At 320 px these made the page 530 px and 357 px wide.
test("at 320 and 390 px, long typed text and the share link stay inside the page", async (t) => {
  const { page, seen } = await env.open(t);
  const problems = [];
  const measure = async (what) => {
    for (const width of [320, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(150);
      const m = await page.evaluate(layout);
      if (m.page > 0) problems.push(`${width} px, ${what}: the page scrolls ${m.page} px sideways`);
    }
  };
  await page.click("#share");
  await page.waitForSelector("#share-link");
  await measure("the share link");
  await page.fill("#f-currency", "https://example.org/a/very/long/address/without/spaces");
  await page.waitForSelector("#f-currency-error");
  await measure("a long currency");
  assert.deepEqual(problems, []);
  assert.deepEqual(seen.errors, []);
});
