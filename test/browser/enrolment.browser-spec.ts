import { enrolJourney } from './support/enrolment-journey';
import { browserSuite, journeyPerTest } from './support/suite';

/** Register, enrol page by page with one error round-trip, check answers, submit, outcome, home, self-assessment, results and recommendations, book the recommended module, sign out: in English (JavaScript on and off) and Spanish. */
describe('SME enrolment journey by mouse', () => {
  const suite = browserSuite();

  // About fifteen pages, each scanned by axe and walked by keyboard: longer than one request, never timed.
  const JOURNEY_TIMEOUT_MS = 300_000;

  // English with JavaScript on and off, Spanish with it on; the keyboard journey (German) runs with it
  // on and off too, so every language and both modes are covered without repeating the longest journey.
  describe.each([
    ['en', 'JavaScript on', true],
    ['en', 'JavaScript off', false],
    ['es', 'JavaScript on', true],
  ] as const)('in %s, %s', (lang, mode, javaScript) => {
    const journey = journeyPerTest(suite, { javaScript });

    it(
      'enrols, assesses readiness and books training',
      () => journey.run(`enrolment-${lang}-${mode}`, (page) => enrolJourney(suite.api, page, lang, false)),
      JOURNEY_TIMEOUT_MS,
    );
  });
});
