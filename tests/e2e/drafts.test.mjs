// Work kept in the browser: a reload keeps every answer; a broken stored entry is left alone and
// reported; blocked storage still lets a person work, and says so.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { startHarness, watch } from "./harness.mjs";

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
  assert.match(await page.locator(".app-draft").first().textContent(), /Good draft/);
  assert.equal(await page.evaluate(() => localStorage.getItem("tcop-assessor:draft:broken")), "{not json");
  await tab.check("start page with an unreadable entry");
  await tab.close();
});

/** Saves `count` assessments ("Council service 1" to `count`, 1 changed most recently). */
async function saveMany(page, count) {
  await page.evaluate((count) => {
    for (let number = 1; number <= count; number++) {
      const doc = {
        format: "tcop-assessment",
        version: 1,
        framework: { id: "ldd-2018" },
        details: { name: `Council service ${number}` },
        answers: { "ldd-2018/p01/c01": "met" },
      };
      localStorage.setItem(`tcop-assessor:draft:bulk${number}`, JSON.stringify(doc));
      localStorage.setItem(`tcop-assessor:changed:bulk${number}`, String(1_790_000_000_000 - number * 60_000));
    }
  }, count);
}

test("a long list shows the 25 most recent first, and Show all lists the rest with focus on the first new row", async () => {
  const tab = await harness.open("");
  const { page } = tab;
  await saveMany(page, 27);
  await page.reload();
  await page.locator("#main-heading").waitFor();
  assert.equal(await page.locator(".app-draft").count(), 25);
  assert.match(await page.locator(".app-drafts caption").textContent(), /Showing 25 of 27/);
  const names = await page.locator(".app-draft__name").allTextContents();
  assert.equal(names[0].trim(), "Council service 1");
  assert.equal(names[24].trim(), "Council service 25");
  await tab.check("start page listing 25 of 27");

  await page.locator("#show-all-drafts").focus();
  await page.keyboard.press("Enter");
  await page.locator(".app-draft").nth(26).waitFor();
  assert.equal(await page.locator(".app-draft").count(), 27);
  assert.equal(await page.locator("#show-all-drafts").count(), 0);
  assert.doesNotMatch(await page.locator(".app-drafts caption").textContent(), /Showing/);
  await page.waitForFunction(() => document.activeElement?.id === "draft-bulk26");
  assert.equal((await page.evaluate(() => document.activeElement.textContent)).trim(), "Council service 26");
  await tab.check("start page after Show all");
  await tab.close();
});

test("drafts read after the first page are there for every page: an old one opened by its address, and all of them written back after storage is cleared", async () => {
  const tab = await harness.open("");
  const { page } = tab;
  await saveMany(page, 30);
  // The oldest, which is not among those read before the first page, opened by its address.
  await page.goto(page.url().replace(/#.*$/, "") + "#/a/bulk30");
  await page.reload();
  await page.locator("#progress-summary").waitFor();
  assert.match(await page.locator("h1").textContent(), /Council service 30/);
  await tab.goto("#/");
  await page.locator("#show-all-drafts").waitFor();
  assert.match(await page.locator(".app-drafts caption").textContent(), /Showing 25 of 30/);

  // Another page of the site clears storage: this tab writes back every draft it holds.
  const other = await watchInSameContext(tab);
  await other.page.goto(page.url());
  await other.page.locator("#main-heading").waitFor();
  await other.page.evaluate(() => localStorage.clear());
  await page.waitForFunction(
    () => Object.keys(localStorage).filter((key) => key.startsWith("tcop-assessor:draft:")).length === 30,
  );
  await other.close();
  await tab.close();
});

test("a text over its limit is marked beside it and not saved until it is shortened, and the saved version stays", async () => {
  const tab = await harness.open("");
  const { page } = tab;
  await newAssessment(page, "Long evidence");
  const id = page.url().split("#/a/")[1].split("/")[0];
  await page.locator("#p01-link").click();
  const evidence = page.locator("#tcop-2025-p01-c01-evidence");
  await evidence.fill("First version");
  const stored = () => page.evaluate((key) => JSON.parse(localStorage.getItem(key)), `tcop-assessor:draft:${id}`);
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes("First version"), `tcop-assessor:draft:${id}`);

  // Pasted text one character over the limit: nothing is cut, and nothing is saved.
  await evidence.fill("é".repeat(20_001));
  await page.locator("#tcop-2025-p01-c01-evidence-error").waitFor();
  assert.match(
    await page.locator("#tcop-2025-p01-c01-evidence-error").textContent(),
    /Error: Evidence must be 20,000 characters or fewer\. It is 1 character too long\./,
  );
  assert.equal((await evidence.inputValue()).length, 20_001);
  assert.match(await evidence.getAttribute("aria-describedby"), /tcop-2025-p01-c01-evidence-error/);
  await page.locator("#keeping-banner").waitFor();
  assert.match(await page.locator("#keeping-banner").textContent(), /longer than 20,000 characters.*not been saved/);
  assert.equal(await page.locator("#banner-download-json").count(), 0);
  assert.equal((await stored()).answers["tcop-2025/p01/c01"].evidence, "First version");
  await tab.check("point page with a text over its limit");

  // Shortened by one character: the error goes, and the text is saved.
  await evidence.fill("é".repeat(20_000));
  await page.locator("#keeping-banner").waitFor({ state: "detached" });
  assert.equal(await page.locator("#tcop-2025-p01-c01-evidence-error").count(), 0);
  await page.waitForFunction(
    (key) => JSON.parse(localStorage.getItem(key)).answers["tcop-2025/p01/c01"].evidence.length === 20_000,
    `tcop-assessor:draft:${id}`,
  );
  await tab.close();
});

test("with storage blocked, a person can still finish an assessment and is told it is not saved", async () => {
  const tab = await openWithStorageBlocked();
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

test("the page says when work was saved, and saves a change as soon as the page is hidden", async () => {
  const tab = await harness.open("");
  const { page } = tab;
  await newAssessment(page, "Saving test");
  await page.locator("#p01-link").click();
  await page.locator("#tcop-2025-p01-c01-evidence").waitFor();
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith("tcop-assessor:draft:")));
  // Typing and closing in one task of the page, so no save timer can run in between: only the
  // pagehide handler can have saved the text.
  const saved = await page.evaluate((key) => {
    const answer = () => JSON.parse(localStorage.getItem(key)).answers["tcop-2025/p01/c01"];
    const box = document.querySelector("#tcop-2025-p01-c01-evidence");
    box.value = "Typed just before closing";
    box.dispatchEvent(new Event("input", { bubbles: true }));
    const before = answer();
    window.dispatchEvent(new PageTransitionEvent("pagehide"));
    return { before: before ?? null, after: answer() };
  }, key);
  assert.equal(saved.before, null, "not saved before the page was hidden");
  assert.equal(saved.after.evidence, "Typed just before closing");
  assert.match(await page.locator("#saved-status").textContent(), /^Saved in this browser at \d\d:\d\d$/);
  await tab.close();
});

test("assessments can be renamed, duplicated, and deleted with a question first and an undo", async () => {
  const tab = await harness.open("");
  const { page } = tab;
  await newAssessment(page, "Original name");
  await tab.goto("#/");
  const card = page.locator(".app-draft").first();
  await card.getByRole("link", { name: "Rename Original name" }).click();
  await page.locator("#name").fill("");
  await page.locator("button[type=submit]").click();
  await page.locator(".govuk-error-summary").waitFor();
  assert.match(await page.locator(".govuk-error-summary").textContent(), /Enter the name/);
  await tab.check("rename page with an error");
  await page.locator("#name").fill("Better name");
  await page.locator("button[type=submit]").click();
  await page.locator("#notice").waitFor();
  assert.match(await page.locator("#notice").textContent(), /Renamed to “Better name”/);

  await page.getByRole("button", { name: "Duplicate Better name" }).click();
  await page.locator(".app-draft").nth(1).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "notice");
  assert.deepEqual(
    (await page.locator(".app-draft__name").allTextContents()).map((t) => t.trim()),
    ["Better name (copy)", "Better name"],
  );
  await tab.check("start page with two assessments and a notice");

  await page.getByRole("link", { name: "Delete Better name (copy)" }).click();
  await page.locator("#confirm-delete").waitFor();
  await tab.check("delete question");
  await page.locator("#confirm-delete").click();
  await page.locator("#undo-delete").waitFor();
  assert.equal(await page.locator(".app-draft").count(), 1);
  const keys = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("tcop-assessor:draft:")).length);
  assert.equal(await keys(), 1);
  await page.locator("#undo-delete").click();
  await page.locator(".app-draft").nth(1).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "notice");
  assert.equal(await keys(), 2);
  assert.match(await page.locator("#notice").textContent(), /restored/);
  await tab.close();
});

test("two tabs on one assessment: each learns of the other's changes, and neither overwrites the other", async () => {
  const first = await harness.open("");
  await newAssessment(first.page, "Shared between tabs");
  const address = first.page.url();
  const second = await watchInSameContext(first);
  await second.page.goto(address.replace(/#.*$/, "") + "#/a/" + address.split("#/a/")[1] + "/p/p01");
  await second.page.locator(".app-criterion").first().waitFor();

  // A change in the first tab reaches the second once saved.
  await first.page.goto(address.replace(/#.*$/, "") + "#/a/" + address.split("#/a/")[1] + "/p/p01");
  await first.page.locator("#tcop-2025-p01-c02-met").check();
  await second.page.waitForFunction(() => document.querySelector("#tcop-2025-p01-c02-met")?.checked === true);

  // Both change at once: the second tab's unsaved work is kept as a copy, the first's stays.
  const key = await first.page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith("tcop-assessor:draft:")));
  await second.page.locator("#tcop-2025-p01-c03-evidence").fill("Typed in the second tab");
  await first.page.evaluate((key) => {
    const doc = JSON.parse(localStorage.getItem(key));
    doc.answers["tcop-2025/p01/c04"] = { status: "partly", evidence: "Typed in the first tab" };
    localStorage.setItem(key, JSON.stringify(doc));
  }, key);
  await second.page.locator("#notice").waitFor();
  assert.match(await second.page.locator("#notice").textContent(), /Both versions are kept/);
  await second.page.waitForTimeout(600);
  const docs = await first.page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("tcop-assessor:draft:"))
      .map((k) => JSON.parse(localStorage.getItem(k))),
  );
  assert.equal(docs.length, 2);
  const original = docs.find((doc) => doc.details.name === "Shared between tabs");
  const copy = docs.find((doc) => doc.details.name === "Shared between tabs (copy)");
  assert.equal(original.answers["tcop-2025/p01/c04"].evidence, "Typed in the first tab");
  assert.equal(copy.answers["tcop-2025/p01/c03"].evidence, "Typed in the second tab");
  assert.equal(await second.page.locator("#tcop-2025-p01-c04-evidence").inputValue(), "Typed in the first tab");
  await second.check("point page after a change in another tab");

  // Something else on the site clears storage: the open tab writes back what it holds.
  await first.page.evaluate(() => localStorage.clear());
  await first.page.waitForFunction(
    () => Object.keys(localStorage).filter((k) => k.startsWith("tcop-assessor:draft:")).length === 2,
  );
  await first.close();
});

test("with storage blocked, the banner's Download JSON keeps the work", async () => {
  const tab = await openWithStorageBlocked();
  const { page } = tab;
  await newAssessment(page, "Kept by download");
  await page.locator("#p01-link").click();
  await page.locator("#tcop-2025-p01-c01-met").check();
  await page.locator("#tcop-2025-p01-c02-evidence").fill("Only in this tab");
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#banner-download-json").click()]);
  const doc = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(doc.details.name, "Kept by download");
  assert.equal(doc.answers["tcop-2025/p01/c01"], "met");
  assert.equal(doc.answers["tcop-2025/p01/c02"].evidence, "Only in this tab");
  await tab.check("point page with storage blocked");
  await tab.close();
});

/** A second watched page in the same browser context (same storage), as a second tab. */
function watchInSameContext(tab) {
  return watch(tab.context, tab.baseUrl);
}

/** A fresh tab whose browser refuses localStorage, as some private windows and iframes do. */
async function openWithStorageBlocked() {
  const tab = await harness.open(null);
  await tab.context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  await tab.goto("");
  return tab;
}
