import { parseMoney } from './money';

const minor = (input: string, options: { currency?: string; lang?: string } = {}) => {
  const parsed = parseMoney(input, options);
  return parsed.ok ? parsed.minor : parsed.problem;
};

describe('parseMoney', () => {
  it.each([
    ['1250000', 'en', 125000000],
    ['1,250,000', 'en', 125000000],
    ['1,234.50', 'en', 123450],
    ['1,234.50', 'de', 123450],
    ['1.234,50', 'de', 123450],
    ['1.234,50', 'es', 123450],
    ['1.234,50', 'en', 123450],
    ['1.250.000', 'de', 125000000],
    ['1 250 000', 'en', 125000000],
    ['1\u00a0250\u00a0000,5', 'de', 125000050],
    ["1'250'000.75", 'en', 125000075],
    ['980000.5', 'de', 98000050],
    ['980000,5', 'en', 98000050],
    ['0.07', 'en', 7],
    ['0', 'en', 0],
    ['007', 'en', 700],
  ])('%j in %s is %d minor units', (input, lang, expected) => {
    expect(minor(input, { lang, currency: 'EUR' })).toBe(expected);
  });

  it('reads one separator before three digits the way the language writes numbers', () => {
    expect(minor('1,234', { lang: 'en' })).toBe(123400);
    expect(minor('1.234', { lang: 'de' })).toBe(123400);
    expect(minor('1.234', { lang: 'es' })).toBe(123400);
    // In English "1.234" is one and a bit: finer than a penny, so refused rather than guessed.
    expect(minor('1.234', { lang: 'en', currency: 'GBP' })).toBe('precision');
    expect(minor('1,234', { lang: 'de', currency: 'EUR' })).toBe('precision');
  });

  it('uses the currency’s own minor unit', () => {
    expect(minor('1,234.5', { currency: 'GBP' })).toBe(123450);
    expect(minor('1500', { currency: 'JPY' })).toBe(1500);
    expect(minor('1500.5', { currency: 'JPY' })).toBe('precision');
    expect(minor('1.234', { currency: 'BHD', lang: 'en' })).toBe(1234);
    expect(minor('12', { currency: 'not-a-currency' })).toBe(1200);
  });

  it('refuses more decimals than the currency has instead of rounding', () => {
    expect(minor('12.345', { currency: 'EUR', lang: 'en' })).toBe('precision');
    expect(minor('12,3456', { currency: 'EUR', lang: 'de' })).toBe('precision');
  });

  it('refuses negative amounts', () => {
    expect(minor('-5')).toBe('negative');
    expect(minor('-1,234.50')).toBe('negative');
    expect(minor('\u22125')).toBe('negative');
  });

  it('refuses what is not an amount', () => {
    for (const input of [
      '',
      ' ',
      'abc',
      '12a',
      '1,2,3',
      '1.2.3,4.5',
      '12,34,567',
      '1,234.567,89',
      '.5',
      '5.',
      '+5',
      '--5',
      '1e6',
      '£5',
      '1,23,4',
    ])
      expect([input, minor(input)]).toEqual([input, 'format']);
  });

  it('refuses amounts JavaScript cannot count exactly', () => {
    expect(minor('90071992547409.91')).toBe(9007199254740991);
    expect(minor('90071992547409.92')).toBe('too_large');
    expect(minor('999,999,999,999,999,999,999')).toBe('too_large');
    expect(minor('9'.repeat(400))).toBe('too_large');
  });
});
