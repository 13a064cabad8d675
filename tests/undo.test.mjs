// Browser tests of "nothing lost" when the form's shape changes: a role, a benefit or a
// point of the maturity curve removed is said in a notice with an Undo button, by
// keyboard, and Undo puts back exactly what was there (values as typed, position, plan
// hours): the exported scenario, the share link and the figures are again those before
// the removal, and the command line computes the same figures from the file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { root, ready, cli, money, people, settled, browserSession } from "./harness.mjs";

const env = browserSession();

const quiet = (page) => page.waitForFunction(() => !document.querySelector(".stale-notice"));

async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
  return JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8"));
}

async function shareLink(page) {
  await page.getByRole("button", { name: "Share link" }).click();
  await page.waitForSelector("#share-link");
  return page.getByLabel(/^Link to this scenario/).inputValue();
}

// figures reads the headline's figures once everything is worked out.
async function figures(page) {
  await quiet(page);
  await settled(page);
  return page.locator(".headline .figure").allInnerTexts();
}

// snapshot is what must come back: the file, the link and the figures on the page,
// checked against the command line's figures for the file.
async function snapshot(page) {
  const figs = await figures(page);
  const file = await exported(page);
  const doc = cli(file);
  const value = (id) => page.locator(`#fig-${id} .value`).innerText();
  assert.equal(await value("total-cost"), money(doc.totals.cost, doc.currency));
  assert.equal(await value("value"), money(doc.totals.value, doc.currency));
  assert.equal(await value("reach"), people(doc.totals.averageMonthlyReach) + " people");
  return { file, link: await shareLink(page), figs, totals: doc.totals };
}

// press moves the focus to a button by its name and presses Enter, as a keyboard does.
async function press(page, name) {
  await page.getByRole("button", { name, exact: true }).focus();
  await page.keyboard.press("Enter");
}

// undo checks the notice of what was removed, presses its Undo button by keyboard and
// waits until the page says what was put back.
async function undo(page, said, back) {
  const notice = page.locator("#removal-notice");
  await notice.waitFor();
  assert.match(await notice.innerText(), said);
  // The notice sits in a live region, and the button says what it undoes.
  assert.equal(await page.locator("[role=status] #removal-notice").count(), 1, "the notice is not in a live region");
  const button = page.getByRole("button", { name: "Undo", exact: true });
  assert.match(await button.getAttribute("aria-describedby"), /\S/);
  assert.match(await page.locator("#" + (await button.getAttribute("aria-describedby"))).innerText(), said);
  await press(page, "Undo");
  await page.waitForFunction(() => /^Put back /.test(document.querySelector("#removal-notice")?.innerText || ""));
  assert.match(await notice.innerText(), back);
  assert.equal(await page.getByRole("button", { name: "Undo", exact: true }).count(), 0);
}

test("a removed role comes back with Undo: its values as typed, its place and its plan hours", async (t) => {
  const { page, seen } = await env.open(t);
  // A second role after the first, with plan hours of its own, and the first role's
  // hourly cost typed while its cost is given by salary (kept for switching back).
  await press(page, "Add a role");
  await page.waitForSelector("#f-staff-1-role");
  await page.locator("#f-staff-1-role").fill("Press attaché");
  await page.locator("#f-staff-1-hourlyCost").fill("41.50");
  await page.locator("#f-staff-1-hoursPerWeek").fill("12");
  await page.getByLabel("Hours per week of Press attaché on YouTube").fill("3.5");
  const mode = page.locator("#f-staff-0-mode");
  await mode.selectOption("hourly");
  await page.locator("#f-staff-0-hourlyCost").fill("45.25");
  await mode.selectOption("salary");
  await page.locator("#f-staff-0-annualSalary").fill("52500");
  const before = await snapshot(page);
  assert.equal(before.file.staff.length, 2);

  await press(page, "Remove Digital officer");
  await page.waitForSelector("#f-staff-1-role", { state: "detached" });
  const after = await snapshot(page);
  assert.deepEqual(after.file.staff.map((r) => r.role), ["Press attaché"]);
  assert.notEqual(after.totals.cost, before.totals.cost);
  await undo(page, /^Removed the role "Digital officer" \(30 h a week available, annual salary 52500 EUR\) with its plan hours: Facebook 8 h, Instagram 6 h, X \(Twitter\) 6 h, Embassy website 4 h a week\./,
    /^Put back the role "Digital officer" with its plan hours\.$/);

  const back = await snapshot(page);
  assert.deepEqual(back.file, before.file);
  assert.equal(back.link, before.link);
  assert.deepEqual(back.figs, before.figs);
  assert.deepEqual(back.totals, before.totals);
  assert.equal(await page.getByLabel("Hours per week of Digital officer on Facebook").inputValue(), "8");
  assert.equal(await page.getByLabel("Hours per week of Press attaché on YouTube").inputValue(), "3.5");
  // The hourly cost typed for the other way is back too.
  await mode.selectOption("hourly");
  assert.equal(await page.locator("#f-staff-0-hourlyCost").inputValue(), "45.25");
  assert.deepEqual(seen.errors, []);
});

test("a removed benefit and a removed maturity point come back with Undo, and what was typed meanwhile stays", async (t) => {
  const { page, seen } = await env.open(t);
  await press(page, "Add a benefit");
  await press(page, "Add a benefit");
  await page.waitForSelector("#f-benefits-1-name");
  await page.getByLabel("Benefit, benefit 1").fill("Consular enquiries answered online");
  await page.getByLabel("Value (EUR per month), benefit 1").fill("300.50");
  await page.getByLabel("Benefit, benefit 2").fill("Travel saved");
  await page.getByLabel("Value (EUR per month), benefit 2").fill("120");
  const before = await snapshot(page);

  await press(page, "Remove benefit 1");
  await page.waitForSelector("#f-benefits-1-name", { state: "detached" });
  await undo(page, /^Removed the benefit "Consular enquiries answered online" \(300\.50 EUR per month\)\./,
    /^Put back the benefit "Consular enquiries answered online"\.$/);
  const back = await snapshot(page);
  assert.deepEqual(back.file, before.file);
  assert.equal(back.link, before.link);
  assert.deepEqual(back.figs, before.figs);

  // A point of the default curve: after Undo the scenario has the default curve again
  // (the file names none), not a curve of its own with the same points.
  assert.ok(!("maturity" in before.file));
  await press(page, "Remove point 2");
  await page.waitForSelector("#f-maturity-2-month", { state: "detached" });
  // Typing elsewhere keeps the undo; what was typed stays after it.
  await page.getByLabel("Audience size (people)").fill("1200000");
  await undo(page, /^Removed point 2 of the maturity curve \(month 1, effect 0\.6\)\./,
    /^Put back point 2 of the maturity curve\.$/);
  const typed = await snapshot(page);
  assert.deepEqual(typed.file, { ...before.file, audience: { ...before.file.audience, size: 1200000 } });
  await page.getByLabel("Audience size (people)").fill("1500000");
  // The next edit ends the "put back" notice.
  await page.waitForSelector("#removal-notice", { state: "detached" });
  const again = await snapshot(page);
  assert.deepEqual(again.file, before.file);
  assert.equal(again.link, before.link);
  assert.deepEqual(again.figs, before.figs);
  assert.deepEqual(seen.errors, []);
});

test("the undo of a removal ends with the next edit of the form's shape", async (t) => {
  const { page, seen } = await env.open(t);
  await press(page, "Add a benefit");
  await page.waitForSelector("#f-benefits-0-name");
  await press(page, "Remove benefit 1");
  await page.locator("#undo-removal").waitFor();
  await press(page, "Add a role");
  await page.waitForSelector("#f-staff-1-role");
  assert.equal(await page.locator("#undo-removal").count(), 0, "Undo is still offered after a role was added");
  assert.deepEqual(seen.errors, []);
});

test("after a removal by keyboard the focus is on its notice: a second Enter removes nothing more, Tab reaches Undo", async (t) => {
  const { page, seen } = await env.open(t);
  const focused = () => page.evaluate(() => document.activeElement.id || document.activeElement.tagName);
  const focusOn = (id) => page.waitForFunction((id) => document.activeElement.id === id, id, { timeout: 5000 })
    .catch(async () => assert.fail(`the focus is on ${await focused()}, not on ${id}`));
  await press(page, "Add a role");
  await page.waitForSelector("#f-staff-1-role");
  await page.locator("#f-staff-1-role").fill("Press attaché");
  await page.getByLabel("Hours per week of Press attaché on YouTube").fill("3");
  const before = await snapshot(page);
  await press(page, "Remove Digital officer");
  await page.waitForSelector("#f-staff-1-role", { state: "detached" });
  await focusOn("removal-notice");
  // Enter again, as a person who pressed it twice: nothing more goes.
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await quiet(page);
  assert.deepEqual(await page.locator("fieldset.role legend").allInnerTexts(), ["Press attaché"]);
  assert.equal(await focused(), "removal-notice");
  await page.keyboard.press("Tab");
  assert.equal(await focused(), "undo-removal");
  await page.keyboard.press("Enter");
  await focusOn("f-staff-0-role");
  assert.deepEqual((await snapshot(page)).file, before.file);
  // The same for a benefit and a point of the curve.
  for (const [add, remove, gone] of [["Add a benefit", "Remove benefit 1", "#f-benefits-0-name"], [null, "Remove point 3", "#f-maturity-2-month"]]) {
    if (add) {
      await press(page, add);
      await page.waitForSelector(gone);
    }
    await press(page, remove);
    await page.waitForSelector(gone, { state: "detached" });
    await focusOn("removal-notice");
  }
  assert.deepEqual(seen.errors, []);
});

test("a dataset the scenario carries stays in the demographics list once switched away from: the arrow keys go back to it, after an edit and a reload too", async (t) => {
  const { page, seen } = await env.open(t);
  const ds = JSON.parse(readFileSync(path.join(root, "calc", "data", "reuters-dnr-2025.dataset.json"), "utf8"));
  Object.assign(ds, { id: "embassy-own-2026", title: "Embassy's own survey, 2026" });
  const scenario = { format: "platform-roi-scenario", version: 1, name: "Carries its own dataset", currency: "USD", horizonMonths: 18,
    audience: { size: 250000, weights: { all: 1 } }, datasetInline: ds,
    staff: [{ role: "Officer", hourlyCost: "41.50", hoursPerWeek: 12 }],
    plan: [{ platform: "youtube", role: "Officer", hoursPerWeek: 6 }, { platform: "facebook", role: "Officer", hoursPerWeek: 4 }] };
  await page.getByLabel("Import JSON").setInputFiles({ name: "own.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(scenario)) });
  await page.waitForFunction(() => document.querySelector("#f-name").value === "Carries its own dataset");
  const select = page.getByLabel("Platform demographics");
  const carried = /^Embassy's own survey, 2026 \(2025\), carried by this scenario$/;
  assert.match(await page.locator("#f-dataset option:checked").innerText(), carried);
  const before = await snapshot(page);
  assert.equal(before.file.datasetInline.id, "embassy-own-2026");
  const arrow = async (key) => {
    const was = await select.inputValue();
    await select.focus();
    await page.keyboard.press(key);
    await page.waitForFunction((was) => document.querySelector("#f-dataset").value !== was, was, { timeout: 5000 })
      .catch(async () => assert.fail(`${key} on the demographics left them at ${was}; the first options: ${(await page.locator("#f-dataset option").allInnerTexts()).slice(0, 3).join(" | ")}`));
    await quiet(page);
    await settled(page);
  };
  // Down to the next dataset, and back up to the carried one.
  await arrow("ArrowDown");
  assert.notEqual((await exported(page)).datasetInline?.id, "embassy-own-2026");
  await arrow("ArrowUp");
  assert.match(await page.locator("#f-dataset option:checked").innerText(), carried);
  const back = await snapshot(page);
  assert.deepEqual(back.file, before.file);
  assert.equal(back.link, before.link);
  assert.deepEqual(back.figs, before.figs);
  // Away again, an edit (which ends the switch's undo), and back up.
  await arrow("ArrowDown");
  await page.getByLabel("Audience size (people)").fill("260000");
  await quiet(page);
  assert.equal(await page.locator("#undo-switch").count(), 0);
  await arrow("ArrowUp");
  let s = await snapshot(page);
  assert.deepEqual(s.file, { ...before.file, audience: { ...before.file.audience, size: 260000 } });
  // Away, and a reload: the carried dataset is still offered.
  await arrow("ArrowDown");
  await page.reload();
  await ready(page);
  assert.match(await page.locator("#f-dataset option").first().innerText(), carried);
  await arrow("ArrowUp");
  s = await snapshot(page);
  assert.equal(s.file.datasetInline.id, "embassy-own-2026");
  assert.deepEqual(s.file.datasetInline, before.file.datasetInline);
  assert.deepEqual(seen.errors, []);
});

test("a removed imported dataset comes back with Undo, in its place, named again by the scenarios that used it", async (t) => {
  const { page, seen } = await env.open(t);
  const csv = (id, title) => `# id: ${id}\n# title: ${title}\n# source: A survey\n# year: 2024\n# measure: Share of adults using it\nplatform,18-34,35+\nfacebook,0.5,0.4\nyoutube,0.6,0.3\n`;
  for (const [id, title] of [["ke-survey", "Kenya survey"], ["ke-youth", "Kenya youth survey"]]) {
    await page.getByLabel("Import demographics for another country (CSV)").setInputFiles({ name: `${id}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv(id, title)) });
    await page.waitForFunction((id) => document.querySelector(`#f-remove-dataset-${id}`), id);
  }
  await page.getByLabel("Platform demographics").selectOption("ke-survey");
  await quiet(page);
  const list = () => page.locator("#imported-datasets li").allInnerTexts();
  const listed = await list();
  assert.deepEqual(listed, ["Kenya survey (2024; ke-survey) Remove", "Kenya youth survey (2024; ke-youth) Remove"]);
  const before = await snapshot(page);
  await page.getByRole("button", { name: "Remove the imported dataset Kenya survey (2024; ke-survey)" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelectorAll("#imported-datasets li").length === 1);
  // The focus is on the notice: a second Enter removes nothing more.
  await page.waitForFunction(() => document.activeElement.id === "removal-notice", null, { timeout: 5000 })
    .catch(async () => assert.fail(`the focus is on ${await page.evaluate(() => document.activeElement.id)}, not on the notice`));
  await page.keyboard.press("Enter");
  assert.deepEqual(await list(), ["Kenya youth survey (2024; ke-youth) Remove"]);
  assert.match(await page.locator("#f-dataset option:checked").innerText(), /carried by this scenario/);
  await undo(page, /^Removed the imported dataset "Kenya survey" \(ke-survey\)\. 1 scenario using it now carries it in the scenario itself, so its figures are unchanged: Mid-size embassy, US adults \(example\)\./,
    /^Put back the imported dataset "Kenya survey" \(ke-survey\)\.$/);
  assert.deepEqual(await list(), listed);
  assert.equal(await page.getByLabel("Platform demographics").inputValue(), "ke-survey");
  const back = await snapshot(page);
  assert.deepEqual(back.file, before.file);
  assert.equal(back.link, before.link);
  assert.deepEqual(back.figs, before.figs);
  // Kept so in the browser.
  await page.reload();
  await ready(page);
  assert.deepEqual(await list(), listed);
  assert.equal(await page.getByLabel("Platform demographics").inputValue(), "ke-survey");
  assert.deepEqual(seen.errors, []);
});
