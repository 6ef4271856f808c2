import { buildAdviser, buildCase, buildExpert, buildToken, buildUser } from '../factories';
import { startTestApi, TestApi } from '../support/test-api';
import { introductionThroughOutage } from './support/introduction-outage';
import { ReliabilityEnv } from './support/reliability-env';

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
    await introductionThroughOutage(env, api, token, caseId, { expertId });
    const to = (address: string) => env.smtp.received.filter((m) => m.to === address).map((m) => m.subject);
    expect(to(expertEmail)).toHaveLength(2);
    expect(to(sme.user.email).filter((s) => s.includes('Outage Expert'))).toHaveLength(1);
    expect(to(adviser.user.email).filter((s) => s.includes('accepted'))).toHaveLength(1);
  }, 180_000);
});
