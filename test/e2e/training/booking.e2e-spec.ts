import { readJson } from '../../support/http';
import type { TestApi } from '../../support/test-api';
import {
  addSession,
  call,
  apiWithCallers,
  caller,
  Caller,
  caseFor,
  completePrerequisites,
  count,
  moveSession,
} from './support/training.factory';

// Several HTTP round trips per test; the whole suite shares two cores with browser tests.
jest.setTimeout(120_000);
describe('training: catalogue, booking, waitlist and cancellation', () => {
  let api: TestApi;
  let officer: Caller;
  let smeA: Caller;
  let smeB: Caller;

  beforeAll(async () => {
    [api, officer, smeA, smeB] = await apiWithCallers('officer', 'sme', 'sme');
  });
  afterAll(() => api?.close());

  it('serves the catalogue seeded from config, in three languages', async () => {
    const res = await call(api, smeA.token, 'GET', '/api/v1/training/modules');
    expect(res.status).toBe(200);
    const { items } = await readJson(res);
    expect(items).toHaveLength(10);
    const linkedin = items.find((m: { code: string }) => m.code === 'linkedin-b2b-prospecting');
    expect(linkedin).toMatchObject({
      format: 'webinar',
      level: 'intermediate',
      completionCriterion: 'attendance',
      platforms: ['linkedin'],
    });
    expect(linkedin.title.de).toBe('LinkedIn-Akquise für B2B-Exportkontakte');
    expect(linkedin.prerequisites).toEqual(['social-media-foundations']);
  });

  it('gives 20 simultaneous bookings for the last 3 seats exactly 3 places and 17 waitlist spots; a cancellation promotes the first waiting', async () => {
    const sessionId = await addSession(api, officer.token, 'linkedin-b2b-prospecting', { capacity: 5 });
    for (let i = 0; i < 2; i++) {
      const c = await caseFor(api, null);
      await completePrerequisites(api, c.id, 'linkedin-b2b-prospecting');
      const res = await call(api, officer.token, 'POST', `/api/v1/cases/${c.id}/training`, {
        moduleCode: 'linkedin-b2b-prospecting',
        sessionId,
      });
      expect(res.status).toBe(201);
    }
    const cases = await Promise.all(Array.from({ length: 20 }, () => caseFor(api, null)));
    for (const c of cases) await completePrerequisites(api, c.id, 'linkedin-b2b-prospecting');
    const responses = await Promise.all(
      cases.map((c) =>
        call(api, officer.token, 'POST', `/api/v1/cases/${c.id}/training`, {
          moduleCode: 'linkedin-b2b-prospecting',
          sessionId,
          waitlist: true,
        }),
      ),
    );
    const bodies = await Promise.all(responses.map(readJson));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(bodies.filter((b) => b.status === 'booked')).toHaveLength(3);
    expect(bodies.filter((b) => b.status === 'waitlisted')).toHaveLength(17);
    expect(
      await count(api, `SELECT 1 FROM training_booking WHERE session_id = $1 AND status = 'booked'`, [
        sessionId,
      ]),
    ).toBe(5);

    const waiting = (await api.dataSource.query(
      `SELECT id FROM training_booking WHERE session_id = $1 AND status = 'waitlisted' ORDER BY seq`,
      [sessionId],
    )) as { id: string }[];
    // The first waiting case belongs to SME B, who enrolled in German: it is told in German.
    const [{ case_id: promotedCase }] = (await api.dataSource.query(
      `SELECT case_id FROM training_booking WHERE id = $1`,
      [waiting[0].id],
    )) as { case_id: string }[];
    await api.dataSource.query(
      `UPDATE enrolments SET language = 'de', user_id = $2 WHERE id = (SELECT enrolment_id FROM cases WHERE id = $1)`,
      [promotedCase, smeB.user.id],
    );
    // Emails about a case go to its company's primary contact: SME B, in German.
    await api.dataSource.query(
      `UPDATE company_contacts SET user_id = $2, preferred_language = 'de'
        WHERE company_id = (SELECT company_id FROM cases WHERE id = $1) AND is_primary`,
      [promotedCase, smeB.user.id],
    );
    const someBooked = bodies.find((b) => b.status === 'booked')!;
    const cancel = await call(api, officer.token, 'PATCH', `/api/v1/training/bookings/${someBooked.id}`, {
      action: 'cancel',
    });
    expect(cancel.status).toBe(200);
    expect((await readJson(cancel)).status).toBe('cancelled');

    const promoted = await call(api, officer.token, 'GET', `/api/v1/training/bookings/${waiting[0].id}`);
    expect(await readJson(promoted)).toMatchObject({ status: 'booked' });
    expect(
      await count(api, `SELECT 1 FROM training_booking WHERE session_id = $1 AND status = 'booked'`, [
        sessionId,
      ]),
    ).toBe(5);
    expect(
      await count(api, `SELECT 1 FROM training_booking WHERE id = $1 AND status = 'waitlisted'`, [
        waiting[1].id,
      ]),
    ).toBe(1);
    // The promoted SME's place is announced like any booking (follow-ups schedule from it).
    expect(
      await count(api, `SELECT 1 FROM outbox_event WHERE type = 'training.booked' AND aggregate_id = $1`, [
        waiting[0].id,
      ]),
    ).toBe(1);
    expect(
      await count(
        api,
        `SELECT 1 FROM case_timeline_events WHERE kind = 'training.promoted' AND ref_id = $1`,
        [waiting[0].id],
      ),
    ).toBe(1);
    // The SME is told, in its language, in-app and by email (the notification's outbox row), and only it.
    const told = (await api.dataSource.query(
      `SELECT n.id, n.subject, n.body_text, n.language, n.recipient_user_id = e.user_id AS to_sme
         FROM notification n JOIN cases c ON c.id = n.case_id JOIN enrolments e ON e.id = c.enrolment_id
        WHERE n.kind = 'training-promoted.sme'`,
    )) as { id: string; subject: string; body_text: string; language: string; to_sme: boolean }[];
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ language: 'de', to_sme: true });
    expect(told[0].subject).toMatch(/^Sie haben einen Platz: „LinkedIn-Akquise für B2B-Exportkontakte“ am /);
    expect(
      await count(
        api,
        `SELECT 1 FROM outbox_event WHERE type = 'notification.created' AND aggregate_id = $1`,
        [told[0].id],
      ),
    ).toBe(1);
    // And the booking's reminders apply to the promoted place.
    expect(
      await count(
        api,
        `SELECT 1 FROM follow_up WHERE rule_code = 'training-overdue' AND subject_key = $1 AND status = 'scheduled'`,
        [waiting[0].id],
      ),
    ).toBe(1);
  });

  it('refuses a full session without the waitlist flag, offering the waitlist, and writes nothing', async () => {
    const sessionId = await addSession(api, officer.token, 'selling-online-marketplaces', { capacity: 1 });
    const first = await caseFor(api, null);
    expect(
      (
        await call(api, officer.token, 'POST', `/api/v1/cases/${first.id}/training`, {
          moduleCode: 'selling-online-marketplaces',
          sessionId,
        })
      ).status,
    ).toBe(201);
    const theCase = await caseFor(api, smeA);
    const before = await count(api, `SELECT 1 FROM training_booking`);
    const outboxBefore = await count(api, `SELECT 1 FROM outbox_event`);
    const res = await call(api, smeA.token, 'POST', `/api/v1/cases/${theCase.id}/training`, {
      moduleCode: 'selling-online-marketplaces',
      sessionId,
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await readJson(res)).toMatchObject({ code: 'training.session_full', waitlistAvailable: true });
    expect(await count(api, `SELECT 1 FROM training_booking`)).toBe(before);
    expect(await count(api, `SELECT 1 FROM outbox_event`)).toBe(outboxBefore);

    const waitlisted = await call(api, smeA.token, 'POST', `/api/v1/cases/${theCase.id}/training`, {
      moduleCode: 'selling-online-marketplaces',
      sessionId,
      waitlist: true,
    });
    expect(waitlisted.status).toBe(201);
    expect(await readJson(waitlisted)).toMatchObject({ status: 'waitlisted', onBehalf: false });
  });

  it('refuses a past session, a retired module and the same module twice with the reason, writing nothing', async () => {
    const theCase = await caseFor(api, smeA);
    const past = await addSession(api, officer.token, 'agents-distributors-networks', { startsInHours: -24 });
    const before = await count(api, `SELECT 1 FROM training_booking`);

    const pastRes = await call(api, smeA.token, 'POST', `/api/v1/cases/${theCase.id}/training`, {
      moduleCode: 'agents-distributors-networks',
      sessionId: past,
    });
    expect(pastRes.status).toBe(422);
    expect(await readJson(pastRes)).toMatchObject({ code: 'training.session_in_past' });

    const retire = await call(
      api,
      officer.token,
      'PATCH',
      '/api/v1/training/modules/measuring-results-by-country',
      { retired: true },
    );
    expect(retire.status).toBe(200);
    expect(await readJson(retire)).toMatchObject({ retired: true });
    const retiredRes = await call(api, smeA.token, 'POST', `/api/v1/cases/${theCase.id}/training`, {
      moduleCode: 'measuring-results-by-country',
    });
    expect(retiredRes.status).toBe(422);
    expect(await readJson(retiredRes)).toMatchObject({ code: 'training.module_retired' });
    // Retired modules leave the SME catalogue but stay for staff and history.
    const smeList = await readJson(await call(api, smeA.token, 'GET', '/api/v1/training/modules'));
    expect(smeList.items.map((m: { code: string }) => m.code)).not.toContain('measuring-results-by-country');
    const staffList = await readJson(
      await call(api, officer.token, 'GET', '/api/v1/training/modules?includeRetired=true'),
    );
    expect(staffList.items.map((m: { code: string }) => m.code)).toContain('measuring-results-by-country');
    expect(await count(api, `SELECT 1 FROM training_booking`)).toBe(before);

    const once = await call(api, smeA.token, 'POST', `/api/v1/cases/${theCase.id}/training`, {
      moduleCode: 'social-media-foundations',
    });
    expect(once.status).toBe(201);
    const twice = await call(api, smeA.token, 'POST', `/api/v1/cases/${theCase.id}/training`, {
      moduleCode: 'social-media-foundations',
    });
    expect(twice.status).toBe(409);
    expect(await readJson(twice)).toMatchObject({ code: 'training.already_booked' });
    expect(await count(api, `SELECT 1 FROM training_booking WHERE case_id = $1`, [theCase.id])).toBe(1);

    const bad = await call(api, smeA.token, 'POST', `/api/v1/cases/${theCase.id}/training`, {
      moduleCode: 'Not A Code',
      sessionId: 'x',
      extra: 1,
    });
    expect(bad.status).toBe(400);
    const fields = (await readJson(bad)).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['moduleCode', 'sessionId', 'extra']));
  });

  it('books once per Idempotency-Key: a retry gets the first answer, a different body with the key is refused', async () => {
    const theCase = await caseFor(api, smeA);
    await completePrerequisites(api, theCase.id, 'linkedin-b2b-prospecting');
    const sessionId = await addSession(api, officer.token, 'linkedin-b2b-prospecting', { capacity: 5 });
    const post = (body: Record<string, unknown>, key: string): Promise<Response> =>
      fetch(`${api.url}/api/v1/cases/${theCase.id}/training`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${smeA.token}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify(body),
      });
    const body = { moduleCode: 'linkedin-b2b-prospecting', sessionId };
    const key = `booking-${theCase.id}`;
    const answers = await Promise.all([post(body, key), post(body, key), post(body, key)]);
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    const bodies = await Promise.all(answers.map((r) => readJson(r)));
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(answers.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
    const booked = `SELECT 1 FROM training_booking WHERE case_id = $1 AND status <> 'completed'`;
    expect(await count(api, booked, [theCase.id])).toBe(1);
    expect(
      await count(api, `SELECT 1 FROM outbox_event WHERE type = 'training.booked' AND aggregate_id = $1`, [
        bodies[0].id,
      ]),
    ).toBe(1);

    const reused = await post({ ...body, waitlist: true }, key);
    expect(reused.status).toBe(422);
    expect(await count(api, booked, [theCase.id])).toBe(1);
  });

  it('lets an SME cancel up to the cut-off, not after it', async () => {
    const theCase = await caseFor(api, smeA);
    const soon = await addSession(api, officer.token, 'social-listening-market-research', {
      startsInHours: 72,
    });
    const booked = await readJson(
      await call(api, smeA.token, 'POST', `/api/v1/cases/${theCase.id}/training`, {
        moduleCode: 'social-listening-market-research',
        sessionId: soon,
      }),
    );
    expect(booked.status).toBe('booked');
    // Due date comes from config/training.yaml: 7 days after a webinar ends.
    const [session] = (await api.dataSource.query(`SELECT ends_at FROM training_session WHERE id = $1`, [
      soon,
    ])) as { ends_at: Date }[];
    expect(new Date(booked.dueAt as string).getTime() - session.ends_at.getTime()).toBe(7 * 24 * 3600_000);

    await moveSession(api, soon, 2); // inside the 24-hour cut-off
    const late = await call(api, smeA.token, 'PATCH', `/api/v1/training/bookings/${booked.id}`, {
      action: 'cancel',
    });
    expect(late.status).toBe(422);
    expect(await readJson(late)).toMatchObject({ code: 'training.cancellation_closed' });

    await moveSession(api, soon, 48);
    const inTime = await call(api, smeA.token, 'PATCH', `/api/v1/training/bookings/${booked.id}`, {
      action: 'cancel',
    });
    expect(inTime.status).toBe(200);
    expect(
      await count(
        api,
        `SELECT 1 FROM audit_event WHERE action = 'training_booking.cancelled' AND entity_id = $1`,
        [booked.id],
      ),
    ).toBe(1);
  });

  it("hides SME A's bookings from SME B: cannot see, cancel, book into or rate them (404)", async () => {
    const caseA = await caseFor(api, smeA);
    await completePrerequisites(api, caseA.id, 'internationalising-website-content');
    const booking = await readJson(
      await call(api, smeA.token, 'POST', `/api/v1/cases/${caseA.id}/training`, {
        moduleCode: 'internationalising-website-content',
      }),
    );
    for (const [method, path, body] of [
      ['GET', `/api/v1/training/bookings/${booking.id}`, undefined],
      ['PATCH', `/api/v1/training/bookings/${booking.id}`, { action: 'cancel' }],
      ['POST', `/api/v1/training/bookings/${booking.id}/feedback`, { satisfaction: 5, usefulness: 5 }],
      ['GET', `/api/v1/training/bookings/${booking.id}/certificate`, undefined],
      ['GET', `/api/v1/cases/${caseA.id}/training`, undefined],
      ['POST', `/api/v1/cases/${caseA.id}/training`, { moduleCode: 'social-media-foundations' }],
    ] as const) {
      const res = await call(api, smeB.token, method, path, body);
      expect({ path, method, status: res.status }).toEqual({ path, method, status: 404 });
    }
    expect(
      await count(api, `SELECT 1 FROM training_booking WHERE id = $1 AND status = 'booked'`, [booking.id]),
    ).toBe(1);
    const mine = await call(api, smeA.token, 'GET', `/api/v1/cases/${caseA.id}/training`);
    expect((await readJson(mine)).items.map((b: { id: string }) => b.id)).toContain(booking.id);
  });

  it('lets only officers change the catalogue and add sessions', async () => {
    const addSessionAs = (token: string, moduleCode: string, body: Record<string, unknown>) =>
      call(api, token, 'POST', `/api/v1/training/modules/${moduleCode}/sessions`, body);
    const res = await addSessionAs(smeA.token, 'social-media-foundations', {});
    expect(res.status).toBe(404);
    const selfPaced = await addSessionAs(officer.token, 'social-media-foundations', {
      startsAt: '2030-01-01T10:00:00Z',
      endsAt: '2030-01-01T11:00:00Z',
      timeZone: 'Europe/London',
      capacity: 5,
      joinUrl: 'https://meet.example.test/x',
      language: 'en',
    });
    expect(selfPaced.status).toBe(422);
    const badZone = await addSessionAs(officer.token, 'selling-online-marketplaces', {
      startsAt: '2030-01-01T10:00:00Z',
      endsAt: '2030-01-01T09:00:00Z',
      timeZone: 'Mars/Olympus',
      capacity: 5,
      language: 'en',
    });
    expect(badZone.status).toBe(400);
    expect((await readJson(badZone)).errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'endsAt',
      'location',
      'timeZone',
    ]);
  });

  it("enforces a module's prerequisites; an adviser may book anyway with a reason, which is recorded", async () => {
    const adviser = await caller(api, 'adviser');
    const theCase = await caseFor(api, smeA, { adviserId: adviser.user.id });
    const sessionId = await addSession(api, officer.token, 'linkedin-b2b-prospecting');
    const path = `/api/v1/cases/${theCase.id}/training`;
    const body = { moduleCode: 'linkedin-b2b-prospecting', sessionId };
    // The SME booked linkedin-b2b-prospecting without social-media-foundations: refused now.
    const refused = await call(api, smeA.token, 'POST', path, body);
    expect(refused.status).toBe(422);
    expect(await readJson(refused)).toMatchObject({
      code: 'training.prerequisites_missing',
      errors: [expect.objectContaining({ field: 'moduleCode', code: 'training.prerequisites_missing' })],
    });
    // Only staff may waive them.
    const smeOverride = await call(api, smeA.token, 'POST', path, {
      ...body,
      prerequisiteOverrideReason: 'I know it already',
    });
    expect(smeOverride.status).toBe(422);
    expect(await readJson(smeOverride)).toMatchObject({ code: 'training.override_not_allowed' });
    expect(await count(api, `SELECT 1 FROM training_booking WHERE case_id = $1`, [theCase.id])).toBe(0);

    const overridden = await call(api, adviser.token, 'POST', path, {
      ...body,
      prerequisiteOverrideReason: 'Runs their LinkedIn page already; foundations would repeat it',
    });
    expect(overridden.status).toBe(201);
    const booking = await readJson(overridden);
    const [audit] = (await api.dataSource.query(
      `SELECT actor_id, after FROM audit_event WHERE action = 'training_booking.prerequisites_overridden' AND entity_id = $1`,
      [booking.id],
    )) as { actor_id: string; after: Record<string, unknown> }[];
    expect(audit.actor_id).toBe(adviser.user.id);
    expect(audit.after).toMatchObject({
      moduleCode: 'linkedin-b2b-prospecting',
      missingPrerequisites: ['social-media-foundations'],
      reason: 'Runs their LinkedIn page already; foundations would repeat it',
    });

    // Once the prerequisite is completed, the SME books on its own and nothing is overridden.
    const other = await caseFor(api, smeA);
    await completePrerequisites(api, other.id, 'linkedin-b2b-prospecting');
    const own = await call(api, smeA.token, 'POST', `/api/v1/cases/${other.id}/training`, body);
    expect(own.status).toBe(201);
    expect(
      await count(
        api,
        `SELECT 1 FROM audit_event WHERE action = 'training_booking.prerequisites_overridden'`,
      ),
    ).toBe(1);
  });

  it('refuses a session that starts in the past with a field error, on the API and the page, writing nothing', async () => {
    const yesterday = new Date(Date.now() - 24 * 3_600_000);
    const before = await count(api, `SELECT 1 FROM training_session`);
    const past = await call(
      api,
      officer.token,
      'POST',
      '/api/v1/training/modules/selling-online-marketplaces/sessions',
      {
        startsAt: yesterday.toISOString(),
        endsAt: new Date(yesterday.getTime() + 3_600_000).toISOString(),
        timeZone: 'Europe/London',
        capacity: 5,
        joinUrl: 'https://meet.example.test/x',
        language: 'en',
      },
    );
    expect(past.status).toBe(400);
    expect((await readJson(past)).errors).toEqual([
      expect.objectContaining({ field: 'startsAt', code: 'training.starts_in_past' }),
    ]);

    const page = await fetch(
      `${api.url}/training/admin/modules/selling-online-marketplaces/sessions?lang=de`,
      {
        method: 'POST',
        redirect: 'manual',
        headers: {
          authorization: `Bearer ${officer.token}`,
          accept: 'text/html',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          startsAt: '2020-03-02T10:00',
          endsAt: '2020-03-02T11:00',
          timeZone: 'Europe/London',
          capacity: '5',
          joinUrl: 'https://meet.example.test/x',
          language: 'en',
        }),
      },
    );
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('Eine Sitzung kann nicht in der Vergangenheit beginnen.');
    expect(await count(api, `SELECT 1 FROM training_session`)).toBe(before);
  });
});
