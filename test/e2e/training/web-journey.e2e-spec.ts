import { signInWeb } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import {
  addSession,
  caller,
  Caller,
  caseFor,
  completePrerequisites,
  moveSession,
  recommend,
} from './support/training.factory';

// Several HTTP round trips per test; the whole suite shares two cores with browser tests.
jest.setTimeout(120_000);
describe('training web journey: an SME books a recommended module and later sees its certificate', () => {
  let api: TestApi;
  let officer: Caller;
  let sme: Caller;

  beforeAll(async () => {
    api = await startTestApi();
    [officer, sme] = await Promise.all([caller(api, 'officer'), caller(api, 'sme')]);
  });
  afterAll(() => api?.close());

  it('goes from recommendation to booking to attendance to certificate, through the pages', async () => {
    const theCase = await caseFor(api, sme, {
      legalName: 'Bodega Alta Rioja',
      barriers: ['product_market'],
    });
    const adviser = await caller(api, 'adviser');
    await completePrerequisites(api, theCase.id, 'linkedin-b2b-prospecting');
    const recommendationId = await recommend(api, theCase.id, 'linkedin-b2b-prospecting', adviser.user.id);
    const sessionId = await addSession(api, officer.token, 'linkedin-b2b-prospecting', { capacity: 12 });
    const web = await signInWeb(api, sme.user.email, sme.password);

    const mine = await web.get('/training?lang=es');
    expect(mine.status).toBe(200);
    const mineHtml = await mine.text();
    expect(mineHtml).toContain('<h1 class="govuk-heading-l">Mi formación</h1>');
    const recommended = mineHtml.slice(mineHtml.indexOf('id="recommended"'), mineHtml.indexOf('id="booked"'));
    // The readiness recommendation leads the list, and the link carries it into the booking.
    expect(recommended).toContain(
      `href="/training/modules/linkedin-b2b-prospecting?recommendation=${recommendationId}"`,
    );
    expect(recommended).not.toContain('selling-online-marketplaces');
    expect(recommended).toContain('Prospección en LinkedIn para clientes B2B de exportación');

    const modulePage = await web.get(
      `/training/modules/linkedin-b2b-prospecting?recommendation=${recommendationId}`,
    );
    expect(modulePage.status).toBe(200);
    const moduleHtml = await modulePage.text();
    expect(moduleHtml).toContain(`name="sessionId" value="${sessionId}"`);
    expect(moduleHtml).toContain('(Europe/Madrid)');
    expect(moduleHtml).toContain(`name="recommendationId" value="${recommendationId}"`);

    const booked = await web.post('/training/modules/linkedin-b2b-prospecting/book', {
      sessionId,
      recommendationId,
    });
    expect(booked.status).toBe(303);
    expect(booked.headers.get('location')).toBe('/training?done=booked');
    const [row] = (await api.dataSource.query(
      `SELECT recommendation_id FROM training_booking WHERE case_id = $1 AND status = 'booked'`,
      [theCase.id],
    )) as {
      recommendation_id: string;
    }[];
    expect(row.recommendation_id).toBe(recommendationId);
    const after = await (await web.get(booked.headers.get('location')!)).text();
    expect(after).toContain('Su plaza está reservada.');
    const bookedSection = after.slice(after.indexOf('id="booked"'), after.indexOf('id="completed"'));
    expect(bookedSection).toContain('Prospección en LinkedIn');
    expect(after.slice(after.indexOf('id="recommended"'), after.indexOf('id="booked"'))).not.toContain(
      'linkedin-b2b-prospecting',
    );

    // Booking it twice from a stale page shows the reason on the page, not an error page.
    const twice = await web.post('/training/modules/linkedin-b2b-prospecting/book', { sessionId });
    expect(twice.status).toBe(409);
    const twiceHtml = await twice.text();
    expect(twiceHtml).toContain('govuk-error-summary');
    expect(twiceHtml).toContain('Ya tiene este módulo reservado o completado.');

    // The session takes place; the officer marks attendance from the attendance list.
    await moveSession(api, sessionId, -2);
    const staff = await signInWeb(api, officer.user.email, officer.password);
    const list = await staff.get(`/training/admin/sessions/${sessionId}`);
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain('Bodega Alta Rioja');
    const bookingId = /action="\/training\/bookings\/([0-9a-f-]{36})\/update"/.exec(listHtml)![1];
    const marked = await staff.post(`/training/bookings/${bookingId}/update`, {
      action: 'attend',
      returnTo: `/training/admin/sessions/${sessionId}`,
    });
    expect(marked.status).toBe(303);
    expect(marked.headers.get('location')).toBe(`/training/admin/sessions/${sessionId}?done=attend`);

    const later = await (await web.get('/training')).text();
    const completed = later.slice(later.indexOf('id="completed"'));
    expect(completed).toContain(`href="/api/v1/training/bookings/${bookingId}/certificate?lang=es"`);
    const code = /href="\/certificates\/(SMT-[0-9A-Z-]+)"/.exec(completed)![1];

    const pdf = await web.get(`/api/v1/training/bookings/${bookingId}/certificate?lang=es`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const verify = await fetch(`${api.url}/certificates/${code}`, { headers: { accept: 'text/html' } });
    expect(verify.status).toBe(200);
    expect(await verify.text()).toContain('Bodega Alta Rioja');

    // Feedback from the page: out-of-range values come back as field errors, then a valid rating is taken.
    const badFeedback = await web.post(`/training/bookings/${bookingId}/feedback`, {
      satisfaction: '9',
      usefulness: '4',
    });
    expect(badFeedback.status).toBe(400);
    expect(await badFeedback.text()).toContain('href="#satisfaction"');
    const goodFeedback = await web.post(`/training/bookings/${bookingId}/feedback`, {
      satisfaction: '5',
      usefulness: '4',
      comment: 'Muy útil',
    });
    expect(goodFeedback.status).toBe(303);
    expect(await (await web.get('/training')).text()).toContain('Gracias por su opinión');

    // Officers see the module figures, including the satisfaction average.
    const overview = await (await staff.get('/training/admin')).text();
    expect(overview).toMatch(/LinkedIn prospecting for B2B export leads[\s\S]*?5 \(1\)/);
  });

  it('lets an SME start a self-paced module and complete it by passing its assessment', async () => {
    const learner = await caller(api, 'sme');
    await caseFor(api, learner, { legalName: 'Maschinenbau Klein GmbH' });
    const web = await signInWeb(api, learner.user.email, learner.password);
    const started = await web.post('/training/modules/social-media-foundations/book?lang=de', {});
    expect(started.status).toBe(303);
    const mine = await (await web.get('/training')).text();
    const bookingId = /href="\/training\/bookings\/([0-9a-f-]{36})\/assessment"/.exec(mine)![1];
    expect(mine).toContain('Test ablegen');

    const form = await (await web.get(`/training/bookings/${bookingId}/assessment`)).text();
    expect(form).toContain('Welche Plattform eignet sich am besten für B2B-Käufer im Ausland?');
    expect(form).toContain('name="q3"');

    const unanswered = await web.post(`/training/bookings/${bookingId}/assessment`, { q0: '0' });
    expect(unanswered.status).toBe(400);
    const unansweredHtml = await unanswered.text();
    expect(unansweredHtml).toContain('href="#q1"');
    expect(unansweredHtml).toContain('Wählen Sie eine Antwort.');

    const wrong = await web.post(`/training/bookings/${bookingId}/assessment`, {
      q0: '1',
      q1: '1',
      q2: '0',
      q3: '1',
    });
    expect(wrong.status).toBe(422);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain('Nicht bestanden.');
    expect(wrongHtml).toContain('Sie haben noch 2 Versuche');
    // Neither the score nor which answers were wrong, while attempts are left.
    expect(wrongHtml).not.toMatch(/\b0 ?%/);
    expect(wrongHtml).not.toContain('app-assessment-review');

    const right = await web.post(`/training/bookings/${bookingId}/assessment`, {
      q0: '0',
      q1: '0',
      q2: '1',
      q3: '0',
    });
    expect(right.status).toBe(303);
    const after = await (await web.get('/training')).text();
    expect(after.slice(after.indexOf('id="completed"'))).toContain(
      `/api/v1/training/bookings/${bookingId}/certificate`,
    );
  });

  it('shows the score and the wrong answers once the attempts run out, then only when the next attempt opens', async () => {
    const learner = await caller(api, 'sme');
    await caseFor(api, learner, { legalName: 'Conservas Lucía SL' });
    const web = await signInWeb(api, learner.user.email, learner.password);
    expect((await web.post('/training/modules/social-media-foundations/book?lang=es', {})).status).toBe(303);
    const mine = await (await web.get('/training')).text();
    const bookingId = /href="\/training\/bookings\/([0-9a-f-]{36})\/assessment"/.exec(mine)![1];
    const wrong = { q0: '0', q1: '0', q2: '0', q3: '1' };
    for (let i = 0; i < 2; i++) {
      const res = await web.post(`/training/bookings/${bookingId}/assessment`, wrong);
      expect(res.status).toBe(422);
      expect(await res.text()).not.toContain('app-assessment-review');
    }
    const last = await web.post(`/training/bookings/${bookingId}/assessment`, wrong);
    expect(last.status).toBe(422);
    const lastHtml = await last.text();
    expect(lastHtml).toContain('Ha agotado sus 3 intentos');
    expect(lastHtml).toContain('50 %');
    expect(lastHtml).toContain('app-assessment-review');
    expect((lastHtml.match(/app-assessment-review__wrong/g) ?? []).length).toBe(2);
    // Coming back later: no form until the next attempt opens, and the same review.
    const page = await (await web.get(`/training/bookings/${bookingId}/assessment`)).text();
    expect(page).not.toContain(`action="/training/bookings/${bookingId}/assessment"`);
    expect(page).toContain('Podrá intentarlo de nuevo');
    expect(page).toContain('app-assessment-review');
  });

  it('keeps staff pages from SMEs and other SMEs from this SME (404)', async () => {
    const other = await caller(api, 'sme');
    const theirCase = await caseFor(api, other);
    const web = await signInWeb(api, sme.user.email, sme.password);
    expect((await web.get('/training/admin')).status).toBe(404);
    expect((await web.get(`/cases/${theirCase.id}/training`)).status).toBe(404);
  });
});
