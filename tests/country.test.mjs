// Browser tests of the host country first: picked by typing, its datasets offered with
// what they measure and where they were read, switched between without losing the
// plan; a country no dataset describes said plainly, with the regional and all-markets
// datasets and the CSV import offered; the CSV template of the country's platforms.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { root, cli, money, browserSession, exported } from "./harness.mjs";

const env = browserSession();

const quiet = (page) => page.waitForFunction(() => !document.querySelector(".stale-notice"));
const dataset = (id) => JSON.parse(readFileSync(path.join(root, "calc", "data", `${id}.dataset.json`), "utf8"));


async function pickCountry(page, typed) {
  const field = page.getByLabel("Host country or region");
  await field.fill(typed);
  await field.press("Enter");
}

test("a country picked by typing: its datasets with their provenance; switching between them keeps the plan", async (t) => {
  const { page, seen } = await env.open(t);
  await pickCountry(page, "Keny");
  await page.waitForFunction(() => /^Kenya: \d+ datasets listed first below\.$/.test(document.querySelector("#country-found")?.innerText || ""));
  const group = await page.locator('#f-dataset optgroup[label="The host country"] option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual([...group].sort(), ["ca-ke-2024", "pew-ke-2018", "pew-ke-2023", "reuters-dnr-ke-2023", "reuters-dnr-ke-2024"]);
  let plan = (await exported(page)).plan;
  for (const id of ["reuters-dnr-ke-2024", "ca-ke-2024", "pew-ke-2018"]) {
    const ds = dataset(id);
    await page.getByLabel("Platform demographics").selectOption(id);
    await quiet(page);
    const s = await exported(page);
    assert.equal(s.dataset, id);
    // Every line of the plan whose platform the new dataset has is kept, hours and all.
    const ids = ds.platforms.map((p) => p.id);
    const want = plan.filter((l) => ids.includes(l.platform));
    assert.ok(want.length > 0, `nothing of the plan on ${id}`);
    for (const l of want) assert.ok(s.plan.some((m) => m.platform === l.platform && m.hoursPerWeek === l.hoursPerWeek && m.role === l.role), `${id}: ${l.platform} not kept`);
    assert.equal(await page.locator("#fig-total-cost .value").innerText(), money(cli(s).totals.cost, s.currency));
    plan = s.plan;
    // What the figures are and where they were read.
    const info = await page.locator(".dataset-info").innerText();
    const pr = ds.provenance;
    // The year once: in the title, or after it.
    assert.ok(ds.title.includes(String(ds.year)) ? !info.includes(`(${ds.year})`) : info.includes(`${ds.title} (${ds.year})`), `${id}: the year ${ds.year} is not shown once`);
    for (const want of [ds.title, "Kenya", `Method: ${pr.method}`, `Licence: ${pr.licence}`]) {
      assert.ok(info.includes(want), `${id}: the demographics do not show ${want}:\n${info}`);
    }
    assert.equal(await page.locator("#second-hand").innerText(),
      `Read second-hand (${pr.readAt}): check the figures against the original, ${pr.original}.`);
    // One segment ("all"): no weights to set.
    assert.equal(await page.getByLabel(/^Weight of /).count(), 0);
  }
  assert.deepEqual(seen.errors, []);
});

test("a country no dataset describes is said plainly; the regional or all-markets figures and the import are offered", async (t) => {
  const { page, seen } = await env.open(t);
  const before = (await exported(page)).plan;
  await pickCountry(page, "Chile");
  await page.waitForFunction(() => /No dataset describes "Chile" yet\./.test(document.querySelector("#country-found")?.innerText || ""));
  const offers = await page.locator("#country-offers li").allInnerTexts();
  assert.ok(offers.some((o) => o.startsWith("Weekly use of platforms for news, all markets, 2025 (Global")), offers.join("\n"));
  assert.ok(offers.some((o) => o.includes("Arab states")), offers.join("\n"));
  await page.getByRole("button", { name: "Use Weekly use of platforms for news, all markets, 2025" }).click();
  await quiet(page);
  const s = await exported(page);
  assert.equal(s.dataset, "reuters-dnr-2025");
  const ids = dataset("reuters-dnr-2025").platforms.map((p) => p.id);
  for (const l of before.filter((l) => ids.includes(l.platform))) assert.ok(s.plan.some((m) => m.platform === l.platform && m.hoursPerWeek === l.hoursPerWeek));
  assert.match(await page.locator("#country-found").innerText(), /No dataset describes "Chile" yet\./);
  // The import is offered: its link moves the focus to the file field.
  await page.locator("#country-found a").click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "import-csv");
  // Two countries start with "South".
  await pickCountry(page, "South");
  await page.waitForFunction(() => /Several countries or regions match "South": South Africa; South Korea\./.test(document.querySelector("#country-found")?.innerText || ""));
  assert.deepEqual(seen.errors, []);
});

test("the CSV template of the host country's platforms downloads, imports and gives the same figures", async (t) => {
  const { page, seen } = await env.open(t);
  await pickCountry(page, "Korea");
  await page.waitForFunction(() => /^South Korea: 1 dataset listed first below\.$/.test(document.querySelector("#country-found")?.innerText || ""));
  const button = page.getByRole("button", { name: "Download a template (CSV) with the platforms of South Korea (kpf-kr-2024)" });
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  assert.match(csv, /^# area: KR$/m);
  assert.match(csv, /^# hand: second-hand$/m);
  const ds = dataset("kpf-kr-2024");
  for (const p of ds.platforms) assert.match(csv, new RegExp(`^${p.id},[^\\n]*,${p.penetration.all},`, "m"), `no row of ${p.id}`);
  await page.setInputFiles("#import-csv", { name: download.suggestedFilename(), mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.waitForSelector("#imported-datasets li");
  assert.equal(await page.locator("#import-csv-error").count(), 0);
  await page.getByLabel("Platform demographics").selectOption("kpf-kr-2024-copy");
  await quiet(page);
  const s = await exported(page);
  assert.equal(s.datasetInline?.id ?? s.dataset, "kpf-kr-2024-copy");
  // The imported copy computes as the built-in dataset does.
  const info = await page.locator(".dataset-info").innerText();
  assert.ok(info.includes("South Korea"), info);
  assert.ok(info.includes(`Read second-hand (${ds.provenance.readAt})`), info);
  assert.deepEqual(seen.errors, []);
});

test("a shorter name typed for the country already chosen reads back as the country's full name", async (t) => {
  const { page, seen } = await env.open(t);
  const field = page.getByLabel("Host country or region");
  const file = await exported(page);
  const total = await page.locator("#fig-total-cost .value").innerText();
  await pickCountry(page, "Keny");
  await page.waitForFunction(() => /^Kenya: \d+ datasets listed first below\.$/.test(document.querySelector("#country-found")?.innerText || ""));
  assert.equal(await field.inputValue(), "Kenya [KE]");
  // The same country again, by a shorter name, by its code, in lower case: the field
  // says which country the list is for, as it does when another one is chosen.
  for (const typed of ["Ken", "ke", "kenya", " Kenya [KE] "]) {
    await pickCountry(page, typed);
    await page.waitForFunction((v) => document.querySelector("#f-country").value === v, "Kenya [KE]", { timeout: 5000 })
      .catch(async () => assert.fail(`after typing ${JSON.stringify(typed)} the field reads ${JSON.stringify(await field.inputValue())}`));
    assert.match(await page.locator("#country-found").innerText(), /^Kenya: \d+ datasets listed first below\.$/);
  }
  // Emptied, it goes back to the country of the demographics in use.
  await pickCountry(page, "");
  await page.waitForFunction(() => document.querySelector("#f-country").value === "United States [US]", null, { timeout: 5000 })
    .catch(async () => assert.fail(`emptied, the field reads ${JSON.stringify(await field.inputValue())}`));
  // Choosing a host country changes nothing of the scenario.
  assert.deepEqual(await exported(page), file);
  assert.equal(await page.locator("#fig-total-cost .value").innerText(), total);
  assert.deepEqual(seen.errors, []);
});
