import { isAwayOn } from './expertise';

/** What matching needs to know about a case. */
export interface CaseProfile {
  /** Heading codes the latest submitted audit scored below the threshold (empty without an audit). */
  weakHeadings: readonly string[];
  /** ISO 3166-1 alpha-2. */
  targetMarkets: readonly string[];
  /** NACE section letter of the company's main activity. */
  naceSection: string;
  /** The SME's language. */
  language: string;
}

/** What matching needs to know about an expert. */
export interface ExpertCandidate {
  expertId: string;
  expertise: readonly string[];
  markets: readonly string[];
  naceSections: readonly string[];
  languages: readonly string[];
  capacityPerMonth: number;
  /** Introductions asked of the expert this calendar month, not withdrawn. */
  introductionsThisMonth: number;
  active: boolean;
  consentToContact: boolean;
  absentFrom: string | null;
  absentTo: string | null;
}

export interface MatchWeights {
  heading: number;
  market: number;
  sector: number;
  language: number;
}

export interface MatchBreakdown {
  heading: number;
  market: number;
  sector: number;
  language: number;
  /** Taken off for the expert's load (zero or negative). */
  load: number;
}

export interface ScoredExpert {
  expertId: string;
  score: number;
  breakdown: MatchBreakdown;
  /** introductionsThisMonth ÷ capacityPerMonth. */
  load: number;
  /** The case's weak headings and target markets the expert covers: the "why" in words. */
  headings: string[];
  markets: string[];
}

export type ExclusionReason = 'inactive' | 'no_consent' | 'absent' | 'at_capacity' | 'already_introduced';

export interface ExcludedExpert {
  expertId: string;
  reason: ExclusionReason;
}

export interface ExpertRanking {
  ranked: ScoredExpert[];
  excluded: ExcludedExpert[];
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** Each weight earned, and the load taken off, so the adviser sees why an expert scored what they did. */
export function scoreExpert(
  profile: CaseProfile,
  expert: ExpertCandidate,
  weights: MatchWeights,
  loadPenalty: number,
): ScoredExpert {
  const covers = new Set(expert.expertise);
  const headings = [...new Set(profile.weakHeadings)].filter((h) => covers.has(h));
  const known = new Set(expert.markets.map((m) => m.toUpperCase()));
  const wanted = [...new Set(profile.targetMarkets.map((m) => m.toUpperCase()))];
  const markets = wanted.filter((m) => known.has(m));
  const weak = new Set(profile.weakHeadings).size;
  const load =
    expert.capacityPerMonth > 0 ? round(expert.introductionsThisMonth / expert.capacityPerMonth) : 1;
  const breakdown: MatchBreakdown = {
    heading: weak === 0 ? 0 : round((weights.heading * headings.length) / weak),
    market: wanted.length === 0 ? 0 : round((weights.market * markets.length) / wanted.length),
    sector: expert.naceSections.includes(profile.naceSection.toUpperCase()) ? weights.sector : 0,
    language: expert.languages.includes(profile.language) ? weights.language : 0,
    load: load === 0 ? 0 : -round(loadPenalty * load),
  };
  const score = round(
    breakdown.heading + breakdown.market + breakdown.sector + breakdown.language + breakdown.load,
  );
  return { expertId: expert.expertId, score, breakdown, load, headings, markets };
}

/**
 * Ranks the experts who may be asked: highest score, then lowest load, then id so the order is always the
 * same. Experts who are inactive, have not consented, are away today, have no introductions left this month
 * or were already introduced to the case (an open introduction) are listed apart with the reason.
 */
export function rankExperts(
  profile: CaseProfile,
  candidates: readonly ExpertCandidate[],
  weights: MatchWeights,
  options: { loadPenalty: number; today: string; alreadyIntroduced?: readonly string[] },
): ExpertRanking {
  const introduced = new Set(options.alreadyIntroduced ?? []);
  const ranked: ScoredExpert[] = [];
  const excluded: ExcludedExpert[] = [];
  for (const expert of candidates) {
    const reason: ExclusionReason | null = !expert.active
      ? 'inactive'
      : !expert.consentToContact
        ? 'no_consent'
        : introduced.has(expert.expertId)
          ? 'already_introduced'
          : isAwayOn(expert, options.today)
            ? 'absent'
            : expert.introductionsThisMonth >= expert.capacityPerMonth
              ? 'at_capacity'
              : null;
    if (reason) excluded.push({ expertId: expert.expertId, reason });
    else ranked.push(scoreExpert(profile, expert, weights, options.loadPenalty));
  }
  ranked.sort((a, b) => b.score - a.score || a.load - b.load || a.expertId.localeCompare(b.expertId));
  return { ranked, excluded };
}
