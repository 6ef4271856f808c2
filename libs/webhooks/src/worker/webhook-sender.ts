import { Injectable } from '@nestjs/common';
import { signWebhook } from '../domain/webhook-signature';
import { WebhookSettings } from '../webhook-settings';

export interface SendOutcome {
  /** The receiver's status, or null when it did not answer (timeout, refused, reset). */
  status: number | null;
  error: string | null;
}

/** The receiver's answer is read up to this much and then dropped: only its status matters. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * One signed POST: `Webhook-Id` (the event id, the same on every retry and replay), `Webhook-Timestamp`
 * (Unix seconds, now) and `Webhook-Signature` (Standard Webhooks v1). Redirects are not followed (a 3xx is a
 * failure, as any non-2xx), and a receiver slower than `timeoutMs` is a failure too.
 */
@Injectable()
export class WebhookSender {
  constructor(private readonly settings: WebhookSettings) {}

  async send(target: { url: string; secret: string }, id: string, body: string): Promise<SendOutcome> {
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const res = await fetch(target.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'SME-Export-Programme-Webhooks/1',
          'webhook-id': id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook(target.secret, id, timestamp, body),
        },
        body,
      });
      await drain(res);
      const ok = res.status >= 200 && res.status < 300;
      return { status: res.status, error: ok ? null : `HTTP ${res.status}` };
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } };
      const reason = e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.message);
      return { status: null, error: reason.slice(0, 500) };
    }
  }
}

async function drain(res: Response): Promise<void> {
  if (!res.body) return;
  let read = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
      if (read > MAX_ANSWER_BYTES) return;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
