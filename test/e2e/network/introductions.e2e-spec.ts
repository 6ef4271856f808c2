import { QuestionnaireCatalogue } from '@app/readiness';
import { buildAdviser, buildCase, buildExpert, buildToken, buildUser, type TestUser } from '../../factories';
import { csrfFromHtml, signInWeb, webSession } from '../../support/auth';
import { readJson, type Json } from '../../support/http';
import { startApiWithWorker, type ApiWithWorker } from '../../support/api-with-worker';
import type { TestApi } from '../../support/test-api';
import { call } from '../advisers/support/advisers.factory';
import { eventually } from '../follow-ups/support/in-process-worker';
import type { SmtpPeer } from '../follow-ups/support/smtp-peer';

jest.setTimeout(180_000);

/**
 * Matching and introductions end to end (real Postgres, Redis, worker and SMTP): a case's experts ranked by
 * the weak headings of its latest audit, markets, sector and language with the score broken down; an
 * adviser asks for an introduction; the expert's email carries the purpose and signed links but not the
 * SME's contact details; accepting sends both sides each other's details once, however often it is clicked.
 */
describe('network: expert suggestions and introductions', () => {
  let stack: ApiWithWorker;
  let smtp: SmtpPeer;
  let api: TestApi;
  let officer: TestUser;
  let adviser: TestUser;
  let adviserToken: string;
  let otherAdviserToken: string;
  let smeToken: string;
  let kase: { caseId: string; sme: TestUser };
  const experts = {} as Record<'jonas' | 'priya' | 'resting' | 'silent', string>;
  const emails = {} as Record<'jonas' | 'priya', string>;

  beforeAll(async () => {
    stack = await startApiWithWorker();
    ({ smtp, api } = stack);
    officer = await buildUser(api, 'officer');
    adviser = await buildAdviser(api);
    adviserToken = await buildToken(api, adviser.user);
    otherAdviserToken = await buildToken(api, (await buildAdviser(api)).user);
    // A furniture maker (NACE 31.01, section C) aiming at Germany and Austria.
    kase = await buildCase(api, {
      adviserId: adviser.user.id,
      company: { legalName: 'Muebles Norte SL', naceCode: '31.01' },
      targetMarkets: ['DE', 'AT'],
    });
    smeToken = await buildToken(api, kase.sme.user);
    emails.jonas = `jonas.${Date.now()}@mentors.example`;
    emails.priya = `priya.${Date.now()}@mentors.example`;
    experts.jonas = await buildExpert(api, officer.user, {
      name: 'Jonas Becker',
      email: emails.jonas,
      phone: '+49 221 000000',
      languages: ['de', 'en'],
      expertise: ['psychological', 'product_market'],
      markets: ['DE', 'AT'],
      naceSections: ['C'],
      capacityPerMonth: 2,
    });
    experts.priya = await buildExpert(api, officer.user, {
      name: 'Priya Shah',
      email: emails.priya,
      languages: ['en'],
      expertise: ['social_media'],
      markets: ['US'],
      naceSections: ['J'],
    });
    experts.resting = await buildExpert(api, officer.user, { name: 'Resting Expert', active: false });
    experts.silent = await buildExpert(api, officer.user, { name: 'Silent Expert', consentToContact: false });

    // The adviser's audit: psychological and product/market weak (all 0), the rest strong (all 4).
    const questionnaire = QuestionnaireCatalogue.load().current;
    const answers: Record<string, number> = {};
    for (const heading of questionnaire.headings)
      for (const q of heading.questions)
        answers[q.code] = ['psychological', 'product_market'].includes(heading.code) ? 0 : 4;
    const audit = await call(api, adviserToken, 'POST', `/api/v1/cases/${kase.caseId}/audits`, {
      questionnaireVersion: 1,
      answers,
      submit: true,
    });
    expect(audit.status).toBe(201);
  });
  afterAll(() => stack?.close());

  const mailTo = (email: string, subject: RegExp) => smtp.arrived(email, subject);
  /** The one email to `email` whose text contains `text`, once it has arrived. */
  const mailWith = async (email: string, text: string) => {
    await eventually(
      async () => smtp.to(email).some((m) => m.text.includes(text)),
      30_000,
      `email with ${text}`,
    );
    return smtp.to(email).find((m) => m.text.includes(text))!;
  };
  const respondPath = (text: string, decision: string): string => {
    const match = new RegExp(
      `https?://[^\\s]+(/introductions/respond/[^\\s?]+)\\?decision=${decision}&lang=(\\w\\w)`,
    ).exec(text);
    if (!match) throw new Error(`no ${decision} link in: ${text}`);
    return `${match[1]}?decision=${decision}&lang=${match[2]}`;
  };

  it('ranks experts by weak headings, markets, sector and language, with the score broken down', async () => {
    const res = await call(api, adviserToken, 'GET', `/api/v1/cases/${kase.caseId}/expert-suggestions`);
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.case).toMatchObject({
      weakHeadings: ['psychological', 'product_market'],
      targetMarkets: ['DE', 'AT'],
      naceSection: 'C',
    });
    const [first, second] = body.suggestions as Json[];
    expect(first).toMatchObject({
      expertId: experts.jonas,
      score: 100,
      breakdown: { heading: 40, market: 25, sector: 20, language: 15, load: 0 },
      headings: ['psychological', 'product_market'],
      markets: ['DE', 'AT'],
    });
    expect(second).toMatchObject({ expertId: experts.priya, score: 15 });
    expect(body.excluded).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          expert: expect.objectContaining({ id: experts.resting }),
          reason: 'inactive',
        }),
        expect.objectContaining({
          expert: expect.objectContaining({ id: experts.silent }),
          reason: 'no_consent',
        }),
      ]),
    );

    // Only the case's adviser and officers: another adviser and the SME get 404, the denial audited.
    expect(
      (await call(api, otherAdviserToken, 'GET', `/api/v1/cases/${kase.caseId}/expert-suggestions`)).status,
    ).toBe(404);
    expect((await call(api, smeToken, 'GET', `/api/v1/cases/${kase.caseId}/expert-suggestions`)).status).toBe(
      404,
    );

    const web = await signInWeb(api, adviser.user.email, adviser.password);
    const casePage = await (await web.get(`/cases/${kase.caseId}`)).text();
    expect(casePage).toContain(`href="/cases/${kase.caseId}/experts"`);
    const page = await web.get(`/cases/${kase.caseId}/experts`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Jonas Becker');
    expect(html).toContain('Weak headings in the latest readiness audit: Psychological, Product and market');
    expect(html).toContain('Silent Expert: no consent to be contacted');
  });

  it('asks for an introduction; accepting exchanges details once, however often the link is clicked', async () => {
    const purpose = 'Choosing German furniture distributors: would value an exporter’s experience.';
    const asked = await call(api, adviserToken, 'POST', `/api/v1/cases/${kase.caseId}/introductions`, {
      expertId: experts.jonas,
      purpose,
    });
    expect(asked.status).toBe(201);
    const intro = await readJson(asked);
    expect(intro).toMatchObject({ status: 'requested', expert: { id: experts.jonas }, purpose });
    expect(asked.headers.get('location')).toBe(`/api/v1/introductions/${intro.id}`);

    // Asked twice: the expert is already introduced to this case.
    const again = await call(api, adviserToken, 'POST', `/api/v1/cases/${kase.caseId}/introductions`, {
      expertId: experts.jonas,
      purpose,
    });
    expect(again.status).toBe(422);
    expect((await call(api, otherAdviserToken, 'GET', `/api/v1/introductions/${intro.id}`)).status).toBe(404);
    expect((await call(api, adviserToken, 'GET', `/api/v1/introductions/${intro.id}`)).status).toBe(200);

    // The expert's email: in German (their first language), the purpose and company, not the SME's contact.
    const [request] = await mailTo(emails.jonas, /Muebles Norte SL/);
    expect(request.language).toBe('de');
    expect(request.text).toContain('Choosing German furniture distributors');
    expect(request.text).not.toContain(kase.sme.user.email);
    const acceptPath = respondPath(request.text, 'accept');
    respondPath(request.text, 'decline');

    const visitor = webSession(api);
    const page = await visitor.get(acceptPath);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="de"');
    expect(html).toContain('Choosing German furniture distributors');
    expect(html).not.toContain(kase.sme.user.email);
    expect(html).toContain('name="decision" type="radio" value="accept" checked');
    const action = acceptPath.split('?')[0];
    const csrf = csrfFromHtml(html);

    // No choice: the GOV.UK error summary, in German.
    const empty = await visitor.post(action, { _csrf: csrf });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('href="#decision"');

    const accepted = await visitor.post(action, { _csrf: csrf, decision: 'accept' });
    expect(accepted.status).toBe(303);
    const [toExpert] = await mailTo(emails.jonas, /So erreichen Sie Muebles Norte SL/);
    expect(toExpert.text).toContain(kase.sme.user.email);
    const [toSme] = await mailTo(kase.sme.user.email, /Jonas Becker/);
    expect(toSme.text).toContain(emails.jonas);
    expect(toSme.text).toContain('+49 221 000000');
    await mailTo(adviser.user.email, /Jonas Becker accepted/);

    // Clicked again (and from the decline link): the outcome is shown, nothing changes, nothing is sent.
    const twice = await visitor.post(action, { _csrf: csrf, decision: 'decline' });
    expect(twice.status).toBe(200);
    expect(await twice.text()).toContain('Vorstellung angenommen');
    const sent = await api.dataSource.query(
      `SELECT kind FROM notification WHERE idempotency_key LIKE $1 ORDER BY kind`,
      [`introduction:${intro.id}:%`],
    );
    expect(sent.map((n: Json) => n.kind)).toEqual([
      'introduction-accepted.adviser',
      'introduction-accepted.expert',
      'introduction-accepted.sme',
      'introduction-request.expert',
    ]);
    const [row] = await api.dataSource.query(`SELECT status, responded_at FROM introductions WHERE id = $1`, [
      intro.id,
    ]);
    expect(row.status).toBe('accepted');
    const audit = await api.dataSource.query(
      `SELECT action FROM audit_event WHERE entity_type = 'introduction' AND entity_id = $1 ORDER BY id`,
      [intro.id],
    );
    expect(audit.map((a: Json) => a.action)).toEqual(['introduction.requested', 'introduction.accepted']);
    const timeline = await api.dataSource.query(
      `SELECT kind, data FROM case_timeline_events WHERE ref_id = $1 ORDER BY occurred_at, id`,
      [intro.id],
    );
    expect(timeline.map((e: Json) => e.kind)).toEqual(['introduction.requested', 'introduction.accepted']);
    expect(timeline[1].data).toEqual({ expertName: 'Jonas Becker' });

    // Jonas's load now counts this introduction.
    const after = await readJson(
      await call(api, adviserToken, 'GET', `/api/v1/cases/${kase.caseId}/expert-suggestions`),
    );
    expect((after.excluded as Json[]).find((e) => e.expert.id === experts.jonas)).toMatchObject({
      reason: 'already_introduced',
    });
  });

  it('tells the adviser of a decline; a withdrawn or expired link answers nothing', async () => {
    const web = await signInWeb(api, adviser.user.email, adviser.password);
    // The page's form: an error summary when empty, then a request.
    const empty = await web.post(`/cases/${kase.caseId}/introductions`, { purpose: '' });
    expect(empty.status).toBe(400);
    const errors = await empty.text();
    expect(errors).toContain('href="#expertId"');
    expect(errors).toContain('href="#purpose"');
    const asked = await web.post(`/cases/${kase.caseId}/introductions`, {
      expertId: experts.priya,
      purpose: 'LinkedIn for B2B buyers in the US',
    });
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toBe(`/cases/${kase.caseId}/experts?notice=requested`);
    const [request] = await mailTo(emails.priya, /Muebles Norte SL/);
    expect(request.language).toBe('en');
    const visitor = webSession(api);
    const declinePath = respondPath(request.text, 'decline');
    const page = await (await visitor.get(declinePath)).text();
    const declined = await visitor.post(declinePath.split('?')[0], {
      _csrf: csrfFromHtml(page),
      decision: 'decline',
    });
    expect(declined.status).toBe(303);
    await mailTo(adviser.user.email, /Priya Shah declined/);
    expect(smtp.to(emails.priya).filter((m) => /how to reach/.test(m.subject))).toEqual([]);

    // Priya again, then withdrawn with If-Match: her link then says it is closed and takes no answer.
    const second = await readJson(
      await call(api, adviserToken, 'POST', `/api/v1/cases/${kase.caseId}/introductions`, {
        expertId: experts.priya,
        purpose: 'Second try',
      }),
    );
    const stale = await call(
      api,
      adviserToken,
      'PATCH',
      `/api/v1/introductions/${second.id}`,
      { status: 'withdrawn' },
      { 'if-match': '"9"' },
    );
    expect(stale.status).toBe(409);
    const withdrawn = await call(
      api,
      adviserToken,
      'PATCH',
      `/api/v1/introductions/${second.id}`,
      { status: 'withdrawn' },
      { 'if-match': `"${second.version}"` },
    );
    expect(withdrawn.status).toBe(200);
    expect((await readJson(withdrawn)).status).toBe('withdrawn');
    const secondMail = await mailWith(emails.priya, 'Second try');
    const closedPath = respondPath(secondMail.text, 'accept');
    const closed = await visitor.get(closedPath);
    expect(await closed.text()).toContain('This introduction is no longer open');
    const [state] = await api.dataSource.query(`SELECT status FROM introductions WHERE id = $1`, [second.id]);
    expect(state.status).toBe('withdrawn');

    // An expired link: 410 and no change.
    const third = await readJson(
      await call(api, adviserToken, 'POST', `/api/v1/cases/${kase.caseId}/introductions`, {
        expertId: experts.priya,
        purpose: 'Third try',
      }),
    );
    await api.dataSource.query(
      `UPDATE introductions SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [third.id],
    );
    const thirdMail = await mailWith(emails.priya, 'Third try');
    const expiredPath = respondPath(thirdMail.text, 'accept');
    const expired = await visitor.post(expiredPath.split('?')[0], { decision: 'accept' });
    expect(expired.status).toBe(410);
    const [third2] = await api.dataSource.query(`SELECT status FROM introductions WHERE id = $1`, [third.id]);
    expect(third2.status).toBe('requested');
    // A made-up token names nothing.
    expect((await visitor.get('/introductions/respond/not-a-token')).status).toBe(404);
  });
});
