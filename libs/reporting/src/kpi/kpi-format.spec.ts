import { formatMoney } from '@app/web';
import { formatKpiChange, formatKpiValue } from './kpi-format';

describe('KPI formatting', () => {
  it('writes values in their unit', () => {
    expect(formatKpiValue(1234, 'count')).toBe('1,234');
    expect(formatKpiValue(57.1, 'percent')).toBe('57.1%');
    expect(formatKpiValue(1, 'working_days')).toBe('1 working day');
    expect(formatKpiValue(2.5, 'working_days')).toBe('2.5 working days');
    expect(formatKpiValue(15, 'score_change')).toBe('+15 points');
    expect(formatKpiValue(-3, 'score_change')).toBe('-3 points');
    expect(formatKpiValue(4.5, 'rating')).toBe('4.5 out of 5');
    expect(formatKpiValue(null, 'count')).toBe('No data');
    expect(formatKpiValue(125050, 'money_minor', 'GBP')).toBe('£1,250.50');
    expect(formatMoney(5000, 'JPY')).toBe('JP¥5,000');
  });

  it('describes the period-on-period change', () => {
    expect(formatKpiChange([10, 2], 'count')).toBe('Up 8 from 2');
    expect(formatKpiChange([40, 100], 'percent')).toBe('Down 60 percentage points from 100%');
    expect(formatKpiChange([5, 5], 'count')).toBe('No change from 5');
    expect(formatKpiChange([5, null], 'count')).toBe('No comparison');
  });
});

describe('KPI values in Spanish and German', () => {
  it('writes numbers, units and changes the language’s way', () => {
    expect(formatKpiValue(12345, 'count', undefined, 'de')).toBe('12.345');
    expect(formatKpiValue(57.1, 'percent', undefined, 'es')).toBe('57,1 %');
    expect(formatKpiValue(1, 'working_days', undefined, 'de')).toBe('1 Arbeitstag');
    expect(formatKpiValue(2.5, 'working_days', undefined, 'de')).toBe('2,5 Arbeitstage');
    expect(formatKpiValue(4.5, 'rating', undefined, 'es')).toBe('4,5 de 5');
    expect(formatKpiValue(null, 'count', undefined, 'de')).toBe('Keine Daten');
    expect(formatKpiValue(125050, 'money_minor', 'GBP', 'de')).toBe('1.250,50\u00a0£');
    expect(formatKpiChange([10, 2], 'count', undefined, 'es')).toBe('8 más que 2');
    expect(formatKpiChange([40, 100], 'percent', undefined, 'de')).toBe('60 Prozentpunkte weniger als 100 %');
    expect(formatKpiChange([5, null], 'count', undefined, 'de')).toBe('Kein Vergleich');
  });
});
