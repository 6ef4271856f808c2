import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type * as En from '@zxcvbn-ts/language-en';

export type PasswordLanguage = 'en' | 'es' | 'de';

/**
 * zxcvbn's estimate (log10 of the guesses an attacker needs) below which a password is refused: 10^10 is
 * its "very unguessable" band. Below it sit `Summer2026!!` (10^8), `Password1234!` (10^5.5) and every
 * breached password it knows, with or without a year and a symbol appended.
 */
export const MIN_GUESSES_LOG10 = 10;

/** Words anyone guessing at this service would try first. */
const SERVICE_WORDS = ['export', 'exports', 'programme', 'program', 'trade', 'agency', 'sme', 'business'];

type Translations = typeof En.translations;

let estimator: { zxcvbn: ZxcvbnFactory; translations: Record<PasswordLanguage, Translations> } | undefined;

/**
 * Loaded and built on first use, once per process (about 0.3 s and 90 MB: the breached-password list of
 * @zxcvbn-ts/language-common, and names, common words and Wikipedia words in English, German and Spanish),
 * so a process that checks no password never loads the dictionaries (they were a tenth of the api's start).
 * Feedback comes back as translation keys (no `translations` option), read per request's language below.
 */
function zxcvbn(): NonNullable<typeof estimator> {
  if (estimator) return estimator;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded lazily on purpose (see above) */
  const { ZxcvbnFactory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
  const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
  const en = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en');
  const de = require('@zxcvbn-ts/language-de') as typeof import('@zxcvbn-ts/language-de');
  const es = require('@zxcvbn-ts/language-es-es') as typeof import('@zxcvbn-ts/language-es-es');
  /* eslint-enable @typescript-eslint/no-require-imports */
  estimator = {
    zxcvbn: new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary, ...de.dictionary, ...es.dictionary },
      graphs: common.adjacencyGraphs,
    }),
    translations: { en: en.translations, es: es.translations, de: de.translations },
  };
  return estimator;
}

export interface StrengthVerdict {
  strongEnough: boolean;
  /** Why it is weak and what to do instead, in the reader's language (empty when strong enough). */
  explanation: string[];
}

/** How guessable a password is, given words about its owner (email, name) that an attacker would try. */
export function passwordStrength(
  password: string,
  userInputs: string[],
  language: PasswordLanguage = 'en',
): StrengthVerdict {
  const { zxcvbn: estimate, translations } = zxcvbn();
  const result = estimate.check(password, [...userInputs, ...SERVICE_WORDS]);
  if (result.guessesLog10 >= MIN_GUESSES_LOG10) return { strongEnough: true, explanation: [] };
  const texts = translations[language];
  const warning = result.feedback.warning as keyof typeof texts.warnings | null;
  const suggestions = (
    result.feedback.suggestions.length ? result.feedback.suggestions : ['anotherWord']
  ) as (keyof typeof texts.suggestions)[];
  return {
    strongEnough: false,
    explanation: [
      ...(warning ? [texts.warnings[warning]] : []),
      ...suggestions.map((s) => texts.suggestions[s]),
    ],
  };
}
