import { checkVAT, countries as vatCountries } from 'jsvat';

/** Registration numbers compare trimmed, upper-case and without any whitespace ("sc 123 456" = "SC123456"). */
export function normaliseRegistrationNumber(raw: string): string {
  return raw.trim().toUpperCase().replace(/\s+/g, '');
}

/** EU member states and the UK (plus the few European neighbours jsvat knows): formats we can check. */
const NOT_CHECKED = new Set(['BR', 'RS', 'RU', 'EU']);
const CHECKABLE = new Set(vatCountries.map((c) => c.codes[0]).filter((code) => !NOT_CHECKED.has(code)));
/** Greece's VAT numbers start EL, not GR. */
const VAT_PREFIX: Record<string, string> = { GR: 'EL' };

export interface VatCheck {
  ok: boolean;
  normalised: string;
}

/**
 * Normalises a VAT number (upper-case; no spaces, dots or dashes; the country prefix added when missing)
 * and checks its format and check digits for an EU or UK registration country with jsvat. Other
 * countries' numbers get only a length/character check: we cannot know their rules.
 */
export function checkVatNumber(raw: string, registrationCountry: string): VatCheck {
  const country = registrationCountry.toUpperCase();
  let value = raw.toUpperCase().replace(/[\s.-]/g, '');
  if (!CHECKABLE.has(country)) return { ok: /^[A-Z0-9]{4,20}$/.test(value), normalised: value };
  const prefix = VAT_PREFIX[country] ?? country;
  if (!value.startsWith(prefix)) value = `${prefix}${value}`;
  const result = checkVAT(value, vatCountries);
  return { ok: result.isValid && result.country?.isoCode.short === country, normalised: value };
}

/** The country a VAT number's prefix names, when it is one whose format we check ("EL…" is Greece). */
export function vatPrefixCountry(raw: string): string | undefined {
  const prefix = raw.trim().slice(0, 2).toUpperCase();
  const country = prefix === 'EL' ? 'GR' : prefix;
  return CHECKABLE.has(country) ? country : undefined;
}
