// The foundation's promises: the release build renders under a sub-path, every asset loads from
// the page's own origin, and the start page passes axe.
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

test("the start page renders under a sub-path with the tool's name and no GOV.UK branding", async () => {
  const tab = await harness.open("");
  const { page } = tab;
  assert.match(harness.url, /\/tools\/tcop\/$/);
  assert.equal(
    await page.locator("h1").textContent(),
    "Check your technology against the Technology Code of Practice",
  );
  assert.equal((await page.locator(".app-header__name").textContent()).trim(), "TCoP Assessor");
  assert.equal(await page.locator(".govuk-header__logo, svg.govuk-logo, .govuk-header__logotype").count(), 0);
  assert.match(await page.title(), /TCoP Assessor/);
  // Styles loaded from the page's own origin: GOV.UK body text is not the browser default.
  const font = await page.locator("h1").evaluate((heading) => getComputedStyle(heading).fontFamily);
  assert.match(font, /arial/i);
  await tab.check("start page");
  await tab.close();
});

test("every asset URL in the built page is relative", async () => {
  const tab = await harness.open("");
  const html = await tab.page.evaluate(async () => (await fetch("./index.html")).text());
  for (const [, url] of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
    assert.ok(!url.startsWith("/"), `${url} is root-absolute and would break under a sub-path`);
    assert.ok(!/^https?:/.test(url), `${url} points at another origin`);
  }
  await tab.close();
});

test("the page works inside an iframe on another page of the host", async () => {
  const tab = await harness.open(null);
  await tab.page.setContent(`<iframe title="TCoP Assessor" src="${harness.url}" width="1000" height="800"></iframe>`);
  const frame = tab.page.frameLocator("iframe");
  await frame.locator("#main-heading").waitFor();
  assert.match(await frame.locator("h1").textContent(), /Technology Code of Practice/);
  await tab.close();
});

test("an unknown address shows a page not found message, not a blank page", async () => {
  const tab = await harness.open("#/no/such/page");
  assert.equal(await tab.page.locator("h1").textContent(), "Page not found");
  await tab.check("not found page");
  await tab.close();
});

test("the built page carries a strict Content Security Policy, and the browser enforces it", async () => {
  const tab = await harness.open("");
  const { page } = tab;
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  const directives = Object.fromEntries(
    policy.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
  );
  assert.deepEqual(directives["default-src"], ["'self'"]);
  assert.deepEqual(directives["object-src"], ["'none'"]);
  assert.deepEqual(directives["base-uri"], ["'none'"]);
  assert.deepEqual(directives["form-action"], ["'none'"]);
  assert.ok(directives["script-src"].includes("'wasm-unsafe-eval'"));
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
  // The app ran under the policy (the harness fails on any violation) ...
  await tab.check("start page under the policy");
  // ... and an injected inline script is refused.
  const ran = await page.evaluate(async () => {
    const seen = new Promise((resolve) =>
      document.addEventListener("securitypolicyviolation", () => resolve("blocked"), { once: true }),
    );
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.body.append(script);
    return Promise.race([seen, new Promise((resolve) => setTimeout(() => resolve("no report"), 1000))]).then(
      (report) => ({ report, injected: window.__injected === true }),
    );
  });
  assert.deepEqual(ran, { report: "blocked", injected: false });
  await tab.close();
});
