import Queue from 'bull';
import Redis from 'ioredis';
import { eventually, ReliabilityEnv } from './support/reliability-env';

const DAY = 86_400_000;
const COUNT = 200;

describe('reliability: two workers and every job enqueued three times', () => {
  const env = new ReliabilityEnv();
  beforeAll(() => env.start(), 30_000);
  afterAll(() => env.stop(), 30_000);

  it('sends one email per follow-up', async () => {
    const ids = await env.schedule(COUNT, { rule: 're-audit', anchorAt: new Date(Date.now() - 200 * DAY) });
    // Three extra copies of each follow-up's job under different ids, so Bull's id de-duplication cannot
    // help: only the guarded updates and the notification's idempotency key stand between them and spam.
    const clients: Redis[] = [];
    const queue = new Queue('follow-ups', {
      prefix: `${env.prefix}:bull`,
      createClient: () => {
        const client = new Redis(env.redis.url, { maxRetriesPerRequest: null, enableReadyCheck: false });
        clients.push(client);
        return client;
      },
    });
    for (const copy of [1, 2, 3])
      await queue.addBulk(
        ids.map((id) => ({ name: 'fire', data: { id, step: 0 }, opts: { jobId: `${id}:0:copy${copy}` } })),
      );
    await queue.close();
    // Bull leaves clients made by createClient to their maker: connected when Redis stops, they would retry for ever.
    for (const client of clients) client.disconnect();

    await Promise.all([env.startWorker(), env.startWorker()]);
    await eventually(
      async () => (await env.count(`SELECT count(*) AS n FROM follow_up WHERE status = 'sent'`)) === COUNT,
      150_000,
      'all follow-ups sent',
    );
    expect(await env.count(`SELECT count(*) AS n FROM notification`)).toBe(COUNT);
    expect(await env.count(`SELECT coalesce(max(attempts), 0) AS n FROM follow_up`)).toBe(1);
    expect(env.smtp.received).toHaveLength(COUNT);
    expect(new Set(env.smtp.received.map((m) => m.to)).size).toBe(COUNT);
  }, 240_000);
});
