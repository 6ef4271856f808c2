import type { Case } from '@app/cases';
import type { EligibilityResult } from './entities/eligibility-result.entity';
import type { Enrolment } from './entities/enrolment.entity';

/** What the API returns for an enrolment (and what the pages render): the answers in their blocks. */
export interface EnrolmentView {
  id: string;
  status: Enrolment['status'];
  version: number;
  company: {
    legalName: string | null;
    tradingName: string | null;
    registrationNumber: string | null;
    registrationCountry: string | null;
    vatNumber: string | null;
    region: string | null;
    naceCode: string | null;
    naceSection: string | null;
    employees: number | null;
    turnoverMinor: number | null;
    balanceSheetMinor: number | null;
    currency: string | null;
    yearFounded: number | null;
    website: string | null;
    socialProfiles: { platform: string; url: string }[];
  };
  exportStatus: {
    exportedLast12Months: boolean | null;
    exportSharePercent: number | null;
    markets: string[];
    orderOrigin: string | null;
  };
  targetMarkets: string[];
  barriers: { selected: string[]; note: string | null };
  helpWanted: string[];
  consent: {
    dataProcessing: boolean | null;
    evaluationContact: boolean | null;
    privacyNoticeVersion: string | null;
  };
  submittedAt: string | null;
  eligibility: { eligible: boolean; reasons: EligibilityResult['reasons']; evaluatedAt: string } | null;
  appeal: {
    reason: string;
    appealedAt: string;
    /** The officer's decision, once made: upheld (the case opened) or rejected; who and when. */
    decision: 'upheld' | 'rejected' | null;
    decidedAt: string | null;
    decidedBy: { id: string; name: string } | null;
  } | null;
  case: { id: string; stage: string; status: string; openedAt: string; adviserId: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

const iso = (d: Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export function toEnrolmentView(
  e: Enrolment,
  result: EligibilityResult | null,
  kase: Case | null,
  appealDecider: { id: string; name: string } | null = null,
): EnrolmentView {
  return {
    id: e.id,
    status: e.status,
    version: e.version,
    company: {
      legalName: e.legalName,
      tradingName: e.tradingName,
      registrationNumber: e.registrationNumber,
      registrationCountry: e.registrationCountry,
      vatNumber: e.vatNumber,
      region: e.region,
      naceCode: e.naceCode,
      naceSection: e.naceSection,
      employees: e.employees,
      turnoverMinor: e.turnoverMinor,
      balanceSheetMinor: e.balanceSheetMinor,
      currency: e.currency,
      yearFounded: e.yearFounded,
      website: e.website,
      socialProfiles: e.socialProfiles ?? [],
    },
    exportStatus: {
      exportedLast12Months: e.exportedLast12Months,
      exportSharePercent: e.exportSharePercent,
      markets: e.exportMarkets ?? [],
      orderOrigin: e.orderOrigin,
    },
    targetMarkets: e.targetMarkets ?? [],
    barriers: { selected: e.barriers ?? [], note: e.barriersNote },
    helpWanted: e.helpWanted ?? [],
    consent: {
      dataProcessing: e.consentDataProcessing,
      evaluationContact: e.consentEvaluationContact,
      privacyNoticeVersion: e.privacyNoticeVersion,
    },
    submittedAt: iso(e.submittedAt),
    eligibility: result
      ? { eligible: result.eligible, reasons: result.reasons, evaluatedAt: iso(result.evaluatedAt)! }
      : null,
    appeal:
      e.appealReason && e.appealedAt
        ? {
            reason: e.appealReason,
            appealedAt: iso(e.appealedAt)!,
            decision: e.appealDecision,
            decidedAt: iso(e.appealDecidedAt),
            decidedBy: e.appealDecidedById
              ? { id: e.appealDecidedById, name: appealDecider?.name ?? '' }
              : null,
          }
        : null,
    case: kase
      ? {
          id: kase.id,
          stage: kase.stage,
          status: kase.status,
          openedAt: iso(kase.openedAt)!,
          adviserId: kase.assignedAdviserId ?? null,
        }
      : null,
    createdAt: iso(e.createdAt)!,
    updatedAt: iso(e.updatedAt)!,
  };
}
