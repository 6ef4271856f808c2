import type { Page } from 'playwright-core';
import { confirmationLink } from '../../support/auth';
import type { TestApi } from '../../support/test-api';
import { checkPage } from './page-check';
import { focusState } from './in-page';
import { tabTo } from './keyboard';
import { Language, text } from './locales';

/**
 * Runs an action that loads a new document (link, form submit, redirect chain) and waits until that
 * document has loaded: a form re-shown with errors keeps its URL, so waiting for a URL would not do.
 */
export async function navigation(page: Page, act: () => Promise<unknown>): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
  await act();
  await navigated;
  await page.waitForLoadState('load');
}

/** The path (and query) of the page's current URL, without origin or fragment. */
export function pathOf(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

export async function heading(page: Page): Promise<string> {
  return ((await page.locator('h1').first().textContent()) ?? '').trim();
}

/** Clicks the submit button with this text (translated wording from the locale files). */
export function submit(page: Page, buttonText: string): Promise<void> {
  return navigation(page, () => page.getByRole('button', { name: buttonText, exact: true }).click());
}

/** Signs in through the sign-in page, as a person would. */
export async function signInThroughPage(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
  lang: Language = 'en',
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?lang=${lang}`);
  await page.getByLabel(text(lang, 'identity.fields.email'), { exact: true }).fill(email);
  await page.getByLabel(text(lang, 'identity.fields.password'), { exact: true }).fill(password);
  await submit(page, text(lang, 'common.signIn'));
}

/** The sign-out button sits in the service navigation of every signed-in page. */
export function signOut(page: Page, lang: Language = 'en'): Promise<void> {
  return submit(page, text(lang, 'identity.nav.signOut'));
}

/** The messages of the GOV.UK error summary, in order. */
export async function errorSummary(page: Page): Promise<string[]> {
  const links = page.locator('.govuk-error-summary__list a');
  return (await links.allTextContents()).map((message) => message.trim());
}

/**
 * Follows the error summary's link for one field, by keyboard (Tab to it, Enter) or by click, and
 * checks that focus ends up on the field. With JavaScript GOV.UK's ErrorSummary focuses the field; without
 * it the browser follows the #fragment, which focuses a focusable target.
 */
export async function followErrorLink(
  page: Page,
  fieldId: string,
  options: { keyboard?: boolean } = {},
): Promise<void> {
  const selector = `.govuk-error-summary__list a[href="#${fieldId}"]`;
  if (options.keyboard) {
    await tabTo(page, selector);
    await page.keyboard.press('Enter');
  } else {
    await page.locator(selector).click();
  }
  const focused = await focusState(page);
  if (!focused.element.includes(`id="${fieldId}"`)) {
    throw new Error(`the error summary link for "${fieldId}" left focus on ${focused.element}`);
  }
}

/**
 * After the registration form: the "check your email" page, then the emailed link (read from the
 * notification the api wrote) and its confirm button, ending signed in on home. Page checks on both pages.
 */
export async function confirmRegistration(
  page: Page,
  api: TestApi,
  email: string,
  options: { lang: Language; keyboard?: boolean },
): Promise<void> {
  const { lang, keyboard = false } = options;
  if (pathOf(page) !== '/register/check-email')
    throw new Error(`expected the check-email page, on ${pathOf(page)}`);
  await checkPage(page, { name: 'check your email', lang });
  await page.goto(`${api.url}${await confirmationLink(api, email)}`);
  await checkPage(page, { name: 'confirm your email', lang });
  const button = 'form[action="/register/confirm"] .govuk-button';
  if (keyboard) {
    await tabTo(page, button);
    await navigation(page, () => page.keyboard.press('Enter'));
  } else await navigation(page, () => page.locator(button).click());
  if (pathOf(page) !== '/home') throw new Error(`expected home after confirming, on ${pathOf(page)}`);
}
