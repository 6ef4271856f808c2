import {
  addDays,
  financialPeriod,
  financialYearLabel,
  financialYearOf,
  isIsoDate,
  lengthInDays,
  previousPeriod,
} from './period';

describe('period arithmetic', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-4-1')).toBe(false);
    expect(isIsoDate('yesterday')).toBe(false);
  });

  it('counts inclusive days and steps across month and year ends', () => {
    expect(lengthInDays({ from: '2025-04-01', to: '2025-06-30' })).toBe(91);
    expect(lengthInDays({ from: '2025-04-01', to: '2025-04-01' })).toBe(1);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
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
