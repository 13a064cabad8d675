// Browser tests of what the browser keeps: two tabs never erase each other, a store
// that cannot be set aside is never saved over, a full quota is said, and imported
// datasets can be removed without breaking the scenarios using them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ready, browserSession } from "./harness.mjs";

const env = browserSession();
const key = "platformroi.workspace";
const options = (page) => page.locator("#f-scenario option").allInnerTexts();
const stored = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), key);

test("two tabs see each other's scenarios and never erase them", async (t) => {
  const { context, page: a, seen } = await env.open(t);
  const b = await context.newPage();
  await b.goto(a.url());
  await ready(b);
  // Tab B adds a scenario; tab A is told and shows it.
  await b.click("#copy-scenario");
  await b.fill("#f-name", "Made in tab B");
  await a.waitForFunction(() => [...document.querySelectorAll("#f-scenario option")].some((o) => o.textContent.includes("Made in tab B")));
  assert.match(await a.locator("#notice").innerText(), /Another tab changed the scenarios kept in this browser: 1 scenario (added|changed)/);
  // A keystroke in tab A keeps B's scenario in the store.
  await a.fill("#f-plan-youtube-0", "2");
  await a.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).scenarios.some((e) => JSON.stringify(e).includes('"youtube"')), key);
  const names = (await stored(a)).scenarios.map((e) => e.scenario.name);
  assert.ok(names.includes("Made in tab B"), `store after A's edit: ${names}`);
  // B renames its scenario; A shows the new name.
  await b.fill("#f-name", "Renamed in tab B");
  await a.waitForFunction(() => [...document.querySelectorAll("#f-scenario option")].some((o) => o.textContent === "Renamed in tab B"));
  assert.equal((await options(a)).length, 2);
  assert.deepEqual(seen.errors, []);
});

// fill uses up the origin's storage quota with filler entries.
const fill = (page) => page.evaluate(() => {
  let size = 1 << 22, n = 0;
  while (size >= 16) {
    try { localStorage.setItem("filler." + n++, "x".repeat(size)); } catch (e) { size >>= 1; }
  }
});

test("a store that cannot be set aside is never saved over; a full quota is said", async (t) => {
  const { page, seen } = await env.open(t);
  const broken = "{broken " + "y".repeat(1000);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, broken]);
  await fill(page);
  await page.reload();
  await ready(page);
  assert.match(await page.locator("#notice").innerText(), /could not be read.*could not be set aside.*will not save over it/s);
  await page.fill("#f-name", "Typed while the store is full");
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), broken, "the store that could not be set aside was overwritten");
  assert.match(await page.locator("#notice").innerText(), /not kept in this browser/);

  // A readable store, and the quota used up: saving fails and the page says so.
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) localStorage.removeItem(k); });
  await page.reload();
  await ready(page);
  await fill(page);
  await page.fill("#f-name", "x".repeat(150));
  await page.waitForFunction(() => /not kept in this browser/.test(document.querySelector("#notice")?.innerText || ""));
  assert.match(await page.locator("#notice").innerText(), /Export the scenarios you need.*remove imported datasets/s);
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith("filler.")) localStorage.removeItem(k); });
  assert.deepEqual(seen.errors, []);
});

// A browser that keeps no data for the site: reading localStorage throws (site data
// blocked in the settings) or gives null (storage turned off). The page works, says
// that nothing is kept, and throws nothing.
for (const [how, storage] of [["throws", "throw"], ["is null", "null"]]) {
  test(`the page works when localStorage ${how}, and says nothing is kept`, async (t) => {
    const { context, page, seen } = await env.open(t, { url: null });
    await context.addInitScript((storage) => {
      Object.defineProperty(window, "localStorage", {
        configurable: true,
        get() {
          if (storage === "null") return null;
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    }, storage);
    await page.goto(env.server.url);
    await ready(page);
    await page.fill("#f-name", "Typed without storage");
    await page.waitForFunction(() => document.querySelector("#results-h")?.innerText.includes("Typed without storage"), null, { timeout: 10000 });
    assert.match(await page.locator("#notice").innerText(), /not kept in this browser.*keeps no data for this site/s);
    // Space is not what is missing: no advice to free it.
    assert.match(await page.locator("#notice").innerText(), /allow this site to keep data/);
    assert.doesNotMatch(await page.locator("#notice").innerText(), /free space/);
    const cost = await page.locator("#fig-total-cost .value").innerText();
    await page.fill("#f-plan-youtube-0", "3");
    await page.waitForFunction((cost) => !document.querySelector(".stale-notice") && document.querySelector("#fig-total-cost .value").innerText !== cost, cost, { timeout: 10000 });
    assert.deepEqual(seen.errors, []);
  });
}

test("an imported dataset can be removed; its scenarios keep their figures", async (t) => {
  const { page, seen } = await env.open(t);
  const csv = "# id: fr-2024\n# title: France 2024\n# source: A survey\n# year: 2024\n# measure: Share of adults using it\nplatform,young,old\nfacebook,0.6,0.5\nyoutube,90%,70%\n";
  await page.setInputFiles("#import-csv", { name: "fr.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.waitForSelector("#imported-datasets");
  await page.selectOption("#f-dataset", "fr-2024");
  await page.waitForFunction(() => !document.querySelector(".stale-notice"));
  const cost = await page.locator("#fig-total-cost .value").innerText();
  // The same id again: the page asks.
  await page.setInputFiles("#import-csv", { name: "fr-again.csv", mimeType: "text/csv", buffer: Buffer.from(csv.replace("0.6,0.5", "0.1,0.1")) });
  await page.waitForSelector("#import-csv-choice");
  await page.click("#import-csv-copy");
  await page.waitForFunction(() => document.querySelectorAll("#imported-datasets li").length === 2);
  assert.equal(await page.locator("#fig-total-cost .value").innerText(), cost, "importing a copy changed the figures");
  await page.click("#f-remove-dataset-fr-2024");
  await page.waitForFunction(() => /carries it in the scenario itself/.test(document.querySelector("#removal-notice")?.innerText || ""));
  assert.match(await page.locator("#f-dataset option:checked").innerText(), /carried by this scenario/);
  assert.equal(await page.locator("#fig-total-cost .value").innerText(), cost);
  await page.reload();
  await ready(page);
  assert.equal(await page.locator("#fig-total-cost .value").innerText(), cost, "the figures changed after a reload");
  assert.equal(await page.locator("#imported-datasets li").count(), 1);
  assert.deepEqual(seen.errors, []);
});

test("files that are too large or not UTF-8 are refused with the reason, and nothing changes", async (t) => {
  const { page, seen } = await env.open(t);
  const before = await page.locator("#f-scenario option").allInnerTexts();
  const good = JSON.stringify({ format: "platform-roi-scenario", version: 1, name: "Caf\u00e9", currency: "EUR", audience: { size: 1000, weights: { "18-29": 1 } } });
  const latin1 = Buffer.from(good, "latin1"); // é as one byte: not UTF-8
  await page.setInputFiles("#import-json", { name: "latin1.json", mimeType: "application/json", buffer: latin1 });
  await page.waitForSelector("#import-error");
  assert.match(await page.locator("#import-error").innerText(), /latin1\.json.*UTF-8/s);
  const big = Buffer.alloc(4 * 1024 * 1024 + 1, 32);
  await page.setInputFiles("#import-json", { name: "big.json", mimeType: "application/json", buffer: big });
  await page.waitForFunction(() => /big\.json.*at most 4,194,304 \(4 MiB\)/s.test(document.querySelector("#import-error")?.innerText || ""));
  assert.deepEqual(await page.locator("#f-scenario option").allInnerTexts(), before);
  assert.deepEqual(seen.errors, []);
});

test("the CSV template of the demographics in use downloads and imports again", async (t) => {
  const { page, seen } = await env.open(t);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#csv-template")]);
  const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  assert.match(csv, /^# /m);
  assert.match(csv, /^platform,/m);
  await page.setInputFiles("#import-csv", { name: download.suggestedFilename(), mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.waitForSelector("#imported-datasets li");
  assert.equal(await page.locator("#import-csv-error").count(), 0);
  assert.deepEqual(seen.errors, []);
});
