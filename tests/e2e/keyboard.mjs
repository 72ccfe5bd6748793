// Keyboard-only helpers: every journey step a test takes through these uses Tab, Shift+Tab,
// arrows, Space, Enter and typing, never a mouse click.

/** Presses Tab until the focused element matches `selector`; fails after `limit` presses. */
export async function tabTo(page, selector, { limit = 60, backwards = false } = {}) {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab did not reach ${selector} within ${limit} presses`);
}

/** The id of the focused element. */
export function focusedId(page) {
  return page.evaluate(() => document.activeElement?.id ?? "");
}

/**
 * Chooses an answer in a GOV.UK radio group by keyboard, with focus on the group's first radio
 * and nothing chosen yet: Space picks the first, arrows move to (and pick) later ones.
 */
export async function chooseRadio(page, position) {
  if (position === 0) {
    await page.keyboard.press("Space");
  } else {
    for (let step = 0; step < position; step++) await page.keyboard.press("ArrowDown");
  }
}
