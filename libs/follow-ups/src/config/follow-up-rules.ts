import 'reflect-metadata';
import { ConfigError, loadRulesFile } from '@app/config';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMinSize,
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
  ValidateNested,
  validateSync,
} from 'class-validator';

export const RECIPIENT_ROLES = ['assignee', 'officer', 'sme'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];
export const STEP_ACTIONS = ['remind', 'escalate'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/** A distance in time: calendar days, working days (programme calendar) and/or hours. */
export class OffsetSpec {
  @IsOptional()
  @IsInt()
  @Min(-3650)
  @Max(3650)
  days?: number;

  @IsOptional()
  @IsInt()
  @Min(-500)
  @Max(500)
  workingDays?: number;

  @IsOptional()
  @IsInt()
  @Min(-8760)
  @Max(8760)
  hours?: number;
}

export class RuleStep {
  /** When this step fires, relative to the follow-up's due date. */
  @ValidateNested()
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

  @ValidateNested()
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
  @ValidateNested()
  @Type(() => OffsetSpec)
  due!: OffsetSpec;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RuleVariant)
  variants?: RuleVariant[];

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => RuleStep)
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

/**
 * How the engine runs. Each value may be overridden by an environment variable (name in the comment), so
 * tests and operators can shorten the sweep without editing the rules file.
 */
export class EngineSettings {
  /** FOLLOW_UPS_SWEEP_INTERVAL_MS: how often due work without a live job is re-enqueued. */
  @IsInt()
  @Min(100)
  sweepIntervalMs: number = 60_000;

  /** FOLLOW_UPS_RELAY_POLL_MS: outbox relay's pause when there was nothing to publish. */
  @IsInt()
  @Min(10)
  relayPollMs: number = 250;

  /** FOLLOW_UPS_RELAY_BATCH_SIZE */
  @IsInt()
  @Min(1)
  @Max(5000)
  relayBatchSize: number = 500;

  /** FOLLOW_UPS_RELAY_MAX_BACKOFF_MS: longest pause between relay attempts while Redis is down. */
  @IsInt()
  @Min(100)
  relayMaxBackoffMs: number = 10_000;

  /** FOLLOW_UPS_CONCURRENCY: follow-up jobs processed at once per worker. */
  @IsInt()
  @Min(1)
  @Max(200)
  concurrency: number = 20;

  /**
   * FOLLOW_UPS_EVENT_CONCURRENCY: domain-event jobs handled at once per worker. Handlers gather the events
   * in flight into one transaction (assignment of opened cases), so more at once means fewer, larger
   * transactions; the database pool still bounds the statements that run at once.
   */
  @IsInt()
  @Min(1)
  @Max(500)
  eventConcurrency: number = 50;

  /** FOLLOW_UPS_MAIL_CONCURRENCY: emails sent at once per worker. */
  @IsInt()
  @Min(1)
  @Max(200)
  mailConcurrency: number = 10;

  /** FOLLOW_UPS_RETRY_BASE_MS: first wait after a temporary delivery failure; doubles each attempt. */
  @IsInt()
  @Min(10)
  retryBaseMs: number = 60_000;

  /** FOLLOW_UPS_RETRY_MAX_MS: longest wait between two delivery attempts. */
  @IsInt()
  @Min(10)
  retryMaxMs: number = 3_600_000;

  /** FOLLOW_UPS_RETRY_WINDOW_MS: after this long since creation a temporary failure becomes permanent. */
  @IsInt()
  @Min(100)
  retryWindowMs: number = 86_400_000;

  /** FOLLOW_UPS_STALE_SENDING_MS: a notification "sending" for longer was abandoned by a dead worker. */
  @IsInt()
  @Min(100)
  staleSendingMs: number = 120_000;

  /** FOLLOW_UPS_STALE_EVENT_MS: a published event unprocessed for longer is re-published (lost job). */
  @IsInt()
  @Min(100)
  staleEventMs: number = 60_000;

  /** FOLLOW_UPS_LOCK_DURATION_MS: Bull job lock; a dead worker's active jobs are retried after it. */
  @IsInt()
  @Min(1000)
  lockDurationMs: number = 30_000;

  /** FOLLOW_UPS_STALLED_INTERVAL_MS: how often each worker looks for jobs whose lock expired. */
  @IsInt()
  @Min(1000)
  stalledIntervalMs: number = 30_000;

  /** FOLLOW_UPS_SMTP_TIMEOUT_MS: connection and socket timeout towards the SMTP server. */
  @IsInt()
  @Min(100)
  smtpTimeoutMs: number = 30_000;
}

export const ENGINE_ENV: Record<keyof EngineSettings, string> = {
  sweepIntervalMs: 'FOLLOW_UPS_SWEEP_INTERVAL_MS',
  relayPollMs: 'FOLLOW_UPS_RELAY_POLL_MS',
  relayBatchSize: 'FOLLOW_UPS_RELAY_BATCH_SIZE',
  relayMaxBackoffMs: 'FOLLOW_UPS_RELAY_MAX_BACKOFF_MS',
  concurrency: 'FOLLOW_UPS_CONCURRENCY',
  eventConcurrency: 'FOLLOW_UPS_EVENT_CONCURRENCY',
  mailConcurrency: 'FOLLOW_UPS_MAIL_CONCURRENCY',
  retryBaseMs: 'FOLLOW_UPS_RETRY_BASE_MS',
  retryMaxMs: 'FOLLOW_UPS_RETRY_MAX_MS',
  retryWindowMs: 'FOLLOW_UPS_RETRY_WINDOW_MS',
  staleSendingMs: 'FOLLOW_UPS_STALE_SENDING_MS',
  staleEventMs: 'FOLLOW_UPS_STALE_EVENT_MS',
  smtpTimeoutMs: 'FOLLOW_UPS_SMTP_TIMEOUT_MS',
  lockDurationMs: 'FOLLOW_UPS_LOCK_DURATION_MS',
  stalledIntervalMs: 'FOLLOW_UPS_STALLED_INTERVAL_MS',
};

export class FollowUpRulesFile {
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => EngineSettings)
  engine: EngineSettings = new EngineSettings();

  @ValidateNested()
  @Type(() => CalendarSpec)
  calendar!: CalendarSpec;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => FollowUpRule)
  rules!: FollowUpRule[];

  rule(code: string): FollowUpRule | undefined {
    return this.rules.find((r) => r.code === code);
  }
}

/**
 * Reads and validates config/follow-ups.yaml, then applies FOLLOW_UPS_* environment overrides. Any
 * problem (a bad field, a duplicate rule code, an unparsable override) stops start-up with a ConfigError.
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
  const overrides: Record<string, number> = {};
  for (const [key, name] of Object.entries(ENGINE_ENV)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    overrides[key] = /^-?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  }
  const engine = plainToInstance(EngineSettings, { ...file.engine, ...overrides });
  const errors = validateSync(engine);
  if (errors.length > 0)
    throw new ConfigError(
      errors.map((e) => ({
        setting: ENGINE_ENV[e.property as keyof EngineSettings] ?? `engine.${e.property}`,
        message: Object.values(e.constraints ?? {}).join('; '),
      })),
      'config/follow-ups.yaml',
    );
  file.engine = engine;
  return file;
}
