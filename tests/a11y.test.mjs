// Browser tests of the page for keyboard, screen-reader and phone use: what the
// accessibility tree names each input, where the keyboard leaves the form after an
// action, and what fits on a phone's screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSession, settled } from "./harness.mjs";

const env = browserSession();

// textboxNames lists the names the accessibility tree gives the page's text inputs.
async function textboxNames(context, page) {
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  return nodes.filter((n) => n.role?.value === "textbox" && !n.ignored).map((n) => n.name?.value || "");
}

test("every amount's input is named with its unit, range ends included", async (t) => {
  const { context, page } = await env.open(t);
  await page.evaluate(() => document.querySelectorAll("details.range-box").forEach((d) => { d.open = true; }));
  const names = await textboxNames(context, page);
  for (const want of ["Facebook: Tools (EUR per month)", "Facebook: Ads (EUR per month)",
    "Value per 1,000 people reached, low end (EUR)", "Value per 1,000 people reached, high end (EUR)",
    "Facebook: reach rate, low end (share per month)", "Facebook: reach rate, high end (share per month)"]) {
    assert.ok(names.includes(want), `no input named "${want}"; the names with Facebook or Value: ` +
      names.filter((n) => /Facebook|Value/.test(n)).join(" | "));
  }
  // A benefit's range ends too.
  await page.getByRole("button", { name: "Add a benefit" }).click();
  await settled(page);
  await page.evaluate(() => document.querySelectorAll("details.range-box").forEach((d) => { d.open = true; }));
  const after = await textboxNames(context, page);
  const ends = after.filter((n) => /^Benefit 1.*(low|high) end/.test(n));
  assert.equal(ends.length, 2, after.filter((n) => /Benefit/.test(n)).join(" | "));
  for (const n of ends) assert.match(n, /\(EUR per month\)$/);
});

test("on a phone, a chart's data table opened scrolls inside its own box, and nothing else moves sideways", async (t) => {
  const { page } = await env.open(t);
  await page.setViewportSize({ width: 390, height: 844 });
  await settled(page);
  const summaries = page.locator("figure.chart details > summary");
  const n = await summaries.count();
  assert.ok(n >= 4, `${n} data tables`);
  for (let i = 0; i < n; i++) {
    await summaries.nth(i).focus();
    await page.keyboard.press("Enter");
  }
  const m = await page.evaluate(() => {
    const r = document.querySelector("section.results");
    const cut = [];
    for (const e of r.querySelectorAll("figure.chart, figure.chart .chart-summary, figure.chart summary")) {
      const b = e.getBoundingClientRect();
      if (b.right > r.getBoundingClientRect().right + 1) cut.push(`${e.className || e.tagName}: ${e.textContent.slice(0, 40)} ends at ${Math.round(b.right)} px`);
    }
    // Each table that is wider than the screen scrolls in a box the keyboard can reach.
    const boxes = [...r.querySelectorAll("figure.chart details table")].map((tb) => {
      const box = tb.closest(".scroll");
      return box ? { focusable: box.tabIndex === 0, name: box.getAttribute("aria-label") } : null;
    });
    return { scroll: r.scrollWidth, width: r.clientWidth, page: document.documentElement.scrollWidth, cut, boxes };
  });
  assert.equal(m.page, 390);
  assert.ok(m.scroll <= m.width, `the results scroll sideways: ${m.scroll} px wide in ${m.width} px`);
  assert.deepEqual(m.cut, []);
  for (const b of m.boxes) {
    assert.ok(b && b.focusable && /^Data table: /.test(b.name), JSON.stringify(b));
  }
});

// planGrid reads every cell of the plan's grid: element id → hours typed.
const planGrid = (page) => page.$$eval("section[aria-labelledby=plan-h] input.cell", (l) => Object.fromEntries(l.map((e) => [e.id, e.value])));

test("passing demographics with the arrow keys loses nothing the one chosen at last keeps, and one undo goes back", async (t) => {
  const { page } = await env.open(t);
  const start = await planGrid(page);
  assert.equal(start["f-plan-facebook-0"], "8");
  // What a direct choice of the third dataset keeps.
  const direct = (await env.open(t)).page;
  await direct.selectOption("#f-dataset", "arab-youth-survey-2023");
  await settled(direct);
  const want = await planGrid(direct);
  const wantNotice = await direct.locator("#switch-notice").innerText();
  // The closed select changes its value at each arrow key: the US news survey in
  // between has no Facebook.
  await page.focus("#f-dataset");
  await page.keyboard.press("ArrowDown");
  await settled(page);
  assert.equal(await page.$eval("#f-dataset", (s) => s.value), "reuters-dnr-us-2024");
  await page.keyboard.press("ArrowDown");
  await settled(page);
  assert.equal(await page.$eval("#f-dataset", (s) => s.value), "arab-youth-survey-2023");
  assert.equal(await page.evaluate(() => document.activeElement.id), "f-dataset");
  assert.deepEqual(await planGrid(page), want);
  assert.equal(await page.locator("#switch-notice").innerText(), wantNotice);
  // Back up to where it started: the plan as it was.
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await settled(page);
  assert.equal(await page.$eval("#f-dataset", (s) => s.value), "pew-us-2023");
  assert.deepEqual(await planGrid(page), start);
  // Down twice again, and one undo puts back the first dataset and its plan.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await settled(page);
  await page.click("#undo-switch");
  await settled(page);
  assert.equal(await page.$eval("#f-dataset", (s) => s.value), "pew-us-2023");
  assert.deepEqual(await planGrid(page), start);
});

test("on a phone, every control is at least 24 by 24 px to touch", async (t) => {
  const { page } = await env.open(t);
  await page.setViewportSize({ width: 390, height: 844 });
  await settled(page);
  await page.getByRole("button", { name: "Add a benefit" }).click(); // its 'grows with maturity' box
  await settled(page);
  const small = await page.evaluate(() => {
    const out = [];
    // Links inside a sentence are exempt (WCAG 2.5.8, inline); the skip link is off screen until focused.
    for (const e of document.querySelectorAll("button, input, select, summary, label.file, a:not(.skip)")) {
      if (e.tagName === "A" && e.closest("p, li")) continue;
      const b = e.getBoundingClientRect();
      if (!e.offsetParent || b.width === 0) continue;
      if (b.width < 24 || b.height < 24) out.push(`${e.tagName.toLowerCase()}${e.type ? "[" + e.type + "]" : ""} "${(e.getAttribute("aria-label") || e.id || e.textContent).trim().slice(0, 50)}": ${Math.round(b.width)} × ${Math.round(b.height)} px`);
    }
    return out;
  });
  assert.deepEqual(small, []);
});

// listen records what screen readers would announce: each time a live region (aria-live,
// or role status or alert) shows a text other than the one it showed last, once per
// change the page makes.
async function listen(page) {
  await page.evaluate(() => {
    window.announced = [];
    const last = new Map();
    const regions = () => document.querySelectorAll("[aria-live]:not([aria-live=off]), [role=status], [role=alert]");
    for (const r of regions()) last.set(r, r.textContent.trim());
    new MutationObserver(() => {
      for (const r of regions()) {
        const text = r.textContent.trim();
        if (text !== "" && text !== last.get(r) && !r.parentElement.closest("[aria-live]:not([aria-live=off]), [role=status], [role=alert]")) {
          window.announced.push(text);
        }
        last.set(r, text);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["aria-live", "role"] });
  });
}
// announced is what was announced since the last look, once the results have been
// worked out and left alone for longer than the page waits before saying them.
const announced = async (page) => {
  await settled(page);
  await page.waitForTimeout(1500);
  return page.evaluate(() => window.announced.splice(0));
};

test("typing a figure announces the results once they are worked out, and a problem once", async (t) => {
  const { page } = await env.open(t);
  await listen(page);
  const size = page.getByLabel("Audience size (people)");
  await size.focus();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("250000", { delay: 80 });
  let said = await announced(page);
  assert.equal(said.length, 1, `${said.length} announcements for 6 keys:\n${said.join("\n")}`);
  const cost = await page.locator("#fig-total-cost .value").innerText();
  const reach = await page.locator("#fig-reach .value").innerText();
  assert.ok(said.at(-1).includes(cost) && said.at(-1).includes(reach), `"${said.at(-1)}" lacks ${cost} or ${reach}`);
  // A problem is said once, naming its field; fixing it says the results again.
  await page.keyboard.type("x", { delay: 80 });
  said = await announced(page);
  assert.equal(said.length, 1, said.join("\n"));
  assert.match(said[0], /Audience size/);
  await page.keyboard.press("Backspace");
  said = await announced(page);
  assert.equal(said.length, 1, said.join("\n"));
  assert.ok(said[0].includes(cost), said[0]);
});

test("inputs repeated in a list are told apart by their names: maturity points and benefits", async (t) => {
  const { context, page } = await env.open(t);
  await page.getByRole("button", { name: "Add a benefit" }).click();
  await page.getByRole("button", { name: "Add a benefit" }).click();
  await settled(page);
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  // An input's name, after the name of the group (fieldset) it is in, when that
  // group is not the whole list.
  const seen = new Map();
  for (const n of nodes) {
    if (n.ignored || !["textbox", "checkbox"].includes(n.role?.value)) continue;
    let group = "";
    for (let p = byId.get(n.parentId); p; p = byId.get(p.parentId)) {
      if (p.role?.value === "group" && p.name?.value) { group = p.name.value; break; }
    }
    const key = group + " / " + n.name.value;
    seen.set(key, (seen.get(key) || 0) + 1);
  }
  const twice = [...seen].filter(([, c]) => c > 1).map(([k, c]) => `${k} (${c} times)`);
  assert.deepEqual(twice, []);
  assert.equal(await page.getByRole("textbox", { name: "Month (since start), point 2" }).inputValue(), "1");
  assert.equal(await page.getByRole("textbox", { name: "Value (EUR per month), benefit 2" }).inputValue(), "0");
});
