// Messages for people: a problem names its field in words and says what is wrong in
// the person's terms, and quotes what was typed or read in a shortened form when it is
// long (the field keeps the whole text), wherever problems are shown: the page's
// problem list, beside the field, a file refused, a link refused, the command line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { bin, browserSession, defaultScenario } from "./harness.mjs";
import { shareLink } from "./hardcase.mjs";

const env = browserSession();
const long = "R".repeat(10000);

// quotesShortened checks that a message shows at most 40 characters of the long text,
// says so, and stays a line.
function quotesShortened(msg, where) {
  assert.ok(!msg.includes("R".repeat(41)), `${where} quotes more than 40 characters of the text: ${msg.slice(0, 200)}…`);
  assert.ok(msg.includes("RRRR…") && msg.includes("(first 40 of 10,000 characters)"), `${where} does not quote the text's start, said to be shortened: ${msg.slice(0, 200)}`);
  assert.ok(msg.length < 600, `${where} is ${msg.length} characters long`);
}

test("a 10,000-character role name is quoted shortened in the problem list and beside the field; the field keeps it", async (t) => {
  const { page, seen } = await env.open(t);
  await page.fill("#f-staff-0-role", long);
  await page.waitForSelector("#out-of-date");
  const list = await page.locator("#out-of-date").innerText();
  quotesShortened(list, "the problem list");
  assert.match(list, /: name: has 10,000 characters; at most 200 are accepted/);
  const beside = await page.locator("#f-staff-0-role-error").innerText();
  assert.equal(beside, "has 10,000 characters; at most 200 are accepted");
  assert.equal((await page.inputValue("#f-staff-0-role")).length, 10000, "the field lost what was typed");
  // The plan grid's names and the other problems of that role are named shortened too.
  await page.fill("#f-staff-0-hoursPerWeek", "-1");
  await page.waitForFunction(() => document.querySelector("#out-of-date")?.innerText.includes("fix 2 problems"));
  for (const li of await page.locator("#out-of-date li").allInnerTexts()) quotesShortened(li, "a problem");
  assert.deepEqual(seen.errors, []);
});

test("a file or a link with a 10,000-character text is refused with the text quoted shortened", async (t) => {
  const { page, seen } = await env.open(t);
  const s = defaultScenario();
  s.staff[0].role = long;
  s.plan.forEach((l) => (l.role = long));
  await page.setInputFiles("#import-json", { name: "long.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(s)) });
  await page.waitForSelector("#import-error");
  const refused = await page.locator("#import-error").innerText();
  quotesShortened(refused, "the refused file's message");
  assert.match(refused, /long\.json: R{40}… \(first 40 of 10,000 characters\): name \(staff\[0\]\.role in the file\): has 10,000 characters/);
  // An unknown field's name, in the file's path too.
  const u = defaultScenario();
  u[long] = 1;
  await page.setInputFiles("#import-json", { name: "unknown.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(u)) });
  await page.waitForFunction(() => document.querySelector("#import-error")?.innerText.includes("unknown.json"));
  quotesShortened(await page.locator("#import-error").innerText(), "the unknown field's message");

  const b = await env.open(t, { url: shareLink(env.server.url, s) });
  const notice = await b.page.locator("#notice").innerText();
  assert.match(notice, /could not be opened; nothing was changed/);
  quotesShortened(notice, "the refused link's message");
  assert.deepEqual([...seen.errors, ...b.seen.errors], []);
});

test("the command line quotes a long text shortened", () => {
  const s = defaultScenario();
  s.currency = long;
  let err = "";
  try {
    execFileSync(bin, ["calc", "-"], { input: JSON.stringify(s), stdio: ["pipe", "pipe", "pipe"] });
  } catch (e) {
    err = e.stderr.toString();
  }
  assert.match(err, /currency \(Currency\): must be an ISO 4217 currency code/);
  quotesShortened(err, "the command line's message");
});

test("a number typed with an exponent is refused in the person's terms: what the field takes and what was typed", async (t) => {
  const { page, seen } = await env.open(t);
  await page.fill("#f-staff-0-hoursPerWeek", "1e400");
  await page.waitForSelector("#f-staff-0-hoursPerWeek-error");
  assert.equal(await page.locator("#f-staff-0-hoursPerWeek-error").innerText(), "must be hours per week from 0 to 168, found 1e400 (a number of 401 digits)");
  assert.match(await page.locator("#out-of-date").innerText(), /Digital officer: hours per week available: must be hours per week from 0 to 168, found 1e400 \(a number of 401 digits\)/);
  await page.fill("#f-staff-0-hoursPerWeek", "1e-400");
  await page.waitForFunction(() => document.querySelector("#f-staff-0-hoursPerWeek-error")?.innerText.includes("decimal places"));
  assert.equal(await page.locator("#f-staff-0-hoursPerWeek-error").innerText(), "has more than 12 decimal places: 1e-400 has 400");
  await page.fill("#f-staff-0-hoursPerWeek", "3e1");
  await page.waitForFunction(() => !document.querySelector("#out-of-date"));
  assert.deepEqual(seen.errors, []);
});

test("a number typed as people write numbers is refused with what to write instead", async (t) => {
  const { page, seen } = await env.open(t);
  for (const [typed, want] of [["1,500,000", `must be a number without thousands separators, found "1,500,000": write 1500000`],
    ["1.5 million", `must be a number written in full, found "1.5 million": write 1500000`], ["about 2000", `must be a number, such as 12 or 12.5, found "about 2000"`]]) {
    await page.fill("#f-audience-size", typed);
    await page.waitForFunction((w) => document.querySelector("#f-audience-size-error")?.innerText === w, want);
  }
  await page.fill("#f-audience-size", "15000000000");
  await page.waitForFunction(() => document.querySelector("#f-audience-size-error")?.innerText === "must be a whole number of people from 0 to 10,000,000,000, found 15000000000");
  await page.fill("#f-staff-0-hoursPerWeek", "30h");
  await page.waitForFunction(() => document.querySelector("#f-staff-0-hoursPerWeek-error")?.innerText === `must be the number alone, without a unit or currency, found "30h": write 30`);
  assert.match(await page.locator("#out-of-date").innerText(), /Out of date: fix 2 problems/);
  assert.deepEqual(seen.errors, []);
});
