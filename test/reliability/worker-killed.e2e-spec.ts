import { ReliabilityEnv, eventually } from './support/reliability-env';

const DAY = 86_400_000;
const COUNT = 1000;

describe('reliability: a worker SIGKILLed mid-batch', () => {
  const env = new ReliabilityEnv();
  beforeAll(() => env.start(), 30_000);
  afterAll(() => env.stop(), 30_000);

  it('restarted, it sends every one of 1000 due follow-ups exactly once', async () => {
    const ids = await env.schedule(COUNT, { rule: 're-audit', anchorAt: new Date(Date.now() - 200 * DAY) });
    expect(new Set(ids).size).toBe(COUNT);

    const first = await env.startWorker();
    await eventually(() => env.smtp.received.length >= COUNT / 2, 300_000, 'half the emails');
    await env.kill(first, 'SIGKILL');
    const seenAtKill = env.smtp.received.length;
    // Messages an SMTP server may have accepted without the dead worker hearing back: the only ones a
    // resend could duplicate (the Message-ID, derived from the notification id, lets a receiver tell).
    const inFlight = await env.count(`SELECT count(*) AS n FROM notification WHERE status = 'sending'`);
    expect(seenAtKill).toBeLessThan(COUNT);

    await env.startWorker();
    await eventually(
      async () => (await env.count(`SELECT count(*) AS n FROM follow_up WHERE status = 'sent'`)) === COUNT,
      300_000,
      'all follow-ups sent',
    );
    expect(await env.count(`SELECT count(*) AS n FROM notification WHERE status = 'sent'`)).toBe(COUNT);
    expect(await env.count(`SELECT count(*) AS n FROM notification`)).toBe(COUNT);
    expect(
      await env.count(
        `SELECT count(*) AS n FROM (SELECT follow_up_id FROM notification GROUP BY 1 HAVING count(*) > 1) d`,
      ),
    ).toBe(0);
    expect(env.smtp.distinctMessageIds()).toBe(COUNT);
    expect(new Set(env.smtp.received.map((m) => m.to)).size).toBe(COUNT);
    expect(env.smtp.received.length - COUNT).toBeLessThanOrEqual(inFlight);
  }, 720_000);
});
