import { IntRange } from './int-range';
import 'reflect-metadata';
import { Transform } from 'class-transformer';
import { BlockList, isIP } from 'node:net';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsTimeZone,
  Matches,
  MaxLength,
  MinLength,
  registerDecorator,
  ValidationOptions,
} from 'class-validator';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const LOG_FORMATS = ['json', 'pretty'] as const;

/**
 * Accepts "true"/"false"/"1"/"0" from the environment, real booleans from YAML. Reads the raw value from
 * the source object: implicit conversion has already turned the string "false" into `true` by now.
 */
const toBoolean = ({ obj, key }: { obj: Record<string, unknown>; key: string }): unknown => {
  const value = obj[key];
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no', ''].includes(v)) return false;
  return value;
};

function IsConnectionUrl(protocols: string[], options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isConnectionUrl',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `$property must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'string') return false;
          try {
            const url = new URL(value);
            return protocols.includes(url.protocol.replace(/:$/, '')) && url.hostname.length > 0;
          } catch {
            return false;
          }
        },
      },
    });
}

/** `a.b.c.d/n` or an IPv6 prefix such as `2001:db8::/32`; null when malformed. */
export function parseCidr(
  value: string,
): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const match = /^([^/\s]+)\/(\d{1,3})$/.exec(value.trim());
  if (!match) return null;
  const version = isIP(match[1]);
  const prefix = Number(match[2]);
  if (version === 0 || prefix > (version === 4 ? 32 : 128)) return null;
  return { address: match[1], prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** A comma-separated CIDR list as a BlockList (Node's own subnet matcher, IPv4-mapped IPv6 included). */
export function networkList(value: string): BlockList {
  const list = new BlockList();
  for (const part of value.split(',').filter((p) => p.trim())) {
    const cidr = parseCidr(part);
    if (cidr) list.addSubnet(cidr.address, cidr.prefix, cidr.family);
  }
  return list;
}

function IsCidrList(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCidrList',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: '$property must be a comma-separated list of networks such as 10.0.0.0/8,2001:db8::/32',
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'string') return false;
          const parts = value.split(',').filter((p) => p.trim());
          return parts.length > 0 && parts.every((p) => parseCidr(p) !== null);
        },
      },
    });
}

/**
 * Every setting the processes read. Names are the environment variable names; `config/*.yaml` uses the
 * same names so the README's table maps one-to-one. Read it through `loadConfig()` or inject `AppConfig`.
 */
export class AppConfig {
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'development';

  @IntRange(0, 65535)
  PORT: number = 3000;

  @IntRange(0, 65535)
  WORKER_PORT: number = 3001;

  /** The address both processes listen on: every interface in production, loopback for `npm start`. */
  @IsString()
  @Matches(/^[0-9a-zA-Z.:-]{1,253}$/, {
    message: '$property must be an IP address or host name such as 127.0.0.1',
  })
  HOST: string = '0.0.0.0';

  @IsConnectionUrl(['http', 'https'])
  APP_BASE_URL: string = 'http://localhost:3000';

  @IsConnectionUrl(['postgres', 'postgresql'])
  DATABASE_URL!: string;

  @IntRange(1, 200)
  DATABASE_POOL_SIZE: number = 10;

  @IntRange(100)
  DATABASE_STATEMENT_TIMEOUT_MS: number = 15000;

  /** How long a request waits for a pool connection (or a new one) before it is answered 503. */
  @IntRange(50)
  DATABASE_CONNECT_TIMEOUT_MS: number = 5000;

  /**
   * Connections per process for reports and exports (KPI statements, export row streams): a pool of their
   * own beside DATABASE_POOL_SIZE, so a burst of reports never takes the connections interactive requests need.
   */
  @IntRange(1, 50)
  REPORTS_POOL_SIZE: number = 3;

  /** How long a report waits for one of its connections before it is answered 503. */
  @IntRange(50)
  REPORTS_CONNECT_TIMEOUT_MS: number = 10000;

  /**
   * Postgres `statement_timeout` for the KPI summaries the worker computes in the background (refreshes, the
   * default reports, views that timed out): no one is waiting on a page, and at a million cases one year's
   * statement takes longer than DATABASE_STATEMENT_TIMEOUT_MS.
   */
  @IntRange(1000)
  REPORTS_BACKGROUND_STATEMENT_TIMEOUT_MS: number = 600000;

  @IsConnectionUrl(['redis', 'rediss'])
  REDIS_URL!: string;

  @IsString()
  @Matches(/^[a-z0-9_-]{1,40}$/i, { message: '$property must be 1-40 letters, digits, "_" or "-"' })
  REDIS_PREFIX: string = 'sme';

  /**
   * Seconds an api process keeps a bearer token's lookup (0: every request reads Postgres). Revocations are
   * published on Redis and honoured at once; this bounds them while Redis is unreachable.
   */
  @IntRange(0, 300)
  API_TOKEN_CACHE_SECONDS: number = 5;

  /** Bearer tokens an api process keeps looked up at most (least recently used dropped first). */
  @IntRange(1, 1_000_000)
  API_TOKEN_CACHE_SIZE: number = 10_000;

  @IsString()
  @MinLength(32, { message: '$property must be at least 32 characters long' })
  SESSION_SECRET!: string;

  @IntRange(1)
  SESSION_IDLE_MINUTES: number = 30;

  @IntRange(1)
  SESSION_ABSOLUTE_HOURS: number = 12;

  @IntRange(0, 10)
  TRUST_PROXY_HOPS: number = 0;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  SMTP_HOST?: string;

  @IntRange(1, 65535)
  SMTP_PORT: number = 587;

  @Transform(toBoolean)
  @IsBoolean()
  SMTP_SECURE: boolean = false;

  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  MAIL_FROM: string = 'SME Export Programme <no-reply@export-programme.example>';

  @IsString()
  @IsNotEmpty()
  MAIL_DIR: string = '.data/mail';

  /** Where row-level report exports are written (a volume every worker and api process shares). */
  @IsString()
  @IsNotEmpty()
  EXPORT_DIR: string = '.data/exports';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** `json`, one object a line (production, files); `pretty`, one readable line an event (`npm start` on a terminal). */
  @IsIn(LOG_FORMATS)
  LOG_FORMAT: (typeof LOG_FORMATS)[number] = 'json';

  @IsTimeZone({ message: '$property must be an IANA time zone such as Europe/London' })
  PROGRAMME_TIME_ZONE: string = 'Europe/London';

  /** Self-registrations one client address may start an hour (each costs an argon2 hash and an email). */
  @IntRange(1)
  REGISTRATIONS_PER_CLIENT_PER_HOUR: number = 20;

  /** Self-registrations the whole service accepts a minute, whoever sends them. */
  @IntRange(1)
  REGISTRATIONS_PER_MINUTE: number = 60;

  /**
   * Production only (development and test serve /metrics to anyone): the networks whose scrapers may read
   * /metrics without a token, as CIDRs. The client address honours TRUST_PROXY_HOPS on the api.
   */
  @IsOptional()
  @IsCidrList()
  METRICS_ALLOWED_NETWORKS?: string;

  /** Production only: a scraper sending `Authorization: Bearer <this>` may read /metrics from anywhere. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: '$property must be at least 32 characters long' })
  METRICS_TOKEN?: string;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}

/** Settings whose values never appear in an error message. */
export const SECRET_SETTINGS: ReadonlySet<string> = new Set([
  'SESSION_SECRET',
  'SMTP_PASSWORD',
  'METRICS_TOKEN',
]);
