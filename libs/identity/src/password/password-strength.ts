import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as de from '@zxcvbn-ts/language-de';
import * as en from '@zxcvbn-ts/language-en';
import * as es from '@zxcvbn-ts/language-es-es';

export type PasswordLanguage = 'en' | 'es' | 'de';

/**
 * zxcvbn's estimate (log10 of the guesses an attacker needs) below which a password is refused: 10^10 is
 * its "very unguessable" band. Below it sit `Summer2026!!` (10^8), `Password1234!` (10^5.5) and every
 * breached password it knows, with or without a year and a symbol appended.
 */
export const MIN_GUESSES_LOG10 = 10;

/** Words anyone guessing at this service would try first. */
const SERVICE_WORDS = ['export', 'exports', 'programme', 'program', 'trade', 'agency', 'sme', 'business'];

const TRANSLATIONS = { en: en.translations, es: es.translations, de: de.translations };

let estimator: ZxcvbnFactory | undefined;

/**
 * Built on first use, once per process (about 0.3 s and 90 MB: the breached-password list of
 * @zxcvbn-ts/language-common, and names, common words and Wikipedia words in English, German and Spanish).
 * Feedback comes back as translation keys (no `translations` option), read per request's language below.
 */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...de.dictionary, ...es.dictionary },
    graphs: common.adjacencyGraphs,
  });
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
  const result = zxcvbn().check(password, [...userInputs, ...SERVICE_WORDS]);
  if (result.guessesLog10 >= MIN_GUESSES_LOG10) return { strongEnough: true, explanation: [] };
  const texts = TRANSLATIONS[language];
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
