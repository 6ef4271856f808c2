import type { Page } from 'playwright-core';
import {
  clearFocusMarks,
  focusedMatches,
  focusState,
  FocusState,
  focusTopOfPage,
  tabbableCount,
} from './in-page';

/**
 * Problems a keyboard user would meet on this page: the first Tab from the top must land on a visible
 * skip link whose Enter moves focus to #main-content; Tab must walk every focusable element with a
 * visible focus indicator and leave the page at the end (no focus trap). Returns the problems found.
 * Leaves focus at the top of the page.
 */
export async function keyboardProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await focusTopOfPage(page);
  await page.keyboard.press('Tab');
  const first = await focusState(page);
  if (!first.isSkipLink) {
    problems.push(`first Tab from the top focused ${first.element}, not the skip link`);
  } else {
    if (!first.visible) problems.push('the skip link is not visible when focused');
    if (!first.indicated) problems.push('the focused skip link has no focus indicator');
    await page.keyboard.press('Enter');
    const target = await focusState(page);
    // With JavaScript, GOV.UK's SkipLink focuses <main>; without it the browser moves the sequential
    // focus starting point there, so the next Tab lands inside (or after) <main> either way.
    if (target.hash !== '#main-content') problems.push(`the skip link went to "${target.hash}"`);
    await page.keyboard.press('Tab');
    const next = await focusState(page);
    if (!next.inOrAfterMain && !next.atBody) {
      problems.push(`after the skip link, Tab focused ${next.element}, which is before #main-content`);
    }
  }
  problems.push(...(await focusOrderProblems(page)));
  await focusTopOfPage(page);
  return problems;
}

/** Walks the page with Tab from the top: every stop visible and indicated, and the walk ends. */
async function focusOrderProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const limit = (await tabbableCount(page)) + 2;
  await focusTopOfPage(page);
  let left = false;
  try {
    for (let step = 1; step <= limit; step++) {
      await page.keyboard.press('Tab');
      // Marks a new stop as visited in the same call, so a loop back to it is seen as a trap.
      const state: FocusState = await focusState(page, step);
      if (state.atBody) {
        left = true;
        break;
      }
      if (state.visit !== null) {
        // Back to an element already visited before the walk reached the end of the page.
        if (state.visit !== '1')
          problems.push(`focus trap: Tab returned to ${state.element} (stop ${state.visit})`);
        left = true;
        break;
      }
      if (!state.visible) problems.push(`focused element is not visible: ${state.element}`);
      if (!state.indicated) problems.push(`focused element has no visible focus indicator: ${state.element}`);
    }
  } finally {
    await clearFocusMarks(page);
  }
  if (!left) problems.push(`Tab never left the page after ${limit} presses: focus is trapped`);
  return problems;
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches the selector, as a keyboard user would,
 * and fails if it is not reached within `max` presses.
 */
export async function tabTo(
  page: Page,
  selector: string,
  options: { max?: number; back?: boolean } = {},
): Promise<void> {
  const max = options.max ?? 60;
  const key = options.back ? 'Shift+Tab' : 'Tab';
  for (let press = 0; press < max; press++) {
    await page.keyboard.press(key);
    const reached = await focusedMatches(page, selector);
    if (reached) return;
  }
  throw new Error(`keyboard: ${selector} not reached after ${max} presses of ${key}`);
}
