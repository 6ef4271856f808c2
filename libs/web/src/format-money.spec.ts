import { formatMoney } from './format-money';

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
