// Browser tests of the scenarios kept in the browser, and of JSON files in and out.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ready, defaultScenario, browserSession } from "./harness.mjs";

const env = browserSession();

const options = (page) => page.locator("#f-scenario option").allInnerTexts();

test("scenarios are kept in the browser and come back after a reload", async (t) => {
  const { page, seen } = await env.open(t);
  await page.click("#copy-scenario");
  await page.fill("#f-name", "Two officers on two platforms");
  await page.fill("#f-audience-size", "abc"); // an unfinished edit is kept too
  await page.waitForSelector("#f-audience-size-error");
  await page.reload();
  // The scenario being edited has no valid figures yet, so no chart is drawn: wait for
  // the app to have opened the kept scenarios instead.
  await page.waitForFunction(() => document.querySelectorAll("#f-scenario option").length === 2, null, { timeout: 60000 });
  assert.deepEqual(await options(page), ["Mid-size embassy, US adults (example)", "Two officers on two platforms (has problems)"]);
  assert.equal(await page.inputValue("#f-name"), "Two officers on two platforms");
  assert.equal(await page.inputValue("#f-audience-size"), "abc");

  await page.click("#delete-scenario");
  await page.waitForSelector("#undo-delete");
  assert.equal((await options(page)).length, 1);
  await page.click("#undo-delete");
  await page.waitForFunction(() => document.querySelectorAll("#f-scenario option").length === 2);
  assert.deepEqual(seen.errors, []);
});

test("a corrupt store is set aside, not deleted, and the user is told", async (t) => {
  const { page } = await env.open(t);
  await page.evaluate(() => localStorage.setItem("platformroi.workspace", '{"format": "platform-roi-workspace", "version": 1, "scen'));
  await page.reload();
  await ready(page);
  assert.match(await page.locator("#notice").innerText(), /could not be read.*set aside/);
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("platformroi.workspace.set-aside.")).map((k) => localStorage.getItem(k)));
  assert.deepEqual(kept, ['{"format": "platform-roi-workspace", "version": 1, "scen']);
  assert.match(await page.locator("#fig-total-cost .value").innerText(), /EUR$/);
});

test("a store written by a newer version is set aside", async (t) => {
  const { page } = await env.open(t);
  await page.evaluate(() => localStorage.setItem("platformroi.workspace", '{"format": "platform-roi-workspace", "version": 7, "scenarios": []}'));
  await page.reload();
  await ready(page);
  assert.match(await page.locator("#notice").innerText(), /newer version/);
});

test("a bad file is refused with field-named messages and changes nothing; a good one is added", async (t) => {
  const { page, seen } = await env.open(t);
  const bad = { ...defaultScenario(), currency: "EURO", horizonMonths: 500 };
  await page.setInputFiles("#import-json", { name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
  await page.waitForSelector("#import-error");
  const msg = await page.locator("#import-error").innerText();
  // Each field named as the page names it, with its path in the file.
  assert.match(msg, /bad\.json: Currency \(currency in the file\): must be an ISO 4217 currency code/);
  assert.match(msg, /bad\.json: Horizon \(months\) \(horizonMonths in the file\): must be a whole number of months from 1 to 120/);
  assert.equal((await options(page)).length, 1);

  await page.setInputFiles("#import-json", { name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{\n  "name": "x",\n  "currency": }') });
  await page.waitForFunction(() => /line 3, column 15/.test(document.querySelector("#import-error")?.innerText || ""));

  const good = { ...defaultScenario(), name: "Outsource video" };
  await page.setInputFiles("#import-json", { name: "good.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(good)) });
  await page.waitForFunction(() => document.querySelectorAll("#f-scenario option").length === 2);
  assert.equal(await page.inputValue("#f-name"), "Outsource video");
  assert.equal(await page.locator("#import-error").count(), 0);

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
  assert.equal(download.suggestedFilename(), "Outsource video.json");
  const text = await (await download.createReadStream()).toArray();
  const exported = JSON.parse(Buffer.concat(text).toString());
  assert.equal(exported.format, "platform-roi-scenario");
  assert.equal(exported.name, "Outsource video");
  assert.deepEqual(seen.errors, []);
});
