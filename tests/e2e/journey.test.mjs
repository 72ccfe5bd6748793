// The assessment journey: start, details, task list, every point, results. Done by keyboard
// alone, with the results checked against an independent computation of the scoring rules.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startHarness } from "./harness.mjs";
import { chooseRadio, tabTo } from "./keyboard.mjs";
import { overall, percent, scorePoint } from "./scoring-oracle.mjs";

const STATUSES = ["met", "partly", "not_met", "na"];
// The answer given to the k-th criterion of the whole assessment: a mix of every answer, with
// enough Not met to block points that have a must.
const PATTERN = ["met", "met", "partly", "not_met", "na", "met", "partly"];

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.stop();
});

/** From the start page to a new assessment's task list, by keyboard. */
async function startAssessment(tab, { framework = 0, name = "Case management" } = {}) {
  const { page } = tab;
  await tabTo(page, "a.govuk-button--start");
  await page.keyboard.press("Enter");
  await page.locator("h1", { hasText: "Start a new assessment" }).waitFor();
  await tabTo(page, "input[name=framework]");
  await chooseRadio(page, framework);
  await tabTo(page, "#name");
  await page.keyboard.type(name);
  await tabTo(page, "#organisation");
  await page.keyboard.type("Department for Testing");
  await page.keyboard.press("Enter");
  await page.locator("#progress-summary").waitFor();
}

test("a whole TCoP assessment by keyboard alone gives the results the rules predict", async () => {
  const tab = await harness.open("");
  const { page } = tab;
  await tab.check("start page");
  await startAssessment(tab);
  await tab.check("task list");
  assert.equal(await page.locator("#progress-summary").textContent(), "0 of 13 points completed");

  await tabTo(page, "a.govuk-task-list__link");
  await page.keyboard.press("Enter");

  const expected = [];
  let k = 0;
  for (let point = 0; point < 13; point++) {
    await page.locator(".app-criterion").first().waitFor();
    const criteria = page.locator(".app-criterion");
    const count = await criteria.count();
    const answers = [];
    for (let c = 0; c < count; c++) {
      const criterion = criteria.nth(c);
      const id = await criterion.getAttribute("id");
      const must = (await criterion.locator(".app-must").count()) === 1;
      const status = PATTERN[k++ % PATTERN.length];
      await tabTo(page, `input[name="${id}"]`);
      await chooseRadio(page, STATUSES.indexOf(status));
      await tabTo(page, `#${id}-evidence`);
      await page.keyboard.type(`Evidence for ${id}`);
      if (status === "partly" || status === "not_met") {
        await tabTo(page, `#${id}-action`);
        await page.keyboard.type(`Action for ${id}`);
        await tabTo(page, `#${id}-owner`);
        await page.keyboard.type("Alex");
        await tabTo(page, `#${id}-due-day`);
        await page.keyboard.type("31");
        await page.keyboard.press("Tab");
        await page.keyboard.type("3");
        await page.keyboard.press("Tab");
        await page.keyboard.type("2027");
      }
      answers.push({ id, status, must });
    }
    if (point === 0) await tab.check("point page with action fields");
    const pointId = (await page.locator(".app-criterion").first().getAttribute("id")).replace(/-c\d\d$/, "").replace(/-(p\d\d)$/, "/$1");
    expected.push({ pointId, answers, ...scorePoint(answers) });
    // The next point's button (or See results on the last point).
    await tabTo(page, ".govuk-button-group a.govuk-button");
    await page.keyboard.press("Enter");
  }

  await page.locator("#overall-score").waitFor();
  await tab.check("results page");
  const total = overall(expected);
  assert.equal(await page.locator("#overall-score").textContent(), percent(total.score));
  assert.equal((await page.locator(".app-overall__standing").textContent()).trim(), total.standing);
  assert.match(await page.locator("#completed-points").textContent(), /^13 of 13 points completed\./);
  assert.equal(await page.locator("#marking").textContent(), "OFFICIAL");

  for (const point of expected) {
    const row = page.locator(`#point-scores tr[data-point="${point.pointId}"]`);
    assert.equal(await row.locator(".app-score").textContent(), percent(point.score), point.pointId);
    assert.equal((await row.locator(".govuk-tag").textContent()).trim(), point.standing, point.pointId);
  }
  // Blocked points come first in the table.
  const standings = await page.locator("#point-scores tbody .govuk-tag").allTextContents();
  const firstOther = standings.findIndex((standing) => standing !== "Blocked");
  assert.ok(standings.slice(firstOther).every((standing) => standing !== "Blocked"));

  const all = expected.flatMap((point) => point.answers);
  const blockers = all.filter((answer) => answer.must && answer.status === "not_met").length;
  assert.ok(blockers > 0, "the pattern should block at least one point");
  assert.equal(await page.locator("#blockers li").count(), blockers);
  const gaps = all.filter((answer) => answer.status === "partly" || answer.status === "not_met");
  assert.equal(await page.locator("#action-plan tbody tr").count(), gaps.length);
  const firstAction = page.locator("#action-plan tbody tr").first();
  assert.match(await firstAction.textContent(), /Action for .*Alex.*31 March 2027/);
  await tab.close();
});

test("an empty name gets the error summary and an inline error, and nothing is created", async () => {
  const tab = await harness.open("#/new");
  const { page } = tab;
  await tabTo(page, "input[name=framework]");
  await chooseRadio(page, 0);
  await tabTo(page, "button[type=submit]");
  await page.keyboard.press("Enter");
  const summary = page.locator(".govuk-error-summary");
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary")), true);
  assert.match(await summary.textContent(), /Enter the name of the project or programme/);
  assert.match(await page.locator("#name-error").textContent(), /Error: Enter the name of the project or programme/);
  assert.match(await page.title(), /^Error: /);
  await tab.check("new assessment with errors");
  // The summary's link moves focus to the field without changing the page.
  await tabTo(page, ".govuk-error-summary a");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "name");
  assert.match(page.url(), /#\/new$/);
  await page.goto(harness.url);
  await page.locator("#main-heading").waitFor();
  assert.equal(await page.locator("table").count(), 0, "no assessment was created");
  await tab.close();
});

test("a point answered all Not applicable has no score and is left out of the overall", async () => {
  const tab = await harness.open("");
  const { page } = tab;
  await startAssessment(tab, { name: "Back-office system" });
  // Point 13 (Meet the Service Standard) is the one that is often not applicable.
  await tabTo(page, "#p13-link");
  await page.keyboard.press("Enter");
  await page.locator(".app-criterion").first().waitFor();
  for (const id of await page.locator(".app-criterion").evaluateAll((nodes) => nodes.map((n) => n.id))) {
    await tabTo(page, `input[name="${id}"]`);
    await chooseRadio(page, 3);
  }
  assert.match(await page.locator(".app-point-score").textContent(), /no score/);
  await tab.check("point all not applicable");
  // And point 1 all Met, so there is exactly one scored point.
  await page.goto(page.url().replace(/p13$/, "p01"));
  await page.locator(".app-criterion").first().waitFor();
  for (const id of await page.locator(".app-criterion").evaluateAll((nodes) => nodes.map((n) => n.id))) {
    await tabTo(page, `input[name="${id}"]`);
    await chooseRadio(page, 0);
  }
  await page.goto(page.url().replace(/p\/p01$/, "results"));
  await page.locator("#overall-score").waitFor();
  const row = page.locator('#point-scores tr[data-point="tcop-2025/p13"]');
  assert.equal(await row.locator(".app-score").textContent(), "No score");
  assert.equal((await row.locator(".govuk-tag").textContent()).trim(), "Not applicable");
  // 12 points are unanswered (0%) and point 1 is 100%: the mean leaves point 13 out.
  assert.equal(await page.locator("#overall-score").textContent(), percent({ num: 1n, den: 12n }));
  await tab.check("results with a not applicable point");
  // On paper: the marking and details stay, buttons and links that go nowhere are hidden.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator("#marking").isVisible(), true);
  assert.equal(await page.locator("button", { hasText: "Print or save as PDF" }).isVisible(), false);
  assert.equal(await page.locator(".govuk-back-link").isVisible(), false);
  assert.equal(await page.locator(".govuk-service-navigation").isVisible(), false);
  await tab.close();
});

test("the one-page setting shows every point on one page; the scoring help passes axe", async () => {
  const tab = await harness.open("");
  const { page } = tab;
  await startAssessment(tab, { framework: 2, name: "Council website" });
  await tabTo(page, "#one-page");
  await page.keyboard.press("Space");
  await tabTo(page, "#p01-link");
  await page.keyboard.press("Enter");
  await page.locator("h1", { hasText: "All points" }).waitFor();
  // The Local Digital Declaration has five principles, all on this one page.
  assert.equal(await page.locator("section h2.govuk-heading-l").count(), 5);
  await tab.check("all points on one page");
  await tabTo(page, "a.govuk-service-navigation__link[href='#/scoring']", { limit: 600, backwards: true });
  await page.keyboard.press("Enter");
  await page.locator("h1", { hasText: "How scoring works" }).waitFor();
  await tab.check("how scoring works");
  await tab.close();
});
