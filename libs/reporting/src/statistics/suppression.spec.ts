import { suppressSmallCount } from './suppression';

describe('suppressSmallCount', () => {
  it('withholds counts below 5, including zero', () => {
    for (const n of [0, 1, 4]) expect(suppressSmallCount(n)).toEqual({ value: null, suppressed: true });
  });

  it('publishes 5 and above as they are', () => {
    expect(suppressSmallCount(5)).toEqual({ value: 5, suppressed: false });
    expect(suppressSmallCount(1200)).toEqual({ value: 1200, suppressed: false });
  });

  it('leaves an unknown figure unknown, not suppressed', () => {
    expect(suppressSmallCount(null)).toEqual({ value: null, suppressed: false });
  });
});
