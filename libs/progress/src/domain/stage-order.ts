import { STAGES, type Stage } from '@app/cases';

export const stageRank = (stage: Stage): number => STAGES.indexOf(stage);

export const isForward = (from: Stage, to: Stage): boolean => stageRank(to) > stageRank(from);

export const laterStage = (a: Stage, b: Stage): Stage => (stageRank(b) > stageRank(a) ? b : a);

/** The stage after this one, or undefined for the last. */
export const nextStage = (stage: Stage): Stage | undefined => STAGES[stageRank(stage) + 1];
