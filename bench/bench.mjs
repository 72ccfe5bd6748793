// The browser half of `scripts/bench.sh`: serves the release dist/ on 127.0.0.1 under a sub-path,
// drives Debian's headless Chromium, and prints one table with the native figures that
// scripts/bench.sh measured before (bench/output/core.json, bench/output/drafts.json). The same
// table is written to bench/output/latest.json so runs can be compared.
//
// It prints figures; it never fails because a figure is over a budget.
//
// Every time is taken inside the page with performance.now(), so Playwright's round trips to the
// browser are not counted.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync, constants } from "node:zlib";
import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";
import { serve } from "../tests/e2e/server.mjs";
import { ARGS } from "../tests/e2e/harness.mjs";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const OUTPUT = "bench/output";
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 15);
const RESUME_RUNS = Number(process.env.BENCH_RESUME_RUNS ?? 10);
const ANSWERS = 200;
// How many saved assessments the start page lists before "Show all" (LISTED_AT_FIRST in
// src/ui/pages/start.rs).
const LISTED_AT_FIRST = 25;

const BUDGETS = {
  firstVisitGzip: 150 * 1024,
  coldHeadingMedian: 300,
  answerP99: 16,
  resumeMedian: 300,
  linkAnswersOnly: 600,
};

const core = JSON.parse(readFileSync(`${OUTPUT}/core.json`, "utf8"));
const drafts = JSON.parse(readFileSync(`${OUTPUT}/drafts.json`, "utf8"));

// ---- small statistics ---------------------------------------------------------------------

function sorted(values) {
  return [...values].sort((a, b) => a - b);
}
/** The median (mean of the middle two for an even count). */
function median(values) {
  const s = sorted(values);
  const middle = Math.floor(s.length / 2);
  return s.length % 2 ? s[middle] : (s[middle - 1] + s[middle]) / 2;
}
/** Nearest-rank percentile: the smallest value with at least p% of values at or below it. */
function percentile(values, p) {
  const s = sorted(values);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
}
function summary(values) {
  return { runs: values.length, median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

// ---- in-page probes -----------------------------------------------------------------------

// Installed before any script of every page: records when the start page's main heading is first
// in the DOM and visible, then in the next task clicks the skip link (whose Rust handler moves
// focus to the main content) and records when that input has been handled. Also records when the
// list of saved assessments has the rows it first shows.
function loadProbe(expectedRows) {
  const marks = (window.__bench = {});
  const now = () => performance.now();
  const observer = new MutationObserver(() => {
    if (marks.heading === undefined) {
      const heading = document.getElementById("main-heading");
      if (heading && heading.checkVisibility()) {
        marks.heading = now();
        // A MessageChannel task runs as soon as the main thread is free, without setTimeout's
        // clamping: this is when a person's first click could be handled.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const link = document.querySelector(".govuk-skip-link");
          if (!link) return;
          link.click();
          marks.input = document.activeElement?.id === "main-content" ? now() : null;
        };
        channel.port2.postMessage(0);
      }
    }
    if (expectedRows > 0 && marks.rows === undefined) {
      if (document.querySelectorAll(".app-draft").length >= expectedRows) marks.rows = now();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function waitForMarks(page, names) {
  await page.waitForFunction(
    (names) => window.__bench && names.every((name) => window.__bench[name] !== undefined),
    names,
    { timeout: 30_000 },
  );
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation")[0];
    const wasm = performance.getEntriesByType("resource").find((entry) => entry.name.endsWith(".wasm"));
    return { ...window.__bench, htmlEnd: navigation?.responseEnd, wasmEnd: wasm?.responseEnd };
  });
}

// ---- 1. bytes of a first visit ------------------------------------------------------------

async function firstVisit(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies = [];
  page.on("response", (response) => bodies.push(response));
  await page.goto(url, { waitUntil: "load" });
  await page.locator("#main-heading").waitFor();
  // Anything the page asks for after the heading (fonts, images) belongs to the first visit too.
  await page.waitForLoadState("networkidle");
  const files = [];
  for (const response of bodies) {
    const body = await response.body().catch(() => null);
    if (!body) continue;
    const name = new URL(response.url()).pathname.replace(/^\/tools\/tcop\//, "") || "index.html";
    files.push({
      file: name,
      type: response.headers()["content-type"]?.split(";")[0] ?? "",
      raw: body.length,
      gzip: gzipSync(body, { level: constants.Z_BEST_COMPRESSION }).length,
    });
  }
  await context.close();
  files.sort((a, b) => b.gzip - a.gzip);
  const total = {
    raw: files.reduce((sum, file) => sum + file.raw, 0),
    gzip: files.reduce((sum, file) => sum + file.gzip, 0),
  };
  return { files, total };
}

// ---- 2. cold load -------------------------------------------------------------------------

async function coldLoads(browser, url) {
  const runs = [];
  for (let run = 0; run < COLD_RUNS; run++) {
    const context = await browser.newContext();
    await context.addInitScript(loadProbe, 0);
    const page = await context.newPage();
    await page.goto(url);
    runs.push(await waitForMarks(page, ["heading", "input"]));
    await context.close();
  }
  return {
    html: summary(runs.map((run) => run.htmlEnd)),
    wasm: summary(runs.map((run) => run.wasmEnd)),
    heading: summary(runs.map((run) => run.heading)),
    input: summary(runs.map((run) => run.input ?? NaN)),
  };
}

// ---- 3. answer latency --------------------------------------------------------------------

/** Runs in the page: answers `count` criteria of the point shown, cycling each criterion through
 * Met, Not met and Partly met so that every answer changes the point's score, and returns how long
 * each took from the click to the score on screen changing. */
async function answerInPage({ criteria, count, offset }) {
  const cycle = ["met", "not_met", "partly"];
  const clicks = new Map();
  const scoreText = () => document.querySelector(".app-point-score")?.textContent;
  const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  const times = [];
  for (let i = 0; i < count; i++) {
    const criterion = criteria[(offset + i) % criteria.length];
    const n = clicks.get(criterion) ?? 0;
    clicks.set(criterion, n + 1);
    const radio = document.getElementById(`${criterion}-${cycle[n % cycle.length]}`);
    if (!radio) throw new Error(`no radio for ${criterion}`);
    const before = scoreText();
    const start = performance.now();
    radio.click();
    // The click's handlers may have updated the DOM already; if not, the update comes in a later
    // microtask or task, which an observer made now still sees (no script runs in between).
    const end =
      scoreText() !== before
        ? performance.now()
        : await new Promise((done, fail) => {
            // The standing box may be replaced rather than edited: watch the page and compare.
            const observer = new MutationObserver(() => {
              if (scoreText() !== before) {
                const at = performance.now();
                observer.disconnect();
                clearTimeout(timer);
                done(at);
              }
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            const timer = setTimeout(() => {
              observer.disconnect();
              fail(new Error(`the score did not change after answering ${criterion}`));
            }, 5_000);
          });
    times.push(end - start);
    // Let the page settle, so that each answer is timed on its own.
    await frame();
  }
  return times;
}

async function answerLatency(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.locator("#main-heading").waitFor();
  const { blank } = drafts;
  await page.evaluate(({ key, value }) => localStorage.setItem(key, value), blank);
  await page.reload();
  await page.locator("#main-heading").waitFor();

  const frameworkId = drafts.largest_framework;
  const points = await pointsOf(page, url, blank.id, frameworkId);
  const perPoint = Math.ceil(ANSWERS / points.length);
  const times = [];
  for (const [index, point] of points.entries()) {
    const count = Math.min(perPoint, ANSWERS - times.length);
    if (count <= 0) break;
    await page.goto(`${url}#/a/${blank.id}/p/${point.slug}`);
    await page.locator(".app-point-score").waitFor();
    times.push(...(await page.evaluate(answerInPage, { criteria: point.criteria, count, offset: index })));
  }
  await context.close();
  return { answers: times.length, points: points.length, median: median(times), p99: percentile(times, 99), max: Math.max(...times) };
}

/** The points of the assessment, with their criteria's DOM IDs, read from its task list. */
async function pointsOf(page, url, id, frameworkId) {
  await page.goto(`${url}#/a/${id}`);
  await page.locator("#progress-summary").waitFor();
  const slugs = await page.evaluate(
    (id) =>
      [...document.querySelectorAll(`a[href*="#/a/${id}/p/"]`)].map((a) => a.getAttribute("href").split("/p/")[1]),
    id,
  );
  const points = [];
  for (const slug of [...new Set(slugs)]) {
    await page.goto(`${url}#/a/${id}/p/${slug}`);
    await page.locator(".app-point-score").waitFor();
    const criteria = await page.evaluate(
      (prefix) => [...document.querySelectorAll(".app-criterion")].map((el) => el.id).filter((el) => el.startsWith(prefix)),
      `${frameworkId}-${slug}-`,
    );
    points.push({ slug, criteria });
  }
  return points;
}

// ---- 4. resume with many saved assessments ------------------------------------------------

/**
 * Clicks an element in the page (found by `selector`, or a link by its `href`) and returns the
 * milliseconds until `until.count` elements match `until.selector`; null if there is no element.
 */
async function timeClick(page, target, until) {
  return page.evaluate(
    async ({ target, until }) => {
      const element = target.href
        ? [...document.querySelectorAll("a")].find((a) => a.getAttribute("href") === target.href)
        : document.querySelector(target.selector);
      if (!element) return null;
      const done = () => document.querySelectorAll(until.selector).length >= until.count;
      const finished = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (done()) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
      const start = performance.now();
      element.click();
      return (await finished) - start;
    },
    { target, until },
  );
}

async function resume(browser, url) {
  const entries = drafts.entries;
  const largestHref = `#/a/${drafts.largest_id}`;
  const listedAtFirst = Math.min(entries.length, LISTED_AT_FIRST);
  const runs = [];
  for (let run = 0; run < RESUME_RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.locator("#main-heading").waitFor();
    await page.evaluate((entries) => {
      for (const [key, value] of entries) localStorage.setItem(key, value);
    }, entries);
    // From here every load of this context's pages is probed.
    await context.addInitScript(loadProbe, listedAtFirst);
    await page.reload();
    const marks = await waitForMarks(page, ["heading", "rows"]);
    // "Show all", then every saved assessment listed.
    const showAll = await timeClick(page, { selector: "#show-all-drafts" }, { selector: ".app-draft", count: entries.length });
    const open = await timeClick(page, { href: largestHref }, { selector: "#progress-summary", count: 1 });
    if (open === null) throw new Error(`no link to ${largestHref} on the start page`);
    runs.push({ ...marks, showAll, open });
    await context.close();
  }
  return {
    drafts: entries.length,
    listedAtFirst,
    storedBytes: drafts.total_bytes,
    heading: summary(runs.map((run) => run.heading)),
    rows: summary(runs.map((run) => run.rows)),
    showAll: runs.some((run) => run.showAll === null) ? null : summary(runs.map((run) => run.showAll)),
    open: summary(runs.map((run) => run.open)),
  };
}

// ---- the table ----------------------------------------------------------------------------

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : "n/a");
const spread = (s) => `median ${ms(s.median)}  (min ${ms(s.min)}, max ${ms(s.max)}, ${s.runs} runs)`;
const rate = (ops) => `${Math.round(ops).toLocaleString("en-GB")} /s  (${(1e6 / ops).toFixed(1)} µs each)`;
const verdict = (value, budget) => (value <= budget ? "within" : "OVER");

function table(results) {
  const rows = [];
  const section = (title) => rows.push([title]);
  const row = (measure, figure, budget = "") => rows.push([measure, figure, budget]);

  section(`1. First visit: every file the browser loaded (raw / gzip -9)`);
  for (const file of results.bytes.files) {
    row(`   ${file.file} (${file.type})`, `${file.raw.toLocaleString("en-GB")} B / ${file.gzip.toLocaleString("en-GB")} B`);
  }
  const total = results.bytes.total;
  row(
    "   Total",
    `${kb(total.raw)} / ${kb(total.gzip)} gzip`,
    `≤ ${kb(BUDGETS.firstVisitGzip)} gzip: ${verdict(total.gzip, BUDGETS.firstVisitGzip)}`,
  );

  section(`2. Cold load, fresh browser context each run (from navigation start)`);
  row("   HTML received", spread(results.cold.html));
  row("   wasm received", spread(results.cold.wasm));
  row(
    "   Main heading visible",
    spread(results.cold.heading),
    `median < ${BUDGETS.coldHeadingMedian} ms: ${verdict(results.cold.heading.median, BUDGETS.coldHeadingMedian - 1e-9)}`,
  );
  row("   First input handled", spread(results.cold.input));

  const answer = results.answer;
  section(`3. Answer latency: radio clicked → point score updated on screen`);
  row(
    `   ${answer.answers} answers over ${answer.points} points of ${drafts.largest_framework}`,
    `median ${ms(answer.median)}, p99 ${ms(answer.p99)}, max ${ms(answer.max)}`,
    `p99 < ${BUDGETS.answerP99} ms: ${verdict(answer.p99, BUDGETS.answerP99 - 1e-9)}`,
  );

  const again = results.resume;
  section(`4. Resume with ${again.drafts} saved assessments (${kb(again.storedBytes)} in localStorage)`);
  row(
    "   Start page: main heading visible",
    spread(again.heading),
    `median < ${BUDGETS.resumeMedian} ms: ${verdict(again.heading.median, BUDGETS.resumeMedian - 1e-9)}`,
  );
  row(`   Start page: the ${again.listedAtFirst} most recent listed`, spread(again.rows));
  if (again.showAll) row(`   Show all: click → all ${again.drafts} listed`, spread(again.showAll));
  row("   Open the largest (click → task list)", spread(again.open));

  const link = core.share_link;
  section(`5. Share link for a complete ${link.framework} assessment (${link.criteria} criteria), #share=… length`);
  row(
    "   Answers only",
    `${link.answers_only_chars} characters`,
    `≤ ${BUDGETS.linkAnswersOnly}: ${verdict(link.answers_only_chars, BUDGETS.linkAnswersOnly)}`,
  );
  row(`   With a ${link.note_chars}-character evidence note per point (${link.points})`, `${link.with_notes_chars} characters`);

  const speed = core.throughput;
  section(
    `6. Core throughput, native release build: complete ${speed.framework} (${speed.criteria} criteria, ` +
      `${kb(speed.json_bytes)} JSON, ${speed.link_chars}-character link)`,
  );
  row("   Score", rate(speed.score));
  row("   JSON encode", rate(speed.json_encode));
  row("   JSON decode (with every check)", rate(speed.json_decode));
  row("   Link encode", rate(speed.link_encode));
  row("   Link decode", rate(speed.link_decode));

  const widths = [0, 1, 2].map((column) =>
    Math.max(...rows.filter((r) => r.length > 1).map((r) => (r[column] ?? "").length)),
  );
  const line = "-".repeat(widths[0] + widths[1] + widths[2] + 6);
  const out = [line];
  for (const r of rows) {
    if (r.length === 1) out.push(r[0]);
    else out.push(`${r[0].padEnd(widths[0])} | ${r[1].padEnd(widths[1])} | ${r[2]}`);
  }
  out.push(line);
  return out.join("\n");
}

// ---- run ----------------------------------------------------------------------------------

const server = await serve(process.env.DIST ?? "dist");
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const chromiumVersion = browser.version();
let results;
try {
  results = {
    bytes: await firstVisit(browser, server.url),
    cold: await coldLoads(browser, server.url),
    answer: await answerLatency(browser, server.url),
    resume: await resume(browser, server.url),
  };
} finally {
  await browser.close();
  await server.close();
}

const commit = (() => {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return null;
  }
})();
mkdirSync(OUTPUT, { recursive: true });
writeFileSync(
  `${OUTPUT}/latest.json`,
  JSON.stringify({ date: new Date().toISOString(), commit, chromium: chromiumVersion, budgets: BUDGETS, ...results, core }, null, 2) +
    "\n",
);
console.log(table(results));
console.log(`Written to ${OUTPUT}/latest.json (commit ${commit ?? "unknown"}, Chromium ${chromiumVersion}).`);
