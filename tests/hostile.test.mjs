// Names typed by people or read from files are text everywhere: page, chart titles,
// legends, tooltips. This test names a scenario and a role with markup and script,
// shows every chart's tooltip, and proves that nothing ran and no element was made.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSession } from "./harness.mjs";

const env = browserSession();

const evil = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>"'&`;

test("hostile names stay text in the page, charts, legends and tooltips", async (t) => {
  const { page, seen } = await env.open(t);
  await page.click("#copy-scenario");
  await page.fill("#f-name", evil);
  await page.fill("#f-staff-0-role", evil + " officer");
  await page.waitForSelector("#compare-table");
  await page.waitForFunction(() => document.querySelector("#chart-compare-net canvas"));

  assert.ok((await page.locator("#results-h").innerText()).includes(evil), "the name is not shown as text");
  assert.ok((await page.locator("#recommended-plan").innerText()).includes(evil + " officer"));
  assert.equal(await page.locator("img[src=x]").count(), 0, "an element was created from a name");
  // Show every chart's tooltip; the comparison's names its scenarios, hostile one included.
  let shown = "";
  for (const id of ["chart-fit", "chart-cost", "chart-cumulative", "chart-reach", "chart-compare-key", "chart-compare-net"]) {
    const el = page.locator("#" + id);
    await el.scrollIntoViewIfNeeded();
    await page.evaluate((id) => window.roiCharts.option(id), id); // drawn with the latest option
    const b = await el.boundingBox();
    await page.mouse.move(b.x + b.width * 0.55, b.y + b.height * 0.55);
    await page.waitForTimeout(200);
    const tips = await page.evaluate((id) => [...document.querySelectorAll(`#${id} div`)]
      .filter((d) => d.style.position === "absolute" && d.style.display !== "none" && d.textContent.includes("__pwned"))
      .map((d) => ({ text: d.textContent, html: d.innerHTML })), id);
    for (const tip of tips) {
      assert.ok(!tip.html.includes("<img") && !tip.html.includes("<script"), "a tooltip carries raw markup: " + tip.html.slice(0, 200));
      shown += tip.text;
    }
  }
  assert.ok(shown.includes(evil), "no tooltip showed the hostile name as text");
  const opt = await page.evaluate(() => window.roiCharts.option("chart-compare-net"));
  assert.ok(opt.series.some((s) => s.name === evil || s.name === evil + " (this scenario)"), "the comparison's legend does not carry the name");
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "script from a name ran");
  assert.deepEqual(seen.errors, []);
});

// A name of 200 characters without a space (the most a name may have) wraps inside its
// column: the role's legend and Remove button and the results' heading ran across the
// page, over the results column.
test("names without spaces wrap inside their column", async (t) => {
  const { page, seen } = await env.open(t);
  await page.fill("#f-name", "N".repeat(200));
  await page.fill("#f-staff-0-role", "R".repeat(200));
  await page.waitForFunction(() => document.querySelector("#results-h")?.innerText.includes("NNNN"));
  for (const width of [390, 1280, 1600]) {
    await page.setViewportSize({ width, height: 900 });
    const over = await page.evaluate(() => {
      const out = [];
      const inside = (el, box) => { const r = el.getBoundingClientRect(), b = box.getBoundingClientRect(); return r.left >= b.left - 1 && r.right <= b.right + 1; };
      const h = document.querySelector("#results-h");
      if (!inside(h, h.closest(".results"))) out.push("results heading");
      const fs = document.querySelector("#f-staff-0-role").closest("fieldset");
      const card = fs.parentElement.closest(".card, section, form") || document.body;
      if (!inside(fs, card)) out.push("role's fieldset");
      const legend = fs.querySelector("legend");
      if (legend && !inside(legend, fs)) out.push("role's legend");
      const remove = document.querySelector("#remove-role-0");
      if (remove && !inside(remove, fs)) out.push("role's Remove button");
      if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push(`page ${document.documentElement.scrollWidth} px wide`);
      return out;
    });
    assert.deepEqual(over, [], `at ${width} px, these run out of their column`);
  }
  assert.deepEqual(seen.errors, []);
});
