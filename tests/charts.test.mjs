// Browser tests of the slide-ready charts: each exported chart through the option
// ECharts drew it with and the text it drew (fonts at 1600 × 900, sorted order, the
// plan's platforms marked, the cost chart's labelled figures), the files (PNG size,
// the SVG's whole source line, file names), the command line's images against the
// page's, and the charts on the page at phone and desktop widths (no text overlapping
// or cut).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { bin, root, browserSession, defaultScenario, ready, settled } from "./harness.mjs";

const env = browserSession();

const scenarioName = "Mid-size embassy, US adults (example)";
const charts = {
  "chart-fit": "audience share", "chart-cost": "cost", "chart-cumulative": "cost and value by month",
  "chart-reach": "reach by month", "chart-tornado": "what moves the result", "chart-net-draws": "likely net value",
  "chart-compare-key": "key figures", "chart-compare-net": "net by month",
};

// downloaded clicks as a person does, the button held 60 ms: Chromium lets a page
// download a file after each interaction, and with the press and the release at once,
// one download in ten or so came before the interaction was counted and was dropped.
async function downloaded(page, selector) {
  const [d] = await Promise.all([page.waitForEvent("download"), page.click(selector, { delay: 60 })]);
  const chunks = await (await d.createReadStream()).toArray();
  return { name: d.suggestedFilename(), data: Buffer.concat(chunks) };
}

// drawnOnPage gives the texts chart id has drawn on the page, and its size.
function drawnOnPage(page, id) {
  return page.evaluate((id) => {
    const el = document.getElementById(id);
    const chart = echarts.getInstanceByDom(el.querySelector(".chart-canvas") || el);
    return { texts: window.roiCharts.texts(chart), width: chart.getWidth(), height: chart.getHeight() };
  }, id);
}

// overlaps gives the pairs of texts whose boxes overlap by more than a pixel each way,
// and the texts that reach out of width × height.
function problems(texts, width, height) {
  const out = [];
  for (let i = 0; i < texts.length; i++) {
    const a = texts[i];
    if (a.x < -1 || a.y < -1 || a.x + a.width > width + 1 || a.y + a.height > height + 1) out.push(`"${a.text}" is cut at ${JSON.stringify([a.x, a.y, a.width, a.height].map(Math.round))}`);
    for (let j = i + 1; j < texts.length; j++) {
      const b = texts[j];
      const dx = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const dy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (dx > 1 && dy > 1) out.push(`"${a.text}" overlaps "${b.text}"`);
    }
  }
  return out;
}

// fontSizes lists every fontSize in an option with its path.
function fontSizes(o, p = "", out = []) {
  if (Array.isArray(o)) o.forEach((x, i) => fontSizes(x, `${p}[${i}]`, out));
  else if (o && typeof o === "object") {
    for (const [k, v] of Object.entries(o)) {
      if (k === "fontSize") out.push([p, v]);
      else fontSizes(v, `${p}.${k}`, out);
    }
  }
  return out;
}

// withComparison adds a copy of the scenario, with other hours, so that the page
// shows the comparison charts.
async function withComparison(page) {
  await page.click("#copy-scenario");
  await page.fill("#f-name", "More hours");
  await page.fill("#f-plan-facebook-0", "12");
  await page.waitForSelector("#compare-table");
  await page.waitForFunction(() => document.querySelector("#chart-compare-net canvas") && document.querySelector("#chart-compare-key canvas"));
}

test("each exported chart: fonts at 1600 x 900, the PNG's size, the SVG's whole source line, the file's name", async (t) => {
  const { page, seen } = await env.open(t);
  await withComparison(page);
  await settled(page);
  const ids = await page.evaluate(() => [...document.querySelectorAll(".chart-canvas[id]")].map((el) => el.id));
  assert.deepEqual(ids.slice().sort(), Object.keys(charts).sort(), "the page's charts");
  for (const id of ids) {
    // Named after the scenario shown (the copy), or the comparison, and the chart.
    const file = `${id.startsWith("chart-compare") ? "Comparison" : "More hours"} - ${charts[id]}`;
    const png = await downloaded(page, `#${id}-png`);
    assert.equal(png.name, file + ".png", `${id}: the file's name`);
    assert.equal(png.data.subarray(1, 4).toString(), "PNG");
    assert.deepEqual([png.data.readUInt32BE(16), png.data.readUInt32BE(20)], [3200, 1800], `${id}: PNG size`);
    const drawn = await page.evaluate(() => window.roiCharts.lastImage);
    assert.deepEqual([drawn.format, drawn.width, drawn.height], ["png", 1600, 900]);
    // Through the option ECharts used: the title 36 px or more, every other size 20 px.
    const opt = drawn.option;
    assert.ok(opt.title[0].textStyle.fontSize >= 36, `${id}: title ${opt.title[0].textStyle.fontSize} px`);
    const sizes = fontSizes(opt);
    assert.ok(sizes.length > 8, `${id}: ${sizes.length} font sizes`);
    for (const [where, size] of sizes) assert.ok(size >= 20, `${id}: ${where} is ${size} px at 1600 x 900`);
    // And in what it drew: every line of text, with nothing overlapping or cut.
    assert.ok(drawn.texts.length > 10, `${id}: ${drawn.texts.length} texts drawn`);
    for (const tx of drawn.texts) assert.ok(tx.fontSize >= 20, `${id}: "${tx.text}" drawn at ${tx.fontSize} px`);
    const title = drawn.texts.filter((tx) => opt.title[0].text.split("\n").includes(tx.text));
    assert.ok(title.length > 0 && title.every((tx) => tx.fontSize >= 36), `${id}: the title drawn at ${title.map((tx) => tx.fontSize)}`);
    assert.deepEqual(problems(drawn.texts, 1600, 900), [], `${id} at 1600 x 900`);

    const svg = await downloaded(page, `#${id}-svg`);
    assert.equal(svg.name, file + ".svg");
    const raw = await page.evaluate((id) => JSON.parse(window.roiCharts.json(id)).title[0].subtext, id);
    const source = raw.split("\n").find((l) => l.startsWith("Source: "));
    assert.ok(source && source.length > 40, `${id}: source ${source}`);
    const text = await page.evaluate((s) => {
      const doc = new DOMParser().parseFromString(s, "image/svg+xml");
      return { error: doc.getElementsByTagName("parsererror").length, lines: [...doc.querySelectorAll("text")].map((el) => el.textContent) };
    }, svg.data.toString());
    assert.equal(text.error, 0, `${id}: the SVG does not parse`);
    const flat = text.lines.join(" ").replace(/\s+/g, " ");
    assert.ok(flat.includes(source.replace(/\s+/g, " ")), `${id}: the SVG lacks the whole source line ${source}`);
    assert.ok(!/…/.test(flat), `${id}: a text is cut short`);
  }
  assert.deepEqual(seen.errors, []);
});

test("the share chart is sorted with the plan's platforms marked; the cost chart labels the zero sticker price and the totals", async (t) => {
  const { page } = await env.open(t);
  // The share chart, as exported.
  await downloaded(page, "#chart-fit-png");
  let drawn = await page.evaluate(() => window.roiCharts.lastImage);
  const names = drawn.option.yAxis[0].data.map((d) => (typeof d === "object" ? d.value : d));
  const bold = drawn.option.yAxis[0].data.map((d) => typeof d === "object" && d.textStyle?.fontWeight === "bold");
  assert.equal(drawn.option.yAxis[0].inverse, true, "the first category is not at the top");
  const [plan, others] = drawn.option.series;
  assert.deepEqual([plan.name, others.name], ["In the current plan", "Not in the plan"]);
  assert.deepEqual(drawn.option.legend[0].data ?? [plan.name, others.name], [plan.name, others.name]);
  const value = (d) => (d && typeof d === "object" ? d.value : d);
  const shares = names.map((_, i) => (value(plan.data[i]) !== "-" ? value(plan.data[i]) : value(others.data[i])));
  assert.deepEqual(shares, shares.slice().sort((a, b) => b - a), "shares not largest first");
  const planned = names.filter((_, i) => value(plan.data[i]) !== "-");
  assert.deepEqual(planned.slice().sort(), ["Embassy website", "Facebook", "Instagram", "X (Twitter)"]);
  assert.deepEqual(names.filter((_, i) => bold[i]), planned, "the plan's platforms are not in bold");
  assert.equal(plan.itemStyle.color !== others.itemStyle.color, true);
  for (const p of planned) {
    const share = shares[names.indexOf(p)];
    assert.ok(drawn.texts.some((tx) => tx.text === `${share.toFixed(1)}% · in plan`), `no "${share.toFixed(1)}% · in plan" label for ${p}`);
  }
  assert.equal(names.length, 14);

  // The cost chart, as exported.
  await downloaded(page, "#chart-cost-png");
  drawn = await page.evaluate(() => window.roiCharts.lastImage);
  const doc = JSON.parse(execFileSync(bin, ["calc", "--json", "-"], { input: JSON.stringify(defaultScenario()) }).toString());
  const staff = doc.platforms.filter((p) => p.inPlan !== false && Number(p.hoursPerWeek) > 0);
  const drawnText = drawn.texts.map((tx) => tx.text).join("\n");
  const whole = (s) => Math.round(Number(s)).toLocaleString("en-US") + " EUR";
  assert.ok(drawnText.includes("The 'free' platforms cost 56,520 EUR in staff time"), "the headline is not in the image");
  assert.ok(drawnText.includes("Staff time: 56,520 EUR in total") && drawnText.includes("Sticker price (tools, ads): 0 EUR in total"), "the totals are not in the legend");
  const costs = [];
  for (const label of drawn.option.series[0].data.map((d) => d.label.formatter)) {
    const m = /^(.+): ([\d,]+ EUR) staff time \+ (0 EUR) sticker price$/.exec(label);
    assert.ok(m, `cost label ${label}`);
    const p = staff.find((q) => q.name === m[1]);
    assert.ok(p, `no platform ${m[1]} in the plan`);
    assert.equal(m[2], whole(p.staffCost), `${p.name}'s staff time`);
    costs.push(Number(p.cost));
    assert.ok(drawnText.replace(/\n/g, " ").includes(label), `the label ${label} is not drawn whole`);
  }
  assert.equal(costs.length, 4);
  assert.deepEqual(costs, costs.slice().sort((a, b) => b - a), "costs not costliest first");
  assert.ok(!drawn.option.title[0].subtext.includes("Pew"), "the cost chart cites the survey");
});

test("the command line's images are the page's", async (t) => {
  const { page } = await env.open(t);
  const dir = mkdtempSync(path.join(tmpdir(), "roi-render-"));
  const file = path.join(dir, "embassy.json");
  writeFileSync(file, JSON.stringify(defaultScenario()));
  execFileSync(bin, ["render", "--format", "svg", "--out", dir, file], { cwd: root });
  for (const id of ["chart-fit", "chart-cost", "chart-cumulative", "chart-reach"]) {
    const svg = await downloaded(page, `#${id}-svg`);
    const rendered = readFileSync(path.join(dir, `embassy-${id.replace("chart-", "")}.svg`), "utf8");
    assert.equal(svg.data.toString(), rendered, `${id}: render's SVG differs from the page's export`);
  }
});

for (const width of [390, 1280]) {
  test(`charts on the page at ${width} px wide: no text overlapping or cut, the share chart as tall as its platforms`, async (t) => {
    const { page, context } = await env.open(t, { url: null });
    await page.setViewportSize({ width, height: 900 });
    await page.goto(env.server.url);
    await ready(page);
    await withComparison(page);
    await settled(page);
    await page.waitForTimeout(300);
    await settled(page);
    const found = await page.evaluate(() => {
      return [...document.querySelectorAll(".chart-canvas[id]")].map((el) => {
        const h = el.querySelector(".chart-canvas") || el;
        const chart = echarts.getInstanceByDom(h);
        const fig = el.closest("figure").getBoundingClientRect(), box = el.getBoundingClientRect();
        return {
          id: el.id, width: chart.getWidth(), height: chart.getHeight(), el: [el.clientWidth, el.clientHeight], host: [h.clientWidth, h.clientHeight],
          inFigure: box.left >= fig.left - 0.5 && box.right <= fig.right + 0.5 && box.top >= fig.top - 0.5 && box.bottom <= fig.bottom + 0.5,
          right: box.right, viewport: window.innerWidth, rows: (chart.getOption().yAxis || [])[0]?.data?.length || 0,
          texts: window.roiCharts.texts(chart),
        };
      });
    });
    assert.equal(found.length, 8);
    // Nothing widens the page beyond the screen (a phone would scroll sideways and cut
    // the charts at its edge).
    const [pageWidth, screenWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(pageWidth <= screenWidth, `the page is ${pageWidth} px wide on a screen of ${screenWidth} px`);
    for (const c of found) {
      assert.deepEqual([c.width, c.height], c.el, `${c.id}: the chart is not the size of its element`);
      assert.deepEqual(c.host, c.el, `${c.id}: the chart's element is not the size of the page's`);
      assert.ok(c.inFigure, `${c.id} reaches out of its figure`);
      assert.ok(c.right <= c.viewport, `${c.id} ends at ${c.right} px, out of the ${c.viewport} px window`);
      assert.ok(c.texts.length > 8, `${c.id}: ${c.texts.length} texts`);
      assert.deepEqual(problems(c.texts, c.width, c.height), [], `${c.id} at ${width} px`);
      for (const tx of c.texts) assert.ok(tx.fontSize >= 11, `${c.id}: "${tx.text}" at ${tx.fontSize} px`);
    }
    const fit = found.find((c) => c.id === "chart-fit");
    assert.equal(fit.rows, 14);
    assert.ok(fit.height >= 14 * 26 + 150, `the share chart is ${fit.height} px tall for 14 platforms`);
    await context.close();
  });
}

test("a plan of ten platforms with tools and ads and a long name: exports and the phone page without overlapping or cut text", async (t) => {
  const { page } = await env.open(t, { url: null });
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto(env.server.url);
  await ready(page);
  const s = defaultScenario();
  s.name = "Regional hub for North and West Africa with French-language outreach, pilot year";
  s.staff = [{ role: "Digital officer", annualSalary: "52000", hoursPerWeek: 60 }];
  const ids = ["facebook", "instagram", "x", "website", "youtube", "linkedin", "tiktok", "whatsapp", "reddit", "pinterest"];
  s.plan = ids.map((p, i) => ({ platform: p, role: "Digital officer", hoursPerWeek: 4 + (i % 3) }));
  s.platforms = { youtube: { toolCost: "1200", adCost: "300" }, linkedin: { adCost: "500" } };
  await page.setInputFiles("#import-json", { name: "hub.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(s)) });
  await page.waitForFunction((n) => document.querySelector("#f-name").value === n, s.name);
  await page.waitForFunction(() => {
    window.roiCharts.flush();
    return !document.querySelector(".stale-notice") && JSON.parse(window.roiCharts.json("chart-cost") || "{}").yAxis?.[0]?.data?.length === 10;
  }).catch(async (e) => {
    throw new Error(e.message + ": " + await page.evaluate(() => (document.querySelector(".stale-notice")?.innerText || "") + " " + (window.roiCharts.json("chart-cost") || "").slice(0, 300)));
  });
  await page.evaluate(() => window.roiCharts.flush());
  await page.waitForTimeout(300);
  const exported = {};
  let costDrawn = null;
  for (const id of ["chart-fit", "chart-cost", "chart-cumulative", "chart-reach"]) {
    const png = await downloaded(page, `#${id}-png`);
    assert.ok(png.name.startsWith("Regional hub for North and West Africa") && png.name.endsWith(` - ${charts[id]}.png`), png.name);
    const drawn = await page.evaluate(() => window.roiCharts.lastImage);
    exported[id] = drawn.option;
    if (id === "chart-cost") costDrawn = drawn;
    assert.deepEqual(problems(drawn.texts, 1600, 900), [], `${id} exported`);
    const onPage = await drawnOnPage(page, id);
    assert.deepEqual(problems(onPage.texts, onPage.width, onPage.height), [], `${id} at 390 px`);
  }
  // The cost chart's labels stand above their bars, not on them.
  for (const tx of costDrawn.texts) {
    for (const b of costDrawn.bars) {
      const dx = Math.min(tx.x + tx.width, b.x + b.width) - Math.max(tx.x, b.x);
      const dy = Math.min(tx.y + tx.height, b.y + b.height) - Math.max(tx.y, b.y);
      assert.ok(!(dx > 1 && dy > 1), `"${tx.text}" ${JSON.stringify(tx)} is drawn over a bar ${JSON.stringify(b)}`);
    }
  }
  assert.ok(costDrawn.bars.length >= 10, `${costDrawn.bars.length} bars`);
  const cost = exported["chart-cost"];
  assert.match(cost.title[1].text, /^Staff time is \d+\.\d% of the cost: [\d,]+ EUR of [\d,]+ EUR$/);
  assert.ok(cost.series[1].name.includes("24,000 EUR in total"), cost.series[1].name);
});

// A chart off screen takes its new option's height at once: scrolled to and drawn, it
// does not change the page under a click. The share chart is as tall as its platforms;
// with four instead of fourteen, its buttons moved between press and release, and its
// PNG was not downloaded.
test("a chart off screen takes its new height before it is scrolled to; its PNG downloads after the demographics are switched", async (t) => {
  const { page } = await env.open(t);
  const height = () => page.locator("#chart-fit").evaluate((el) => el.getBoundingClientRect().height);
  const tall = await height();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByLabel("Platform demographics").selectOption("ca-ke-2024");
  await page.waitForFunction(() => !document.querySelector(".results .updating"));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const before = await height();
  const drawnBefore = await page.evaluate(() => window.roiCharts.stats.drawnAt["chart-fit"] || 0);
  assert.ok(before < tall, `the share chart of 4 platforms is still ${before} px tall (${tall} px with 14)`);
  await page.locator("#chart-fit").scrollIntoViewIfNeeded();
  await page.waitForFunction((t) => (window.roiCharts.stats.drawnAt["chart-fit"] || 0) > t, drawnBefore);
  assert.equal(await height(), before, "the chart changed height when drawn");
  const { name } = await downloaded(page, "#chart-fit-png");
  assert.match(name, / - audience share\.png$/);
});

// A copy keeps its name ("Copy of Mid-size embassy, US adults (example)"): on a phone
// the comparison's legend names both scenarios whole, and its plot keeps room to read.
test("the comparison's charts on a phone with the scenarios' own long names: legend whole, plot readable", async (t) => {
  const { page } = await env.open(t, { url: null });
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto(env.server.url);
  await ready(page);
  await page.click("#copy-scenario");
  await page.fill("#f-plan-facebook-0", "12");
  await page.waitForSelector("#compare-table");
  await page.waitForFunction(() => document.querySelector("#chart-compare-net canvas"));
  await settled(page);
  await page.locator("#chart-compare-net").scrollIntoViewIfNeeded();
  await settled(page);
  const c = await page.evaluate(() => {
    const chart = echarts.getInstanceByDom(document.querySelector("#chart-compare-net .chart-canvas") || document.getElementById("chart-compare-net"));
    const grid = chart.getModel().getComponent("grid").coordinateSystem.getRect();
    return { texts: window.roiCharts.texts(chart), width: chart.getWidth(), height: chart.getHeight(), plot: grid.height };
  });
  const names = c.texts.map((tx) => tx.text).join("\n");
  for (const n of ["Mid-size embassy, US adults (example)", "Copy of Mid-size embassy, US adults (example) (this scenario)"]) {
    assert.ok(names.replace(/\s+/g, " ").includes(n), `the legend lacks ${n}`);
  }
  assert.deepEqual(problems(c.texts, c.width, c.height), [], "chart-compare-net at 390 px");
  assert.ok(c.plot >= 150, `the plot is ${Math.round(c.plot)} px tall in a chart of ${c.height} px`);
});

// Amounts in rupiah have eleven digits on the axis: the last label ends inside the
// image, in the exports and on the page.
test("charts of large amounts (rupiah): the value axis's last label is not cut, exported or on the page", async (t) => {
  const { page } = await env.open(t);
  const s = { ...defaultScenario(), name: "Jakarta outreach", currency: "IDR",
    staff: [{ role: "Digital officer", hourlyCost: "950000", hoursPerWeek: 30 }], valuePer1000: "150000",
    ranges: { valuePer1000: { low: "80000", high: "300000" } } };
  await page.setInputFiles("#import-json", { name: "jakarta.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(s)) });
  await page.waitForFunction(() => document.getElementById("f-name").value === "Jakarta outreach");
  await settled(page);
  for (const id of ["chart-cost", "chart-tornado"]) {
    await downloaded(page, `#${id}-png`);
    const drawn = await page.evaluate(() => window.roiCharts.lastImage);
    assert.ok(drawn.texts.some((tx) => /^-?\d{1,3},\d{3},000$/.test(tx.text)), `${id}: no axis label of millions`);
    assert.deepEqual(problems(drawn.texts, 1600, 900), [], `${id} exported`);
    const onPage = await drawnOnPage(page, id);
    assert.deepEqual(problems(onPage.texts, onPage.width, onPage.height), [], `${id} on the page`);
  }
});
