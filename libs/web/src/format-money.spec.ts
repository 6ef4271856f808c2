import { formatMoney, moneyInputValue } from './format-money';
import { parseMoney } from './money';

describe('formatMoney', () => {
  it('shows minor units as major units in the reader’s language', () => {
    expect(formatMoney(250_000_000, 'EUR', 'en')).toBe('€2,500,000.00');
    expect(formatMoney(250_000_000, 'EUR', 'de').replace(/\s/g, ' ')).toBe('2.500.000,00 €');
    expect(formatMoney(250_000_000, 'EUR', 'es').replace(/\s/g, ' ')).toBe('2.500.000,00 €');
  });

  it('follows the currency’s minor unit', () => {
    expect(formatMoney(1500, 'JPY', 'en')).toBe('JP¥1,500');
    expect(formatMoney(1500, 'BHD', 'en')).toMatch(/1\.500$/);
  });
});

describe('moneyInputValue', () => {
  it('writes major units with every decimal, ungrouped, as the page’s language does', () => {
    expect(moneyInputValue(250_000_000, 'EUR', 'en')).toBe('2500000.00');
    expect(moneyInputValue(250_000_000, 'EUR', 'de')).toBe('2500000,00');
    expect(moneyInputValue(1500, 'JPY', 'es')).toBe('1500');
    expect(moneyInputValue(1500, 'BHD', 'en')).toBe('1.500');
  });

  it('is read back by parseMoney as the same amount', () => {
    for (const [minor, currency, lang] of [
      [123_456_789, 'EUR', 'en'],
      [123_456_789, 'EUR', 'de'],
      [5, 'GBP', 'es'],
      [1500, 'JPY', 'de'],
      [1500, 'BHD', 'en'],
    ] as const)
      expect(parseMoney(moneyInputValue(minor, currency, lang), { currency, lang })).toEqual({
        ok: true,
        minor,
      });
  });
});
