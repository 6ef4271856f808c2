import type { AssignmentWeights } from './assignment-rules';

/** What the scoring needs to know about a case. */
export interface CaseNeeds {
  region: string;
  /** NACE section letter of the company's main activity. */
  naceSection: string;
  /** ISO 3166-1 alpha-2 target markets (may be empty). */
  targetMarkets: readonly string[];
  /** The SME's language (en, es, de). */
  language: string;
}

/** What the scoring needs to know about an adviser. */
export interface AdviserCandidate {
  adviserId: string;
  regions: readonly string[];
  naceSections: readonly string[];
  markets: readonly string[];
  languages: readonly string[];
  capacity: number;
  activeCases: number;
  active: boolean;
  /** Inclusive dates (YYYY-MM-DD) of an absence; either may be open. */
  absentFrom: string | null;
  absentTo: string | null;
  lastAssignedAt: Date | null;
}

export interface ScoreBreakdown {
  region: number;
  sector: number;
  market: number;
  language: number;
}

export interface ScoredAdviser {
  adviserId: string;
  score: number;
  breakdown: ScoreBreakdown;
  /** activeCases ÷ capacity at scoring time. */
  load: number;
  lastAssignedAt: string | null;
}

export interface ExcludedAdviser {
  adviserId: string;
  reason: 'inactive' | 'absent' | 'at_capacity' | 'declined';
}

export interface Ranking {
  /** Best first; the first one with room when the assignment commits gets the case. */
  ranked: ScoredAdviser[];
  excluded: ExcludedAdviser[];
}

/** Whether the adviser is away on `today` (YYYY-MM-DD in the programme's time zone). */
export function isAbsentOn(
  candidate: Pick<AdviserCandidate, 'absentFrom' | 'absentTo'>,
  today: string,
): boolean {
  if (!candidate.absentFrom && !candidate.absentTo) return false;
  const from = candidate.absentFrom ?? '0000-01-01';
  const to = candidate.absentTo ?? '9999-12-31';
  return from <= today && today <= to;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** The transparent part: each weight earned, so an officer can see why an adviser scored what they did. */
export function scoreAdviser(
  needs: CaseNeeds,
  adviser: AdviserCandidate,
  weights: AssignmentWeights,
): ScoredAdviser {
  const markets = new Set(adviser.markets.map((m) => m.toUpperCase()));
  const wanted = [...new Set(needs.targetMarkets.map((m) => m.toUpperCase()))];
  const covered = wanted.filter((m) => markets.has(m)).length;
  const breakdown: ScoreBreakdown = {
    region: adviser.regions.includes(needs.region) ? weights.region : 0,
    sector: adviser.naceSections.includes(needs.naceSection.toUpperCase()) ? weights.sector : 0,
    market: wanted.length === 0 ? 0 : round((weights.market * covered) / wanted.length),
    language: adviser.languages.includes(needs.language) ? weights.language : 0,
  };
  return {
    adviserId: adviser.adviserId,
    score: round(breakdown.region + breakdown.sector + breakdown.market + breakdown.language),
    breakdown,
    load: adviser.capacity > 0 ? round(adviser.activeCases / adviser.capacity) : 1,
    lastAssignedAt: adviser.lastAssignedAt ? adviser.lastAssignedAt.toISOString() : null,
  };
}

/**
 * Ranks the advisers who may take the case: highest score, then lowest load, then longest since the last
 * assignment (never assigned counts as longest), then id so the order is always the same.
 */
export function rankAdvisers(
  needs: CaseNeeds,
  candidates: readonly AdviserCandidate[],
  weights: AssignmentWeights,
  options: { today: string; declinedBy?: readonly string[] },
): Ranking {
  const declined = new Set(options.declinedBy ?? []);
  const excluded: ExcludedAdviser[] = [];
  const eligible: ScoredAdviser[] = [];
  for (const candidate of candidates) {
    if (!candidate.active) excluded.push({ adviserId: candidate.adviserId, reason: 'inactive' });
    else if (declined.has(candidate.adviserId))
      excluded.push({ adviserId: candidate.adviserId, reason: 'declined' });
    else if (isAbsentOn(candidate, options.today))
      excluded.push({ adviserId: candidate.adviserId, reason: 'absent' });
    else if (candidate.activeCases >= candidate.capacity)
      excluded.push({ adviserId: candidate.adviserId, reason: 'at_capacity' });
    else eligible.push(scoreAdviser(needs, candidate, weights));
  }
  // Earlier last assignment sorts first; never assigned sorts before everyone (parsed once, not per comparison).
  const since = new Map(
    eligible.map((e) => [e, e.lastAssignedAt ? Date.parse(e.lastAssignedAt) : Number.NEGATIVE_INFINITY]),
  );
  eligible.sort(
    (a, b) =>
      b.score - a.score ||
      a.load - b.load ||
      since.get(a)! - since.get(b)! ||
      a.adviserId.localeCompare(b.adviserId),
  );
  return { ranked: eligible, excluded };
}
