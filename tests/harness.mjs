// Shared set-up of the browser tests and the browser benchmark: serve the built site
// from dist/ with the project's own server, and drive Debian's Chromium headless.
import { spawn, execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const bin = path.join(root, "bin", "platformroi");

// serve starts `platformroi serve` (or another build's server) on a free loopback
// port and resolves to its URL.
export function serve(dir = path.join(root, "dist"), base = "/", server = bin) {
  return new Promise((resolve, reject) => {
    const proc = spawn(server, ["serve", "--dir", dir, "--addr", "127.0.0.1:0", "--base", base], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    proc.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/at (http:\/\/\S+\/)/);
      if (m) resolve({ url: m[1], stop: () => proc.kill("SIGTERM") });
    });
    proc.stderr.on("data", (d) => (out += d));
    proc.on("exit", (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

// launch starts Chromium; playwright gives it a new, empty profile every time.
// extra.args are added to the flags (such as a remote-debugging port for Lighthouse).
export async function launch(extra = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", ...(extra.args || [])],
  });
}

// watch records console errors, page errors and requests that leave the site's origin.
export function watch(page, origin) {
  const seen = { errors: [], foreign: [] };
  page.on("console", (m) => { if (m.type() === "error") seen.errors.push(m.text()); });
  page.on("pageerror", (e) => seen.errors.push(String(e)));
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")) seen.foreign.push(u);
  });
  return seen;
}

// ready waits until the app has started (go-app removes its loader, the corner badge,
// once the WebAssembly has built the page) and every chart is drawn.
export async function ready(page, charts = 4) {
  await page.waitForFunction((n) => window.roiCharts && window.roiCharts.stats.draws >= n &&
    !document.getElementById("app-wasm-loader") &&
    document.querySelectorAll(".chart-canvas canvas").length >= n, charts, { timeout: 60000 });
}

// settled waits until nothing in the results is being worked out (the recommendation
// and the likely range come after the figures) and every chart has drawn its latest
// option: a chart off screen otherwise keeps its last drawing, at its last size, until
// it is scrolled to.
export async function settled(page) {
  await page.waitForFunction(() => {
    if (document.querySelector(".results .updating, .results [aria-busy=true]")) return false;
    window.roiCharts.flush();
    return Object.keys(window.roiCharts.waiting).length === 0;
  }, null, { timeout: 60000 });
}

// exported is the scenario the page exports with "Export JSON", as a parsed file.
export async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
  return JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8"));
}

// cached waits until the service worker is activated and its cache holds the page and
// app.wasm (it registers once the app has started). Polled inside the page, with
// page.evaluate awaiting each look.
export async function cached(page, timeout = 60000) {
  await page.evaluate(async (timeout) => {
    const deadline = performance.now() + timeout;
    for (;;) {
      const reg = await navigator.serviceWorker.getRegistration();
      if (reg && reg.active && reg.active.state === "activated") {
        for (const k of await caches.keys()) {
          const c = await caches.open(k);
          if (await c.match(new URL("web/app.wasm", location.href).pathname) && await c.match(reg.scope)) return;
        }
      }
      if (performance.now() > deadline) throw new Error("no activated service worker with the page and app.wasm cached");
      await new Promise((r) => setTimeout(r, 50));
    }
  }, timeout);
}

// cli runs the command line's calc --json on a scenario document.
export function cli(scenario) {
  const out = execFileSync(bin, ["calc", "--json", "-"], { input: JSON.stringify(scenario) });
  return JSON.parse(out.toString());
}

export function defaultScenario() {
  return JSON.parse(readFileSync(path.join(root, "calc", "data", "default-scenario.json"), "utf8"));
}

// money formats a results-document amount as the page shows it: "12,345.60 EUR".
export function money(s, cur) {
  const neg = s.startsWith("-");
  const [i, f] = s.replace("-", "").split(".");
  return (neg ? "-" : "") + i.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + "." + f + " " + cur;
}

export function people(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

// browserSession sets up a test file: the built site served from dist/ and one
// Chromium, for all its tests. open(t, {url, wait}) gives a fresh context and page,
// closed after test t, with console errors and requests leaving the origin recorded
// in seen; it opens url (the site by default; null for none) and, unless wait is
// false, waits for every chart.
export function browserSession() {
  const env = {};
  before(async () => {
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
  });
  env.open = async (t, { url, wait = true } = {}) => {
    const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    t.after(() => context.close());
    const page = await context.newPage();
    const seen = watch(page, new URL(env.server.url).origin);
    if (url !== null) {
      await page.goto(url || env.server.url);
      if (wait) await ready(page);
    }
    return { context, page, seen };
  };
  return env;
}
