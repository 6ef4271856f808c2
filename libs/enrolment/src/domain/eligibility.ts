import type { EnrolmentRules } from '../rules/enrolment-rules';

export type EligibilityRule =
  'sme_employees' | 'sme_financials' | 'region' | 'sector' | 'not_already_enrolled';

/** One rule's outcome, kept whether it passed or failed, with the numbers it was judged on. */
export interface EligibilityReason {
  rule: EligibilityRule;
  passed: boolean;
  /** Values for the plain-words explanation (e.g. the limit and the company's figure). */
  params: Record<string, string | number | boolean | null>;
}

export interface EligibilityInput {
  employees: number;
  turnoverMinor: number;
  balanceSheetMinor: number | null;
  currency: string;
  region: string;
  naceCode: string;
  /** Another live enrolment or open case already exists for this company. */
  alreadyEnrolled: boolean;
}

export interface EligibilityOutcome {
  eligible: boolean;
  reasons: EligibilityReason[];
}

/**
 * Applies config/eligibility.yaml: an SME (fewer than N employees, and turnover ≤ X or balance sheet ≤ Y),
 * registered in a programme region, in a sector the programme funds, and not already enrolled. Every rule
 * is evaluated, so the SME sees all the reasons at once.
 */
export function evaluateEligibility(input: EligibilityInput, rules: EnrolmentRules): EligibilityOutcome {
  const { sme, excluded } = rules.eligibility;
  const turnover = rules.toThresholdCurrency(input.turnoverMinor, input.currency);
  const balance =
    input.balanceSheetMinor === null
      ? null
      : rules.toThresholdCurrency(input.balanceSheetMinor, input.currency);
  const turnoverOk = turnover !== undefined && turnover <= sme.maxTurnoverMinor;
  const balanceOk = balance !== null && balance !== undefined && balance <= sme.maxBalanceSheetMinor;
  const region = rules.region(input.region);
  const nace = rules.naceEntry(input.naceCode);
  const division = input.naceCode.slice(0, 2);
  const sectorExcluded =
    !nace ||
    excluded.sections.includes(nace.section) ||
    excluded.divisions.includes(division) ||
    excluded.codes.some((code) => input.naceCode.startsWith(code));

  const reasons: EligibilityReason[] = [
    {
      rule: 'sme_employees',
      passed: input.employees < sme.employeesBelow,
      params: { employees: input.employees, limit: sme.employeesBelow },
    },
    {
      rule: 'sme_financials',
      passed: turnoverOk || balanceOk,
      params: {
        turnoverMinor: turnover ?? null,
        balanceSheetMinor: balance ?? null,
        maxTurnoverMinor: sme.maxTurnoverMinor,
        maxBalanceSheetMinor: sme.maxBalanceSheetMinor,
        currency: sme.currency,
      },
    },
    { rule: 'region', passed: region?.programme === true, params: { region: input.region } },
    {
      rule: 'sector',
      passed: !sectorExcluded,
      params: { naceCode: input.naceCode, section: nace?.section ?? null },
    },
    { rule: 'not_already_enrolled', passed: !input.alreadyEnrolled, params: {} },
  ];
  return { eligible: reasons.every((r) => r.passed), reasons };
}
