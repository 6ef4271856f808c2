import { outcomeProblems, type OutcomeClaim } from './outcome-validation';

const fields = (dto: Partial<OutcomeClaim>, today = '2026-03-30'): string[] =>
  outcomeProblems({ kind: 'first_export_order', occurredOn: today, ...dto }, today).map(
    (p) => `${p.field}:${p.code}`,
  );

describe('outcomeProblems', () => {
  it.each([
    ['2026-03-30', []],
    ['2026-03-31', []], // tomorrow: an SME abroad may already be a day ahead
    ['2026-04-01', ['occurredOn:notFuture']],
    ['2026-02-29', ['occurredOn:isDate']],
    ['2026-13-01', ['occurredOn:isDate']],
  ])('occurredOn %s (today 2026-03-30) → %j', (occurredOn, expected) => {
    expect(fields({ occurredOn })).toEqual(expected);
  });

  it('counts tomorrow across a month and year end', () => {
    expect(fields({ occurredOn: '2027-01-01' }, '2026-12-31')).toEqual([]);
    expect(fields({ occurredOn: '2027-01-02' }, '2026-12-31')).toEqual(['occurredOn:notFuture']);
  });

  it('needs a country for a market, a win or a distributor, and a real one', () => {
    expect(fields({ kind: 'new_market_entered' })).toEqual(['country:isNotEmpty']);
    expect(fields({ kind: 'distributor_signed', country: 'XX' })).toEqual(['country:isCountry']);
    expect(fields({ kind: 'new_market_entered', country: 'DE' })).toEqual([]);
  });

  it('needs value and currency for an export win, and a value always with its currency', () => {
    expect(fields({ kind: 'export_win', country: 'FR' })).toEqual([
      'valueMinor:isNotEmpty',
      'currency:isNotEmpty',
    ]);
    expect(fields({ valueMinor: 100 })).toEqual(['currency:pair']);
    expect(fields({ currency: 'EUR' })).toEqual(['currency:pair']);
    expect(fields({ valueMinor: 100, currency: 'EUR' })).toEqual([]);
  });
});
