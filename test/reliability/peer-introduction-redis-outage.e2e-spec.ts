import { PeersService } from '@app/network';
import { buildAdviser, buildCase, buildToken } from '../factories';
import { startTestApi, TestApi } from '../support/test-api';
import { introductionThroughOutage } from './support/introduction-outage';
import { ReliabilityEnv } from './support/reliability-env';

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
    await introductionThroughOutage(env, api, token, caseId, { peerId: peer.id });
    const to = (address: string) => env.smtp.received.filter((m) => m.to === address);
    // The peer's contact: the request, then the SME's details; the SME: the peer's details, once.
    const toPeer = to(peerCase.sme.user.email).slice(-2);
    expect(toPeer).toHaveLength(2);
    expect(toPeer.some((m) => m.text.includes(sme.user.email))).toBe(true);
    expect(to(sme.user.email).filter((m) => m.subject.includes('Outage Peer SL'))).toHaveLength(1);
    expect(to(adviser.user.email).filter((m) => m.subject.includes('accepted'))).toHaveLength(1);
  }, 180_000);
});
