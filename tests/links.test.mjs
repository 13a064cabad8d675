// Browser tests of share links and of importing demographics as CSV.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { ready, browserSession, root } from "./harness.mjs";

const env = browserSession();

const options = (page) => page.locator("#f-scenario option").allInnerTexts();
const embeddedDatasets = readdirSync(path.join(root, "calc", "data")).filter((f) => f.endsWith(".dataset.json")).length;

test("a share link opens as a new scenario in another browser, never replacing one", async (t) => {
  const a = await env.open(t, { wait: false });
  await ready(a.page);
  await a.page.fill("#f-name", "Youth outreach via video");
  await a.page.fill("#f-plan-youtube-0", "5");
  await a.page.waitForFunction(() => !document.querySelector(".stale-notice"));
  const cost = await a.page.locator("#fig-total-cost .value").innerText();
  await a.page.click("#share");
  const link = await a.page.inputValue("#share-link");
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#s2=[A-Za-z0-9_-]+$/, "the link is not base64url in the fragment");

  const b = await env.open(t, { url: link, wait: false });
  await ready(b.page);
  assert.deepEqual(await options(b.page), ["Mid-size embassy, US adults (example)", "Youth outreach via video"]);
  assert.equal(await b.page.locator("#fig-total-cost .value").innerText(), cost);
  assert.match(await b.page.locator("#notice").innerText(), /as a new scenario; nothing was replaced/);
  assert.equal(new URL(b.page.url()).hash, "", "the link stays in the address after opening");
  await b.page.reload();
  await b.page.waitForFunction(() => document.querySelectorAll("#f-scenario option").length === 2, null, { timeout: 60000 });
  assert.equal((await options(b.page)).length, 2, "a reload added the linked scenario again");
  assert.deepEqual([...a.seen.errors, ...b.seen.errors], []);
});

test("a damaged or truncated link gives a clear message and changes nothing", async (t) => {
  const a = await env.open(t, { wait: false });
  await ready(a.page);
  await a.page.click("#share");
  const link = await a.page.inputValue("#share-link");
  for (const [bad, want] of [[link.slice(0, link.length - 40), /cut off|damaged/], [link.replace("#s2=", "#s2=$$"), /character/], [link.replace(/#s2=.*/, "#s2=AAAA"), /damaged|cut off/], [link.slice(0, -12) + (link.at(-12) === "A" ? "B" : "A") + link.slice(-11), /damaged/]]) {
    const b = await env.open(t, { url: bad, wait: false });
    await ready(b.page);
    assert.match(await b.page.locator("#notice").innerText(), /could not be opened; nothing was changed/);
    assert.match(await b.page.locator("#notice").innerText(), want);
    assert.equal((await options(b.page)).length, 1);
  }
});

test("a link of the first form (#s=, without a checksum) still opens", async (t) => {
  // qaLegacyPayload of calc/share_test.go: made by Python's zlib, independently of Go.
  const legacy = "fVDBToQwEP0VMueWFHDV5bp6NDEmxoPxMLIDNEJrpmU3LOHfnaLGmz102tc3773OAq3nESPU8DlgTBfN3urQkEO2HhSciIP1DupCgcORhHo_vmMIczb7KfaZbEzY9MJtJmZyzZw4z08C9J7txbsH72IfRKJUgNPRCkd0Fgj2IrU021JwJtv1MaSX4laXe6hNvlNQGX31fV5XBUeMGGhLTGc9BV2ashKrELFtoX5dgP2QUt7ZzkYcMt-2tiHe0kw8zAcfUvfO5Df7HzA8Er8QfUBdmfVNpVm4Tep3KMK3Thw6xlF6_nX4E7tOWiccJhKokC9KT2FyqesX";
  const b = await env.open(t, { url: new URL("#s=" + legacy, env.server.url).href, wait: false });
  await ready(b.page);
  assert.match(await b.page.locator("#notice").innerText(), /Opened the scenario "Embassy youth outreach" from the link as a new scenario/);
  assert.equal((await options(b.page)).length, 2);
  assert.deepEqual(b.seen.errors, []);
});

test("demographics imported as CSV: row and column named on error; kept and choosable", async (t) => {
  const { page, seen } = await env.open(t, { wait: false });
  await ready(page);
  const bad = "# title: Kenya 2025\n# year: 2025\n# measure: Share of adults using it\nplatform,18-34,35+\nfacebook,0.7,1.7\nyoutube,abc,0.4\n";
  await page.setInputFiles("#import-csv", { name: "kenya.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.waitForSelector("#import-csv-error");
  const msg = await page.locator("#import-csv-error").innerText();
  assert.match(msg, /kenya\.csv: row 5, column "35\+": must be a share from 0 to 1/);
  assert.match(msg, /kenya\.csv: row 6, column "18-34"/);
  assert.match(msg, /source/);
  assert.equal(await page.locator("#f-dataset option").count(), embeddedDatasets);

  const good = "# source: <b>National survey</b> 2025\n" + bad.replace("1.7", "0.5").replace("abc", "0.8");
  await page.setInputFiles("#import-csv", { name: "kenya.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await page.waitForFunction((n) => document.querySelectorAll("#f-dataset option").length === n, embeddedDatasets + 1);
  await page.selectOption("#f-dataset", "kenya-2025");
  await page.waitForFunction(() => document.querySelector(".dataset-info .source")?.innerText.includes("<b>National survey</b>"));
  await page.waitForFunction(() => window.roiCharts.option("chart-fit")?.title[0].subtext.includes("<b>National survey</b>"));
  await page.reload();
  await ready(page);
  assert.equal(await page.locator("#f-dataset").inputValue(), "kenya-2025", "the imported dataset did not survive a reload");
  assert.equal(await page.locator(".dataset-info b").count(), 0, "a dataset source became markup");
  assert.deepEqual(seen.errors, []);
});
