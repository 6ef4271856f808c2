import type { Page } from 'playwright-core';
import {
  clearFocusMarks,
  focusedMatches,
  focusState,
  FocusState,
  focusTopOfPage,
  startFocusWalk,
  tabbableCount,
  takeFocusWalk,
} from './in-page';
import { javaScriptEnabled } from './browser';

/**
 * Problems a keyboard user would meet on this page: the first Tab from the top must land on a visible
 * skip link whose Enter moves focus to #main-content; Tab must walk every focusable element with a
 * visible focus indicator and leave the page at the end (no focus trap). Returns the problems found.
 * Leaves focus at the top of the page. The page's context must run scripts (see `focusOrderProblems`).
 */
export async function keyboardProblems(page: Page): Promise<string[]> {
  return [...(await skipLinkProblems(page)), ...(await focusOrderProblems(page))];
}

/**
 * The first Tab from the top lands on a visible, indicated skip link, and its Enter moves focus to
 * #main-content (with scripts on or off). Leaves focus at the top of the page.
 */
export async function skipLinkProblems(page: Page): Promise<string[]> {
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
  await focusTopOfPage(page);
  return problems;
}

/**
 * Walks the page with Tab from the top: every stop visible and indicated, and the walk ends. The page
 * records each stop as focus arrives (in-page.ts), so the Tabs go to the browser one after the other
 * without a round trip between them, as a fast typist's would. Listening needs scripts: a scripts-off
 * page is walked on its scriptless copy (page-check.ts). Leaves focus at the top of the page.
 */
export async function focusOrderProblems(page: Page): Promise<string[]> {
  if (!javaScriptEnabled(page.context())) {
    throw new Error('focusOrderProblems: the page runs no scripts; walk its scriptless copy instead');
  }
  const limit = (await tabbableCount(page)) + 2;
  await focusTopOfPage(page);
  await startFocusWalk(page);
  try {
    await pressTabs(page, limit);
    return walkProblems(await takeFocusWalk(page), limit);
  } finally {
    await clearFocusMarks(page);
    await focusTopOfPage(page);
  }
}

/** Every stop visible and indicated, and the walk left the page (or wrapped to its first stop). */
function walkProblems(stops: (FocusState | null)[], limit: number): string[] {
  const problems: string[] = [];
  for (const state of stops.slice(0, limit)) {
    if (state === null || state.atBody) return problems;
    if (state.visit !== null) {
      // Back to an element already visited before the walk reached the end of the page.
      if (state.visit !== '1')
        problems.push(`focus trap: Tab returned to ${state.element} (stop ${state.visit})`);
      return problems;
    }
    if (!state.visible) problems.push(`focused element is not visible: ${state.element}`);
    if (!state.indicated) problems.push(`focused element has no visible focus indicator: ${state.element}`);
  }
  // Fewer stops than Tabs, the last still in the page: the later Tabs did not move focus at all.
  const last = stops[stops.length - 1];
  if (last && stops.length < limit)
    problems.push(`focus trap: Tab stayed on ${last.element} (stop ${stops.length})`);
  else problems.push(`Tab never left the page after ${limit} presses: focus is trapped`);
  return problems;
}

/** A Tab key as Chromium's input pipeline receives it from Playwright's `keyboard.press('Tab')`. */
const TAB_DOWN = {
  type: 'rawKeyDown' as const,
  key: 'Tab',
  code: 'Tab',
  windowsVirtualKeyCode: 9,
  nativeVirtualKeyCode: 9,
};
const TAB_UP = { ...TAB_DOWN, type: 'keyUp' as const };

/**
 * Presses Tab `times` times through the DevTools protocol, sent in order without waiting between them:
 * Chromium handles input events one after another, each Tab moving focus before the next arrives.
 */
async function pressTabs(page: Page, times: number): Promise<void> {
  const session = await page.context().newCDPSession(page);
  try {
    const sent: Promise<unknown>[] = [];
    for (let press = 0; press < times; press++) {
      sent.push(
        session.send('Input.dispatchKeyEvent', TAB_DOWN),
        session.send('Input.dispatchKeyEvent', TAB_UP),
      );
    }
    await Promise.all(sent);
  } finally {
    await session.detach();
  }
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
