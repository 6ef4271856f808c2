import { formatNumber } from '@app/time';
import { minorUnitDigits } from './minor-unit-digits';

/**
 * An amount stored in minor units, shown in major units with its currency in the reader's language
 * (`formatMoney(250000, 'EUR', 'de')` → "2.500,00 €"). Exact for amounts a JavaScript number holds.
 */
export function formatMoney(valueMinor: number, currency: string, lang = 'en'): string {
  const digits = minorUnitDigits(currency);
  return formatNumber(valueMinor / 10 ** digits, lang, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/**
 * An amount stored in minor units as a money field shows it for editing: major units with all the
 * currency's decimals, no grouping and no symbol, in the page's language (`moneyInputValue(250000, 'EUR',
 * 'de')` → "2500,00"), which parseMoney reads back to the same amount.
 */
export function moneyInputValue(valueMinor: number, currency: string, lang = 'en'): string {
  const digits = minorUnitDigits(currency);
  return formatNumber(valueMinor / 10 ** digits, lang, {
    useGrouping: false,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
