import 'reflect-metadata';
import { ConfigError } from '@app/config';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExchangeRates, MissingExchangeRateError } from './exchange-rates';
import { formatMoney } from './format-money';
import { moneyJson } from './money-json';

const rates = new ExchangeRates({
  reportingCurrency: 'EUR',
  rates: [
    { currency: 'GBP', from: '2026-01-01', rate: 1.17 },
    { currency: 'GBP', from: '2025-01-01', rate: 1.19 },
    { currency: 'GBP', from: '2026-07-01', rate: 1.15 },
    { currency: 'JPY', from: '2025-01-01', rate: 0.0061 },
  ],
});

describe('ExchangeRates', () => {
  it('picks the entry with the latest from on or before the day, whatever the file order', () => {
    expect(rates.rateOn('GBP', '2025-12-31')).toEqual({ currency: 'GBP', rate: 1.19, from: '2025-01-01' });
    expect(rates.rateOn('GBP', '2026-01-01')).toEqual({ currency: 'GBP', rate: 1.17, from: '2026-01-01' });
    expect(rates.rateOn('GBP', '2026-06-30')?.from).toBe('2026-01-01');
    expect(rates.rateOn('gbp', '2030-01-01')?.from).toBe('2026-07-01');
  });

  it('converts minor units to minor units of the reporting currency, rounded half up', () => {
    expect(rates.toReporting(2_500_000, 'GBP', '2026-03-01')).toEqual({
      amountMinor: 2_925_000,
      rate: { currency: 'GBP', rate: 1.17, from: '2026-01-01' },
    });
    expect(rates.toReporting(2_500_000, 'GBP', '2025-03-01').amountMinor).toBe(2_975_000);
    // JPY has no minor unit: ¥1,000,000 × 0.0061 = €6,100.00
    expect(rates.toReporting(1_000_000, 'JPY', '2026-03-01').amountMinor).toBe(610_000);
    expect(rates.toReporting(1, 'GBP', '2026-03-01').amountMinor).toBe(1);
  });

  it('leaves the reporting currency as it is, with no rate', () => {
    expect(rates.toReporting(123, 'EUR', '2020-01-01')).toEqual({ amountMinor: 123, rate: null });
  });

  it('refuses a currency it has no rate for, and a day before its first rate, naming both (never zero)', () => {
    expect(() => rates.toReporting(100, 'USD', '2026-03-01')).toThrow(MissingExchangeRateError);
    expect(() => rates.toReporting(100, 'GBP', '2024-12-31')).toThrow(
      'No exchange rate from GBP to EUR on 2024-12-31',
    );
    try {
      rates.rateOn('USD', '2026-03-01');
    } catch (error) {
      expect(error).toMatchObject({ code: 'exchange_rate.missing', status: 422 });
    }
    expect.assertions(3);
  });

  it('refuses two rates of a currency from the same day, a rate for the reporting currency, and unreal days', () => {
    const file = (entry: { currency: string; from: string; rate: number }) => ({
      reportingCurrency: 'EUR',
      rates: [{ currency: 'GBP', from: '2026-01-01', rate: 1.17 }, entry],
    });
    expect(() => new ExchangeRates(file({ currency: 'GBP', from: '2026-01-01', rate: 1.2 }))).toThrow(
      ConfigError,
    );
    expect(() => new ExchangeRates(file({ currency: 'EUR', from: '2026-01-01', rate: 1 }))).toThrow(
      ConfigError,
    );
    expect(() => new ExchangeRates(file({ currency: 'USD', from: '2026-02-30', rate: 1 }))).toThrow(
      ConfigError,
    );
  });

  describe('load', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'rates-'));
      writeFileSync(join(dir, 'default.yaml'), '');
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('reads the project file (dates stay days) and validates a bad one at start-up', () => {
      const project = ExchangeRates.load();
      expect(project.reportingCurrency).toBe('EUR');
      expect(project.rateOn('GBP', '2026-12-07')).toMatchObject({ from: '2026-01-01' });

      writeFileSync(
        join(dir, 'exchange-rates.yaml'),
        'reportingCurrency: EUR\nrates:\n  - { currency: GBP, from: 2026-01-01, rate: -1 }\n',
      );
      expect(() => ExchangeRates.load({ CONFIG_DIR: dir })).toThrow(ConfigError);
      writeFileSync(join(dir, 'exchange-rates.yaml'), 'reportingCurrency: EURO\nrates: []\n');
      expect(() => ExchangeRates.load({ CONFIG_DIR: dir })).toThrow(/reportingCurrency/);
    });
  });
});

describe('money for people', () => {
  it('formats minor units as major units in English, Spanish and German', () => {
    const nbsp = (s: string) => s.replace(/\s/g, ' ');
    expect(formatMoney(2_500_000, 'EUR', 'en')).toBe('€25,000.00');
    expect(nbsp(formatMoney(2_500_000, 'EUR', 'es'))).toBe('25.000,00 €');
    expect(nbsp(formatMoney(2_500_000, 'EUR', 'de'))).toBe('25.000,00 €');
    expect(nbsp(formatMoney(2_925_050, 'GBP', 'de'))).toBe('29.250,50 £');
  });

  it('answers the API money shape with the minor units untouched', () => {
    expect(moneyJson(2_500_000, 'EUR', 'de')).toEqual({
      amountMinor: 2_500_000,
      currency: 'EUR',
      formatted: expect.stringMatching(/^25\.000,00\s€$/) as unknown as string,
    });
  });
});
