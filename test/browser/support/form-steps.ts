import type { Page } from 'playwright-core';
import { focusedMatches } from './in-page';
import { tabTo } from './keyboard';

/** One thing a person does on a form, addressed by a CSS selector of its control. */
export type FormStep =
  | { type: 'text'; selector: string; value: string }
  | { type: 'select'; selector: string; value: string }
  | { type: 'radio'; selector: string }
  | { type: 'checkbox'; selector: string };

/** Fills a form with the mouse (click, fill, select), as most people do. */
export async function fillWithMouse(page: Page, steps: FormStep[]): Promise<void> {
  for (const step of steps) {
    const control = page.locator(step.selector);
    if (step.type === 'text') await control.fill(step.value);
    else if (step.type === 'select') await control.selectOption(step.value);
    else await control.check();
  }
}

/**
 * Fills a form with the keyboard alone, in the order the steps are given (their order on the page):
 * Tab to each control, type into text fields, arrow keys through a select or a radio group (the way a
 * radio group is operated), Space for checkboxes.
 */
export async function fillWithKeyboard(page: Page, steps: FormStep[]): Promise<void> {
  for (const step of steps) {
    if (step.type === 'text') {
      await tabTo(page, step.selector);
      await page.keyboard.press('Control+A');
      await page.keyboard.type(step.value);
    } else if (step.type === 'select') {
      await tabTo(page, step.selector);
      // Type-ahead, as people do with long lists (countries); arrow keys if that did not land on it.
      const label = await page.locator(`${step.selector} option[value="${step.value}"]`).textContent();
      // Only the plain-ASCII start of the label: other characters are inserted as text, not typed as keys.
      const typeable = /^[A-Za-z ]+/.exec(label?.trim() ?? '')?.[0];
      if (typeable) await page.keyboard.type(typeable);
      const count = await page.locator(`${step.selector} option`).count();
      await arrowUntil(
        page,
        () =>
          page
            .locator(step.selector)
            .inputValue()
            .then((v) => v === step.value),
        count,
      );
    } else if (step.type === 'radio') {
      const name = /\[name="([^"]+)"\]/.exec(step.selector)?.[1];
      await tabTo(page, name ? `input[type="radio"][name="${name}"]` : step.selector);
      if (await focusedMatches(page, step.selector)) await page.keyboard.press('Space');
      else await arrowUntil(page, () => focusedMatches(page, step.selector));
    } else {
      await tabTo(page, step.selector);
      if (!(await page.locator(step.selector).isChecked())) await page.keyboard.press('Space');
    }
  }
}

async function arrowUntil(page: Page, reached: () => Promise<boolean>, max = 40): Promise<void> {
  for (let press = 0; press < max; press++) {
    if (await reached()) return;
    await page.keyboard.press('ArrowDown');
  }
  if (!(await reached())) throw new Error(`keyboard: arrow keys never reached the wanted option`);
}
