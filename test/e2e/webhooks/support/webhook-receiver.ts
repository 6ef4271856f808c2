import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  /** The status this request was answered with (null: left hanging). */
  answered: number | null;
}

/** What the receiver does with the next request: answer with a status, or after a delay, or never. */
export type Reply = number | { status: number; delayMs: number } | 'hang';

/**
 * A real HTTP server on 127.0.0.1 that records every webhook it gets. `replies` are used in order, then
 * every request gets 200.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  readonly replies: Reply[] = [];
  private server?: Server;
  private readonly hanging = new Set<ServerResponse>();

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The requests one event's deliveries made (by Webhook-Id). */
  withId(id: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.id === id);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const reply = this.replies.shift() ?? 200;
    const record: ReceivedWebhook = {
      path: req.url ?? '',
      id: String(req.headers['webhook-id'] ?? ''),
      timestamp: String(req.headers['webhook-timestamp'] ?? ''),
      signature: String(req.headers['webhook-signature'] ?? ''),
      body: Buffer.concat(chunks).toString('utf8'),
      answered: null,
    };
    this.received.push(record);
    if (reply === 'hang') {
      this.hanging.add(res);
      return;
    }
    const { status, delayMs } = typeof reply === 'number' ? { status: reply, delayMs: 0 } : reply;
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    record.answered = status;
    res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
  }
}

/**
 * The receiver's check, written here from the Standard Webhooks specification rather than taken from the
 * code under test: HMAC-SHA256 under the base64-decoded secret (after `whsec_`) of `id.timestamp.body`.
 */
export function signatureIsValid(secret: string, hook: ReceivedWebhook): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${hook.id}.${hook.timestamp}.${hook.body}`).digest();
  return hook.signature.split(' ').some((part) => {
    const [version, mac] = part.split(',');
    const given = Buffer.from(mac ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}
