import { EnrolmentRules } from '../rules/enrolment-rules';
import { evaluateEligibility, EligibilityInput } from './eligibility';

/** The real config/eligibility.yaml (and regions, NACE): these tests break if the rules file changes. */
const rules = EnrolmentRules.load();
const { sme } = rules.eligibility;

const base: EligibilityInput = {
  employees: 10,
  turnoverMinor: 100_000_00,
  balanceSheetMinor: null,
  currency: 'EUR',
  region: 'north-west',
  naceCode: '62.01',
  alreadyEnrolled: false,
};

function failed(input: Partial<EligibilityInput>): string[] {
  return evaluateEligibility({ ...base, ...input }, rules)
    .reasons.filter((r) => !r.passed)
    .map((r) => r.rule);
}

describe('evaluateEligibility (config/eligibility.yaml)', () => {
  it('reads the thresholds the programme publishes', () => {
    expect(sme).toMatchObject({
      employeesBelow: 250,
      maxTurnoverMinor: 50_000_000_00,
      maxBalanceSheetMinor: 43_000_000_00,
      currency: 'EUR',
    });
  });

  it('keeps every reason, passed and failed', () => {
    const outcome = evaluateEligibility(base, rules);
    expect(outcome.eligible).toBe(true);
    expect(outcome.reasons.map((r) => [r.rule, r.passed])).toEqual([
      ['sme_employees', true],
      ['sme_financials', true],
      ['region', true],
      ['sector', true],
      ['not_already_enrolled', true],
    ]);
  });

  it.each([
    // employees: fewer than 250
    [{ employees: 0 }, []],
    [{ employees: 249 }, []],
    [{ employees: 250 }, ['sme_employees']],
    [{ employees: 251 }, ['sme_employees']],
    // turnover ≤ €50m, or balance sheet ≤ €43m
    [{ turnoverMinor: 50_000_000_00 }, []],
    [{ turnoverMinor: 50_000_000_01 }, ['sme_financials']],
    [{ turnoverMinor: 50_000_000_01, balanceSheetMinor: 43_000_000_00 }, []],
    [{ turnoverMinor: 50_000_000_01, balanceSheetMinor: 43_000_000_01 }, ['sme_financials']],
    [{ turnoverMinor: 90_000_000_00, balanceSheetMinor: 10_000_000_00 }, []],
    // other currencies are converted with the configured rate (GBP 1.17)
    [{ currency: 'GBP', turnoverMinor: 42_735_042_00 }, []], // €49,999,999.14
    [{ currency: 'GBP', turnoverMinor: 42_735_043_00 }, ['sme_financials']], // €50,000,000.31
    [{ currency: 'XXX', turnoverMinor: 1 }, ['sme_financials']], // cannot be assessed
    // region
    [{ region: 'outside' }, ['region']],
    [{ region: 'atlantis' }, ['region']],
    // sector exclusions: section O, division 12, division 64
    [{ naceCode: '84.11' }, ['sector']],
    [{ naceCode: '12.00' }, ['sector']],
    [{ naceCode: '64.19' }, ['sector']],
    [{ naceCode: '10.11' }, []],
    [{ naceCode: '99.99' }, ['sector']], // not a NACE code
    // already enrolled
    [{ alreadyEnrolled: true }, ['not_already_enrolled']],
    // several at once
    [{ employees: 300, region: 'outside' }, ['sme_employees', 'region']],
  ] as [Partial<EligibilityInput>, string[]][])('%j fails %j', (input, expected) => {
    expect(failed(input)).toEqual(expected);
    expect(evaluateEligibility({ ...base, ...input }, rules).eligible).toBe(expected.length === 0);
  });

  it('records the figures each decision was made on', () => {
    const reason = evaluateEligibility({ ...base, employees: 250 }, rules).reasons[0];
    expect(reason).toEqual({ rule: 'sme_employees', passed: false, params: { employees: 250, limit: 250 } });
  });
});
