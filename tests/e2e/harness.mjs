// The browser harness every journey uses. Each page it opens is watched for the promises that
// hold on every page: it renders, nothing throws, the wasm does not panic, no request leaves the
// page's own origin or fails, and axe-core finds no WCAG 2.2 AA violation.
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { serve } from "./server.mjs";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
// As root Chromium needs --no-sandbox; the rest stop it calling out to Google's services, which
// this machine's network refuses.
export const ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Starts the server and the browser once for a test file. */
export async function startHarness() {
  const server = await serve(process.env.DIST ?? "dist");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return {
    url: server.url,
    browser,
    /** A fresh browser context (no storage) with a watched page. */
    async open(path = "", contextOptions = {}) {
      const context = await browser.newContext(contextOptions);
      const watched = await watch(context, server.url);
      if (path !== null) await watched.goto(path);
      return watched;
    },
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens a page in `context` and records every problem the promises forbid. */
export async function watch(context, baseUrl) {
  const origin = new URL(baseUrl).origin;
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`uncaught error: ${error.message}`));
  // Every Content Security Policy violation is a failure, whether or not the browser also logs it.
  await page.exposeFunction("__reportCspViolation", (text) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__reportCspViolation(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url.startsWith("blob:")) return;
    if (new URL(url).origin !== origin) problems.push(`request left the origin: ${url}`);
  });
  page.on("requestfailed", (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const watched = {
    page,
    context,
    problems,
    baseUrl,
    /** Goes to a path under the app (a fragment such as "#/new", or ""), and waits for the app. */
    async goto(fragment = "") {
      await page.goto(baseUrl + fragment);
      await page.locator("#main-heading").waitFor();
    },
    /** Asserts the page promises: rendered, no problems so far, zero axe violations. */
    async check(label) {
      const heading = (await page.locator("h1").first().textContent())?.trim();
      assert.ok(heading, `${label}: the page has a main heading`);
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      const violations = results.violations.map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.help}\n    ` +
          violation.nodes.map((node) => node.target.join(" ")).join("\n    "),
      );
      assert.deepEqual(violations, [], `${label}: axe violations`);
      assert.deepEqual(problems, [], `${label}: page problems`);
    },
    async close() {
      await context.close();
    },
  };
  return watched;
}
