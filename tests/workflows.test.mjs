// Browser tests of the form's workflows as a digital officer goes through them with
// the keyboard: scenarios copied and compared, lines removed, switches undone. What
// the page shows must be what was typed, or be marked out of date, and the focus must
// stay where the person can go on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSession, defaultScenario } from "./harness.mjs";

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

test("the focus stays in the form when a line, a role, a deletion or a switch goes away with its button", async (t) => {
  const { page, seen } = await env.open(t);
  const focused = () => page.evaluate(() => document.activeElement.id || document.activeElement.tagName);
  const press = async (name) => {
    await page.getByRole("button", { name, exact: true }).focus();
    await page.keyboard.press("Enter");
  };
  const focusOn = (id) => page.waitForFunction((id) => document.activeElement.id === id, id, { timeout: 5000 })
    .catch(async () => assert.fail(`the focus is on ${await focused()}, not on ${id}`));
  // Each wait is for the form's new shape; the focus is then where the person can go on.
  await page.focus("#add-benefit");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#f-benefits-1-name");
  // A line removed: the focus is on the notice saying what went (with its Undo), not
  // on the next line's Remove button.
  await press("Remove benefit 2");
  await page.waitForSelector("#f-benefits-1-name", { state: "detached" });
  await focusOn("removal-notice");
  await press("Remove benefit 1");
  await page.waitForSelector("#f-benefits-0-name", { state: "detached" });
  await focusOn("removal-notice");
  await press("Remove point 3");
  await page.waitForSelector("#f-maturity-2-month", { state: "detached" });
  await focusOn("removal-notice");
  await press("Back to the default curve");
  await page.waitForSelector("#f-maturity-2-month");
  await focusOn("removal-notice");
  await press("Remove Digital officer");
  await page.waitForSelector("#f-staff-0-role", { state: "detached" });
  await focusOn("removal-notice");
  await press("Copy");
  await page.waitForFunction(() => document.querySelectorAll("#f-scenario option").length === 2);
  await press("Delete");
  await page.waitForSelector("#undo-delete");
  await press("Undo delete");
  await page.waitForSelector("#undo-delete", { state: "detached" });
  await focusOn("f-scenario");
  await page.getByLabel("Platform demographics").selectOption("reuters-dnr-2025");
  await page.waitForSelector("#undo-switch");
  await press("Undo the switch");
  await page.waitForSelector("#undo-switch", { state: "detached" });
  await focusOn("f-dataset");
  assert.equal(await page.getByLabel("Platform demographics").inputValue(), "pew-us-2023");
  assert.equal(await focused(), "f-dataset");
  assert.deepEqual(seen.errors, []);
});

test("Copy beside a share link says whether the link is on the clipboard", async (t) => {
  const { context, page, seen } = await env.open(t);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.url });
  await page.getByRole("button", { name: "Share link" }).click();
  const link = await page.getByLabel(/^Link to this scenario/).inputValue();
  await page.getByRole("button", { name: "Copy the link" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /Copied the link/.test(document.querySelector("#copy-link-note")?.innerText || ""));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  // Where the browser refuses, the page says so and selects the link to copy by hand.
  await context.clearPermissions();
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError")); });
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /did not let the page copy/.test(document.querySelector("#copy-link-note")?.innerText || ""));
  assert.equal(await page.evaluate(() => document.activeElement.id), "share-link");
  assert.equal(await page.evaluate(() => { const e = document.activeElement; return e.value.slice(e.selectionStart, e.selectionEnd); }), link);
  assert.deepEqual(seen.errors, []);
});

test("a scenario file with a value of the wrong kind still names every problem's field as the page does", async (t) => {
  const { page, seen } = await env.open(t);
  const file = { ...defaultScenario(), horizonMonths: 0, benefits: [{ name: "Visa enquiries", amountPerMonth: "300", ramped: "yes" }] };
  await page.getByLabel("Import JSON").setInputFiles({ name: "edited.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await page.waitForSelector("#import-error");
  const lines = await page.locator("#import-error li").allInnerTexts();
  assert.deepEqual(lines.sort(), [
    "edited.json: Horizon (months) (horizonMonths in the file): must be a whole number of months from 1 to 120, found 0",
    "edited.json: Visa enquiries: grows with maturity (benefits[0].ramped in the file): must be true or false, found text",
  ]);
  assert.equal(await page.locator("#f-scenario option").count(), 1, "the file was added");
  assert.deepEqual(seen.errors, []);
});

test("the focus stays with the CSV import when its choice is made and when imported datasets are removed", async (t) => {
  const { page, seen } = await env.open(t);
  const csv = (penetration) => `# id: ke-survey\n# title: Kenya survey\n# source: A survey\n# year: 2024\n# measure: Share of adults using it\nplatform,18-34,35+\nfacebook,${penetration},0.4\nyoutube,0.6,0.3\n`;
  const importCSV = async (text) => {
    await page.getByLabel("Import demographics for another country (CSV)").setInputFiles({ name: "kenya.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
  };
  const focusOn = (id) => page.waitForFunction((id) => document.activeElement.id === id, id, { timeout: 5000 })
    .catch(async () => assert.fail(`the focus is on ${await page.evaluate(() => document.activeElement.id || document.activeElement.tagName)}, not on ${id}`));
  await importCSV(csv("0.5"));
  await page.waitForSelector("#imported-datasets");
  for (const choice of ["Cancel", "Import as a copy"]) {
    await importCSV(csv("0.9"));
    await page.waitForSelector("#import-csv-choice");
    await page.getByRole("button", { name: choice, exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector("#import-csv-choice", { state: "detached" });
    await focusOn("import-csv");
  }
  assert.deepEqual(await page.locator("#imported-datasets li").allInnerTexts(), ["Kenya survey (2024; ke-survey) Remove", "Kenya survey (copy) (2024; ke-survey-2) Remove"]);
  await page.getByRole("button", { name: "Remove the imported dataset Kenya survey (copy) (2024; ke-survey-2)" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelectorAll("#imported-datasets li").length === 1);
  // On the notice that says what was removed, not on the next dataset's Remove button.
  await focusOn("removal-notice");
  await page.getByRole("button", { name: "Remove the imported dataset Kenya survey (2024; ke-survey)" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForSelector("#imported-datasets", { state: "detached" });
  await focusOn("removal-notice");
  assert.deepEqual(seen.errors, []);
});

// kenyaSurvey is a CSV dataset of two platforms, Facebook and second.
const kenyaSurvey = (second) => `# id: ke-survey\n# title: Kenya survey\n# source: A survey\n# year: 2024\n# measure: Share of adults using it\nplatform,18-34,35+\nfacebook,0.5,0.4\n${second},0.6,0.3\n`;

// onKenyaSurvey imports kenyaSurvey("youtube") and switches the scenario to it; it
// returns a function that imports another file as kenya.csv.
async function onKenyaSurvey(page) {
  const importCSV = (text) => page.getByLabel("Import demographics for another country (CSV)").setInputFiles({ name: "kenya.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
  await importCSV(kenyaSurvey("youtube"));
  await page.waitForSelector("#imported-datasets");
  await page.getByLabel("Platform demographics").selectOption("ke-survey");
  await quiet(page);
  return importCSV;
}

test("after an imported dataset is replaced, its platforms' Recommend? boxes edit the new dataset's list", async (t) => {
  const { page, seen } = await env.open(t);
  const importCSV = await onKenyaSurvey(page);
  // The survey's corrected file has TikTok where the first had YouTube.
  await importCSV(kenyaSurvey("tiktok"));
  await page.getByRole("button", { name: "Replace ke-survey" }).click();
  await page.waitForSelector("#import-csv-choice", { state: "detached" });
  await page.getByLabel("Consider Facebook in the recommendation").uncheck();
  await page.waitForFunction(() => !document.querySelector("#f-candidate-facebook").checked);
  await quiet(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON" }).click()]);
  const s = JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8"));
  assert.deepEqual(s.candidates, ["tiktok"]);
  assert.deepEqual(seen.errors, []);
});

test("a problem about a group of fields links to the group's first input, or to its add button", async (t) => {
  const { page, seen } = await env.open(t);
  for (const label of ["Ages 18-29", "Ages 30-49", "Ages 50-64", "Ages 65 and over"]) await page.getByLabel(`Weight of ${label} (relative)`).fill("0");
  for (let i = 0; i < 3; i++) {
    const points = await page.getByRole("button", { name: /^Remove point / }).count();
    await page.getByRole("button", { name: "Remove point 1", exact: true }).click();
    await page.waitForFunction((n) => [...document.querySelectorAll("button")].filter((b) => /^Remove point /.test(b.textContent)).length === n - 1, points);
  }
  await page.waitForFunction(() => /fix 2 problems/.test(document.querySelector("#out-of-date")?.innerText || ""));
  for (const [name, want] of [["Audience weights", "f-audience-weights-18-29"], ["Maturity curve", "add-point"]]) {
    await page.locator("#out-of-date").getByRole("link", { name }).click();
    assert.equal(await page.evaluate(() => document.activeElement.id), want, `the link ${name} led nowhere`);
  }
  assert.deepEqual(seen.errors, []);
});

test("what was said of one scenario (applied, its share link) goes when another is shown", async (t) => {
  const { page, seen } = await env.open(t);
  await page.getByRole("button", { name: "Copy", exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll("#f-scenario option").length === 2);
  await page.waitForSelector("#apply-recommendation:not([disabled])");
  await page.getByRole("button", { name: "Apply the recommendation" }).click();
  await page.waitForSelector("#apply-note");
  assert.equal(await page.locator("#apply-note").innerText(), "Applied the recommended plan.");
  await page.getByLabel(/^Scenario \(/).selectOption({ label: "Mid-size embassy, US adults (example)" });
  await page.waitForFunction(() => /\(being edited\)/.test(document.querySelector("#compare-table thead th:nth-child(2)")?.innerText || ""));
  assert.equal(await page.locator("#apply-note").count(), 0, "the original scenario is said to have the recommendation applied");
  // A link made for a scenario is not left beside another once that one is deleted.
  await page.getByRole("button", { name: "Share link" }).click();
  await page.waitForSelector("#share-link");
  await page.getByRole("button", { name: "Delete" }).click();
  await page.waitForSelector("#undo-delete");
  assert.equal(await page.locator("#share-link").count(), 0, "the deleted scenario's link is still offered");
  await page.getByRole("button", { name: "Undo delete" }).click();
  await page.waitForSelector("#undo-delete", { state: "detached" });
  await page.getByRole("button", { name: "Share link" }).click();
  await page.waitForSelector("#share-link");
  await page.getByLabel(/^Scenario \(/).selectOption({ index: 1 });
  await page.waitForSelector("#share-link", { state: "detached" });
  assert.deepEqual(seen.errors, []);
});

test("replacing an imported dataset keeps what the new file has, says what it dropped, and leaves no problem the form cannot show", async (t) => {
  const { page, seen } = await env.open(t);
  const importCSV = await onKenyaSurvey(page);
  await page.getByLabel("Hours per week of Digital officer on YouTube").fill("4");
  await page.locator("#f-platforms-youtube-minHours").fill("3");
  await page.getByLabel("Consider Facebook in the recommendation").uncheck();
  await quiet(page);
  await importCSV(kenyaSurvey("tiktok"));
  await page.getByRole("button", { name: "Replace ke-survey" }).click();
  await page.waitForSelector("#import-csv-choice", { state: "detached" });
  const notice = await page.locator("#notice").innerText();
  assert.match(notice, /Replaced the dataset ke-survey/);
  assert.match(notice, /Not kept in "Mid-size embassy, US adults \(example\)": .*Plan hours on platforms the new dataset does not have: YouTube\./);
  await quiet(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON" }).click()]);
  const s = JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8"));
  assert.equal(s.datasetInline.id, "ke-survey");
  assert.deepEqual(s.plan.map((l) => l.platform), ["facebook"]);
  assert.equal(s.platforms, undefined);
  assert.equal(s.candidates, undefined, "youtube stayed among the platforms considered");
  assert.deepEqual(seen.errors, []);
});
