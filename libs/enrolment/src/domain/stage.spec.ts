import { provisionalStage } from './stage';

describe('provisionalStage', () => {
  it('starts a company that has not exported in 12 months as a non-exporter', () => {
    expect(provisionalStage({ exportedLast12Months: false })).toBe('non_exporter');
  });

  it('starts one that has exported as a passive exporter until an adviser says otherwise', () => {
    expect(provisionalStage({ exportedLast12Months: true })).toBe('passive_exporter');
  });
});
