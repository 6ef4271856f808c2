/**
 * Code that runs inside the page (through `page.evaluate`). The project compiles without the DOM library
 * (it is server code), so the few DOM members used here are declared locally: they exist only for the
 * type checker inside this module and never leak into the rest of the program.
 */
import type { Page } from 'playwright-core';

interface DomRect {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}
interface DomStyle {
  outlineStyle: string;
  outlineWidth: string;
  outlineColor: string;
  boxShadow: string;
  display: string;
  visibility: string;
}
interface DomElement {
  tagName: string;
  id: string;
  outerHTML: string;
  textContent: string | null;
  parentElement: DomElement | null;
  nextElementSibling: DomElement | null;
  labels?: { length: number } | null;
  type?: string;
  disabled?: boolean;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  closest(selector: string): DomElement | null;
  contains(other: DomElement): boolean;
  compareDocumentPosition(other: DomElement): number;
  getBoundingClientRect(): DomRect;
  matches(selector: string): boolean;
  focus(): void;
  getClientRects(): { length: number };
}
interface DomDocument {
  addEventListener(type: string, listener: (event: FocusEventLike) => void, capture: boolean): void;
  removeEventListener(type: string, listener: (event: FocusEventLike) => void, capture: boolean): void;
  activeElement: DomElement | null;
  body: DomElement;
  documentElement: DomElement & { lang: string };
  scrollingElement: { scrollWidth: number; clientWidth: number } | null;
  title: string;
  querySelectorAll(selector: string): Iterable<DomElement>;
  getElementById(id: string): DomElement | null;
}
declare const document: DomDocument;
declare const location: { hash: string; pathname: string };
declare function getComputedStyle(element: DomElement, pseudo?: string): DomStyle;

export interface PageFacts {
  lang: string;
  title: string;
  h1Count: number;
  hasMainContent: boolean;
  unlabelledControls: string[];
}

/** Language, title, headings and form controls without a label. */
export function pageFacts(page: Page): Promise<PageFacts> {
  return page.evaluate(() => {
    const short = (element: DomElement): string => element.outerHTML.replace(/\s+/g, ' ').slice(0, 160);
    const controls = [...document.querySelectorAll('input, select, textarea')].filter(
      (control) => !['hidden', 'submit', 'button', 'reset', 'image'].includes(control.type ?? ''),
    );
    const unlabelled = controls.filter((control) => {
      const labelledBy = (control.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .some((id) => (document.getElementById(id)?.textContent ?? '').trim() !== '');
      // A visible <label> is the rule in GOV.UK forms; aria-labelledby is accepted for grouped controls.
      return !((control.labels?.length ?? 0) > 0 || labelledBy);
    });
    return {
      lang: document.documentElement.lang,
      title: document.title,
      h1Count: [...document.querySelectorAll('h1')].length,
      hasMainContent: document.getElementById('main-content')?.tagName === 'MAIN',
      unlabelledControls: unlabelled.map(short),
    };
  });
}

/**
 * Elements that stick out to the right of the viewport (outside `.app-table-container`, the one place
 * where sideways scrolling is allowed), and whether the document scrolls sideways at all.
 */
export function horizontalOverflow(page: Page): Promise<{ scrolls: boolean; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement;
    const width = root ? root.clientWidth : 0;
    const culprits: string[] = [];
    for (const element of document.querySelectorAll('body *')) {
      if (element.closest('.app-table-container')) continue;
      const rect = element.getBoundingClientRect();
      const parent = element.parentElement?.getBoundingClientRect();
      // Report where the overflow starts: the element that sticks out while its parent does not.
      if (rect.width > 0 && rect.right > width + 1 && (!parent || parent.right <= width + 1)) {
        culprits.push(element.outerHTML.replace(/\s+/g, ' ').slice(0, 160));
      }
    }
    return { scrolls: root ? root.scrollWidth > root.clientWidth : false, culprits: culprits.slice(0, 5) };
  });
}

/**
 * Moves focus (and the browser's sequential-navigation starting point) to the top of the document, as
 * after a fresh page load, so the next Tab goes to the first focusable element.
 */
export function focusTopOfPage(page: Page): Promise<void> {
  return page.evaluate(() => {
    const body = document.body;
    body.setAttribute('tabindex', '-1');
    body.focus();
    body.removeAttribute('tabindex');
  });
}

export interface FocusState {
  /** outerHTML summary of the focused element, or "(body)" when focus has left the page content. */
  element: string;
  atBody: boolean;
  isSkipLink: boolean;
  isMainContent: boolean;
  /** Inside #main-content, or after its start in document order. */
  inOrAfterMain: boolean;
  hash: string;
  visible: boolean;
  /** Has a focus indicator: an outline or box-shadow (for GOV.UK radios and checkboxes: on the label). */
  indicated: boolean;
  /** Value of a data-kb-visit marker set by the focus-order walk, if this element was seen before. */
  visit: string | null;
}

/** One Tab's stop in a focus walk: the focused element's state, or `null` when focus left the page. */
type WalkStop = FocusState | null;

interface FocusWalk {
  stops: WalkStop[];
  stop(): void;
}

interface FocusEventLike {
  relatedTarget: unknown;
}

declare const window: { kbFocusWalk?: FocusWalk };

/**
 * In the page: what has focus (`state`); or, for a walk, start recording the state at every focus change
 * (`start`: each new stop marked visited in the same moment) and hand the record over (`take`).
 */
function focusProbe(request: { action: 'state' | 'start' | 'take'; markAs?: number }): unknown {
  const describe = (step?: number): FocusState => {
    const active = document.activeElement;
    const main = document.getElementById('main-content');
    if (!active || active === document.body || active === document.documentElement) {
      return {
        element: '(body)',
        atBody: true,
        isSkipLink: false,
        isMainContent: false,
        inOrAfterMain: false,
        hash: location.hash,
        visible: false,
        indicated: false,
        visit: null,
      };
    }
    const rect = active.getBoundingClientRect();
    const style = getComputedStyle(active);
    const shows = (s: DomStyle): boolean =>
      s.boxShadow !== 'none' ||
      (s.outlineStyle !== 'none' &&
        parseFloat(s.outlineWidth) > 0 &&
        !/^(transparent|rgba\(0, 0, 0, 0\))$/.test(s.outlineColor));
    let indicated = shows(style);
    const type = active.type ?? '';
    if (!indicated && (type === 'radio' || type === 'checkbox') && active.nextElementSibling) {
      // GOV.UK hides the native control and draws the focus ring on its label's ::before.
      indicated = shows(getComputedStyle(active.nextElementSibling, '::before'));
    }
    const FOLLOWING = 4;
    const text = active.outerHTML.replace(/ data-kb-visit="\d+"/, '').replace(/\s+/g, ' ');
    const visit = active.getAttribute('data-kb-visit');
    if (step !== undefined && visit === null) active.setAttribute('data-kb-visit', String(step));
    return {
      element: text.length > 160 ? `${text.slice(0, 160)}…` : text,
      atBody: false,
      isSkipLink: active.matches('a.govuk-skip-link'),
      isMainContent: active === main,
      inOrAfterMain:
        !!main &&
        (main === active || main.contains(active) || (main.compareDocumentPosition(active) & FOLLOWING) > 0),
      hash: location.hash,
      visible: rect.width > 1 && rect.height > 1,
      indicated,
      visit,
    };
  };
  if (request.action === 'state') return describe(request.markAs);
  if (request.action === 'take') {
    const walk = window.kbFocusWalk;
    walk?.stop();
    return walk?.stops ?? [];
  }
  const stops: WalkStop[] = [];
  // Focus moving to an element: its state now, while :focus (and :focus-visible) style it.
  const focusIn = (): void => void stops.push(describe(stops.length + 1));
  // Focus moving to nothing (past the last element): the page has been left.
  const focusOut = (event: FocusEventLike): void => {
    if (!event.relatedTarget) stops.push(null);
  };
  document.addEventListener('focusin', focusIn, true);
  document.addEventListener('focusout', focusOut, true);
  window.kbFocusWalk = {
    stops,
    stop: () => {
      document.removeEventListener('focusin', focusIn, true);
      document.removeEventListener('focusout', focusOut, true);
      delete window.kbFocusWalk;
    },
  };
  return null;
}

/**
 * What has focus right now, and whether a sighted keyboard user can see it. With `markAs`, an element not
 * visited before is also marked as visited at that step (data-kb-visit), in the same round trip.
 */
export async function focusState(page: Page, markAs?: number): Promise<FocusState> {
  return (await page.evaluate(focusProbe, { action: 'state' as const, markAs })) as FocusState;
}

/**
 * Records a walk: from now on every focus change is described the moment it happens (each element marked
 * visited at its first stop), until `takeFocusWalk`. So a walk of many Tabs needs no round trip per stop.
 * It listens for focus events, so the page's context must run scripts.
 */
export async function startFocusWalk(page: Page): Promise<void> {
  await page.evaluate(focusProbe, { action: 'start' as const });
}

/** The stops recorded since `startFocusWalk`, in order (`null`: focus left the page); recording ends. */
export async function takeFocusWalk(page: Page): Promise<WalkStop[]> {
  return (await page.evaluate(focusProbe, { action: 'take' as const })) as WalkStop[];
}

/** Removes the markers again, so they never reach a screenshot or an accessibility scan. */
export function clearFocusMarks(page: Page): Promise<void> {
  return page.evaluate(() => {
    for (const element of document.querySelectorAll('[data-kb-visit]'))
      element.removeAttribute('data-kb-visit');
  });
}

/** How many elements a Tab can reach at most: an upper bound for the focus-order walk. */
export function tabbableCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
    return [...document.querySelectorAll(selector)].filter((element) => element.getClientRects().length > 0)
      .length;
  });
}

/** Does the focused element match this CSS selector? */
export function focusedMatches(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);
}
