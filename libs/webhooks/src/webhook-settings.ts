import 'reflect-metadata';
import { loadRulesFile, withIntegerOverrides, IntRange } from '@app/config';

/**
 * How deliveries run. Defaults in config/webhooks.yaml; each may be overridden by `WEBHOOKS_<NAME>` (tests
 * shorten the backoff and the timeout).
 */
export class WebhookSettings {
  /** WEBHOOKS_ATTEMPTS: tries in all per delivery, with exponential backoff between them. */
  @IntRange(1, 30)
  attempts: number = 10;

  /** WEBHOOKS_BACKOFF_MS: the first wait after a failure; it doubles each time. */
  @IntRange(10)
  backoffMs: number = 30_000;

  /** WEBHOOKS_TIMEOUT_MS: how long a receiver may take to answer. */
  @IntRange(100, 60_000)
  timeoutMs: number = 10_000;

  /** WEBHOOKS_CONCURRENCY: deliveries sent at once per worker. */
  @IntRange(1, 200)
  concurrency: number = 10;
}

const ENV: Record<keyof WebhookSettings, string> = {
  attempts: 'WEBHOOKS_ATTEMPTS',
  backoffMs: 'WEBHOOKS_BACKOFF_MS',
  timeoutMs: 'WEBHOOKS_TIMEOUT_MS',
  concurrency: 'WEBHOOKS_CONCURRENCY',
};

/** Reads config/webhooks.yaml and applies the environment's overrides; a bad value stops start-up. */
export function loadWebhookSettings(env: NodeJS.ProcessEnv = process.env): WebhookSettings {
  const file = loadRulesFile('webhooks.yaml', WebhookSettings, env);
  return withIntegerOverrides(WebhookSettings, file, ENV, 'config/webhooks.yaml', env);
}
