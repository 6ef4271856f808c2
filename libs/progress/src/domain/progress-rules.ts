import type { Stage } from '@app/cases';
import type { MilestoneRule, OutcomeRule, StageRulesFile } from '../rules/stage-rules.file';
import type { OutcomeKind } from './outcome-kinds';
import { isForward, stageRank } from './stage-order';

/** What a piece of evidence says, in the terms milestone rules understand. */
export type MilestoneEvidenceInput =
  | { type: 'audit'; answers: Record<string, number> }
  | { type: 'outcome'; kind: OutcomeKind; confirmed: boolean }
  | { type: 'training'; moduleCode: string };

/** The milestones this evidence achieves (the caller stores each once; later evidence never un-ticks). */
export function milestonesFor(
  rules: readonly MilestoneRule[],
  evidence: MilestoneEvidenceInput,
): MilestoneRule[] {
  return rules.filter((m) => {
    if (evidence.type === 'audit') {
      if (m.evidence === 'audit') return true;
      if (m.evidence !== 'answer' || !m.question || m.atLeast === undefined) return false;
      const answer = evidence.answers[m.question];
      return answer !== undefined && answer >= m.atLeast;
    }
    if (evidence.type === 'training') return m.evidence === 'training' && m.module === evidence.moduleCode;
    return (
      m.evidence === 'outcome' && m.outcome === evidence.kind && (!m.confirmedOnly || evidence.confirmed)
    );
  });
}

/**
 * The stage an outcome moves the case to, or undefined when it does not move it. Only forward: the
 * furthest rule whose conditions hold wins; rules never move a case backwards.
 */
export function stageAfterOutcome(
  rules: Pick<StageRulesFile, 'outcomes'>,
  current: Stage,
  outcome: { kind: OutcomeKind; confirmed: boolean },
  achievedMilestones: ReadonlySet<string>,
): { to: Stage; rule: OutcomeRule } | undefined {
  const eligible = rules.outcomes.filter(
    (r) =>
      r.kind === outcome.kind &&
      (!r.confirmedOnly || outcome.confirmed) &&
      (r.requiresMilestones ?? []).every((code) => achievedMilestones.has(code)),
  );
  const best = eligible.sort((a, b) => stageRank(b.to) - stageRank(a.to))[0];
  return best && isForward(current, best.to) ? { to: best.to, rule: best } : undefined;
}
