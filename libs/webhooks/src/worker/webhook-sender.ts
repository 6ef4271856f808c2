import { AppConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ipLiteral, isPublicAddress } from '../domain/public-address';
import { signWebhook } from '../domain/webhook-signature';
import { WebhookSettings } from '../webhook-settings';

export interface SendOutcome {
  /** The receiver's status, or null when it did not answer (timeout, refused, reset, not a public address). */
  status: number | null;
  error: string | null;
}

/** The receiver's answer is read up to this much and then dropped: only its status matters. */
const MAX_ANSWER_BYTES = 64 * 1024;

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A DNS lookup for the delivery's own connection that fails when the host name resolves to any address that
 * is not public. Checking in the connection's lookup (not in a lookup of its own beforehand) means the
 * address checked is the address connected to, so a name that changes its answer in between (DNS rebinding)
 * cannot lead a delivery into the agency's network.
 */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused || addresses.length === 0) {
      const problem = new Error(`${hostname} is not a public address`) as NodeJS.ErrnoException;
      problem.code = 'private_address';
      return callback(problem, '');
    }
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}

/**
 * One signed POST: `Webhook-Id` (the event id, the same on every retry and replay), `Webhook-Timestamp`
 * (Unix seconds, now) and `Webhook-Signature` (Standard Webhooks v1). Redirects are not followed (a 3xx is a
 * failure, as any non-2xx), and a receiver slower than `timeoutMs` for the whole exchange is a failure too.
 * In production a delivery connects only to public addresses (see `publicOnlyLookup`).
 */
@Injectable()
export class WebhookSender {
  private readonly publicOnly: boolean;

  constructor(
    private readonly settings: WebhookSettings,
    config: AppConfig,
  ) {
    this.publicOnly = config.isProduction;
  }

  send(target: { url: string; secret: string }, id: string, body: string): Promise<SendOutcome> {
    const url = new URL(target.url);
    const literal = ipLiteral(url.hostname);
    if (this.publicOnly && literal && !isPublicAddress(literal))
      return Promise.resolve({ status: null, error: 'private_address' });
    const timestamp = Math.floor(Date.now() / 1000);
    return new Promise((resolve) => {
      let settled = false;
      const settle = (outcome: SendOutcome): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ ...outcome, error: outcome.error?.slice(0, 500) ?? null });
      };
      const answered = (res: IncomingMessage): void => {
        const status = res.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        const outcome = { status, error: ok ? null : `HTTP ${status}` };
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) {
            res.destroy();
            settle(outcome);
          }
        });
        res.on('end', () => settle(outcome));
        res.on('error', () => settle(outcome));
      };
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req: ClientRequest = send(
        url,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'SME-Export-Programme-Webhooks/1',
            'webhook-id': id,
            'webhook-timestamp': String(timestamp),
            'webhook-signature': signWebhook(target.secret, id, timestamp, body),
          },
          ...(this.publicOnly ? { lookup: publicOnlyLookup } : {}),
        },
        answered,
      );
      const timer = setTimeout(() => {
        settle({ status: null, error: 'timeout' });
        req.destroy();
      }, this.settings.timeoutMs);
      req.on('error', (error: NodeJS.ErrnoException) =>
        settle({ status: null, error: error.code ?? error.message }),
      );
      req.end(body);
    });
  }
}
