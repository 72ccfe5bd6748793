// Work kept in the browser: a reload keeps every answer; a broken stored entry is left alone and
// reported; blocked storage still lets a person work, and says so.
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

async function newAssessment(page, name) {
  await page.goto(page.url().replace(/#.*$/, "") + "#/new");
  await page.locator("#framework").check();
  await page.locator("#name").fill(name);
  await page.locator("button[type=submit]").click();
  await page.locator("#progress-summary").waitFor();
}

test("a reload brings back every answer, and other apps' storage is left alone", async () => {
  const tab = await harness.open("");
  const { page } = tab;
  await page.evaluate(() => localStorage.setItem("another-app", "keep me"));
  await newAssessment(page, "Reload test");
  await page.locator("#p01-link").click();
  await page.locator("#tcop-2025-p01-c01-partly").check();
  await page.locator("#tcop-2025-p01-c01-evidence").fill("Research plan, March 2026");
  await page.locator("#tcop-2025-p01-c01-action").fill("Interview five users");
  await page.reload();
  await page.locator(".app-criterion").first().waitFor();
  assert.equal(await page.locator("#tcop-2025-p01-c01-partly").isChecked(), true);
  assert.equal(await page.locator("#tcop-2025-p01-c01-evidence").inputValue(), "Research plan, March 2026");
  assert.equal(await page.locator("#tcop-2025-p01-c01-action").inputValue(), "Interview five users");
  assert.equal(await page.evaluate(() => localStorage.getItem("another-app")), "keep me");
  assert.equal(await page.locator("#keeping-banner").count(), 0);
  await tab.check("point page after reload");
  await tab.close();
});

test("an unreadable stored entry is reported, left untouched, and does not stop the others", async () => {
  const tab = await harness.open("");
  const { page } = tab;
  await newAssessment(page, "Good draft");
  await page.evaluate(() => localStorage.setItem("tcop-assessor:draft:broken", "{not json"));
  await page.goto(harness.url);
  await page.locator("#main-heading").waitFor();
  assert.match(await page.locator("#unreadable-drafts").textContent(), /1 saved assessment could not be read/);
  assert.match(await page.locator("table").textContent(), /Good draft/);
  assert.equal(await page.evaluate(() => localStorage.getItem("tcop-assessor:draft:broken")), "{not json");
  await tab.check("start page with an unreadable entry");
  await tab.close();
});

test("with storage blocked, a person can still finish an assessment and is told it is not saved", async () => {
  const tab = await harness.open(null);
  await tab.context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  await tab.goto("");
  const { page } = tab;
  await page.locator("#keeping-banner").waitFor();
  assert.match(await page.locator("#keeping-banner").textContent(), /not letting the tool save your work/);
  await newAssessment(page, "No storage");
  await page.locator("#p01-link").click();
  await page.locator("#tcop-2025-p01-c01-met").check();
  await page.goto(page.url().replace(/p\/p01$/, "results"));
  await page.locator("#overall-score").waitFor();
  assert.notEqual(await page.locator("#overall-score").textContent(), "");
  await tab.check("results with storage blocked");
  await tab.close();
});
