import type { Stage } from '@app/cases';
import type { ClassificationRules } from '@app/progress';
import type { Answers, AuditScores } from './scoring';

/** What the company does, as opposed to what it scores. */
export interface BehaviourFacts {
  /** An export sale in the recent window (enrolment answer or a recorded outcome). */
  exportedRecently: boolean;
  /** Distinct markets it exports to. */
  exportMarketCount: number;
  /** Orders were won through a plan, not unsolicited. */
  ordersThroughPlan: boolean;
}

/** A reason, as a code the pages translate (`readiness.reasons.<code>`) and the values it needs. */
export interface ClassificationReason {
  code: string;
  params?: Record<string, string | number>;
}

export interface Classification {
  stage: Stage;
  behaviourStage: Stage;
  scoreStage: Stage;
  flaggedForReview: boolean;
  readyForNextStage: boolean;
  reasons: ClassificationReason[];
}

export function stageForScore(rules: ClassificationRules, overall: number): Stage {
  if (overall >= rules.proactiveFrom) return 'proactive_exporter';
  if (overall >= rules.passiveFrom) return 'passive_exporter';
  return 'non_exporter';
}

/**
 * Behaviour first: non-exporter without a recent export sale; proactive with an export plan, markets
 * targeted on purpose and at least one export market; passive otherwise. The score band is a cross-check:
 * disagreement or any weak heading flags the case for an adviser's review. Every conclusion carries reasons.
 */
export function classifyStage(
  rules: ClassificationRules,
  scores: AuditScores,
  answers: Answers,
  behaviour: BehaviourFacts,
): Classification {
  const reasons: ClassificationReason[] = [];
  let behaviourStage: Stage;
  if (!behaviour.exportedRecently) {
    behaviourStage = 'non_exporter';
    reasons.push({ code: 'noRecentExport', params: { months: rules.recentExportMonths } });
  } else {
    const planAnswer = answers[rules.exportPlanQuestion] ?? 0;
    const hasPlan = planAnswer >= rules.exportPlanMinimum;
    const targets =
      behaviour.ordersThroughPlan || (answers[rules.targetMarketQuestion] ?? 0) >= rules.targetMarketMinimum;
    const hasMarket = behaviour.exportMarketCount >= 1;
    reasons.push({ code: 'exportsNow', params: { markets: behaviour.exportMarketCount } });
    reasons.push({ code: hasPlan ? 'hasExportPlan' : 'noExportPlan', params: { answer: planAnswer } });
    reasons.push({ code: targets ? 'targetsMarkets' : 'noTargetMarkets' });
    if (!hasMarket) reasons.push({ code: 'noExportMarket' });
    behaviourStage = hasPlan && targets && hasMarket ? 'proactive_exporter' : 'passive_exporter';
  }

  const scoreStage = stageForScore(rules, scores.overall);
  reasons.push({ code: 'scoreBand', params: { overall: scores.overall, stage: scoreStage } });
  let flaggedForReview = false;
  if (scoreStage !== behaviourStage) {
    flaggedForReview = true;
    reasons.push({ code: 'reviewDisagreement', params: { behaviour: behaviourStage, score: scoreStage } });
  }
  for (const [heading, score] of Object.entries(scores.headings)) {
    if (score < rules.reviewHeadingBelow) {
      flaggedForReview = true;
      reasons.push({
        code: 'reviewWeakHeading',
        params: { heading, score, threshold: rules.reviewHeadingBelow },
      });
    }
  }

  const weakForNext = Object.values(scores.headings).some((s) => s < rules.readyHeadingFrom);
  const readyForNextStage =
    behaviourStage !== 'proactive_exporter' && scores.overall >= rules.readyOverallFrom && !weakForNext;
  reasons.push({
    code: readyForNextStage ? 'readyForNext' : 'notReadyForNext',
    params: { overall: scores.overall, threshold: rules.readyOverallFrom },
  });
  return { stage: behaviourStage, behaviourStage, scoreStage, flaggedForReview, readyForNextStage, reasons };
}
