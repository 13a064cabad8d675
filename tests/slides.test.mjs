// Browser tests of the slide deck: "Download slides (PPTX)" builds it in the page with
// PptxGenJS (loaded on first use, from the site), and LibreOffice must open it: it is
// converted to PDF and its slides read back with pdftotext, against what the page shows.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { browserSession, ready, cached } from "./harness.mjs";

const env = browserSession();

// download clicks the button by its accessible name and gives the file it offers,
// with the status said beside the button.
async function download(page) {
  const button = page.getByRole("button", { name: "Download slides (PPTX)" });
  // The progress is said beside the button while the deck is made.
  const preparing = page.waitForFunction(() => /Preparing slides…/.test(document.getElementById("slides-status").textContent), null, { polling: 10 });
  const [d] = await Promise.all([page.waitForEvent("download", { timeout: 120000 }), button.click(), preparing]);
  const data = Buffer.concat(await (await d.createReadStream()).toArray());
  await page.waitForFunction(() => /Slides ready/.test(document.getElementById("slides-status").textContent));
  return { name: d.suggestedFilename(), data, status: await page.locator("#slides-status").innerText() };
}

// pdfOf converts a deck with LibreOffice and gives each slide's text.
function pdfOf(deck, name = "deck.pptx") {
  const dir = mkdtempSync(path.join(tmpdir(), "roi-slides-"));
  const file = path.join(dir, name);
  writeFileSync(file, deck);
  execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", "--outdir", dir, file], { stdio: "pipe", timeout: 180000 });
  const pdf = file.replace(/\.pptx$/, ".pdf");
  const pages = Number(execFileSync("pdfinfo", [pdf]).toString().match(/Pages:\s+(\d+)/)[1]);
  const slides = [];
  for (let i = 1; i <= pages; i++) slides.push(execFileSync("pdftotext", ["-f", String(i), "-l", String(i), pdf, "-"]).toString());
  return slides;
}

// inside reads the deck's slides with JSZip (which PptxGenJS's bundle brings into the
// page): each slide's title placeholder, its text and its speaker notes.
function inside(page, deck) {
  return page.evaluate(async (b64) => {
    const zip = await window.JSZip.loadAsync(b64, { base64: true });
    const read = async (name) => zip.file(name) ? new DOMParser().parseFromString(await zip.file(name).async("string"), "application/xml") : null;
    const text = (el) => [...el.getElementsByTagName("a:p")].map((p) => [...p.getElementsByTagName("a:t")].map((t) => t.textContent).join("")).join("\n");
    const out = [];
    for (let i = 1; zip.file(`ppt/slides/slide${i}.xml`); i++) {
      const doc = await read(`ppt/slides/slide${i}.xml`);
      const shapes = [...doc.getElementsByTagName("p:sp")];
      const title = shapes.find((s) => [...s.getElementsByTagName("p:ph")].some((ph) => ph.getAttribute("type") === "title"));
      const named = {};
      shapes.forEach((s) => { const n = s.getElementsByTagName("p:cNvPr")[0]; if (n) named[n.getAttribute("name")] = text(s); });
      const notes = await read(`ppt/notesSlides/notesSlide${i}.xml`);
      out.push({ title: title ? text(title) : null, named, images: doc.getElementsByTagName("p:pic").length, notes: notes ? text(notes) : "" });
    }
    return out;
  }, deck.toString("base64"));
}

const squash = (s) => s.replace(/\s+/g, "");
const oneLine = (s) => s.replace(/\s+/g, " ").trim();

test("the deck: title slide with the page's figures, a slide per chart, the comparison, assumptions and sources", async (t) => {
  const { page, seen } = await env.open(t);
  // Two scenarios kept: the deck has their comparison.
  await page.click("#copy-scenario");
  await page.fill("#f-name", "Copy for the deck");
  await page.waitForSelector("#compare-table");
  const deck = await download(page);
  assert.equal(deck.name, "Copy for the deck - slides.pptx");
  assert.match(deck.status, /Slides ready: Copy for the deck - slides\.pptx/);
  assert.equal(deck.data.subarray(0, 2).toString(), "PK");
  t.diagnostic(`deck: ${deck.data.length} bytes`);
  assert.ok(deck.data.length < 8e6, `the deck has ${deck.data.length} bytes`);

  // What the page shows once the deck is made (the click works out what is pending).
  const shown = await page.evaluate(() => ({
    scenario: document.getElementById("f-name").value,
    figures: [...document.querySelectorAll(".headline .figure")].map((f) => ({
      label: f.querySelector(".label").textContent, value: f.querySelector(".value").textContent,
      likely: f.querySelector(".likely")?.textContent || "",
    })),
    charts: [...document.querySelectorAll("#results > .charts .chart-title")].map((e) => e.textContent),
    compare: document.getElementById("compare-h").textContent,
    compareCharts: [...document.querySelectorAll("#compare .chart-title")].map((e) => e.textContent),
    compareNames: [...document.querySelectorAll("#compare-table thead th")].slice(1).map((e) => e.textContent),
    assumptions: document.querySelector(".assumptions h3").textContent,
    assumed: [...document.querySelectorAll(".assumptions li")].map((e) => e.textContent),
    tables: [...document.querySelectorAll("#results > .charts figure table")].map((tb) => [...tb.querySelectorAll("tr")].map((tr) => [...tr.children].map((c) => c.textContent))),
  }));
  assert.ok(shown.charts.length >= 4 && shown.compareCharts.length === 2, JSON.stringify(shown.charts));
  assert.ok(shown.figures.length >= 8 && shown.figures.some((f) => f.likely), "the page shows no likely range");
  const assumedSlides = Math.max(1, Math.ceil(shown.assumed.length / 12));
  const titles = [shown.scenario, ...shown.charts, shown.compare, ...shown.compareCharts,
    ...Array.from({ length: assumedSlides }, (_, i) => shown.assumptions + (i ? " (continued)" : "")), "Sources"];

  // LibreOffice opens it: one PDF page per slide, each starting with its title.
  const pdf = pdfOf(deck.data);
  assert.equal(pdf.length, titles.length, `${pdf.length} slides, want ${titles.length}: ${titles.join(" / ")}`);
  pdf.forEach((text, i) => assert.ok(oneLine(text).startsWith(titles[i]), `slide ${i + 1} starts ${JSON.stringify(oneLine(text).slice(0, 80))}, want ${titles[i]}`));
  // The title slide carries the page's figures, with units, currency and likely ranges.
  const first = squash(pdf[0]);
  for (const f of shown.figures) {
    for (const part of [f.label, f.value, f.likely]) assert.ok(first.includes(squash(part)), `the title slide lacks ${part}`);
  }
  assert.match(pdf[0], /Platform ROI briefing · \d{1,2} [A-Z][a-z]+ 20\d\d/);
  assert.match(pdf[0], /Amounts in EUR over 12 months/);
  // Each chart slide has its source line.
  for (let i = 1; i <= shown.charts.length; i++) assert.match(pdf[i], /Source: /, `slide ${i + 1} has no source line`);
  // The comparison names both scenarios; the assumptions are the page's.
  const cmp = pdf[1 + shown.charts.length];
  for (const n of shown.compareNames) assert.ok(oneLine(cmp).includes(n.replace(/ \(being edited\)$/, "")), `the comparison lacks ${n}`);
  const assumedText = squash(pdf.slice(pdf.length - 1 - assumedSlides, pdf.length - 1).join(""));
  for (const a of shown.assumed) assert.ok(assumedText.includes(squash(a)), `the assumptions lack ${a}`);

  // Inside the file: titles are the slides' title placeholders, each chart slide has
  // its picture and its data table in the speaker notes, each figure its own box.
  const slides = await inside(page, deck.data);
  assert.deepEqual(slides.map((s) => s.title), titles);
  for (const f of shown.figures) {
    assert.equal(slides[0].named["Figure: " + f.label], [f.label, f.value, f.likely].filter(Boolean).join("\n"));
  }
  shown.tables.forEach((rows, i) => {
    const s = slides[1 + i];
    assert.equal(s.images, 1, `chart slide ${i + 2} has ${s.images} pictures`);
    for (const row of rows) assert.ok(s.notes.includes(row.join(" | ")), `the notes of slide ${i + 2} lack the row ${row.join(" | ")}`);
  });
  assert.deepEqual(seen.foreign, []);
  assert.deepEqual(seen.errors, []);
});

test("a scenario name with markup is text in the deck", async (t) => {
  const { page, seen } = await env.open(t);
  const evil = `<img src=x onerror=alert(1)>`;
  await page.click("#copy-scenario");
  await page.fill("#f-name", evil);
  await page.waitForSelector("#compare-table");
  const deck = await download(page);
  assert.ok(deck.name.endsWith(" - slides.pptx") && !/[<>]/.test(deck.name), deck.name);
  const pdf = pdfOf(deck.data);
  assert.ok(oneLine(pdf[0]).startsWith(evil), "the title slide does not show the name as typed: " + oneLine(pdf[0]).slice(0, 80));
  assert.ok(pdf.some((p, i) => i > 0 && oneLine(p).includes(evil)), "the comparison does not name the scenario as typed");
  const slides = await inside(page, deck.data);
  assert.equal(slides[0].title, evil);
  assert.equal(await page.locator("img[src=x]").count(), 0);
  assert.deepEqual(seen.errors, []);
});

test("a deck made while the form has problems says it is out of date", async (t) => {
  const { page } = await env.open(t);
  const cost = await page.locator("#fig-total-cost .value").innerText();
  await page.fill("#f-audience-size", "abc");
  await page.waitForSelector("#out-of-date");
  const deck = await download(page);
  assert.match(deck.name, / \(out of date\) - slides\.pptx$/);
  const slides = await inside(page, deck.data);
  const first = Object.values(slides[0].named).join("\n");
  assert.match(first, /Out of date: the form has 1 problem\./);
  assert.ok(first.includes(cost), "the title slide lacks the last figures without problems");
});

test("slides are made offline, from the service worker's copy of the library", async (t) => {
  const { context, page, seen } = await env.open(t);
  await cached(page);
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  assert.equal(await page.evaluate(() => typeof window.PptxGenJS), "undefined", "the library loads with the page");
  const deck = await download(page);
  assert.equal(pdfOf(deck.data).length >= 7, true);
  assert.deepEqual(seen.foreign, []);
});

test("when the library cannot be loaded, the failure is said beside the button", async (t) => {
  const context = await env.browser.newContext({ serviceWorkers: "block", acceptDownloads: true });
  t.after(() => context.close());
  const page = await context.newPage();
  await page.route("**/pptxgen.bundle.js", (r) => r.abort());
  await page.goto(env.server.url);
  await ready(page);
  await page.getByRole("button", { name: "Download slides (PPTX)" }).click();
  await page.waitForFunction(() => /could not be made/.test(document.getElementById("slides-status").textContent));
  assert.match(await page.locator("#slides-status").innerText(), /The slides could not be made: the slide library \(pptxgen\.bundle\.js\) could not be loaded/);
  assert.equal(await page.locator("#slides-status").getAttribute("role"), "status");
});
