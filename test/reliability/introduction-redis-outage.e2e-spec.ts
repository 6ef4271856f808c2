import { IntroductionLinks } from '@app/network';
import { buildAdviser, buildCase, buildExpert, buildToken, buildUser } from '../factories';
import { csrfFromHtml, webSession } from '../support/auth';
import { startTestApi, TestApi } from '../support/test-api';
import { call } from '../e2e/advisers/support/advisers.factory';
import { eventually, ReliabilityEnv } from './support/reliability-env';

/**
 * An introduction asked for and accepted (twice: a double click) while Redis is down: both commit (the
 * emails wait in the outbox), and once Redis returns each side gets each email exactly once.
 */
describe('reliability: an introduction during a Redis outage', () => {
  const env = new ReliabilityEnv({ FOLLOW_UPS_SWEEP_INTERVAL_MS: '5000' });
  let api: TestApi | undefined;
  beforeAll(() => env.start(), 30_000);
  afterAll(async () => {
    await api?.close();
    await env.stop();
  }, 30_000);

  it('asks and accepts without Redis, then sends each email once', async () => {
    await env.startWorker();
    api = await startTestApi({
      DATABASE_URL: env.database.url,
      REDIS_URL: env.redis.url,
      REDIS_PREFIX: env.prefix,
    });
    const officer = await buildUser(api, 'officer');
    const adviser = await buildAdviser(api);
    const token = await buildToken(api, adviser.user);
    const { caseId, sme } = await buildCase(api, { adviserId: adviser.user.id });
    const expertEmail = `outage.expert@mentors.example`;
    const expertId = await buildExpert(api, officer.user, { name: 'Outage Expert', email: expertEmail });
    // The set-up sends its own emails (the enrolment is accepted); let them go out before Redis stops, so
    // that everything after this point is the introduction's.
    const created = await env.settledNotifications({ atLeast: 1, quietMs: 2_000, timeoutMs: 60_000 });
    expect(env.smtp.received).toHaveLength(created);
    const sentBeforeOutage = env.smtp.received.length;

    await env.redis.stop();
    const asked = await call(api, token, 'POST', `/api/v1/cases/${caseId}/introductions`, {
      expertId,
      purpose: 'Asked while Redis is down',
    });
    expect(asked.status).toBe(201);
    const { id } = (await asked.json()) as { id: string };
    const [row] = (await env.dataSource.query(`SELECT expires_at FROM introductions WHERE id = $1`, [
      id,
    ])) as {
      expires_at: Date;
    }[];
    const path = new URL(api.app.get(IntroductionLinks).url(id, row.expires_at, 'en', 'accept')).pathname;
    const expert = webSession(api);
    const csrf = csrfFromHtml(await (await expert.get(path)).text());
    expect((await expert.post(path, { _csrf: csrf, decision: 'accept' })).status).toBe(303);
    expect((await expert.post(path, { _csrf: csrf, decision: 'accept' })).status).toBe(200);
    expect(env.smtp.received.slice(sentBeforeOutage)).toEqual([]);

    await env.redis.start();
    const kinds = `SELECT count(*) AS n FROM notification WHERE idempotency_key LIKE $1`;
    await eventually(
      async () =>
        (await env.count(`${kinds} AND status = 'sent'`, [`introduction:${id}:%`])) === 4 &&
        (await env.count(`SELECT count(*) AS n FROM outbox_event WHERE processed_at IS NULL`)) === 0,
      90_000,
      'the introduction emails sent after Redis returned',
    );
    expect(await env.count(kinds, [`introduction:${id}:%`])).toBe(4);
    const to = (address: string) => env.smtp.received.filter((m) => m.to === address).map((m) => m.subject);
    expect(to(expertEmail)).toHaveLength(2);
    expect(to(sme.user.email).filter((s) => s.includes('Outage Expert'))).toHaveLength(1);
    expect(to(adviser.user.email).filter((s) => s.includes('accepted'))).toHaveLength(1);
  }, 180_000);
});
