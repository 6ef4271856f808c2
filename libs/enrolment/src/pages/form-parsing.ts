import type { FieldError } from '@app/errors';
import { parseMoney } from '@app/web';
import countries from 'i18n-iso-countries';
import { fieldError } from '../answers/enrolment-answers';

export type Form = Record<string, string | string[] | undefined>;

/** Reads posted form fields into typed answers, collecting translated field errors as it goes. */
export class FormReader {
  readonly errors: FieldError[] = [];

  constructor(
    private readonly form: Form,
    readonly lang: string,
  ) {}

  /** A text answer: trimmed; empty means "no answer" (null). */
  text(name: string): string | null {
    const raw = this.form[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined) return null;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }

  /** Checkbox group: always an array (none ticked = empty). */
  list(name: string): string[] {
    const raw = this.form[name];
    if (raw === undefined) return [];
    return (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== '');
  }

  checked(name: string): boolean {
    return this.list(name).length > 0;
  }

  /** A whole number such as "1,250" or "12"; anything else is an `integer` error on `field`. */
  integer(name: string, field: string): number | null {
    const value = this.text(name);
    if (value === null) return null;
    const digits = value.replace(/[\s,.'’]/g, '');
    if (!/^\d{1,15}$/.test(digits) || !/^\d[\d\s,.'’]*$/.test(value)) {
      this.errors.push(fieldError(field, 'integer', this.lang));
      return null;
    }
    return Number(digits);
  }

  /**
   * An amount in major units ("1,250,000", "1.250.000,50", "980000.5") as integer minor units of `currency`,
   * read the way the page's language writes numbers (parseMoney). A negative amount is a `range` error,
   * anything else that is not an amount an `amount` error.
   */
  amount(name: string, field: string, currency?: string): number | null {
    const value = this.text(name);
    if (value === null) return null;
    const parsed = parseMoney(value, { currency, lang: this.lang });
    if (parsed.ok) return parsed.minor;
    this.errors.push(fieldError(field, parsed.problem === 'negative' ? 'range' : 'amount', this.lang));
    return null;
  }

  /** "yes"/"no" radios. */
  yesNo(name: string): boolean | null {
    const value = this.text(name);
    return value === 'yes' ? true : value === 'no' ? false : null;
  }

  /**
   * Countries typed as names (in the page's language or English) or ISO codes, separated by commas,
   * semicolons or new lines. Unknown names are `unknownCountry` errors that quote what was typed.
   */
  countries(name: string, field: string): string[] | null {
    const value = this.text(name);
    if (value === null) return null;
    const codes: string[] = [];
    for (const token of value
      .split(/[,;\n]+/)
      .map((t) => t.trim())
      .filter(Boolean)) {
      const code = countryCode(token, this.lang);
      if (!code) {
        this.errors.push(fieldError(field, 'unknownCountry', this.lang, { name: token.slice(0, 60) }));
        return null;
      }
      if (!codes.includes(code)) codes.push(code);
    }
    return codes;
  }
}

export function countryCode(token: string, lang: string): string | undefined {
  if (/^[A-Za-z]{2}$/.test(token) && countries.isValid(token.toUpperCase())) return token.toUpperCase();
  return countries.getAlpha2Code(token, lang) ?? countries.getAlpha2Code(token, 'en');
}

export function countryName(code: string, lang: string): string {
  return countries.getName(code, lang) ?? countries.getName(code, 'en') ?? code;
}

/** Every country, named and sorted in the page's language, for a select. */
export function countryOptions(
  lang: string,
  selected: string | null,
): { value: string; text: string; selected: boolean }[] {
  const names = countries.getNames(lang, { select: 'official' });
  return Object.entries(names)
    .map(([code, text]) => ({ value: code, text, selected: code === selected }))
    .sort((a, b) => a.text.localeCompare(b.text, lang));
}
