import 'reflect-metadata';
import {
  ConfigError,
  loadRulesFile,
  withIntegerOverrides,
  IntRange,
  ValidateNestedObject,
  ListOf,
} from '@app/config';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';

/** `partner`: a partner organisation a case was referred to (libs/network), written to by email only. */
export const RECIPIENT_ROLES = ['assignee', 'officer', 'sme', 'partner'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];
export const STEP_ACTIONS = ['remind', 'escalate'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/** A distance in time: calendar days, working days (programme calendar) and/or hours. */
export class OffsetSpec {
  @IsOptional()
  @IntRange(-3650, 3650)
  days?: number;

  @IsOptional()
  @IntRange(-500, 500)
  workingDays?: number;

  @IsOptional()
  @IntRange(-8760, 8760)
  hours?: number;
}

export class RuleStep {
  /** When this step fires, relative to the follow-up's due date. */
  @ValidateNestedObject()
  @Type(() => OffsetSpec)
  offset!: OffsetSpec;

  @IsIn(STEP_ACTIONS)
  action!: StepAction;

  @IsIn(RECIPIENT_ROLES)
  notify!: RecipientRole;
}

export class RuleVariant {
  @IsString()
  @Matches(/^[a-z0-9-]{1,40}$/)
  name!: string;

  @ValidateNestedObject()
  @Type(() => OffsetSpec)
  due!: OffsetSpec;
}

export class FollowUpRule {
  @IsString()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: '$property must be lower-case letters, digits and "-"' })
  code!: string;

  @IsString()
  @IsNotEmpty()
  description!: string;

  /** Due date relative to the trigger's anchor time (assignment, last audit, next-step date, …). */
  @ValidateNestedObject()
  @Type(() => OffsetSpec)
  due!: OffsetSpec;

  @IsOptional()
  @ListOf(() => RuleVariant)
  variants?: RuleVariant[];

  @ListOf(() => RuleStep, { min: 1 })
  steps!: RuleStep[];
}

export class CalendarSpec {
  @IsString()
  @Matches(/^[A-Z]{2}$/)
  country!: string;

  @IsOptional()
  @IsString()
  region?: string;

  @IsArray()
  @IsString({ each: true })
  holidayTypes: string[] = ['public', 'bank'];

  @IsArray()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true })
  extraHolidays: string[] = [];

  @IsArray()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true })
  workingDaysOverride: string[] = [];

  @IsArray()
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  workingWeekdays: number[] = [1, 2, 3, 4, 5];
}

/** How the reminder jobs run (the outbox, queues and email delivery are tuned in config/messaging.yaml). */
export class EngineSettings {
  /** FOLLOW_UPS_CONCURRENCY: follow-up steps fired at once per worker. */
  @IntRange(1, 200)
  concurrency: number = 20;
}

export const ENGINE_ENV: Record<keyof EngineSettings, string> = {
  concurrency: 'FOLLOW_UPS_CONCURRENCY',
};

export class FollowUpRulesFile {
  @IsOptional()
  @IsObject()
  @ValidateNestedObject()
  @Type(() => EngineSettings)
  engine: EngineSettings = new EngineSettings();

  @ValidateNestedObject()
  @Type(() => CalendarSpec)
  calendar!: CalendarSpec;

  @ListOf(() => FollowUpRule, { min: 1 })
  rules!: FollowUpRule[];

  rule(code: string): FollowUpRule | undefined {
    return this.rules.find((r) => r.code === code);
  }
}

/**
 * Reads and validates config/follow-ups.yaml, then applies FOLLOW_UPS_CONCURRENCY from the environment.
 * Any problem (a bad field, a duplicate rule code, an unparsable override) stops start-up with a
 * ConfigError.
 */
export function loadFollowUpRules(env: NodeJS.ProcessEnv = process.env): FollowUpRulesFile {
  const file = loadRulesFile('follow-ups.yaml', FollowUpRulesFile, env);
  const codes = file.rules.map((r) => r.code);
  const duplicate = codes.find((c, i) => codes.indexOf(c) !== i);
  if (duplicate)
    throw new ConfigError(
      [{ setting: 'rules', message: `rule code "${duplicate}" is used twice` }],
      'config/follow-ups.yaml',
    );
  file.engine = withIntegerOverrides(EngineSettings, file.engine, ENGINE_ENV, 'config/follow-ups.yaml', env);
  return file;
}
