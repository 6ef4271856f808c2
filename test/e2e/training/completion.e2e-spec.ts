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
  recommend,
} from './support/training.factory';

// Several HTTP round trips per test; the whole suite shares two cores with browser tests.
jest.setTimeout(120_000);
describe('training: completion rules per format, feedback and certificates', () => {
  let api: TestApi;
  let officer: Caller;
  let adviser: Caller;
  let sme: Caller;

  beforeAll(async () => {
    [api, officer, adviser, sme] = await apiWithCallers('officer', 'adviser', 'sme');
  });
  afterAll(() => api?.close());

  const book = async (
    caseId: string,
    body: Record<string, unknown>,
    token = sme.token,
  ): Promise<Record<string, unknown>> => {
    const res = await call(api, token, 'POST', `/api/v1/cases/${caseId}/training`, body);
    expect(res.status).toBe(201);
    return readJson(res);
  };
  const patch = (id: unknown, body: Record<string, unknown>, token = sme.token): Promise<Response> =>
    call(api, token, 'PATCH', `/api/v1/training/bookings/${String(id)}`, body);

  it('completes a webinar only by attendance, marked by staff once the session has started', async () => {
    const theCase = await caseFor(api, sme, { adviserId: adviser.user.id });
    await completePrerequisites(api, theCase.id, 'linkedin-b2b-prospecting');
    const sessionId = await addSession(api, officer.token, 'linkedin-b2b-prospecting');
    const recommendationId = await recommend(api, theCase.id, 'linkedin-b2b-prospecting', adviser.user.id);
    // A booking may cite only a recommendation of this module on this case.
    const foreign = await call(api, sme.token, 'POST', `/api/v1/cases/${theCase.id}/training`, {
      moduleCode: 'linkedin-b2b-prospecting',
      sessionId,
      recommendationId: '00000000-0000-4000-8000-000000000001',
    });
    expect(foreign.status).toBe(422);
    expect(await readJson(foreign)).toMatchObject({ code: 'training.recommendation_unknown' });
    const booking = await book(theCase.id, {
      moduleCode: 'linkedin-b2b-prospecting',
      sessionId,
      recommendationId,
    });

    const early = await patch(booking.id, { action: 'complete' });
    expect(early.status).toBe(422);
    expect(await readJson(early)).toMatchObject({ code: 'training.attendance_required' });
    const notYet = await patch(booking.id, { action: 'attend' }, adviser.token);
    expect(notYet.status).toBe(409);
    expect(await readJson(notYet)).toMatchObject({ code: 'training.attendance_not_due' });

    await moveSession(api, sessionId, -3);
    // An SME cannot mark its own attendance (it is not a staff action on its case): 404.
    expect((await patch(booking.id, { action: 'attend' })).status).toBe(404);
    const attended = await patch(booking.id, { action: 'attend' }, adviser.token);
    expect(attended.status).toBe(200);
    const done = await readJson(attended);
    expect(done).toMatchObject({ status: 'completed', attendance: 'attended' });
    expect(done.certificateCode).toMatch(/^SMT-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const [event] = (await api.dataSource.query(
      `SELECT payload FROM outbox_event WHERE type = 'training.completed' AND aggregate_id = $1`,
      [booking.id],
    )) as { payload: Record<string, unknown> }[];
    expect(event.payload).toMatchObject({
      caseId: theCase.id,
      moduleCode: 'linkedin-b2b-prospecting',
      recommendationId,
    });
    expect(
      await count(
        api,
        `SELECT 1 FROM case_timeline_events WHERE case_id = $1 AND kind = 'training.completed'`,
        [theCase.id],
      ),
    ).toBe(1);
    expect(
      await count(
        api,
        `SELECT 1 FROM audit_event WHERE entity_id = $1 AND action = 'training_booking.attended'`,
        [booking.id],
      ),
    ).toBe(1);
  });

  it('records a no-show, which does not complete the module and frees it for a new booking', async () => {
    const theCase = await caseFor(api, sme);
    const sessionId = await addSession(api, officer.token, 'building-credibility-abroad');
    const booking = await book(theCase.id, { moduleCode: 'building-credibility-abroad', sessionId });
    await moveSession(api, sessionId, -1);
    const noShow = await patch(booking.id, { action: 'no_show' }, officer.token);
    expect(await readJson(noShow)).toMatchObject({
      status: 'no_show',
      attendance: 'no_show',
      certificateCode: null,
    });
    expect((await patch(booking.id, { action: 'complete' })).status).toBe(409);
    const later = await addSession(api, officer.token, 'building-credibility-abroad');
    expect(
      (await book(theCase.id, { moduleCode: 'building-credibility-abroad', sessionId: later })).status,
    ).toBe('booked');
  });

  it('completes a self-paced assessment module only with a passing score', async () => {
    const theCase = await caseFor(api, sme);
    const booking = await book(theCase.id, { moduleCode: 'social-media-foundations' });
    expect(booking).toMatchObject({ status: 'booked', sessionId: null });

    const missing = await patch(booking.id, { action: 'complete' });
    expect(missing.status).toBe(422);
    expect(await readJson(missing)).toMatchObject({ code: 'training.answers_required' });
    expect((await patch(booking.id, { action: 'complete', answers: [0] })).status).toBe(422);
    // An SME cannot simply report a score: it answers the questions, and the server marks them.
    const selfReported = await patch(booking.id, { action: 'complete', assessmentScore: 100 });
    expect(await readJson(selfReported)).toMatchObject({ code: 'training.answers_required' });
    const failed = await patch(booking.id, { action: 'complete', answers: [0, 0, 0, 1] });
    expect(failed.status).toBe(422);
    expect(await readJson(failed)).toMatchObject({ code: 'training.assessment_not_passed' });
    expect(
      await count(
        api,
        `SELECT 1 FROM training_booking WHERE id = $1 AND status = 'booked' AND assessment_score IS NULL`,
        [booking.id],
      ),
    ).toBe(1);
    expect((await patch(booking.id, { action: 'complete', answers: [0, 0, 1, -1] })).status).toBe(400);

    const passed = await patch(booking.id, { action: 'complete', answers: [0, 0, 1, 1] });
    expect(passed.status).toBe(200);
    expect(await readJson(passed)).toMatchObject({ status: 'completed', assessmentScore: 75 });
    expect((await patch(booking.id, { action: 'complete', answers: [0, 0, 1, 0] })).status).toBe(409);
  });

  it('limits failed attempts per period, and shows the score and the wrong answers only once passed or out of attempts', async () => {
    const theCase = await caseFor(api, sme);
    const booking = await book(theCase.id, { moduleCode: 'social-media-foundations' });
    const wrong = { action: 'complete', answers: [0, 0, 0, 1] }; // 2 of 4 right: 50 < 70
    const attemptRows = () =>
      count(api, `SELECT 1 FROM training_assessment_attempts WHERE booking_id = $1`, [booking.id]);

    // Three failed attempts in 24 hours (config/training.yaml). The first two say only how many are left.
    for (const left of [2, 1]) {
      const res = await patch(booking.id, wrong);
      expect(res.status).toBe(422);
      const body = await readJson(res);
      expect(body).toMatchObject({ code: 'training.assessment_not_passed', attemptsLeft: left });
      expect(body).not.toHaveProperty('score');
      expect(body).not.toHaveProperty('review');
      expect(JSON.stringify(body)).not.toMatch(/\b50\b/);
    }
    // The last one shows the score and which answers were wrong, and when the next attempt opens.
    const last = await readJson(await patch(booking.id, wrong));
    expect(last).toMatchObject({
      code: 'training.assessment_not_passed',
      attemptsLeft: 0,
      score: 50,
      passMark: 70,
      review: [
        { question: 1, correct: true },
        { question: 2, correct: true },
        { question: 3, correct: false },
        { question: 4, correct: false },
      ],
      retryAt: expect.any(String),
    });
    expect(await attemptRows()).toBe(3);
    // Now even the right answers wait for the period to pass: 429 with Retry-After, nothing recorded.
    const locked = await patch(booking.id, { action: 'complete', answers: [0, 0, 1, 0] });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(23 * 3600);
    expect(await readJson(locked)).toMatchObject({ code: 'training.assessment_locked' });
    expect(await attemptRows()).toBe(3);
    expect(
      await count(api, `SELECT 1 FROM training_booking WHERE id = $1 AND status = 'booked'`, [booking.id]),
    ).toBe(1);

    // A day later the attempts are free again, and a pass shows its score.
    await api.dataSource.query(
      `UPDATE training_assessment_attempts SET attempted_at = attempted_at - interval '25 hours' WHERE booking_id = $1`,
      [booking.id],
    );
    const passed = await patch(booking.id, { action: 'complete', answers: [0, 0, 1, 0] });
    expect(passed.status).toBe(200);
    expect(await readJson(passed)).toMatchObject({ status: 'completed', assessmentScore: 100 });
    // Every attempt is audited, with its score, for staff.
    expect(
      await count(
        api,
        `SELECT 1 FROM audit_event WHERE action = 'training_assessment.attempted' AND entity_id = $1`,
        [booking.id],
      ),
    ).toBe(4);
  });

  it("completes a sign-off module only by the assigned adviser's sign-off", async () => {
    const theCase = await caseFor(api, sme, { adviserId: adviser.user.id });
    await completePrerequisites(api, theCase.id, 'internationalising-website-content');
    const booking = await book(theCase.id, { moduleCode: 'internationalising-website-content' });
    const bySme = await patch(booking.id, { action: 'complete' });
    expect(bySme.status).toBe(422);
    expect(await readJson(bySme)).toMatchObject({ code: 'training.sign_off_required' });
    const other = await caller(api, 'adviser');
    expect((await patch(booking.id, { action: 'complete' }, other.token)).status).toBe(404);
    const signed = await patch(booking.id, { action: 'complete' }, adviser.token);
    expect(await readJson(signed)).toMatchObject({ status: 'completed' });
    expect(
      await count(api, `SELECT 1 FROM training_booking WHERE id = $1 AND signed_off_by_id = $2`, [
        booking.id,
        adviser.user.id,
      ]),
    ).toBe(1);
  });

  it('takes feedback once, on completed bookings, with ratings 1 to 5', async () => {
    const theCase = await caseFor(api, sme);
    await completePrerequisites(api, theCase.id, 'measuring-results-by-country');
    const booking = await book(theCase.id, { moduleCode: 'measuring-results-by-country' });
    const tooEarly = await call(
      api,
      sme.token,
      'POST',
      `/api/v1/training/bookings/${String(booking.id)}/feedback`,
      { satisfaction: 4, usefulness: 4 },
    );
    expect(tooEarly.status).toBe(409);
    // Staff may record an assessment taken elsewhere.
    expect(
      (await patch(booking.id, { action: 'complete', assessmentScore: 100 }, officer.token)).status,
    ).toBe(200);

    for (const bad of [
      { satisfaction: 0, usefulness: 3 },
      { satisfaction: 3, usefulness: 6 },
      { satisfaction: 2.5, usefulness: 3 },
    ]) {
      const res = await call(
        api,
        sme.token,
        'POST',
        `/api/v1/training/bookings/${String(booking.id)}/feedback`,
        bad,
      );
      expect(res.status).toBe(400);
      expect((await readJson(res)).errors.length).toBeGreaterThan(0);
    }
    expect(await count(api, `SELECT 1 FROM training_feedback WHERE booking_id = $1`, [booking.id])).toBe(0);
    const ok = await call(
      api,
      sme.token,
      'POST',
      `/api/v1/training/bookings/${String(booking.id)}/feedback`,
      {
        satisfaction: 5,
        usefulness: 4,
        comment: 'Found two distributors',
      },
    );
    expect(ok.status).toBe(201);
    const again = await call(
      api,
      sme.token,
      'POST',
      `/api/v1/training/bookings/${String(booking.id)}/feedback`,
      { satisfaction: 1, usefulness: 1 },
    );
    expect(again.status).toBe(409);
    // Staff read feedback; they do not give it on the SME's behalf.
    expect(
      (
        await call(api, officer.token, 'POST', `/api/v1/training/bookings/${String(booking.id)}/feedback`, {
          satisfaction: 1,
          usefulness: 1,
        })
      ).status,
    ).toBe(404);
  });

  it('issues a certificate PDF whose code verifies publicly; an unknown code is a 404 page saying plainly it is not valid', async () => {
    const theCase = await caseFor(api, sme, { legalName: 'Cerámica Ñandú S.L.' });
    const booking = await book(theCase.id, { moduleCode: 'social-media-foundations' });
    expect(
      (await call(api, sme.token, 'GET', `/api/v1/training/bookings/${String(booking.id)}/certificate`))
        .status,
    ).toBe(404);
    const done = await readJson(await patch(booking.id, { action: 'complete', answers: [0, 0, 1, 0] }));

    const pdf = await call(
      api,
      sme.token,
      'GET',
      `/api/v1/training/bookings/${String(booking.id)}/certificate`,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The document info carries the code in clear text (the page text itself is compressed).
    expect(bytes.toString('latin1')).toContain(String(done.certificateCode));

    const page = await fetch(`${api.url}/certificates/${String(done.certificateCode).toLowerCase()}`, {
      headers: { accept: 'text/html' },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Cerámica Ñandú S.L.');
    expect(html).toContain('Social-media foundations for exporters');
    expect(html).toContain(String(done.certificateCode));

    const spanish = await fetch(`${api.url}/certificates/${String(done.certificateCode)}`, {
      headers: { accept: 'text/html', 'accept-language': 'es' },
    });
    expect(await spanish.text()).toContain('Fundamentos de redes sociales para exportadores');

    for (const wrong of ['SMT-0000-0000-0000', 'not-a-code']) {
      const res = await fetch(`${api.url}/certificates/${wrong}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
      const text = await res.text();
      // Told plainly, not the generic "Page not found", and nothing about any real certificate.
      expect(text).toContain(
        '<h1 class="govuk-heading-l" id="certificate-invalid">This is not a valid certificate</h1>',
      );
      expect(text).toContain(`has the code ${wrong}.`);
      expect(text).not.toContain('Page not found');
      expect(text).not.toContain('Cerámica');
      expect(text).not.toContain(String(done.certificateCode));
    }
    const german = await fetch(`${api.url}/certificates/SMT-0000-0000-0000`, {
      headers: { accept: 'text/html', 'accept-language': 'de' },
    });
    expect(german.status).toBe(404);
    expect(await german.text()).toContain('Dies ist keine gültige Bescheinigung');
  });

  it('exports a session attendance list as formula-safe CSV for officers only, audited', async () => {
    const theCase = await caseFor(api, null, { legalName: '=HYPERLINK("http://x")' });
    const sessionId = await addSession(api, officer.token, 'export-customer-service-social');
    await book(theCase.id, { moduleCode: 'export-customer-service-social', sessionId }, officer.token);
    const res = await call(
      api,
      officer.token,
      'GET',
      `/api/v1/training/sessions/${sessionId}/attendance.csv`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = await res.text();
    expect(csv.split('\r\n')[0]).toBe('booking_id,case_id,company,status,attendance,booked_at,completed_at');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(
      await count(
        api,
        `SELECT 1 FROM audit_event WHERE action = 'training.attendance_exported' AND entity_id = $1`,
        [sessionId],
      ),
    ).toBe(1);
    expect(
      (await call(api, adviser.token, 'GET', `/api/v1/training/sessions/${sessionId}/attendance.csv`)).status,
    ).toBe(404);
  });
});
