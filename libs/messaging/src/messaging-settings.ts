import 'reflect-metadata';
import { loadRulesFile, withIntegerOverrides, IntRange } from '@app/config';

/**
 * How the messaging platform runs: the outbox relay, the queues, the sweep and email delivery. Defaults in
 * config/messaging.yaml; each value may be overridden by the environment variable named in the comment
 * (`MESSAGING_*`; the older `FOLLOW_UPS_*` name still works), so tests and operators can shorten the sweep
 * without editing the file.
 */
export class MessagingSettings {
  /** MESSAGING_SWEEP_INTERVAL_MS: how often due work without a live job is re-enqueued. */
  @IntRange(100)
  sweepIntervalMs: number = 60_000;

  /** MESSAGING_RELAY_POLL_MS: outbox relay's pause when there was nothing to publish. */
  @IntRange(10)
  relayPollMs: number = 250;

  /** MESSAGING_RELAY_BATCH_SIZE */
  @IntRange(1, 5000)
  relayBatchSize: number = 500;

  /** MESSAGING_RELAY_MAX_BACKOFF_MS: longest pause between relay attempts while Redis is down. */
  @IntRange(100)
  relayMaxBackoffMs: number = 10_000;

  /**
   * MESSAGING_EVENT_CONCURRENCY: domain-event jobs handled at once per worker. Handlers gather the events
   * in flight into one transaction (assignment of opened cases), so more at once means fewer, larger
   * transactions; the database pool still bounds the statements that run at once.
   */
  @IntRange(1, 500)
  eventConcurrency: number = 50;

  /** MESSAGING_MAIL_CONCURRENCY: emails sent at once per worker. */
  @IntRange(1, 200)
  mailConcurrency: number = 10;

  /** MESSAGING_RETRY_BASE_MS: first wait after a temporary delivery failure; doubles each attempt. */
  @IntRange(10)
  retryBaseMs: number = 60_000;

  /** MESSAGING_RETRY_MAX_MS: longest wait between two delivery attempts. */
  @IntRange(10)
  retryMaxMs: number = 3_600_000;

  /** MESSAGING_RETRY_WINDOW_MS: after this long since creation a temporary failure becomes permanent. */
  @IntRange(100)
  retryWindowMs: number = 86_400_000;

  /** MESSAGING_STALE_SENDING_MS: a notification "sending" for longer was abandoned by a dead worker. */
  @IntRange(100)
  staleSendingMs: number = 120_000;

  /** MESSAGING_STALE_EVENT_MS: a published event unprocessed for longer is re-published (lost job). */
  @IntRange(100)
  staleEventMs: number = 60_000;

  /** MESSAGING_LOCK_DURATION_MS: Bull job lock; a dead worker's active jobs are retried after it. */
  @IntRange(1000)
  lockDurationMs: number = 30_000;

  /** MESSAGING_STALLED_INTERVAL_MS: how often each worker looks for jobs whose lock expired. */
  @IntRange(1000)
  stalledIntervalMs: number = 30_000;

  /** MESSAGING_SMTP_TIMEOUT_MS: connection and socket timeout towards the SMTP server. */
  @IntRange(100)
  smtpTimeoutMs: number = 30_000;
}

const SUFFIXES: Record<keyof MessagingSettings, string> = {
  sweepIntervalMs: 'SWEEP_INTERVAL_MS',
  relayPollMs: 'RELAY_POLL_MS',
  relayBatchSize: 'RELAY_BATCH_SIZE',
  relayMaxBackoffMs: 'RELAY_MAX_BACKOFF_MS',
  eventConcurrency: 'EVENT_CONCURRENCY',
  mailConcurrency: 'MAIL_CONCURRENCY',
  retryBaseMs: 'RETRY_BASE_MS',
  retryMaxMs: 'RETRY_MAX_MS',
  retryWindowMs: 'RETRY_WINDOW_MS',
  staleSendingMs: 'STALE_SENDING_MS',
  staleEventMs: 'STALE_EVENT_MS',
  lockDurationMs: 'LOCK_DURATION_MS',
  stalledIntervalMs: 'STALLED_INTERVAL_MS',
  smtpTimeoutMs: 'SMTP_TIMEOUT_MS',
};

/** Each setting's variables: `MESSAGING_<NAME>`, then the name it had while this lived in follow-ups. */
export const MESSAGING_ENV = Object.fromEntries(
  Object.entries(SUFFIXES).map(([key, suffix]) => [key, [`MESSAGING_${suffix}`, `FOLLOW_UPS_${suffix}`]]),
) as unknown as Record<keyof MessagingSettings, readonly [string, string]>;

/** Reads config/messaging.yaml and applies the environment's overrides; a bad value stops start-up. */
export function loadMessagingSettings(env: NodeJS.ProcessEnv = process.env): MessagingSettings {
  const file = loadRulesFile('messaging.yaml', MessagingSettings, env);
  return withIntegerOverrides(MessagingSettings, file, MESSAGING_ENV, 'config/messaging.yaml', env);
}
