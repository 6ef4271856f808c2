import { readJson } from '../../support/http';
import { signInWeb } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import { buildAdviser, buildCase, buildSmeCase, buildToken, buildUser } from '../../factories';
import { call } from './support/advisers.factory';

const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('correcting and voiding interactions; dates before the case or in the future (real Postgres)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const work = async (caseId: string) =>
    (
      (await api.dataSource.query(
        `SELECT first_contact_on::text AS first_on, last_contact_on::text AS last_on FROM case_work WHERE case_id = $1`,
        [caseId],
      )) as { first_on: string | null; last_on: string | null }[]
    )[0];

  it('refuses an interaction dated before the case opened or in the future, field by field', async () => {
    const adviser = await buildAdviser(api);
    const token = await buildToken(api, adviser.user);
    const { caseId } = await buildSmeCase(api, { adviserId: adviser.user.id });
    const before = await call(api, token, 'POST', `/api/v1/cases/${caseId}/interactions`, {
      kind: 'call',
      occurredOn: daysAgo(3),
      notes: 'Spoke before they enrolled',
    });
    expect(before.status).toBe(400);
    expect(before.headers.get('content-type')).toContain('application/problem+json');
    expect((await readJson(before)).errors).toEqual([
      expect.objectContaining({ field: 'occurredOn', code: 'before_case_opened' }),
    ]);
    const future = await call(api, token, 'POST', `/api/v1/cases/${caseId}/interactions`, {
      kind: 'call',
      occurredOn: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
      notes: 'Not yet',
    });
    expect(future.status).toBe(400);
    expect((await readJson(future)).errors).toEqual([
      expect.objectContaining({ field: 'occurredOn', code: 'future' }),
    ]);
    const count = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM interactions WHERE case_id = $1`,
      [caseId],
    );
    expect(count[0].n).toBe(0);

    // The page form answers with the GOV.UK error summary linking to the date.
    const web = await signInWeb(api, adviser.user.email, adviser.password);
    const page = await (await web.get(`/cases/${caseId}`)).text();
    const version = /name="version" value="(\d+)"/.exec(page)![1];
    const res = await web.post(`/cases/${caseId}/interactions`, {
      version,
      kind: 'call',
      occurredOn: daysAgo(3),
      notes: 'Spoke before they enrolled',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('href="#occurredOn"');
    expect(html).toContain('The date of the interaction cannot be before the case opened');
  });

  it('corrects with a reason (audit before/after) and voids with a reason: kept in history, out of contacts and KPIs', async () => {
    const adviser = await buildAdviser(api);
    const token = await buildToken(api, adviser.user);
    const { caseId } = await buildCase(api, { adviserId: adviser.user.id, openedDaysAgo: 30 });
    const log = async (occurredOn: string, notes: string) =>
      (await readJson(
        await call(api, token, 'POST', `/api/v1/cases/${caseId}/interactions`, {
          kind: 'call',
          occurredOn,
          notes,
          barriers: ['operational'],
        }),
      )) as { interaction: { id: string }; version: number };
    const first = await log(daysAgo(10), 'Logged on the wrong case');
    const second = await log(daysAgo(5), 'Real call');
    expect(await work(caseId)).toEqual({ first_on: daysAgo(10), last_on: daysAgo(5) });

    const correct = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      call(api, token, 'PUT', `/api/v1/cases/${caseId}/interactions/${second.interaction.id}`, body, headers);
    const missingReason = await correct({ kind: 'meeting', occurredOn: daysAgo(4), notes: 'Real meeting' });
    expect(missingReason.status).toBe(400);
    expect((await readJson(missingReason)).errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    const tooEarly = await correct({
      kind: 'meeting',
      occurredOn: daysAgo(40),
      notes: 'Real meeting',
      reason: 'Wrong date',
    });
    expect(tooEarly.status).toBe(400);
    const corrected = await correct(
      {
        kind: 'meeting',
        occurredOn: daysAgo(4),
        notes: 'Real meeting',
        barriers: ['operational'],
        reason: 'It was a meeting, a day later',
      },
      { 'if-match': `"${second.version}"` },
    );
    expect(corrected.status).toBe(200);
    const [audit] = await api.dataSource.query(
      `SELECT before, after FROM audit_event WHERE action = 'interaction.corrected' AND entity_id = $1`,
      [caseId],
    );
    expect(audit.before).toMatchObject({ kind: 'call', occurredOn: daysAgo(5) });
    expect(audit.after).toMatchObject({
      kind: 'meeting',
      occurredOn: daysAgo(4),
      reason: 'It was a meeting, a day later',
    });

    const voidIt = (interactionId: string, reason: string, headers: Record<string, string> = {}) =>
      call(
        api,
        token,
        'POST',
        `/api/v1/cases/${caseId}/interactions/${interactionId}/void`,
        { reason },
        headers,
      );

    // A stale version is refused.
    const stale = await voidIt(first.interaction.id, 'Wrong case', { 'if-match': `"${second.version}"` });
    expect(stale.status).toBe(409);
    const voided = await voidIt(first.interaction.id, 'Logged on the wrong case');
    expect(voided.status).toBe(200);
    expect(await work(caseId)).toEqual({ first_on: daysAgo(4), last_on: daysAgo(4) });
    const rows = await api.dataSource.query(
      `SELECT id, void_reason, voided_by_id FROM interactions WHERE case_id = $1 ORDER BY occurred_on`,
      [caseId],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      id: first.interaction.id,
      void_reason: 'Logged on the wrong case',
      voided_by_id: adviser.user.id,
    });
    const again = await voidIt(first.interaction.id, 'twice');
    expect(again.status).toBe(422);
    const unknown = await voidIt(caseId, 'no such interaction');
    expect(unknown.status).toBe(404);

    // The case page still lists the voided one, marked; the timeline says so.
    const web = await signInWeb(api, adviser.user.email, adviser.password);
    const page = await (await web.get(`/cases/${caseId}`)).text();
    expect(page).toContain('Voided: Logged on the wrong case');
    expect(page).toContain('Interaction voided: Logged on the wrong case');

    // KPIs: only the interaction that stands counts (the voided one's barrier does not).
    const officer = await buildToken(api, (await buildUser(api, 'officer')).user);
    const report = await call(
      api,
      officer,
      'GET',
      `/api/v1/reports/kpis?from=${daysAgo(30)}&to=${daysAgo(0)}&format=json`,
    );
    expect(report.status).toBe(200);
    const kpis = (
      (await readJson(report)).groups as { kpis: { key: string; value: number | null }[] }[]
    ).flatMap((g) => g.kpis);
    expect(kpis.find((k) => k.key === 'barriers.in_interactions')?.value).toBe(1);
  });

  it('the interaction page corrects and voids with error summaries', async () => {
    const adviser = await buildAdviser(api);
    const { caseId } = await buildCase(api, { adviserId: adviser.user.id, openedDaysAgo: 30 });
    const token = await buildToken(api, adviser.user);
    const logged = (await readJson(
      await call(api, token, 'POST', `/api/v1/cases/${caseId}/interactions`, {
        kind: 'call',
        occurredOn: daysAgo(2),
        notes: 'First call',
      }),
    )) as { interaction: { id: string } };
    const web = await signInWeb(api, adviser.user.email, adviser.password);
    const path = `/cases/${caseId}/interactions/${logged.interaction.id}`;
    const page = await (await web.get(path)).text();
    expect(page).toContain('Correct or void an interaction');
    const version = /name="version" value="(\d+)"/.exec(page)![1];
    const bad = await web.post(path, {
      version,
      kind: 'call',
      occurredOn: daysAgo(2),
      notes: 'First call',
      reason: '',
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('href="#correct-reason"');
    const ok = await web.post(path, {
      version,
      kind: 'email',
      occurredOn: daysAgo(2),
      notes: 'First email',
      reason: 'It was an email',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/cases/${caseId}?notice=interaction_corrected`);
    const page2 = await (await web.get(path)).text();
    const version2 = /name="version" value="(\d+)"/.exec(page2)![1];
    const blank = await web.post(path, { action: 'void', version: version2, reason: '' });
    expect(blank.status).toBe(400);
    expect(await blank.text()).toContain('href="#void-reason"');
    const voided = await web.post(path, { action: 'void', version: version2, reason: 'Duplicate entry' });
    expect(voided.status).toBe(303);
    const kinds = await api.dataSource.query(
      `SELECT kind, void_reason FROM interactions WHERE case_id = $1`,
      [caseId],
    );
    expect(kinds).toEqual([{ kind: 'email', void_reason: 'Duplicate entry' }]);
  });
});
