import { CompanyNames } from './company-names';

describe('register-like company names for the bench seed', () => {
  const names = new CompanyNames(1).many(20_000);

  it('gives the same names for the same seed and other names for another', () => {
    expect(new CompanyNames(1).many(500)).toEqual(names.slice(0, 500));
    expect(new CompanyNames(2).many(500)).not.toEqual(names.slice(0, 500));
  });

  it('uses legal forms of several countries and never a numbered placeholder', () => {
    for (const suffix of [/ Ltd$/, / Limited$/, / plc$/, / GmbH$/, / S\.L\.$/, / S\.A\.$/, / & Co\.$/])
      expect(names.some((n) => suffix.test(n))).toBe(true);
    expect(names.filter((n) => /\d/.test(n))).toEqual([]);
    expect(names.filter((n) => /&.*& Co\.$/.test(n))).toEqual([]);
  });

  it('has exact collisions and the same firm written two ways, as a register does', () => {
    const distinct = new Set(names);
    expect(distinct.size).toBeLessThan(names.length);
    expect(distinct.size).toBeGreaterThan(names.length / 3);
    const sons = names.filter((n) => / (&|and) Sons /.test(n));
    const pairs = sons.filter((n) => n.includes(' & ') && distinct.has(n.replace(' & ', ' and ')));
    expect(pairs.length).toBeGreaterThan(0);
    expect(names.some((n) => n.endsWith(' Limited') && distinct.has(n.replace(/ Limited$/, ' Ltd')))).toBe(
      true,
    );
  });
});
