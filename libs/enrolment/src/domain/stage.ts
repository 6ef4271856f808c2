import type { Stage } from '@app/cases';

/**
 * The stage a new case starts in, before any audit: a company that has not exported in the last 12 months
 * is a non-exporter; one that has is provisionally a passive exporter, even if it says it exports through
 * a plan, because "proactive" is the adviser's judgement after the readiness audit.
 */
export function provisionalStage(answers: { exportedLast12Months: boolean }): Stage {
  return answers.exportedLast12Months ? 'passive_exporter' : 'non_exporter';
}
