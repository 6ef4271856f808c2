import { ExchangeRates } from '@app/web';
import { confirmedValueBy, type ConfirmedValueRow } from './confirmed-value';
import { kpiIn } from './kpi-language';
import type { KpiValue } from './kpi-report';

const rates = new ExchangeRates({
  reportingCurrency: 'EUR',
  rates: [
    { currency: 'GBP', from: '2025-01-01', rate: 1.19 },
    { currency: 'GBP', from: '2026-01-01', rate: 1.17 },
  ],
});

const row = (
  metric: string,
  key: string | null,
  currency: string,
  on: string,
  value: number,
): ConfirmedValueRow => ({
  metric,
  key,
  label: null,
  currency,
  on_day: on,
  value: String(value),
});

describe('confirmedValueBy', () => {
  it('converts each amount at the rate of the day its win was recorded, naming the rate and its date', () => {
    const result = confirmedValueBy(
      [
        row('total', null, 'GBP', '2025-12-31', 100_000),
        row('total', null, 'GBP', '2026-01-02', 100_000),
        row('total', null, 'EUR', '2026-01-02', 5_000),
        row('market', 'FR', 'GBP', '2025-12-31', 100_000),
        row('market', 'FR', 'GBP', '2026-01-02', 100_000),
        row('market', 'DE', 'EUR', '2026-01-02', 5_000),
      ],
      'market',
      rates,
      (key) => key,
    );
    expect(result.value).toBe(119_000 + 117_000 + 5_000);
    expect(result.currency).toBe('EUR');
    expect(result.rows).toEqual([
      {
        key: 'FR',
        label: 'FR',
        value: 236_000,
        currency: 'EUR',
        extra: { rates: 'GBP 1.17 from 2026-01-01, GBP 1.19 from 2025-01-01' },
      },
      { key: 'DE', label: 'DE', value: 5_000, currency: 'EUR', extra: { rates: '' } },
    ]);
  });

  it('marks a missing rate as a gap: no total, the row without a value, a row naming the currency and day', () => {
    const amounts: [string, string, number][] = [
      ['GBP', '2025-05-01', 100_000],
      ['AUD', '2025-05-10', 70_000],
    ];
    const result = confirmedValueBy(
      [
        ...amounts.flatMap(([c, on, v]) => [row('total', null, c, on, v), row('year', '2025', c, on, v)]),
        row('year', '2024', 'GBP', '2025-05-01', 0),
      ],
      'year',
      rates,
      (key, label) => (key === 'missing_rate' ? `gap: ${label}` : key),
    );
    expect(result.value).toBeNull();
    expect(result.rows.map((r) => [r.key, r.label, r.value, r.extra?.missingRate])).toEqual([
      ['missing_rate', 'gap: AUD 2025-05-10', null, 'AUD 2025-05-10'],
      ['2024', '2024', 0, undefined],
      ['2025', '2025', null, 'AUD 2025-05-10'],
    ]);
  });

  it('labels the gap and the support types in each language', () => {
    const kpi: KpiValue = {
      key: 'outcomes.confirmed_export_value_by_support',
      group: 'outcomes',
      name: 'n',
      definition: 'd',
      unit: 'money_minor',
      value: null,
      previous: null,
      breakdown: {
        title: 't',
        unit: 'money_minor',
        rows: [
          { key: 'missing_rate', label: 'x', value: null, extra: { missingRate: 'AUD 2025-05-10' } },
          { key: 'measure:social-media-training', label: 'x', value: 1 },
          { key: 'module:kpi-a', label: 'Module A', value: 1 },
          { key: 'none', label: 'x', value: 1 },
        ],
      },
    };
    const labels = (lang: 'en' | 'es' | 'de'): string[] =>
      kpiIn(kpi, lang, { 'kpi-a': { de: 'Modul A' } }).breakdown!.rows.map((r) => r.label);
    expect(labels('en')).toEqual([
      'No exchange rate for AUD 2025-05-10: no total is given',
      'Training in using social media to export',
      'Module A',
      'No support recorded',
    ]);
    expect(labels('de')[0]).toBe('Kein Wechselkurs für AUD 2025-05-10: keine Summe angegeben');
    expect(labels('de')[2]).toBe('Modul A');
    expect(labels('es')[3]).toBe('Sin apoyo registrado');
    expect(kpiIn(kpi, 'es').name).toBe('Valor de exportación confirmado por tipo de apoyo');
  });
});
