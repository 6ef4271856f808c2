import type { AxeResults, NodeResult } from 'axe-core';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: the standard a public-sector service must meet. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export type AxeNode = NodeResult;

/** axe-core itself (about 550 kB), read once per test file. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Every page of a JavaScript-on context gets axe-core at load (an init script), so a scan is one call of
 * `axe.run` instead of injecting and compiling half a megabyte of script before each scan. Defining
 * `window.axe` changes nothing the service's own scripts or the checks look at.
 */
export async function preloadAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: AXE_SOURCE });
}

// In-page code only (page.evaluate): the project compiles without the DOM library, so the two globals it
// touches are declared here, for this module's type checking alone (as in in-page.ts).
interface WindowWithAxe {
  axe?: { run(context: unknown, options: object): Promise<AxeResults> };
}
declare const window: WindowWithAxe;
declare const document: unknown;

/**
 * An axe scan of the page as it is, for WCAG 2.2 AA, run in the page itself (the service has no frames),
 * keeping full detail only for violations, the only results read here. A page whose context was not
 * prepared by `preloadAxe` gets axe injected first.
 */
export async function axeScan(page: Page): Promise<Pick<AxeResults, 'violations'>> {
  const loaded = await page.evaluate(() => typeof window.axe?.run === 'function');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = window.axe;
    if (!axe) throw new Error('axe-core did not load in the page');
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations;
  }, AXE_TAGS);
  return { violations };
}
