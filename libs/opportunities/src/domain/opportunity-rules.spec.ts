import { nextStatuses, quarterOf, quarterRange, weighted } from './opportunity-rules';

describe('opportunity rules', () => {
  it('reads a quarter as its first and last day, leap years included', () => {
    expect(quarterRange('2027-Q1')).toEqual({ from: '2027-01-01', to: '2027-03-31' });
    expect(quarterRange('2028-Q1')).toEqual({ from: '2028-01-01', to: '2028-03-31' });
    expect(quarterRange('2027-Q2')).toEqual({ from: '2027-04-01', to: '2027-06-30' });
    expect(quarterRange('2027-Q4')).toEqual({ from: '2027-10-01', to: '2027-12-31' });
    expect(quarterRange('2027-Q5')).toBeNull();
    expect(quarterRange('Q1-2027')).toBeNull();
  });

  it('names the quarter of a date', () => {
    expect(quarterOf('2027-03-31')).toBe('2027-Q1');
    expect(quarterOf('2027-04-01')).toBe('2027-Q2');
    expect(quarterOf('2027-12-01')).toBe('2027-Q4');
  });

  it('moves forward from open statuses and only reopens closed ones', () => {
    expect(nextStatuses('prospect')).toContain('active');
    expect(nextStatuses('active')).not.toContain('prospect');
    expect(nextStatuses('won')).toEqual(['active']);
    expect(nextStatuses('lost')).toEqual(['active']);
  });

  it('weights in whole minor units', () => {
    expect(weighted(1_000_001, 50)).toBe(500_001);
    expect(weighted(333, 25)).toBe(83);
  });
});
