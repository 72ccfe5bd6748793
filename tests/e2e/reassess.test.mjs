// Assessing a project again: the next assessment starts from the last one with every answer
// carried over to check; confirming and changing answers; comparing the two; and starting from
// an old file whose actions are now overdue.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startHarness } from "./harness.mjs";

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.stop();
});

const P01 = "ldd-2018-p01";

/** Starts a Local Digital Declaration assessment and answers principle 1. */
async function firstAssessment(page) {
  await page.goto(page.url().replace(/#.*$/, "") + "#/new");
  await page.locator("#framework-ldd-2018").check();
  await page.locator("#name").fill("Council website");
  await page.locator("#organisation-type-local").check();
  await page.locator("button[type=submit]").click();
  await page.locator("#progress-summary").waitFor();
  await page.locator("#p01-link").click();
  await page.locator(".app-criterion").first().waitFor();
  const count = await page.locator(".app-criterion").count();
  for (let c = 1; c <= count; c++) {
    const id = `${P01}-c0${c}`;
    await page.locator(`#${id}-${c === 1 ? "not_met" : "met"}`).check();
  }
  await page.locator(`#${P01}-c01-evidence`).fill("No research yet");
  await page.locator(`#${P01}-c01-action`).fill("Run research with residents");
  await page.locator(`#${P01}-c01-due-day`).fill("30");
  await page.locator(`#${P01}-c01-due-month`).fill("6");
  await page.locator(`#${P01}-c01-due-year`).fill("2026");
  return count;
}

async function toResults(page) {
  await page.goto(page.url().replace(/\/p\/p\d\d$/, "") + "/results");
  await page.locator("#overall-score").waitFor();
}

test("the next assessment carries every answer over to check, and comparing shows what was done", async () => {
  const tab = await harness.open("");
  const { page } = tab;
  const answered = await firstAssessment(page);
  await toResults(page);
  const firstUrl = page.url();

  await page.locator("#start-next-link").click();
  await page.locator("#start-next").waitFor();
  await tab.check("start the next assessment");
  await page.locator("#phase-beta").check();
  await page.locator("#start-next").click();
  await page.locator("#progress-summary").waitFor();
  assert.notEqual(page.url(), firstUrl.replace(/\/results$/, ""));
  assert.match(
    await page.locator("#unchecked-summary").textContent(),
    new RegExp(`${answered} answers carried over, not checked`),
  );
  assert.match(await page.locator("#p01-hint").textContent(), new RegExp(`${answered} carried over, not checked`));
  assert.equal((await page.locator("#p01-status").textContent()).trim(), "In progress");
  await tab.check("task list of the next assessment");

  await page.locator("#p01-link").click();
  await page.locator(`#${P01}-c01-carried`).waitFor();
  assert.equal(await page.locator(".app-carried").count(), answered);
  // The action is carried over with its due date, which has passed.
  assert.equal(await page.locator(`#${P01}-c01-action`).inputValue(), "Run research with residents");
  assert.match(await page.locator(`#${P01}-c01 .app-action-state`).textContent(), /Overdue.*due on 30 June 2026/);
  await tab.check("point with carried-over answers");

  // Confirm one as it is; change another.
  await page.locator(`#${P01}-c02-carried-still-true`).click();
  await page.locator(`#${P01}-c02-carried`).waitFor({ state: "detached" });
  assert.equal(await page.locator(`#${P01}-c02-met`).isChecked(), true);
  await page.locator(`#${P01}-c01-carried-change`).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), `${P01}-c01-not_met`);
  await page.locator(`#${P01}-c01-met`).check();
  await page.locator(`#${P01}-c01-carried`).waitFor({ state: "detached" });
  assert.match(await page.locator(`#${P01}-c01 .app-action-state`).textContent(), /Done/);
  assert.equal(await page.locator(".app-carried").count(), answered - 2);
  await tab.check("point after checking two answers");

  await toResults(page);
  const row = page.locator("#action-plan tr", { hasText: "Run research with residents" });
  assert.match(await row.textContent(), /Done/);
  assert.match(await page.locator("#result-details").textContent(), /Started from“Council website”/);
  await page.locator("#compare-link").click();
  await page.locator("#compare-with").check();
  await tab.check("choose what to compare with");
  await page.locator("#compare").click();
  await page.locator("#comparison-summary").waitFor();
  assert.equal(
    (await page.locator("#comparison-summary").textContent()).trim(),
    "1 point improved, 0 got worse, 1 action was completed, 0 are overdue.",
  );
  const changed = page.locator('section[data-point="ldd-2018/p01"]');
  assert.match(await changed.locator(".app-point-change").textContent(), /\+\d+%/);
  // Only the criterion whose answer changed is listed; the confirmed one is not.
  const criteria = changed.locator(".app-criterion-change");
  assert.equal(await criteria.count(), 1);
  assert.equal(await criteria.getAttribute("data-criterion"), "ldd-2018/p01/c01");
  assert.match(await criteria.textContent(), /Answer changed\./);
  assert.match(await criteria.textContent(), /EarlierAnswerNot met/);
  assert.match(await criteria.textContent(), /LaterAnswerMet/);
  assert.match(await page.locator("#unchanged-points").textContent(), /4 points did not change/);
  await tab.check("comparison");
  await page.locator("#only-worse").check();
  assert.equal(await changed.isVisible(), false);
  await tab.check("comparison, only what got worse");

  // A third assessment of the project: its results show the history of all three.
  await page.goBack();
  await page.goBack();
  await page.locator("#start-next-link").waitFor();
  assert.equal(await page.locator("#history").count(), 0);
  await page.locator("#start-next-link").click();
  await page.locator("#start-next").click();
  await page.locator("#progress-summary").waitFor();
  await page.goto(page.url() + "/results");
  await page.locator("#history").waitFor();
  const history = page.locator("#history-table tbody tr");
  assert.equal(await history.count(), 3);
  assert.match(await history.nth(0).textContent(), /Council website/);
  assert.match(await history.nth(0).textContent(), /Blocked|Does not meet|Partly meets|Meets/);
  await tab.check("results with the history of three assessments");
  await tab.close();
});

test("an old file starts the next assessment, and its past-due actions show as overdue", async () => {
  const tab = await harness.open("");
  const { page } = tab;
  // A version 1 file, as the tool wrote before assessments recorded where they started.
  const old = {
    format: "tcop-assessment",
    version: 1,
    framework: { id: "ldd-2018" },
    details: { name: "Old council service", date: "2025-01-10" },
    answers: {
      "ldd-2018/p01/c01": { status: "not_met", action: "Hire a researcher", owner: "Ali", due: "2025-01-31" },
      "ldd-2018/p01/c02": "met",
    },
  };
  await page.goto(harness.url + "#/open");
  await page.locator("#file-upload").setInputFiles({
    name: "old-council-service.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(old)),
  });
  await page.locator("#start-next-from-file").click();
  await page.locator("#start-next").waitFor();
  await tab.check("start the next assessment from a file");
  await page.locator("#start-next").click();
  await page.locator("#progress-summary").waitFor();
  assert.match(await page.locator("#unchecked-summary").textContent(), /2 answers carried over/);
  await page.locator("#p01-link").click();
  await page.locator(`#${P01}-c01-carried`).waitFor();
  assert.match(await page.locator(`#${P01}-c01 .app-action-state`).textContent(), /Overdue.*31 January 2025/);
  await toResults(page);
  const row = page.locator("#action-plan tr", { hasText: "Hire a researcher" });
  assert.match(await row.textContent(), /Overdue: due 31 January 2025/);
  assert.match(await row.textContent(), /Ali/);
  await tab.check("results with an overdue action");
  // The file was kept as an assessment too, so the two can be compared.
  const rows = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("tcop-assessor:draft:")).length);
  assert.equal(rows, 2);
  await tab.close();
});
