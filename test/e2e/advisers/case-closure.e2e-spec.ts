import { CaseClosureService } from '@app/cases';
import { UnitOfWork } from '@app/database';
import { buildAdviser, buildBooking, buildSmeCase, buildToken, buildUser } from '../../factories';
import { signInWeb } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import { call } from './support/advisers.factory';

describe('closing and reopening a case (real Postgres)', () => {
  let api: TestApi;
  let officerToken: string;

  const caseRow = async (caseId: string) =>
    (
      (await api.dataSource.query(
        `SELECT status, stage, assigned_adviser_id, closure_reason, closure_summary, closed_at, version
           FROM cases WHERE id = $1`,
        [caseId],
      )) as {
        status: string;
        stage: string;
        assigned_adviser_id: string | null;
        closure_reason: string | null;
        closure_summary: string | null;
        closed_at: Date | null;
        version: number;
      }[]
    )[0];
  const load = async (adviserId: string) =>
    (
      (await api.dataSource.query(`SELECT active_cases FROM adviser_profiles WHERE user_id = $1`, [
        adviserId,
      ])) as { active_cases: number }[]
    )[0].active_cases;
  const openFollowUps = (caseId: string) =>
    api.dataSource.query(
      `SELECT rule_code FROM follow_up WHERE case_id = $1 AND status IN ('scheduled', 'due', 'sent', 'escalated')`,
      [caseId],
    ) as Promise<{ rule_code: string }[]>;

  beforeAll(async () => {
    api = await startTestApi();
    const officer = await buildUser(api, 'officer');
    officerToken = await buildToken(api, officer.user);
  });
  afterAll(() => api?.close());

  it('the adviser closes their case: reason and summary kept, assignment ended, reminders cancelled, SME told in Spanish', async () => {
    const adviser = await buildAdviser(api);
    const token = await buildToken(api, adviser.user);
    const { caseId, sme } = await buildSmeCase(api, { adviserId: adviser.user.id, lang: 'es' });
    expect(await openFollowUps(caseId)).toEqual([{ rule_code: 'first-contact' }]);
    expect(await load(adviser.user.id)).toBe(1);
    const before = await caseRow(caseId);

    const res = await call(
      api,
      token,
      'POST',
      `/api/v1/cases/${caseId}/close`,
      { reason: 'support-completed', summary: 'Plan agreed; exporting to France.' },
      { 'if-match': `"${before.version}"` },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; version: number };
    expect(body).toMatchObject({ status: 'closed', version: before.version + 1 });
    expect(res.headers.get('etag')).toBe(`"${before.version + 1}"`);

    expect(await caseRow(caseId)).toMatchObject({
      status: 'closed',
      stage: before.stage,
      assigned_adviser_id: adviser.user.id,
      closure_reason: 'support-completed',
      closure_summary: 'Plan agreed; exporting to France.',
    });
    // Every reminder of the case stopped; only the survey's reminder (started by the closure) is open.
    expect(await openFollowUps(caseId)).toEqual([{ rule_code: 'satisfaction-survey-reminder' }]);
    const firstContact = await api.dataSource.query(
      `SELECT status, close_reason FROM follow_up WHERE case_id = $1 AND rule_code = 'first-contact'`,
      [caseId],
    );
    expect(firstContact).toEqual([{ status: 'cancelled', close_reason: 'case closed' }]);
    expect(await load(adviser.user.id)).toBe(0);
    const [assignment] = await api.dataSource.query(
      `SELECT end_reason, end_note FROM case_assignments WHERE case_id = $1`,
      [caseId],
    );
    expect(assignment).toEqual({ end_reason: 'closed', end_note: 'support-completed' });
    const [audit] = await api.dataSource.query(
      `SELECT actor_id, before, after FROM audit_event WHERE entity_id = $1 AND action = 'case.closed'`,
      [caseId],
    );
    expect(audit.actor_id).toBe(adviser.user.id);
    expect(audit.after).toMatchObject({ status: 'closed', closureReason: 'support-completed' });
    const timeline = await api.dataSource.query(
      `SELECT data FROM case_timeline_events WHERE case_id = $1 AND kind = 'case.closed'`,
      [caseId],
    );
    expect(timeline).toHaveLength(1);
    const outbox = await api.dataSource.query(
      `SELECT payload FROM outbox_event WHERE aggregate_id = $1 AND type = 'case.closed'`,
      [caseId],
    );
    expect(outbox[0].payload).toMatchObject({
      caseId,
      reason: 'support-completed',
      adviserId: adviser.user.id,
    });
    const notices = (await api.dataSource.query(
      `SELECT kind, language, subject, body_text AS body FROM notification WHERE recipient_user_id = $1 AND kind = 'case-closed.sme'`,
      [sme.user.id],
    )) as { language: string; subject: string; body: string }[];
    expect(notices).toHaveLength(1);
    expect(notices[0].language).toBe('es');
    expect(notices[0].body).toContain('Apoyo completado');

    // The caseload's open cases no longer list it; the closed filter does.
    const open = await call(api, token, 'GET', `/api/v1/cases`);
    expect(((await open.json()) as { items: { caseId: string }[] }).items.map((c) => c.caseId)).not.toContain(
      caseId,
    );
    const closed = await call(api, token, 'GET', `/api/v1/cases?status=closed`);
    expect(((await closed.json()) as { items: { caseId: string }[] }).items.map((c) => c.caseId)).toContain(
      caseId,
    );

    // Closing twice is refused, and changes nothing.
    const again = await call(api, token, 'POST', `/api/v1/cases/${caseId}/close`, {
      reason: 'withdrew',
      summary: 'again',
    });
    expect(again.status).toBe(422);
    expect(((await again.json()) as { code: string }).code).toBe('case.closed');
  });

  it("cancels the overdue reminders of the case's pending bookings, and keeps the bookings", async () => {
    const adviser = await buildAdviser(api);
    const token = await buildToken(api, adviser.user);
    const { caseId, sme } = await buildSmeCase(api, { adviserId: adviser.user.id });
    const bookingId = await buildBooking(api, sme.user, caseId, { moduleCode: 'social-media-foundations' });
    const overdue = () =>
      api.dataSource.query(
        `SELECT status FROM follow_up WHERE case_id = $1 AND rule_code = 'training-overdue' AND subject_key = $2`,
        [caseId, bookingId],
      ) as Promise<{ status: string }[]>;
    expect(await overdue()).toEqual([{ status: 'scheduled' }]);
    const res = await call(api, token, 'POST', `/api/v1/cases/${caseId}/close`, {
      reason: 'withdrew',
      summary: 'Left the programme',
    });
    expect(res.status).toBe(200);
    expect(await overdue()).toEqual([{ status: 'cancelled' }]);
    const [booking] = await api.dataSource.query(`SELECT status FROM training_booking WHERE id = $1`, [
      bookingId,
    ]);
    expect(booking.status).toBe('booked');
  });

  it('refuses an unknown reason, a blank summary and a stale version with field-level problems', async () => {
    const adviser = await buildAdviser(api);
    const token = await buildToken(api, adviser.user);
    const { caseId } = await buildSmeCase(api, { adviserId: adviser.user.id });
    const version = (await caseRow(caseId)).version;

    const bad = await call(api, token, 'POST', `/api/v1/cases/${caseId}/close`, {
      reason: 'bored',
      summary: ' ',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await bad.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['summary']);
    const unknown = await call(api, token, 'POST', `/api/v1/cases/${caseId}/close`, {
      reason: 'bored',
      summary: 'fine',
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'reason',
    ]);

    const stale = await call(
      api,
      token,
      'POST',
      `/api/v1/cases/${caseId}/close`,
      { reason: 'withdrew', summary: 'They left' },
      { 'if-match': `"${version - 1}"` },
    );
    expect(stale.status).toBe(409);
    expect((await caseRow(caseId)).status).toBe('active');
  });

  it('another adviser gets 404; an officer may close any case', async () => {
    const adviser = await buildAdviser(api);
    const other = await buildAdviser(api);
    const { caseId } = await buildSmeCase(api, { adviserId: adviser.user.id });
    const denied = await call(
      api,
      await buildToken(api, other.user),
      'POST',
      `/api/v1/cases/${caseId}/close`,
      {
        reason: 'withdrew',
        summary: 'No',
      },
    );
    expect(denied.status).toBe(404);
    const byOfficer = await call(api, officerToken, 'POST', `/api/v1/cases/${caseId}/close`, {
      reason: 'not-eligible',
      summary: 'Review found it is not an SME',
    });
    expect(byOfficer.status).toBe(200);
    expect((await caseRow(caseId)).closure_reason).toBe('not-eligible');
  });

  it('reopening gives the case back to its adviser when they have room, else assigns it normally', async () => {
    const adviser = await buildAdviser(api, { capacity: 1 });
    const token = await buildToken(api, adviser.user);
    const { caseId, sme } = await buildSmeCase(api, { adviserId: adviser.user.id });
    await call(api, token, 'POST', `/api/v1/cases/${caseId}/close`, {
      reason: 'withdrew',
      summary: 'Paused',
    });
    const surveyReminder = { rule_code: 'satisfaction-survey-reminder' };
    expect(await openFollowUps(caseId)).toContainEqual(surveyReminder);

    const blank = await call(api, token, 'POST', `/api/v1/cases/${caseId}/reopen`, { reason: '' });
    expect(blank.status).toBe(400);
    const res = await call(api, token, 'POST', `/api/v1/cases/${caseId}/reopen`, { reason: 'They are back' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'active', assignedAdviserId: adviser.user.id });
    expect(await caseRow(caseId)).toMatchObject({ status: 'active', closure_reason: null, closed_at: null });
    expect(await load(adviser.user.id)).toBe(1);
    const [spell] = await api.dataSource.query(
      `SELECT method, reason FROM case_assignments WHERE case_id = $1 AND ended_at IS NULL`,
      [caseId],
    );
    expect(spell).toEqual({ method: 'reopened', reason: 'They are back' });
    const reopened = await api.dataSource.query(
      `SELECT 1 FROM notification WHERE recipient_user_id = $1 AND kind = 'case-reopened.sme'`,
      [sme.user.id],
    );
    expect(reopened).toHaveLength(1);
    // Support goes on: the company is no longer chased for its survey of support that ended.
    expect(await openFollowUps(caseId)).not.toContainEqual(surveyReminder);
    const again = await call(api, token, 'POST', `/api/v1/cases/${caseId}/reopen`, { reason: 'twice' });
    expect(again.status).toBe(422);

    // Closed again, and meanwhile the adviser's only place is taken: reopening assigns it normally.
    await call(api, token, 'POST', `/api/v1/cases/${caseId}/close`, {
      reason: 'withdrew',
      summary: 'Paused',
    });
    await buildSmeCase(api, { adviserId: adviser.user.id });
    await api.dataSource.query(`UPDATE adviser_profiles SET active = false WHERE user_id <> $1`, [
      adviser.user.id,
    ]);
    const spare = await buildAdviser(api, { capacity: 5 });
    const second = await call(api, officerToken, 'POST', `/api/v1/cases/${caseId}/reopen`, {
      reason: 'Officer reopens',
    });
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ status: 'active', assignedAdviserId: spare.user.id });
  });

  it('is callable inside another transaction (a merge closes its duplicate this way)', async () => {
    const adviser = await buildAdviser(api);
    const { caseId } = await buildSmeCase(api, { adviserId: adviser.user.id });
    const closure = api.app.get(CaseClosureService);
    await expect(
      api.app.get(UnitOfWork).run(async (m) => {
        await closure.close(
          m,
          caseId,
          { reason: 'duplicate', summary: 'Merged' },
          { context: { actorId: null } },
        );
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await caseRow(caseId)).status).toBe('active');
    expect(await load(adviser.user.id)).toBe(1);
    const closed = await api.app
      .get(UnitOfWork)
      .run((m) =>
        closure.close(m, caseId, { reason: 'duplicate', summary: 'Merged' }, { context: { actorId: null } }),
      );
    expect(closed).toMatchObject({ status: 'closed', closureReason: 'duplicate' });
    expect(await load(adviser.user.id)).toBe(0);
  });

  it('the case page closes and reopens with GOV.UK error summaries, CSRF-protected forms', async () => {
    const adviser = await buildAdviser(api);
    const { caseId } = await buildSmeCase(api, { adviserId: adviser.user.id });
    const web = await signInWeb(api, adviser.user.email, adviser.password);
    const page = await (await web.get(`/cases/${caseId}`)).text();
    expect(page).toContain('Close this case');
    expect(page).toContain('Duplicate of another case');
    const version = /action="\/cases\/[^"]+\/close"[\s\S]*?name="version" value="(\d+)"/.exec(page)![1];

    const empty = await web.post(`/cases/${caseId}/close`, { version, reason: '', summary: '' });
    expect(empty.status).toBe(400);
    const errors = await empty.text();
    expect(errors).toMatch(/<title>Error:/);
    expect(errors).toContain('href="#close-reason"');
    expect(errors).toContain('href="#close-summary"');
    expect(errors).toContain('Choose why the case is closing');
    expect(errors).toContain('Enter a closing summary');
    expect((await caseRow(caseId)).status).toBe('active');

    const closed = await web.post(`/cases/${caseId}/close`, {
      version,
      reason: 'exporting-proactively',
      summary: 'Now exporting to three markets',
    });
    expect(closed.status).toBe(303);
    expect(closed.headers.get('location')).toBe(`/cases/${caseId}?notice=closed`);
    const after = await (await web.get(`/cases/${caseId}?notice=closed`)).text();
    expect(after).toContain('This case is closed');
    expect(after).toContain('Exporting proactively');
    expect(after).toContain('Now exporting to three markets');
    expect(after).not.toContain('Log an interaction');
    expect(after).toContain('Reopen this case');

    // The old form (stale version) is refused with the conflict banner, not a second closure.
    const stale = await web.post(`/cases/${caseId}/close`, { version, reason: 'withdrew', summary: 'x' });
    expect(stale.status).toBe(409);

    const newVersion = /action="\/cases\/[^"]+\/reopen"[\s\S]*?name="version" value="(\d+)"/.exec(after)![1];
    const blank = await web.post(`/cases/${caseId}/reopen`, { version: newVersion, reason: ' ' });
    expect(blank.status).toBe(400);
    const blankPage = await blank.text();
    expect(blankPage).toContain('href="#reopen-reason"');
    expect(blankPage).toContain('Enter why the case is reopening');
    const reopened = await web.post(`/cases/${caseId}/reopen`, {
      version: newVersion,
      reason: 'New market plans',
    });
    expect(reopened.status).toBe(303);
    expect(reopened.headers.get('location')).toBe(`/cases/${caseId}?notice=reopened`);
    expect(await caseRow(caseId)).toMatchObject({ status: 'active', assigned_adviser_id: adviser.user.id });

    // Without the CSRF token the form is refused and nothing changes.
    const forged = await web.post(`/cases/${caseId}/close`, {
      _csrf: 'forged',
      reason: 'withdrew',
      summary: 'x',
    });
    expect(forged.status).toBe(403);
    expect((await caseRow(caseId)).status).toBe('active');
  });
});
