import type { AssignmentWeights } from './assignment-rules';
import { AdviserCandidate, CaseNeeds, rankAdvisers, ScoredAdviser } from './score-advisers';

/** A case waiting for an adviser, as the planner sees it. */
export interface CaseToPlan {
  caseId: string;
  needs: CaseNeeds;
  /** Advisers never to pick for it (those who declined it, or whose cases are being moved). */
  declinedBy: readonly string[];
}

/** The advisers who may take one case, best first: the first one with room gets it. */
export interface CasePlan {
  caseId: string;
  ranked: ScoredAdviser[];
}

/**
 * The one selection of automatic assignment: ranks the advisers for each case in turn, and counts each
 * case as given to its best adviser before ranking the next, so the next case sees that load and that
 * adviser as the one assigned last (at `now`, a millisecond later for each case). Pure: the candidates
 * passed in are not changed. A case nobody may take gets an empty ranking and changes no load.
 *
 * A single assignment plans one case; a batch plans all its cases at once. Planning a batch equals planning
 * its cases one after another, each with the loads the previous ones left (assignment-planner.spec.ts).
 */
export function planAssignments(
  cases: readonly CaseToPlan[],
  candidates: readonly AdviserCandidate[],
  weights: AssignmentWeights,
  options: { today: string; now: Date },
): CasePlan[] {
  const pool = candidates.map((c) => ({ ...c }));
  const byId = new Map(pool.map((c) => [c.adviserId, c]));
  let assignedAt = options.now.getTime();
  return cases.map(({ caseId, needs, declinedBy }) => {
    const { ranked } = rankAdvisers(needs, pool, weights, { today: options.today, declinedBy });
    const best = ranked[0] ? byId.get(ranked[0].adviserId) : undefined;
    if (best) {
      best.activeCases++;
      best.lastAssignedAt = new Date(++assignedAt);
    }
    return { caseId, ranked };
  });
}
