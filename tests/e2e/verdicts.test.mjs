// Who is assessing decides what is a must: the same answers to the Code's point 5 block central
// government and not a council, the tags say so, and changing the kind of organisation later
// changes what blocks.
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

/** Starts a Technology Code of Practice assessment for this kind of organisation. */
async function startCodeAssessment(page, name, kind) {
  await page.goto(page.url().replace(/#.*$/, "") + "#/new");
  await page.locator("#framework").check();
  await page.locator("#name").fill(name);
  if (kind) await page.locator(`#organisation-type-${kind}`).check();
  await page.locator("button[type=submit]").click();
  await page.locator("#progress-summary").waitFor();
}

/**
 * On point 5, answers Not met the one criterion whose must binds only some organisations, and
 * Met every other. Returns that criterion's id and the tag it shows.
 */
async function answerPointFive(page) {
  await page.locator("#p05-link").click();
  await page.locator(".app-criterion").first().waitFor();
  const bound = page.locator(".app-criterion:has(.app-binding)");
  assert.equal(await bound.count(), 1, "point 5 has one must that binds only some organisations");
  const boundId = await bound.getAttribute("id");
  const criteria = page.locator(".app-criterion");
  for (let index = 0; index < (await criteria.count()); index++) {
    const id = await criteria.nth(index).getAttribute("id");
    await page.locator(`#${id}-${id === boundId ? "not_met" : "met"}`).check();
  }
  const note = (await bound.locator(".app-binding").textContent()).trim();
  const tag = (await bound.locator(".app-level").textContent()).replace("This criterion is a", "").trim();
  return { boundId, note, tag, mustTags: await bound.locator(".app-must").count() };
}

/** The point 5 row of the results table: its status and why. */
async function pointFiveResult(page) {
  const url = page.url().replace(/\/p\/p05$/, "/results");
  await page.goto(url);
  const row = page.locator('#point-scores tr[data-point="tcop-2025/p05"]');
  await row.waitFor();
  const cells = row.locator("td");
  return { status: (await cells.nth(1).textContent()).trim(), why: (await cells.nth(2).textContent()).trim() };
}

test("the same answers block central government's point 5 and not a council's, and the tags differ", async () => {
  const seen = {};
  for (const kind of ["local", "central"]) {
    const tab = await harness.open("");
    const { page } = tab;
    await startCodeAssessment(page, `Hosting (${kind})`, kind);
    const point = await answerPointFive(page);
    await tab.check(`point 5 for ${kind} government`);
    const result = await pointFiveResult(page);
    await tab.check(`results for ${kind} government`);
    const kindRow = page.locator("#result-details .govuk-summary-list__row", { hasText: "Kind of organisation" });
    seen[kind] = {
      ...point,
      ...result,
      kind: (await kindRow.locator("dd").textContent()).trim(),
      overall: (await page.locator(".app-overall__standing").textContent()).trim(),
      organisationNote: await page.locator("#organisation-note").count(),
    };
    await tab.close();
  }
  const { local, central } = seen;
  assert.equal(local.boundId, central.boundId);
  assert.equal(local.note, "Central government must meet this; for other public bodies it is strongly recommended.");
  // A council sees no Must tag on a must that does not bind it.
  assert.equal(local.tag, "Should");
  assert.equal(local.mustTags, 0);
  assert.equal(central.tag, "Must");
  assert.equal(central.mustTags, 1);
  // Every other criterion is Met, so only the central-government must can block.
  assert.equal(central.status, "Blocked");
  assert.match(central.why, /is a must for central government and is Not met/);
  assert.notEqual(local.status, "Blocked");
  assert.equal(local.status, "Meets");
  assert.equal(central.overall, "Blocked");
  assert.notEqual(local.overall, "Blocked");
  assert.equal(local.kind, "Local government");
  assert.equal(central.kind, "Central government");
  // A council is told that a must counts here as a should; central government has nothing to add.
  assert.equal(local.organisationNote, 1);
  assert.equal(central.organisationNote, 0);
});

test("an assessment with the kind of organisation not stated reads every must strictly, and Change details moves it", async () => {
  const tab = await harness.open("");
  const { page } = tab;
  await startCodeAssessment(page, "Hosting (not stated)", null);
  const task = page.locator("#task-list-details .govuk-summary-list__row", { hasText: "Kind of organisation" });
  assert.equal((await task.locator("dd").textContent()).trim(), "Not stated");
  const point = await answerPointFive(page);
  assert.equal(point.tag, "Must");
  const before = await pointFiveResult(page);
  assert.equal(before.status, "Blocked");
  assert.match(await page.locator("#organisation-note").textContent(), /not stated.*may change what blocks/s);
  await tab.check("results with the kind not stated");

  await page.locator("a", { hasText: "Change details" }).click();
  await page.locator("#organisation-type-local").waitFor();
  assert.equal(await page.locator("#organisation-type-not_stated").isChecked(), true);
  assert.equal(await page.locator("#name").inputValue(), "Hosting (not stated)");
  await tab.check("change details");
  await page.locator("#organisation-type-local").check();
  await page.locator("button[type=submit]").click();
  await page.locator("#progress-summary").waitFor();
  assert.match(await page.locator("#notice").textContent(), /Details saved/);
  assert.equal((await task.locator("dd").textContent()).trim(), "Local government");
  await tab.check("task list after changing the details");

  const url = page.url() + "/p/p05";
  await page.goto(url);
  await page.locator(".app-criterion").first().waitFor();
  const after = await pointFiveResult(page);
  assert.equal(after.status, "Meets");
  assert.match(
    await page.locator("#organisation-note").textContent(),
    /Assessed as local government: \d+ musts that are mandatory only for other kinds of organisation are scored here as shoulds/,
  );
  // Saved: a reload keeps the new kind of organisation.
  await page.reload();
  await page.locator("#result-details").waitFor();
  assert.match(await page.locator("#result-details").textContent(), /Local government/);
  await tab.close();
});
