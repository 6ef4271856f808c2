/** Who the SME would sell to. */
export const BUYER_TYPES = [
  'distributor',
  'direct_customer',
  'agent',
  'marketplace',
  'public_tender',
] as const;
export type BuyerType = (typeof BUYER_TYPES)[number];

/** Where the lead came from: social media is recorded on its own, since the programme's thesis rests on it. */
export const OPPORTUNITY_SOURCES = ['trade_visit', 'social_media', 'referral', 'event', 'other'] as const;
export type OpportunitySource = (typeof OPPORTUNITY_SOURCES)[number];

export const LIKELIHOODS = ['low', 'medium', 'high'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

/** prospect → active → won / lost / abandoned; the last three are closed. */
export const OPPORTUNITY_STATUSES = ['prospect', 'active', 'won', 'lost', 'abandoned'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

export const OPEN_STATUSES: readonly OpportunityStatus[] = ['prospect', 'active'];
/** A closed opportunity that did not become business says why. */
export const REASON_REQUIRED: readonly OpportunityStatus[] = ['lost', 'abandoned'];

/** The statuses an opportunity may move to from `from` (staying put is always allowed). */
export function nextStatuses(from: OpportunityStatus): readonly OpportunityStatus[] {
  switch (from) {
    case 'prospect':
      return ['active', 'won', 'lost', 'abandoned'];
    case 'active':
      return ['won', 'lost', 'abandoned'];
    default:
      // A closed opportunity is reopened as active (a lost deal revived), never silently re-won.
      return ['active'];
  }
}

export function isOpen(status: OpportunityStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** `2027-Q1` → the first and last day of that quarter (YYYY-MM-DD); null when it is not a quarter. */
export function quarterRange(quarter: string): { from: string; to: string } | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) return null;
  const year = Number(match[1]);
  const q = Number(match[2]);
  const first = (q - 1) * 3 + 1;
  const last = first + 2;
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay)}` };
}

/** The quarter a date falls in, `2027-Q1`. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/**
 * A value weighted by its likelihood (percent, config/opportunities.yaml), in whole minor units: rounded
 * half up, so totals of weighted values never carry fractions of a cent.
 */
export function weighted(valueMinor: number, weightPercent: number): number {
  return Math.round((valueMinor * weightPercent) / 100);
}
