// Browser test of the work after paint in slices: on a hard search (a share link of
// twenty platforms whose search uses up its step budget), the page keeps answering
// typing while the recommendation shows its progress, an edit of the recommendation's
// inputs starts the search again, and the recommendation it ends with is the command
// line's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSession, cli, money, ready } from "./harness.mjs";
import { hardScenario, shareLink } from "./hardcase.mjs";

const env = browserSession();

const progress = "#recommendation-progress";
const headline = "#fig-total-cost .value";

// searching reports whether the page shows the search in progress, with what it says.
const searchState = (page) => page.evaluate((sel) => {
  const p = document.querySelector(sel);
  return p ? { text: p.innerText, value: Number(p.querySelector("progress")?.value) } : null;
}, progress);

// recordProgress keeps, inside the page, every percentage the progress bar shows.
const recordProgress = (page) => page.evaluate((sel) => {
  window.__seen = [];
  const look = () => {
    const bar = document.querySelector(sel + " progress");
    const v = bar ? Number(bar.value) : -1;
    if (window.__seen.at(-1) !== v) window.__seen.push(v);
  };
  new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  look();
}, progress);

// recommendationOf is what the page shows of the recommendation: its plan lines, its
// objective and its bound.
const recommendationOf = (page) => page.evaluate(() => ({
  plan: [...document.querySelectorAll("#recommended-plan li")].map((li) => li.innerText),
  text: document.querySelector("#recommendation").innerText,
}));

// expected is the command line's recommendation as the page words it.
function expected(scenario, doc) {
  const names = Object.fromEntries(scenario.datasetInline.platforms.map((p) => [p.id, p.name]));
  const rec = doc.recommendation;
  return {
    plan: rec.plan.map((l) => `${names[l.platform]}: ${l.hoursPerWeek} h/week by ${l.role}`),
    value: money(rec.objectiveValue, doc.currency) + " net",
    bound: rec.proven ? null : "at most " + money(rec.bound, doc.currency),
  };
}

test("while a hard search runs the page answers typing, and ends with the command line's recommendation", async (t) => {
  const scenario = hardScenario();
  const { page, seen } = await env.open(t, { url: shareLink(env.server.url, scenario), wait: false });
  await ready(page, 1); // the app has started and drawn a chart: the search has begun
  await page.waitForSelector(progress, { timeout: 60000 });
  await recordProgress(page);
  assert.match((await searchState(page)).text, /Searching… \d+ % of the step budget/);
  assert.match(await page.locator("#recommendation").innerText(), /Working out the recommendation|Updating for the changed inputs/);
  const apply = page.getByRole("button", { name: "Apply the recommendation" });
  assert.equal(await apply.isDisabled(), true, "Apply is not waiting for the search");
  assert.match(await page.locator("#apply-wait").innerText(), /being worked out/);

  // Typing into the plan: the headline follows at once, the search goes on (its
  // inputs did not change).
  const before = await page.locator(headline).innerText();
  assert.equal(before, money(cli(scenario).totals.cost, "EUR"));
  const edited = structuredClone(scenario);
  edited.plan[0].hoursPerWeek = "14";
  const want = money(cli(edited).totals.cost, "EUR");
  await page.getByLabel("Hours per week of Digital officer on Platform 1", { exact: true }).fill("14");
  const seenThen = await page.waitForFunction(([h, want, sel]) => {
    if (document.querySelector(h)?.innerText !== want) return false;
    const bar = document.querySelector(sel + " progress");
    return { searching: !!bar, value: bar ? Number(bar.value) : null };
  }, [headline, want, progress], { timeout: 60000 }).then((h) => h.jsonValue());
  assert.equal(seenThen.searching, true, "the headline changed only once the search was over");

  // An edit of the value per 1,000: the search starts again, for the new inputs.
  edited.valuePer1000 = "650";
  await page.getByLabel("Value per 1,000 people reached (EUR)", { exact: true }).fill("650");
  await page.waitForFunction((h) => document.querySelector(h)?.innerText.length > 0, headline);
  await page.waitForFunction((sel) => !document.querySelector(sel), progress, { timeout: 180000 });

  const shown = await recommendationOf(page);
  const doc = cli(edited);
  const want2 = expected(edited, doc);
  assert.equal(doc.recommendation.proven, false, "the case no longer uses up the budget: it tests nothing");
  assert.deepEqual(shown.plan, want2.plan);
  assert.ok(shown.text.includes(want2.value), `the page says ${shown.text}; want ${want2.value}`);
  assert.ok(shown.text.includes(want2.bound), `the page says ${shown.text}; want ${want2.bound}`);
  assert.doesNotMatch(shown.text, /Updating|Searching/);
  assert.equal(await page.locator(headline).innerText(), money(doc.totals.cost, "EUR"));
  assert.equal(await apply.isDisabled(), false);

  // The progress went up while the search ran, and started again after the edit.
  const values = (await page.evaluate(() => window.__seen)).filter((v) => v >= 0);
  assert.ok(values.some((v, i) => i > 0 && v > values[i - 1]), `progress shown: ${values}`);
  assert.ok(values.some((v, i) => i > 0 && v < values[i - 1]), `the search did not start again after the edit: ${values}`);

  // Apply now puts the command line's plan in the form.
  await apply.click();
  await page.waitForFunction(() => document.querySelector("#apply-note")?.innerText.startsWith("Applied"));
  for (const l of doc.recommendation.plan) {
    const label = `Hours per week of ${l.role} on ${edited.datasetInline.platforms.find((p) => p.id === l.platform).name}`;
    assert.equal(await page.getByLabel(label, { exact: true }).inputValue(), l.hoursPerWeek);
  }
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.foreign, []);
});
