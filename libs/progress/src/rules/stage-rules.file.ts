import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { STAGES, type Stage } from '@app/cases';
import { OUTCOME_KINDS, type OutcomeKind } from '../domain/outcome-kinds';

export class ClassificationRules {
  @IsString()
  exportPlanQuestion!: string;

  @IsInt()
  @Min(0)
  @Max(4)
  exportPlanMinimum!: number;

  @IsString()
  targetMarketQuestion!: string;

  @IsInt()
  @Min(0)
  @Max(4)
  targetMarketMinimum!: number;

  @IsInt()
  @Min(1)
  @Max(60)
  recentExportMonths!: number;

  @IsInt()
  @Min(0)
  @Max(100)
  passiveFrom!: number;

  @IsInt()
  @Min(0)
  @Max(100)
  proactiveFrom!: number;

  @IsInt()
  @Min(0)
  @Max(100)
  reviewHeadingBelow!: number;

  @IsInt()
  @Min(0)
  @Max(100)
  readyOverallFrom!: number;

  @IsInt()
  @Min(0)
  @Max(100)
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
  @IsInt()
  @Min(0)
  @Max(4)
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
  @ValidateNested()
  @Type(() => ClassificationRules)
  classification!: ClassificationRules;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => OutcomeRule)
  outcomes!: OutcomeRule[];

  @IsArray()
  @ArrayUnique((m: MilestoneRule) => m.code)
  @ValidateNested({ each: true })
  @Type(() => MilestoneRule)
  milestones!: MilestoneRule[];
}
