import { financialPeriod, financialYearLabel, financialYearOf, lengthInDays, previousPeriod } from './period';

describe('period arithmetic', () => {
  it('counts inclusive days, across the nights the clocks change too', () => {
    expect(lengthInDays({ from: '2025-04-01', to: '2025-06-30' })).toBe(91);
    expect(lengthInDays({ from: '2025-04-01', to: '2025-04-01' })).toBe(1);
    expect(lengthInDays({ from: '2026-03-01', to: '2026-03-31' })).toBe(31);
    expect(lengthInDays({ from: '2026-10-01', to: '2026-10-31' })).toBe(31);
  });

  it('gives the preceding period of equal length', () => {
    expect(previousPeriod({ from: '2025-04-01', to: '2025-06-30' })).toEqual({
      from: '2024-12-31',
      to: '2025-03-31',
    });
    expect(previousPeriod({ from: '2025-04-01', to: '2025-04-01' })).toEqual({
      from: '2025-03-31',
      to: '2025-03-31',
    });
  });

  it('works out financial years and quarters from the start month', () => {
    expect(financialPeriod(2025, 4)).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(financialPeriod(2025, 4, 1)).toEqual({ from: '2025-04-01', to: '2025-06-30' });
    expect(financialPeriod(2025, 4, 4)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(financialPeriod(2025, 1)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(financialYearOf('2026-03-31', 4)).toBe(2025);
    expect(financialYearOf('2026-04-01', 4)).toBe(2026);
    expect(financialYearLabel(2025, 4)).toBe('2025-26');
    expect(financialYearLabel(2099, 4)).toBe('2099-00');
    expect(financialYearLabel(2025, 1)).toBe('2025');
  });
});
