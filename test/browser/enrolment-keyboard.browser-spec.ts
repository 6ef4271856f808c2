import { enrolJourney } from './support/enrolment-journey';
import { structureCheckedIn } from './support/page-check';
import { browserSuite, inBothJavaScriptModes } from './support/suite';

// The same pages in both modes as the journey by mouse, which runs axe and the keyboard walk on each.
structureCheckedIn('enrolment.browser-spec.ts');

/** The whole SME journey with Tab, Shift+Tab, Enter, Space, typing and arrow keys in radio groups and selects; in German, JavaScript on and off. */
describe('SME enrolment journey by keyboard alone', () => {
  const suite = browserSuite();

  // About fifteen pages, each checked and filled in by keyboard: longer than one request, never timed.
  const JOURNEY_TIMEOUT_MS = 300_000;

  inBothJavaScriptModes(suite, (journey, mode) => {
    it(
      'in German',
      () => journey.run(`enrolment-keyboard-de-${mode}`, (page) => enrolJourney(suite.api, page, 'de', true)),
      JOURNEY_TIMEOUT_MS,
    );
  });
});
