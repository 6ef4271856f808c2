import { AuditLogService } from '@app/audit-log';
import { loadConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { OutboxService } from '@app/messaging';
import { PageCursors } from '@app/web';
import { WebhookEndpointsService } from '@app/webhooks';
import { randomUUID } from 'node:crypto';
import { signatureIsValid, WebhookReceiver } from '../e2e/webhooks/support/webhook-receiver';
import { eventually, ReliabilityEnv } from './support/reliability-env';

/**
 * A worker SIGKILLed while a webhook is on the wire: the receiver never got to answer. A restarted worker
 * sends it again with the same Webhook-Id once the dead one's lock and the send timeout have passed; once
 * acknowledged it is never sent again, however many workers start after.
 */
describe('reliability: a worker SIGKILLed mid-delivery of a webhook', () => {
  const env = new ReliabilityEnv({
    WEBHOOKS_TIMEOUT_MS: '2000',
    WEBHOOKS_BACKOFF_MS: '500',
    WEBHOOKS_ATTEMPTS: '6',
  });
  const receiver = new WebhookReceiver();
  beforeAll(() => env.start(), 60_000);
  afterAll(async () => {
    await env.stop();
    await receiver.stop();
  }, 60_000);

  const statusOf = async (eventId: string): Promise<{ status: string; attempts: number } | undefined> =>
    (
      (await env.dataSource.query(`SELECT status, attempts FROM webhook_deliveries WHERE event_id = $1`, [
        eventId,
      ])) as { status: string; attempts: number }[]
    )[0];

  it('redelivers with the same Webhook-Id after the kill, and never after the acknowledgment', async () => {
    const base = await receiver.start();
    const config = loadConfig({ ...env.env() });
    const endpoints = new WebhookEndpointsService(
      new UnitOfWork(env.dataSource),
      new AuditLogService(env.dataSource, new PageCursors(config)),
      config,
    );
    const admin = randomUUID();
    const { secret } = await endpoints.register(
      { url: `${base}/hook`, events: ['stage.changed'] },
      { id: admin },
      { actorId: null, requestId: 'reliability' },
    );
    // The first request is left unanswered: the worker is killed while it waits.
    receiver.replies.push('hang');
    const eventId = await env.dataSource.transaction(async (m) => {
      await new OutboxService().add(m, {
        type: 'stage.changed',
        aggregateType: 'case',
        aggregateId: randomUUID(),
        payload: {
          from: 'passive_exporter',
          to: 'proactive_exporter',
          cause: 'audit',
          reason: null,
          transitionId: randomUUID(),
          refType: null,
          refId: null,
        },
      });
      const [row] = (await m.query(`SELECT id FROM outbox_event ORDER BY occurred_at DESC LIMIT 1`)) as {
        id: string;
      }[];
      return row.id;
    });

    const first = await env.startWorker();
    await eventually(() => receiver.withId(eventId).length === 1, 300_000, 'the first request');
    await env.kill(first, 'SIGKILL');
    expect(await statusOf(eventId)).toEqual({ status: 'delivering', attempts: 1 });

    const second = await env.startWorker();
    await eventually(async () => (await statusOf(eventId))?.status === 'delivered', 300_000, 'delivered');
    const hooks = receiver.withId(eventId);
    expect(hooks.map((h) => h.answered)).toEqual([null, 200]);
    expect(hooks.every((h) => signatureIsValid(secret, h))).toBe(true);
    expect(new Set(hooks.map((h) => h.body)).size).toBe(1);

    // Acknowledged: killing the worker and starting another sends nothing more, even past the lock.
    await env.kill(second, 'SIGKILL');
    await env.startWorker();
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    expect(receiver.withId(eventId)).toHaveLength(2);
    expect(await statusOf(eventId)).toEqual({ status: 'delivered', attempts: 2 });
  }, 900_000);
});
