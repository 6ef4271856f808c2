import { IntroductionLinks, PeersService } from '@app/network';
import { buildAdviser, buildCase, buildToken } from '../factories';
import { csrfFromHtml, webSession } from '../support/auth';
import { startTestApi, TestApi } from '../support/test-api';
import { call } from '../e2e/advisers/support/advisers.factory';
import { eventually, ReliabilityEnv } from './support/reliability-env';

/**
 * An introduction to a peer company asked for and accepted (twice: a double click) while Redis is down:
 * both commit (the emails wait in the outbox), and once Redis returns each side gets each email once.
 */
describe('reliability: a peer introduction during a Redis outage', () => {
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
    const adviser = await buildAdviser(api);
    const token = await buildToken(api, adviser.user);
    const { caseId, sme } = await buildCase(api, { adviserId: adviser.user.id, targetMarkets: ['DE'] });
    const peerCase = await buildCase(api, { company: { legalName: 'Outage Peer SL' } });
    const peer = await api.app.get(PeersService).save(
      {
        id: peerCase.sme.user.id,
        email: peerCase.sme.user.email,
        name: peerCase.sme.user.name,
        role: 'sme',
      },
      {
        markets: ['DE'],
        topics: ['product_market'],
        languages: ['en'],
        capacityPerMonth: 2,
        consent: true,
      },
      undefined,
      { actorId: peerCase.sme.user.id, requestId: 'test' },
    );
    const created = await env.settledNotifications({ atLeast: 1, quietMs: 2_000, timeoutMs: 60_000 });
    expect(env.smtp.received).toHaveLength(created);
    const sentBeforeOutage = env.smtp.received.length;

    await env.redis.stop();
    const asked = await call(api, token, 'POST', `/api/v1/cases/${caseId}/introductions`, {
      peerId: peer.id,
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
    const visitor = webSession(api);
    const csrf = csrfFromHtml(await (await visitor.get(path)).text());
    expect((await visitor.post(path, { _csrf: csrf, decision: 'accept' })).status).toBe(303);
    expect((await visitor.post(path, { _csrf: csrf, decision: 'accept' })).status).toBe(200);
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
    const to = (address: string) => env.smtp.received.filter((m) => m.to === address);
    // The peer's contact: the request, then the SME's details; the SME: the peer's details, once.
    const toPeer = to(peerCase.sme.user.email).slice(-2);
    expect(toPeer).toHaveLength(2);
    expect(toPeer.some((m) => m.text.includes(sme.user.email))).toBe(true);
    expect(to(sme.user.email).filter((m) => m.subject.includes('Outage Peer SL'))).toHaveLength(1);
    expect(to(adviser.user.email).filter((m) => m.subject.includes('accepted'))).toHaveLength(1);
  }, 180_000);
});
