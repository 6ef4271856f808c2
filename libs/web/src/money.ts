import { minorUnitDigits } from './minor-unit-digits';

/** Why a typed amount was refused: not a number, below zero, finer than the currency's minor unit, too big. */
export type MoneyProblem = 'format' | 'negative' | 'precision' | 'too_large';

export type ParsedMoney = { ok: true; minor: number } | { ok: false; problem: MoneyProblem };

/** Languages whose decimal separator is the comma (the others, English among them, use the point). */
const DECIMAL_COMMA = new Set(['de', 'es']);
/** Spaces and apostrophes that group thousands ("1 250 000", "1'250'000"), none of which changes a value. */
const GROUPING_MARKS = /[\s\u00a0\u202f\u2009'’]/g;

/**
 * An amount typed in major units ("1,234.50", "1.234,50", "1 250 000", "980000.5") as integer minor units
 * of `currency`. Where both separators appear, the last is the decimal one. A single separator followed by
 * exactly three digits is read the way the page's language writes numbers ("1.234" is 1234 in German and
 * Spanish, and 1.234 in English); with any other number of digits it is the decimal separator. More
 * decimals than the currency has is refused rather than rounded, as are negative amounts and amounts
 * beyond what JavaScript counts exactly.
 */
export function parseMoney(input: string, options: { currency?: string; lang?: string } = {}): ParsedMoney {
  let text = input.replace(GROUPING_MARKS, '');
  if (/^[-\u2212]/.test(text)) {
    text = text.slice(1);
    if (/^\d[\d.,]*$/.test(text)) return { ok: false, problem: 'negative' };
  }
  if (!/^\d([\d.,]*\d)?$/.test(text)) return { ok: false, problem: 'format' };

  const separator = decimalSeparator(text, options.lang);
  const dot = separator ? text.lastIndexOf(separator) : -1;
  const whole = dot < 0 ? text : text.slice(0, dot);
  const fraction = dot < 0 ? '' : text.slice(dot + 1);
  if (/[.,]/.test(fraction) || !groupedCorrectly(whole)) return { ok: false, problem: 'format' };

  const digits = minorUnitDigits(options.currency);
  if (fraction.length > digits) return { ok: false, problem: 'precision' };
  const minorDigits = (whole.replace(/[.,]/g, '') + fraction.padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  if (minorDigits.length > 16 || !Number.isSafeInteger(Number(minorDigits)))
    return { ok: false, problem: 'too_large' };
  return { ok: true, minor: Number(minorDigits) };
}

/** Which separator marks the decimals, if any does. */
function decimalSeparator(text: string, lang: string | undefined): '.' | ',' | undefined {
  const dots = text.split('.').length - 1;
  const commas = text.split(',').length - 1;
  if (dots && commas) return text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
  const only = dots ? '.' : commas ? ',' : undefined;
  if (!only || dots + commas > 1) return undefined;
  const after = text.length - text.indexOf(only) - 1;
  if (after !== 3) return only;
  const languageDecimal = DECIMAL_COMMA.has(lang ?? 'en') ? ',' : '.';
  return only === languageDecimal ? only : undefined;
}

/** Whole units either plain ("1250000") or grouped by threes with one kind of separator ("1.250.000"). */
function groupedCorrectly(whole: string): boolean {
  return /^\d+$/.test(whole) || /^\d{1,3}(?:\.\d{3})+$/.test(whole) || /^\d{1,3}(?:,\d{3})+$/.test(whole);
}
