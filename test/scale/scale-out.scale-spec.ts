import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { completeAnswers } from '../e2e/enrolment/enrolment-fixtures';
import { confirmationLink, webSession } from '../support/auth';
import type { TestApi } from '../support/test-api';
import { eventually, ReliabilityEnv } from '../reliability/support/reliability-env';

const SMES = 40;
const ADVISERS = 6;
const CAPACITY = 7; // 42 places for 40 cases: concurrent assignments must not overbook anyone
const SWEEP_MS = 1000;
const PASSWORD = 'scale-out-password-2026';

interface Proc {
  child: ChildProcess;
  url: string;
}

/**
 * Two api processes and two worker processes (the real entry points, as child processes) against one
 * Postgres and one Redis. Enrolments, assignments and due follow-ups go through both apis; the checks are
 * those of issue 10: no duplicate assignment, no duplicate email, throttling and sessions shared across
 * apis, one sweep per interval across workers, and nothing lost when a worker is killed.
 */
describe('scale-out: two apis and two workers on one Postgres and one Redis', () => {
  // Every SME registers from 127.0.0.1: lift the per-client registration limit for this test.
  const env = new ReliabilityEnv({
    FOLLOW_UPS_SWEEP_INTERVAL_MS: String(SWEEP_MS),
    REGISTRATIONS_PER_CLIENT_PER_HOUR: '1000',
    // This test is about correctness across processes, not latency: on a busy two-core machine the burst
    // of registrations has waited more than the default 5 s for a pool connection (answered 503).
    DATABASE_CONNECT_TIMEOUT_MS: '30000',
  });
  let apis: Proc[];
  let workers: Proc[];

  const call = async (
    api: Proc,
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<Response> =>
    fetch(`${api.url}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const tokenOn = async (api: Proc, email: string): Promise<string> => {
    const res = await call(api, 'POST', '/api/v1/auth/token', { email, password: PASSWORD });
    if (res.status !== 201) throw new Error(`token for ${email}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  };

  /** Registers on one api and confirms the emailed link on the other: both share Postgres. */
  const register = async (on: Proc, confirmOn: Proc, email: string, name: string): Promise<void> => {
    const registered = await call(on, 'POST', '/api/v1/auth/register', { email, name, password: PASSWORD });
    // The body too, so a refusal says why (a 503 names what was busy).
    expect([registered.status, await registered.text()]).toEqual([202, expect.any(String)]);
    const link = new URL(await confirmationLink(env, email), on.url);
    const confirmed = await call(confirmOn, 'POST', '/api/v1/auth/register/confirm', {
      token: link.searchParams.get('token'),
    });
    expect(confirmed.status).toBe(201);
  };

  beforeAll(async () => {
    await env.start();
    // Advisers who match every enrolment below (north-west, NACE J, US market, English).
    for (let i = 0; i < ADVISERS; i++) {
      await env.dataSource.query(
        `WITH u AS (INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, 'adviser', 'x') RETURNING id)
         INSERT INTO adviser_profiles (user_id, regions, nace_sections, markets, languages, capacity, version)
         SELECT id, '{north-west}', '{J}', '{US}', '{en}', $3, 1 FROM u`,
        [`scale-adviser-${i}@agency.example`, `Scale Adviser ${i}`, CAPACITY],
      );
    }
    [apis, workers] = await Promise.all([
      Promise.all([env.startProcess('api'), env.startProcess('api')]),
      Promise.all([env.startProcess('worker'), env.startProcess('worker')]),
    ]);
    await Promise.all([...apis, ...workers].map((p) => env.ready(p.url)));
  }, 240_000);
  afterAll(() => env.stop(), 60_000);

  it('assigns every enrolment once through either api, never over capacity, and sends each email once', async () => {
    const cases: string[] = [];
    await Promise.all(
      Array.from({ length: SMES }, async (_, i) => {
        const [a, b] = [apis[i % 2], apis[(i + 1) % 2]];
        const email = `scale-sme-${i}-${randomUUID().slice(0, 6)}@company.example`;
        await register(a, b, email, `Scale SME ${i}`);
        // A token from the other api: accounts and tokens are in Postgres, shared by both.
        const token = await tokenOn(b, email);
        const draft = await call(a, 'POST', '/api/v1/enrolments', completeAnswers(), token);
        expect(draft.status).toBe(201);
        const { id } = (await draft.json()) as { id: string };
        const submitted = await call(b, 'POST', `/api/v1/enrolments/${id}/submit`, {}, token);
        expect(submitted.status).toBe(200);
        cases.push(((await submitted.json()) as { case: { id: string } }).case.id);
      }),
    );
    expect(new Set(cases).size).toBe(SMES);

    await eventually(
      async () =>
        (await env.count(
          `SELECT count(*) AS n FROM cases WHERE id = ANY($1) AND assigned_adviser_id IS NOT NULL`,
          [cases],
        )) === SMES,
      90_000,
      'every case assigned',
    );
    // One open assignment row per case, and no more rows than cases: nobody was assigned twice.
    expect(
      await env.count(`SELECT count(*) AS n FROM case_assignments WHERE case_id = ANY($1)`, [cases]),
    ).toBe(SMES);
    expect(
      await env.count(
        `SELECT count(*) AS n FROM (SELECT case_id FROM case_assignments WHERE ended_at IS NULL
                                      GROUP BY case_id HAVING count(*) > 1) d`,
      ),
    ).toBe(0);
    // Load counters agree with the cases and never pass capacity.
    const loads = (await env.dataSource.query(
      `SELECT ap.active_cases, ap.capacity,
              (SELECT count(*)::int FROM cases c WHERE c.assigned_adviser_id = ap.user_id) AS assigned
         FROM adviser_profiles ap`,
    )) as { active_cases: number; capacity: number; assigned: number }[];
    for (const load of loads) {
      expect(load.active_cases).toBe(load.assigned);
      expect(load.assigned).toBeLessThanOrEqual(load.capacity);
    }

    // Every notification the programme created is delivered exactly once. Assignment's reminders keep
    // creating notifications for a while after the cases are assigned: compare once nothing more comes.
    const sent = await env.settledNotifications({ atLeast: 2 * SMES, quietMs: 3 * SWEEP_MS });
    expect(env.smtp.received).toHaveLength(sent);
    expect(new Set(env.smtp.received.map((m) => m.notificationId)).size).toBe(sent);
  }, 240_000);

  it('shares sign-in throttling and sessions across the two apis', async () => {
    // A web session started on one api is the same session on the other, until it signs out there.
    const other = `scale-web-${randomUUID().slice(0, 6)}@company.example`;
    await register(apis[1], apis[0], other, 'Web');
    const onA = webSession({ url: apis[0].url } as TestApi);
    await onA.get('/sign-in');
    expect((await onA.post('/sign-in', { email: other, password: PASSWORD })).status).toBe(303);
    const onB = webSession({ url: apis[1].url } as TestApi, onA.jar);
    expect((await onB.get('/home')).status).toBe(200);
    expect((await onB.post('/sign-out', {})).status).toBe(303);
    expect((await onA.get('/home')).status).toBe(302);

    const email = `scale-throttle-${randomUUID().slice(0, 6)}@company.example`;
    await register(apis[0], apis[1], email, 'Throttled');
    for (let attempt = 1; attempt <= 5; attempt++) {
      const res = await call(apis[attempt % 2], 'POST', '/api/v1/auth/token', {
        email,
        password: 'wrong-password-123',
      });
      expect(res.status).toBe(401);
    }
    // The sixth failure within the minute is refused on either api, even with the right password (and the
    // client IP's own count is shared too, which is why the session check above runs first).
    const sixth = await call(apis[0], 'POST', '/api/v1/auth/token', { email, password: PASSWORD });
    expect(sixth.status).toBe(429);
  }, 60_000);

  it('runs the sweep about once per interval however many workers there are', async () => {
    const runs = async (): Promise<number> =>
      env.count(`SELECT coalesce(max(runs), 0) AS n FROM sweep_leases WHERE name = 'follow-ups'`);
    await eventually(async () => (await runs()) > 0, 30_000, 'a first sweep');
    const before = await runs();
    const t0 = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 8 * SWEEP_MS));
    const elapsed = (Date.now() - t0) / SWEEP_MS;
    const delta = (await runs()) - before;
    // Two workers each ticking every interval would make about 2 × elapsed runs.
    expect(delta).toBeGreaterThanOrEqual(Math.floor(elapsed / 2));
    expect(delta).toBeLessThanOrEqual(Math.ceil(elapsed / 0.8) + 1);
    expect(delta).toBeLessThan(2 * elapsed - 2);
  }, 60_000);

  it('loses nothing when one worker is killed in the middle of due follow-ups', async () => {
    // The first-contact follow-ups the api-driven assignments scheduled, made due now, plus a batch of
    // re-audits due since long ago.
    const firstContacts = (await env.dataSource.query(
      `UPDATE follow_up SET due_at = now() WHERE status = 'scheduled' AND rule_code = 'first-contact' RETURNING id`,
    )) as [{ id: string }[], number];
    expect(firstContacts[1]).toBe(SMES);
    const reAudits = await env.schedule(150, {
      rule: 're-audit',
      anchorAt: new Date(Date.now() - 200 * 86_400_000),
    });
    const ids = [...firstContacts[0].map((r) => r.id), ...reAudits];
    const notified = (status?: string): Promise<number> =>
      env.count(
        `SELECT count(*) AS n FROM notification WHERE follow_up_id = ANY($1) ${status ? 'AND status = $2' : ''}`,
        status ? [ids, status] : [ids],
      );
    await eventually(async () => (await notified('sent')) >= 10, 60_000, 'the first follow-ups firing');
    await env.kill(workers[0].child, 'SIGKILL');
    const inFlight = await notified('sending');
    await eventually(
      async () => (await notified('sent')) === ids.length,
      150_000,
      'every follow-up delivered by the surviving worker',
    );
    // One notification per follow-up step, one message per notification (bar the few the kill cut off
    // between the SMTP server's acceptance and the worker hearing of it, re-sent with the same Message-ID).
    expect(await notified()).toBe(ids.length);
    const forThese = new Set(
      (
        (await env.dataSource.query(`SELECT id FROM notification WHERE follow_up_id = ANY($1)`, [ids])) as {
          id: string;
        }[]
      ).map((r) => r.id),
    );
    const delivered = env.smtp.received.filter((m) => forThese.has(m.notificationId));
    expect(new Set(delivered.map((m) => m.notificationId)).size).toBe(ids.length);
    expect(delivered.length - ids.length).toBeLessThanOrEqual(inFlight);
  }, 240_000);
});
