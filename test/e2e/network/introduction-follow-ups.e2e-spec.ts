import { SYSTEM_AUDIT_CONTEXT } from '@app/audit-log';
import { IntroductionSweepProcessor, IntroductionsService } from '@app/network';
import {
  buildAdviser,
  buildCase,
  buildExpert,
  buildIntroduction,
  buildToken,
  buildUser,
  type TestUser,
} from '../../factories';
import { csrfFromHtml, signInWeb, webSession } from '../../support/auth';
import { readJson, type Json } from '../../support/http';
import { startApiWithWorker, type ApiWithWorker } from '../../support/api-with-worker';
import type { TestApi } from '../../support/test-api';
import { call } from '../advisers/support/advisers.factory';
import type { InProcessWorker } from '../follow-ups/support/in-process-worker';
import type { SmtpPeer } from '../follow-ups/support/smtp-peer';

jest.setTimeout(180_000);

const DAY = 86_400_000;

/**
 * The life of an introduction after it is asked (real Postgres, Redis, worker and SMTP): silence for the
 * configured working days or a decline tells the adviser once and offers the next match, one click away;
 * weeks after an acceptance both sides are asked whether it helped, each through a single-use link.
 */
describe('network: introductions after asking (silence, decline, next match, ratings)', () => {
  let stack: ApiWithWorker;
  let smtp: SmtpPeer;
  let api: TestApi;
  let worker: InProcessWorker;
  let officer: TestUser;
  let adviser: TestUser;
  let adviserToken: string;
  let otherAdviser: TestUser;
  let otherAdviserToken: string;
  let smeToken: string;
  let kase: { caseId: string; sme: TestUser };
  const experts = {} as Record<'best' | 'second' | 'third', string>;
  const emails = {} as Record<'best' | 'second' | 'third', string>;

  beforeAll(async () => {
    stack = await startApiWithWorker();
    ({ smtp, api, worker } = stack);
    officer = await buildUser(api, 'officer');
    adviser = await buildAdviser(api);
    adviserToken = await buildToken(api, adviser.user);
    otherAdviser = await buildAdviser(api);
    otherAdviserToken = await buildToken(api, otherAdviser.user);
    kase = await buildCase(api, {
      adviserId: adviser.user.id,
      company: { legalName: 'Cerámica Levante SL', naceCode: '23.41' },
      targetMarkets: ['DE'],
    });
    smeToken = await buildToken(api, kase.sme.user);
    const stamp = Date.now();
    // Without an audit: ranked on market (DE), sector (C) and language (en), in that order of fit.
    for (const [key, name, overrides] of [
      ['best', 'Berta Best', { markets: ['DE'], naceSections: ['C'] }],
      ['second', 'Sam Second', { markets: ['DE'], naceSections: ['J'] }],
      ['third', 'Tia Third', { markets: ['US'], naceSections: ['J'] }],
    ] as [keyof typeof experts, string, { markets: string[]; naceSections: string[] }][]) {
      emails[key] = `${key}.${stamp}@mentors.example`;
      experts[key] = await buildExpert(api, officer.user, { name, email: emails[key], ...overrides });
    }
  });
  afterAll(() => stack?.close());

  const mailTo = (email: string, subject: RegExp) => smtp.arrived(email, subject);
  const sweep = (daysAhead: number) =>
    worker.get(IntroductionSweepProcessor).sweep(new Date(Date.now() + daysAhead * DAY));
  const sent = async (introductionId: string): Promise<string[]> =>
    (
      (await api.dataSource.query(
        `SELECT kind FROM notification WHERE idempotency_key LIKE $1 ORDER BY kind`,
        [`introduction:${introductionId}:%`],
      )) as { kind: string }[]
    ).map((n) => n.kind);
  const statusOf = async (id: string): Promise<string> =>
    ((await api.dataSource.query(`SELECT status FROM introductions WHERE id = $1`, [id])) as Json[])[0]
      .status as string;
  const linkIn = (text: string, path: string): string => {
    const match = new RegExp(`https?://[^\\s]+?(${path}[^\\s]*)`).exec(text);
    if (!match) throw new Error(`no ${path} link in: ${text}`);
    return match[1];
  };

  it('silence: marked unanswered after the working days, the adviser told once and offered the next match', async () => {
    const intro = await buildIntroduction(
      api,
      adviser.user,
      kase.caseId,
      experts.best,
      'Tiles for German DIY chains',
    );
    const [request] = await mailTo(emails.best, /Cerámica Levante SL/);
    const respondPath = linkIn(request.text, '/introductions/respond/');

    // A day later it is still waiting: five working days have not passed.
    expect(await sweep(1)).toEqual({ unanswered: 0, ratingsAsked: 0 });
    expect(await statusOf(intro)).toBe('requested');

    expect((await sweep(10)).unanswered).toBe(1);
    // A second run (another worker, a retried job) tells nobody again.
    expect((await sweep(10)).unanswered).toBe(0);
    expect(await statusOf(intro)).toBe('unanswered');

    const [told] = await mailTo(adviser.user.email, /No answer from Berta Best/);
    expect(told.text).toContain('Sam Second');
    const offerPath = linkIn(told.text, `/cases/${kase.caseId}/experts`);
    expect(offerPath).toBe(`/cases/${kase.caseId}/experts?next=${intro}`);
    expect(await sent(intro)).toEqual(['introduction-request.expert', 'introduction-unanswered.adviser']);

    const audit = await api.dataSource.query(
      `SELECT action, actor_id FROM audit_event WHERE entity_type = 'introduction' AND entity_id = $1 ORDER BY id`,
      [intro],
    );
    expect(audit.map((a: Json) => a.action)).toEqual(['introduction.requested', 'introduction.unanswered']);
    const timeline = await api.dataSource.query(
      `SELECT kind FROM case_timeline_events WHERE ref_id = $1 ORDER BY occurred_at, id`,
      [intro],
    );
    expect(timeline.map((e: Json) => e.kind)).toEqual(['introduction.requested', 'introduction.unanswered']);

    // The expert's link now says so and takes no answer.
    const visitor = webSession(api);
    const page = await visitor.get(respondPath);
    const html = await page.text();
    expect(html).toContain('This introduction was not answered in time');
    const late = await visitor.post(respondPath.split('?')[0], { decision: 'accept' });
    expect(late.status).toBe(200);
    expect(await statusOf(intro)).toBe('unanswered');
    expect(await sent(intro)).toHaveLength(2);

    // The adviser's page offers Sam with one button, carrying the same purpose.
    const web = await signInWeb(api, adviser.user.email, adviser.password);
    const offer = await web.get(offerPath);
    expect(offer.status).toBe(200);
    const offerHtml = await offer.text();
    expect(offerHtml).toContain('Berta Best did not answer the introduction in time');
    expect(offerHtml).toContain('Ask Sam Second');
    expect(offerHtml).toContain(`name="expertId" value="${experts.second}"`);
    const asked = await web.post(`/cases/${kase.caseId}/introductions`, {
      _csrf: csrfFromHtml(offerHtml),
      expertId: experts.second,
      purpose: 'Tiles for German DIY chains',
    });
    expect(asked.status).toBe(303);
    const [second] = await api.dataSource.query(
      `SELECT id, purpose FROM introductions WHERE case_id = $1 AND expert_id = $2`,
      [kase.caseId, experts.second],
    );
    expect(second.purpose).toBe('Tiles for German DIY chains');
    await mailTo(emails.second, /Cerámica Levante SL/);

    // Only staff who may work the case see the offer: another adviser and the SME get 404.
    const otherWeb = await signInWeb(api, otherAdviser.user.email, otherAdviser.password);
    expect((await otherWeb.get(offerPath)).status).toBe(404);
    const smeWeb = await signInWeb(api, kase.sme.user.email, kase.sme.password);
    expect((await smeWeb.get(offerPath)).status).toBe(404);
  });

  it('decline: the adviser is told once with the next match not yet asked', async () => {
    const [second] = await api.dataSource.query(
      `SELECT id FROM introductions WHERE case_id = $1 AND expert_id = $2`,
      [kase.caseId, experts.second],
    );
    const [request] = await mailTo(emails.second, /Cerámica Levante SL/);
    const path = linkIn(request.text, '/introductions/respond/').split('?')[0];
    const visitor = webSession(api);
    const csrf = csrfFromHtml(await (await visitor.get(path)).text());
    expect((await visitor.post(path, { _csrf: csrf, decision: 'decline' })).status).toBe(303);
    expect((await visitor.post(path, { _csrf: csrf, decision: 'decline' })).status).toBe(200);

    // Berta (unanswered) and Sam (declined) were asked already: Tia is next.
    const [told] = await mailTo(adviser.user.email, /Sam Second declined/);
    expect(told.text).toContain('Tia Third');
    expect(told.text).toContain(`/cases/${kase.caseId}/experts?next=${second.id}`);
    expect(await sent(second.id)).toEqual(['introduction-declined.adviser', 'introduction-request.expert']);
    const web = await signInWeb(api, adviser.user.email, adviser.password);
    const offer = await (await web.get(`/cases/${kase.caseId}/experts?next=${second.id}`)).text();
    expect(offer).toContain('Sam Second declined the introduction');
    expect(offer).toContain('Ask Tia Third');
  });

  it('rating: weeks after acceptance both sides are asked once and each answer counts once', async () => {
    const intro = await buildIntroduction(api, adviser.user, kase.caseId, experts.third, 'Instagram for B2B');
    expect(await api.app.get(IntroductionsService).respond(intro, 'accept', SYSTEM_AUDIT_CONTEXT)).toBe(true);

    // Not yet: six weeks have not passed.
    expect((await sweep(20)).ratingsAsked).toBe(0);
    expect((await sweep(45)).ratingsAsked).toBe(1);
    expect((await sweep(50)).ratingsAsked).toBe(0);
    const [toSme] = await mailTo(kase.sme.user.email, /Did your conversation with Tia Third help/);
    const [toExpert] = await mailTo(emails.third, /Was your introduction to Cerámica Levante SL worthwhile/);
    expect((await sent(intro)).filter((k) => k.startsWith('introduction-rating'))).toEqual([
      'introduction-rating.expert',
      'introduction-rating.sme',
    ]);

    // The SME: JavaScript-free radios, an error summary on no choice, then one answer.
    const smePath = linkIn(toSme.text, '/introductions/rate/');
    const visitor = webSession(api);
    const page = await visitor.get(smePath);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('name="rating" type="radio" value="5"');
    const action = smePath.split('?')[0];
    const csrf = csrfFromHtml(html);
    const empty = await visitor.post(action, { _csrf: csrf, comment: 'x' });
    expect(empty.status).toBe(400);
    const errors = await empty.text();
    expect(errors).toContain('href="#rating"');
    expect(errors).toContain('Choose how much the introduction helped');
    const outOfRange = await visitor.post(action, { _csrf: csrf, rating: '9' });
    expect(outOfRange.status).toBe(400);
    expect(
      (await visitor.post(action, { _csrf: csrf, rating: '5', comment: 'Found a distributor' })).status,
    ).toBe(303);
    // Clicked again with another answer: the thanks, nothing changed.
    const again = await visitor.post(action, { _csrf: csrf, rating: '1', comment: 'changed my mind' });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('Thank you for your answer');

    // The expert, in their own link.
    const expertPath = linkIn(toExpert.text, '/introductions/rate/').split('?')[0];
    const expertCsrf = csrfFromHtml(await (await visitor.get(expertPath)).text());
    expect((await visitor.post(expertPath, { _csrf: expertCsrf, rating: '3' })).status).toBe(303);

    const res = await call(api, adviserToken, 'GET', `/api/v1/introductions/${intro}`);
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.ratings).toEqual([
      expect.objectContaining({ side: 'sme', rating: 5, comment: 'Found a distributor' }),
      expect.objectContaining({ side: 'expert', rating: 3, comment: null }),
    ]);
    const list = await readJson(
      await call(api, adviserToken, 'GET', `/api/v1/cases/${kase.caseId}/introductions`),
    );
    expect((list.items as Json[]).find((i) => i.id === intro)!.ratings).toHaveLength(2);

    const audit = await api.dataSource.query(
      `SELECT action, after FROM audit_event WHERE entity_type = 'introduction' AND entity_id = $1 ORDER BY id`,
      [intro],
    );
    expect(audit.map((a: Json) => a.action)).toEqual([
      'introduction.requested',
      'introduction.accepted',
      'introduction.rating_requested',
      'introduction.rated',
      'introduction.rated',
    ]);

    const web = await signInWeb(api, adviser.user.email, adviser.password);
    const staff = await (await web.get(`/cases/${kase.caseId}/experts`)).text();
    expect(staff).toContain('Company&#39;s rating');
    expect(staff).toContain('5 of 5');
    expect(staff).toContain('Found a distributor');

    // A made-up token names nothing; the rating pages need no sign-in but the API stays staff-only.
    expect((await visitor.get('/introductions/rate/not-a-token')).status).toBe(404);
    expect((await call(api, smeToken, 'GET', `/api/v1/introductions/${intro}`)).status).toBe(404);
    expect((await call(api, otherAdviserToken, 'GET', `/api/v1/introductions/${intro}`)).status).toBe(404);
  });

  it('SME request: from its results to its adviser, who approves (the expert is asked) or declines', async () => {
    const second = await buildCase(api, {
      adviserId: adviser.user.id,
      company: { legalName: 'Vidrios Sur SL', naceCode: '23.13' },
      targetMarkets: ['DE'],
    });
    const path = `/cases/${second.caseId}/expert-introduction`;
    const sme = await signInWeb(api, second.sme.user.email, second.sme.password);
    const page = await sme.get(path);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Berta Best');
    expect(html).not.toContain(emails.best);
    const csrf = csrfFromHtml(html);
    const empty = await sme.post(path, { _csrf: csrf, expertId: experts.best, purpose: '' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('href="#purpose"');
    const asked = await sme.post(path, {
      _csrf: csrf,
      expertId: experts.best,
      purpose: 'Glass for German shops',
    });
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toBe(`${path}?notice=sent`);
    const again = await sme.post(path, {
      _csrf: csrf,
      expertId: experts.best,
      purpose: 'Glass for German shops',
    });
    expect(again.status).toBe(409);
    await mailTo(adviser.user.email, /Vidrios Sur SL asks to be introduced to Berta Best/);
    // Nothing goes to the expert before the adviser approves.
    expect(smtp.to(emails.best).filter((m) => m.subject.includes('Vidrios Sur SL'))).toEqual([]);

    // Only the case's own SME: another SME and staff get 404 on the SME's page.
    const otherSme = await signInWeb(api, kase.sme.user.email, kase.sme.password);
    expect((await otherSme.get(path)).status).toBe(404);
    const web = await signInWeb(api, adviser.user.email, adviser.password);
    expect((await web.get(path)).status).toBe(404);

    const [request] = await api.dataSource.query(
      `SELECT id, status FROM introduction_requests WHERE case_id = $1`,
      [second.caseId],
    );
    expect(request.status).toBe('pending');
    const experts2 = await (await web.get(`/cases/${second.caseId}/experts`)).text();
    expect(experts2).toContain('Introductions the company asked for');
    const staffCsrf = csrfFromHtml(experts2);
    const otherWeb = await signInWeb(api, otherAdviser.user.email, otherAdviser.password);
    expect((await otherWeb.post(`/introduction-requests/${request.id}/approve`, {})).status).toBe(404);
    const approved = await web.post(`/introduction-requests/${request.id}/approve`, { _csrf: staffCsrf });
    expect(approved.status).toBe(303);
    expect(
      (await web.post(`/introduction-requests/${request.id}/approve`, { _csrf: staffCsrf })).status,
    ).toBe(409);
    const [intro] = await api.dataSource.query(
      `SELECT id, purpose, status FROM introductions WHERE case_id = $1 AND expert_id = $2`,
      [second.caseId, experts.best],
    );
    expect(intro).toMatchObject({ purpose: 'Glass for German shops', status: 'requested' });
    await mailTo(emails.best, /Vidrios Sur SL/);
    const [done] = await api.dataSource.query(
      `SELECT status, introduction_id FROM introduction_requests WHERE id = $1`,
      [request.id],
    );
    expect(done).toEqual({ status: 'approved', introduction_id: intro.id });

    // Declined: the SME is told, and nothing reaches the expert.
    const next = await sme.get(path);
    const nextHtml = await next.text();
    expect(nextHtml).toContain('Sam Second');
    expect(
      (await sme.post(path, { _csrf: csrfFromHtml(nextHtml), expertId: experts.second, purpose: 'Shops' }))
        .status,
    ).toBe(303);
    const [pending] = await api.dataSource.query(
      `SELECT id FROM introduction_requests WHERE case_id = $1 AND status = 'pending'`,
      [second.caseId],
    );
    expect(
      (await web.post(`/introduction-requests/${pending.id}/decline`, { _csrf: staffCsrf })).status,
    ).toBe(303);
    await mailTo(second.sme.user.email, /Your request to talk to Sam Second/);
    const audit = await api.dataSource.query(
      `SELECT action FROM audit_event WHERE entity_type = 'introduction_request' ORDER BY id`,
    );
    expect(audit.map((a: Json) => a.action)).toEqual([
      'introduction_request.created',
      'introduction_request.approved',
      'introduction_request.created',
      'introduction_request.declined',
    ]);
  });
});
