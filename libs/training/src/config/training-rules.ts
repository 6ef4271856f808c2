import { ConfigError, loadRulesFile, ValidateNestedObject, ListOf } from '@app/config';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import {
  COMPLETION_CRITERIA,
  type CompletionCriterion,
  TRAINING_FORMATS,
  TRAINING_LEVELS,
  type TrainingFormat,
  type TrainingLevel,
} from '../domain/training-formats';

export const MODULE_CODE_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const TRAINING_BARRIERS = [
  'psychological',
  'organisational',
  'operational',
  'product_market',
  'social_media',
];

export class LocalisedTextFile {
  @IsString() @MinLength(1) en!: string;
  @IsString() @MinLength(1) es!: string;
  @IsString() @MinLength(1) de!: string;
}

export class AssessmentQuestionFile {
  @ValidateNestedObject() @Type(() => LocalisedTextFile) question!: LocalisedTextFile;
  @ListOf(() => LocalisedTextFile, { min: 2 })
  options!: LocalisedTextFile[];
  @IsInt() @Min(0) answer!: number;
}

export class ModuleDefinition {
  @Matches(MODULE_CODE_PATTERN, { message: 'code must be kebab-case' }) code!: string;
  @IsIn(TRAINING_FORMATS) format!: TrainingFormat;
  @IsIn(COMPLETION_CRITERIA) completion!: CompletionCriterion;
  @IsOptional() @IsInt() @Min(1) @Max(100) passMark?: number;
  @IsInt() @Min(5) @Max(2400) durationMinutes!: number;
  @IsIn(TRAINING_LEVELS) level!: TrainingLevel;
  @IsArray() @IsIn(TRAINING_BARRIERS, { each: true }) barriers!: string[];
  @IsArray() @IsString({ each: true }) questions!: string[];
  @IsArray() @ArrayUnique() @Matches(MODULE_CODE_PATTERN, { each: true }) prerequisites!: string[];
  @IsArray() @IsString({ each: true }) platforms!: string[];
  @ValidateNestedObject() @Type(() => LocalisedTextFile) title!: LocalisedTextFile;
  @ValidateNestedObject() @Type(() => LocalisedTextFile) summary!: LocalisedTextFile;
  @IsOptional()
  @ListOf(() => AssessmentQuestionFile, { min: 1 })
  assessment?: AssessmentQuestionFile[];
}

export class TrainingModulesFile {
  @ListOf(() => ModuleDefinition) modules!: ModuleDefinition[];
}

export class DueDaysFile {
  @IsInt() @Min(1) self_paced!: number;
  @IsInt() @Min(1) webinar!: number;
  @IsInt() @Min(1) workshop!: number;
  @IsInt() @Min(1) clinic!: number;
}

export class AssessmentAttemptsFile {
  @IsInt() @Min(1) @Max(100) maxFailures!: number;
  @IsInt() @Min(1) @Max(24 * 365) periodHours!: number;
}

export class TrainingSettingsFile {
  @ValidateNestedObject() @Type(() => DueDaysFile) dueDays!: DueDaysFile;
  @IsInt() @Min(0) @Max(24 * 30) cancellationCutoffHours!: number;
  @IsInt() @Min(1) @Max(100) defaultAssessmentPassMark!: number;
  @ValidateNestedObject() @Type(() => AssessmentAttemptsFile) assessmentAttempts!: AssessmentAttemptsFile;
}

/** Cross-field rules class-validator cannot express: unique codes, known prerequisites, format/criterion fit. */
export function checkCatalogue(file: TrainingModulesFile): string[] {
  const problems: string[] = [];
  const codes = new Set<string>();
  for (const m of file.modules) {
    if (codes.has(m.code)) problems.push(`modules: code ${m.code} appears twice`);
    codes.add(m.code);
  }
  for (const m of file.modules) {
    for (const p of m.prerequisites)
      if (!codes.has(p) || p === m.code)
        problems.push(`modules.${m.code}.prerequisites: unknown module ${p}`);
    if (m.format === 'self_paced' && m.completion === 'attendance')
      problems.push(`modules.${m.code}.completion: a self-paced module has no session to attend`);
    if (m.format !== 'self_paced' && m.completion !== 'attendance')
      problems.push(`modules.${m.code}.completion: a ${m.format} is completed by attendance`);
    if (m.completion === 'assessment' && !m.assessment?.length)
      problems.push(`modules.${m.code}.assessment: an assessment module needs its questions`);
    if (m.completion !== 'assessment' && m.assessment?.length)
      problems.push(`modules.${m.code}.assessment: only assessment modules have questions`);
    m.assessment?.forEach((q, i) => {
      if (q.answer >= q.options.length)
        problems.push(`modules.${m.code}.assessment.${i}.answer: there is no option ${q.answer}`);
    });
  }
  return problems;
}

export interface TrainingRules {
  catalogue: TrainingModulesFile;
  settings: TrainingSettingsFile;
}

export const TRAINING_RULES = Symbol('TRAINING_RULES');

export function loadTrainingRules(env: NodeJS.ProcessEnv = process.env): TrainingRules {
  const catalogue = loadRulesFile('training-modules.yaml', TrainingModulesFile, env);
  const problems = checkCatalogue(catalogue);
  if (problems.length)
    throw new ConfigError(
      problems.map((p) => ({ setting: p.split(':')[0], message: p.slice(p.indexOf(':') + 2) })),
      'config/training-modules.yaml',
    );
  return { catalogue, settings: loadRulesFile('training.yaml', TrainingSettingsFile, env) };
}
