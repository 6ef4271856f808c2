import { IntroductionLinks } from '@app/network';
import { csrfFromHtml, webSession } from '../../support/auth';
import type { TestApi } from '../../support/test-api';
import { call } from '../../e2e/advisers/support/advisers.factory';
import { eventually, type ReliabilityEnv } from './reliability-env';

/**
 * The double-click-during-an-outage drill of an introduction, to an expert or to a peer: once the set-up's
 * own emails are out, Redis stops; the adviser asks (201: the request and its emails commit, the emails wait
 * in the outbox) and the one asked accepts twice by the link (303, then 200 changing nothing); nothing is
 * mailed meanwhile. Redis returns and the introduction's four notifications are sent. Answers its id; the
 * caller checks who got what.
 */
export async function introductionThroughOutage(
  env: ReliabilityEnv,
  api: TestApi,
  adviserToken: string,
  caseId: string,
  target: { expertId: string } | { peerId: string },
): Promise<string> {
  // The set-up sends its own emails (the enrolment is accepted); let them go out before Redis stops, so
  // that everything after this point is the introduction's.
  const created = await env.settledNotifications({ atLeast: 1, quietMs: 2_000, timeoutMs: 60_000 });
  expect(env.smtp.received).toHaveLength(created);
  const sentBeforeOutage = env.smtp.received.length;

  await env.redis.stop();
  const asked = await call(api, adviserToken, 'POST', `/api/v1/cases/${caseId}/introductions`, {
    ...target,
    purpose: 'Asked while Redis is down',
  });
  expect(asked.status).toBe(201);
  const { id } = (await asked.json()) as { id: string };
  const [row] = (await env.dataSource.query(`SELECT expires_at FROM introductions WHERE id = $1`, [id])) as {
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
  return id;
}
