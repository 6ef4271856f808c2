import { IntRange, ValidateNestedObject, ListOf } from '@app/config';
import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { STAGES, type Stage } from '@app/cases';
import { OUTCOME_KINDS, type OutcomeKind } from '../domain/outcome-kinds';

export class ClassificationRules {
  @IsString()
  exportPlanQuestion!: string;

  @IntRange(0, 4)
  exportPlanMinimum!: number;

  @IsString()
  targetMarketQuestion!: string;

  @IntRange(0, 4)
  targetMarketMinimum!: number;

  @IntRange(1, 60)
  recentExportMonths!: number;

  @IntRange(0, 100)
  passiveFrom!: number;

  @IntRange(0, 100)
  proactiveFrom!: number;

  @IntRange(0, 100)
  reviewHeadingBelow!: number;

  @IntRange(0, 100)
  readyOverallFrom!: number;

  @IntRange(0, 100)
  readyHeadingFrom!: number;

  @IsArray()
  @IsIn(['self', 'adviser'], { each: true })
  auditKindsThatMoveStage!: ('self' | 'adviser')[];
}

export class OutcomeRule {
  @IsIn(OUTCOME_KINDS)
  kind!: OutcomeKind;

  @IsIn(STAGES)
  to!: Stage;

  @IsOptional()
  @IsBoolean()
  confirmedOnly?: boolean;

  @IsOptional()
  @IsArray()
  @Matches(/^[a-z0-9-]+$/, { each: true })
  requiresMilestones?: string[];
}

export const MILESTONE_EVIDENCE = ['audit', 'answer', 'outcome', 'training'] as const;
export type MilestoneEvidence = (typeof MILESTONE_EVIDENCE)[number];

export class MilestoneRule {
  @Matches(/^[a-z0-9-]+$/)
  code!: string;

  @IsIn(STAGES)
  stage!: Stage;

  @IsIn(MILESTONE_EVIDENCE)
  evidence!: MilestoneEvidence;

  @IsOptional()
  @IsString()
  question?: string;

  @IsOptional()
  @IntRange(0, 4)
  atLeast?: number;

  @IsOptional()
  @IsIn(OUTCOME_KINDS)
  outcome?: OutcomeKind;

  @IsOptional()
  @IsBoolean()
  confirmedOnly?: boolean;

  /** For `training` evidence: the code of the module (config/training-modules.yaml) whose completion counts. */
  @IsOptional()
  @Matches(/^[a-z0-9-]+$/)
  module?: string;
}

/** config/stage-rules.yaml */
export class StageRulesFile {
  @ValidateNestedObject()
  @Type(() => ClassificationRules)
  classification!: ClassificationRules;

  @ListOf(() => OutcomeRule)
  outcomes!: OutcomeRule[];

  @IsArray()
  @ArrayUnique((m: MilestoneRule) => m.code)
  @ValidateNestedObject({ each: true })
  @Type(() => MilestoneRule)
  milestones!: MilestoneRule[];
}
