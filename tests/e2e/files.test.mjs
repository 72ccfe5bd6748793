// Taking work away and bringing it back: "Download JSON", "Download report" and "Download CSV",
// "Open a file" (with a specific message for each kind of bad file), and share links, each
// opened in a fresh browser context with nothing in storage.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { AxeBuilder } from "@axe-core/playwright";
import { AXE_TAGS, startHarness } from "./harness.mjs";

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.stop();
});

// Answers that give a blocked point, a partly met one, actions with owners and due dates, and
// text that must survive every encoding exactly.
const ANSWERS = [
  { id: "tcop-2025-p01-c01", status: "not_met", action: "Run discovery interviews — «five» users", owner: "Priya Shah", due: ["3", "2", "2027"] },
  { id: "tcop-2025-p01-c02", status: "met", evidence: "User research plan v2, 12 March; see \"Research\" folder & notes" },
  { id: "tcop-2025-p01-c03", status: "partly", evidence: "Some needs written up 📝", action: "Finish the needs list", owner: "Sam" },
  { id: "tcop-2025-p03-c01", status: "met" },
  { id: "tcop-2025-p03-c02", status: "na" },
  { id: "tcop-2025-p03-c03", status: "partly", action: "Publish the code\non GitHub" },
];

async function newAssessment(page, name) {
  await page.goto(page.url().replace(/#.*$/, "") + "#/new");
  await page.locator("#framework").check();
  await page.locator("#name").fill(name);
  await page.locator("#organisation").fill("Department for Testing");
  await page.locator("button[type=submit]").click();
  await page.locator("#progress-summary").waitFor();
  return page.url().match(/#\/a\/([0-9a-f]+)/)[1];
}

async function answer(page, id, { status, evidence, action, owner, due }) {
  const point = id.match(/-(p\d\d)-/)[1];
  if (!page.url().endsWith(`/p/${point}`)) {
    await page.goto(page.url().replace(/#\/a\/([0-9a-f]+).*$/, `#/a/$1/p/${point}`));
    await page.locator(".app-criterion").first().waitFor();
  }
  await page.locator(`#${id}-${status}`).check();
  if (evidence) await page.locator(`#${id}-evidence`).fill(evidence);
  if (action) await page.locator(`#${id}-action`).fill(action);
  if (owner) await page.locator(`#${id}-owner`).fill(owner);
  if (due) {
    await page.locator(`#${id}-due-day`).fill(due[0]);
    await page.locator(`#${id}-due-month`).fill(due[1]);
    await page.locator(`#${id}-due-year`).fill(due[2]);
  }
}

/** A filled-in assessment, on its results page. */
async function filledAssessment(tab, name = "Payments platform") {
  const { page } = tab;
  const id = await newAssessment(page, name);
  for (const given of ANSWERS) await answer(page, given.id, given);
  await page.goto(page.url().replace(/#\/a\/([0-9a-f]+).*$/, "#/a/$1/results"));
  await page.locator("#overall-score").waitFor();
  return id;
}

/** Everything the results page says, for comparing two renderings of the same assessment. */
async function resultsSeen(page) {
  await page.locator("#overall-score").waitFor();
  const text = async (selector) => (await page.locator(selector).allTextContents()).map((t) => t.trim());
  return {
    heading: await text("h1"),
    overall: await text("#overall-score"),
    standing: await text(".app-overall__standing"),
    reason: await text("#overall-reason"),
    completed: await text("#completed-points"),
    details: await text(".govuk-summary-list__row"),
    blockers: await text("#blockers li"),
    points: await text("#point-scores tbody tr"),
    actions: await text("#action-plan tbody tr"),
  };
}

/** Clicks a download button; gives the file as Playwright's file payload (it outlives the tab). */
async function downloadOf(page, button, mimeType) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(button).click()]);
  const buffer = await readFile(await download.path());
  return { name: download.suggestedFilename(), mimeType, buffer, text: buffer.toString("utf8") };
}

async function openFile(tab, file) {
  const { page } = tab;
  await tab.goto("#/open");
  await page.locator("#file-upload").setInputFiles(file);
  await page.locator("#open-file").click();
}

test("a downloaded JSON file opened in a fresh browser gives the same results", async () => {
  const tab = await harness.open("");
  await filledAssessment(tab);
  const before = await resultsSeen(tab.page);
  assert.equal(before.blockers.length, 1);
  assert.equal(before.actions.length, 3);
  await tab.check("results with downloads");
  const file = await downloadOf(tab.page, "#download-json", "application/json");
  assert.match(file.name, /^payments-platform-\d{4}-\d\d-\d\d\.json$/);
  const json = JSON.parse(file.text);
  assert.equal(json.format, "tcop-assessment");
  assert.equal(json.version, 3);
  assert.equal(json.answers["tcop-2025/p01/c02"].evidence, ANSWERS[1].evidence);
  await tab.close();

  const fresh = await harness.open("");
  await openFile(fresh, file);
  await fresh.page.locator("#progress-summary").waitFor();
  assert.match(await fresh.page.locator("#notice").textContent(), /Opened “Payments platform” as a new assessment/);
  await fresh.check("task list after opening a file");
  await fresh.goto(`#/a/${fresh.page.url().split("#/a/")[1]}/results`);
  assert.deepEqual(await resultsSeen(fresh.page), before);
  await fresh.close();
});

test("a downloaded report is one readable, accessible HTML file that opens again as the same assessment", async () => {
  const tab = await harness.open("");
  await filledAssessment(tab, "Report <b>round</b> trip");
  const before = await resultsSeen(tab.page);
  const file = await downloadOf(tab.page, "#download-report", "text/html");
  assert.match(file.name, /^report-b-round-b-trip-\d{4}-\d\d-\d\d\.html$/);
  const html = file.text;
  assert.doesNotMatch(html, /<b>round<\/b>/, "user text is escaped");
  assert.match(html, /Report &lt;b&gt;round&lt;\/b&gt; trip/);

  // Read on its own it has the results and no accessibility violations. (The report's own
  // policy forbids scripts; bypassing it lets axe run.)
  const reader = await harness.browser.newContext({ bypassCSP: true });
  const page = await reader.newPage();
  await page.setContent(html);
  assert.equal(await page.evaluate(() => document.scripts.length), 1, "only the data block");
  assert.equal(await page.locator("script").getAttribute("type"), "application/json");
  assert.match(await page.locator("body").textContent(), /Overall score/);
  const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.help}`), [], "the report has no axe violations");
  await reader.close();

  const csv = await downloadOf(tab.page, "#download-csv", "text/csv");
  const rows = csv.text.split("\r\n").filter((row) => row !== "");
  assert.ok(rows[0].startsWith("\ufeffPoint number,"), "a BOM, then the header");
  // A row per criterion of the current Code (98); one action has a line break inside its quoted cell.
  assert.equal(rows.length, 1 + 98);
  await tab.close();

  const fresh = await harness.open("");
  await openFile(fresh, file);
  await fresh.page.locator("#progress-summary").waitFor();
  const id = fresh.page.url().split("#/a/")[1];
  await fresh.goto(`#/a/${id}/results`);
  assert.deepEqual(await resultsSeen(fresh.page), before);
  await fresh.check("results of an opened report");
  await fresh.close();
});

test("a share link opened in a fresh browser shows the same results read-only, and can be saved", async () => {
  const tab = await harness.open("", { permissions: ["clipboard-read", "clipboard-write"] });
  await filledAssessment(tab);
  const before = await resultsSeen(tab.page);
  await tab.page.locator("#copy-share-link").click();
  await tab.page.locator("#share-link").waitFor();
  const link = await tab.page.locator("#share-link").inputValue();
  assert.ok(link.startsWith(harness.url + "#share=v2."), link);
  assert.match(await tab.page.locator("#share-link-status").textContent(), /copied/);
  assert.equal(await tab.page.evaluate(() => navigator.clipboard.readText()), link);
  await tab.check("results with a share link shown");
  await tab.close();

  const fresh = await harness.open(null);
  await fresh.page.goto(link);
  await fresh.page.locator("#shared-notice").waitFor();
  assert.deepEqual(await resultsSeen(fresh.page), before);
  await fresh.check("shared results");
  assert.equal(await fresh.page.evaluate(() => Object.keys(localStorage).length), 0, "viewing saves nothing");
  await fresh.page.locator("#save-shared").click();
  await fresh.page.locator("#progress-summary").waitFor();
  assert.match(await fresh.page.locator("#notice").textContent(), /Saved “Payments platform” as a draft/);
  assert.equal(await fresh.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("tcop-assessor:draft:")).length), 1);
  await fresh.close();
});

test("a broken share link gets a specific message above the start page", async () => {
  const tab = await harness.open("");
  const good = await (async () => {
    await filledAssessment(tab);
    await tab.page.locator("#copy-share-link").click();
    return tab.page.locator("#share-link").inputValue();
  })();
  const payload = good.split("#share=")[1];
  const cases = [
    ["v1.not*base64!", /not|damaged|character/i],
    [payload.slice(0, Math.floor(payload.length / 2)), /cut short|incomplete|truncated|part of/i],
    ["v1.AAAAAAAA", /compress|damaged|not/i],
    ["v9." + payload.slice(3), /version/i],
  ];
  for (const [broken, message] of cases) {
    await tab.page.goto(harness.url + "#share=" + broken);
    await tab.page.locator("#link-problem").waitFor();
    const said = await tab.page.locator("#link-problem").textContent();
    assert.match(said, message, `${broken.slice(0, 20)}: ${said}`);
    assert.ok(await tab.page.locator("a.govuk-button--start").isVisible(), "the start page is below");
  }
  await tab.check("start page with a broken link");
  await tab.close();
});

test("each kind of bad file gets its own message and changes nothing", async () => {
  const tab = await harness.open("");
  const doc = (fields) =>
    JSON.stringify({ format: "tcop-assessment", version: 1, framework: { id: "tcop-2025", edition: "x" }, details: { name: "N", marking: "official" }, answers: {}, ...fields });
  const file = (name, text) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });
  const cases = [
    [file("broken.json", "{ not json"), /not valid JSON/],
    [file("other.json", JSON.stringify({ hello: "world" })), /not a TCoP Assessor assessment/],
    [file("newer.json", doc({ version: 7 })), /newer version/],
    [file("framework.json", doc({ framework: { id: "iso-27001", edition: "x" } })), /iso-27001/],
    [file("type.json", doc({ answers: [] })), /answers/],
    [file("deep.json", doc({ answers: { "tcop-2025/p01/c01": { status: { deeper: [[1]] } } } })), /nested/],
    [{ name: "huge.json", mimeType: "application/json", buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 32) }, /too large/],
    [file("page.html", "<!DOCTYPE html><title>Hello</title><p>Not a report</p>"), /not a TCoP Assessor report/],
  ];
  for (const [bad, message] of cases) {
    await openFile(tab, bad);
    await tab.page.locator(".govuk-error-summary").waitFor();
    const said = await tab.page.locator(".govuk-error-summary").textContent();
    assert.match(said, message, `${bad.name}: ${said}`);
    assert.match(await tab.page.locator("#file-upload-error").textContent(), message);
    assert.match(await tab.page.title(), /^Error: /);
  }
  await tab.check("open page with an error");
  assert.equal(await tab.page.evaluate(() => Object.keys(localStorage).length), 0, "nothing was saved");
  await tab.close();
});

test("text from a hostile file shows as typed and never runs", async () => {
  const tab = await harness.open("");
  const { page } = tab;
  const payloads = [
    "<script>window.__pwned = 'script'</script>",
    "<img src=x onerror=\"window.__pwned='img'\">",
    "</textarea><svg onload=\"window.__pwned='svg'\">",
    "\"><iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\">",
    "javascript:window.__pwned='href'",
  ];
  const hostile = {
    format: "tcop-assessment",
    version: 1,
    framework: { id: "tcop-2025", edition: "2025" },
    details: { name: payloads[0], organisation: payloads[1], assessor: payloads[2], marking: "official" },
    answers: {
      "tcop-2025/p01/c01": { status: "not_met", evidence: payloads[3], action: payloads[4], owner: payloads[1] },
      "tcop-2025/p01/c02": { status: "met", evidence: payloads.join("\n") },
      "<img src=x onerror=alert(1)>": "met",
    },
  };
  let dialogs = 0;
  page.on("dialog", async (dialog) => {
    dialogs++;
    await dialog.dismiss();
  });
  await openFile(tab, { name: "hostile.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(hostile)) });
  await page.locator("#progress-summary").waitFor();
  const heading = await page.locator("h1").textContent();
  assert.ok(heading.endsWith(payloads[0]), `the name shows as typed: ${heading}`);
  assert.match(await page.locator("#notice").textContent(), /<img src=x onerror=alert\(1\)>/);
  const id = page.url().split("#/a/")[1];
  await tab.goto(`#/a/${id}/p/p01`);
  assert.equal(await page.locator("#tcop-2025-p01-c01-evidence").inputValue(), payloads[3]);
  assert.equal(await page.locator("#tcop-2025-p01-c02-evidence").inputValue(), payloads.join("\n"));
  await tab.goto(`#/a/${id}/results`);
  assert.match(await page.locator("#action-plan").textContent(), /javascript:window.__pwned='href'/);
  assert.match(await page.locator(".govuk-summary-list").textContent(), /<img src=x onerror="window.__pwned='img'">/);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "no payload ran");
  assert.equal(await page.locator("main img, main iframe, main svg[onload], main script").count(), 0);
  assert.equal(dialogs, 0);
  await tab.check("results of a hostile file");
  await tab.close();
});

test("a file dropped on the drop zone opens like a chosen one", async () => {
  const tab = await harness.open("#/open");
  const doc = {
    format: "tcop-assessment",
    version: 1,
    framework: { id: "ldd-2018", edition: "2018" },
    details: { name: "Dropped council plan", marking: "official" },
    answers: { "ldd-2018/p01/c01": "met" },
  };
  await tab.page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], "dropped.json", { type: "application/json" }));
    const zone = document.querySelector(".app-drop-zone");
    zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, JSON.stringify(doc));
  await tab.page.locator("#progress-summary").waitFor();
  assert.match(await tab.page.locator("#notice").textContent(), /Opened “Dropped council plan”/);
  await tab.check("task list after a dropped file");
  await tab.close();
});
