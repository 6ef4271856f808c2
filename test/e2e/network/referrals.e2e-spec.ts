import { Sweeper } from '@app/messaging';
import { buildAdviser, buildCase, buildToken, buildUser, type TestUser } from '../../factories';
import { csrfFromHtml, signInWeb, webSession } from '../../support/auth';
import { readJson, type Json } from '../../support/http';
import { startApiWithWorker, type ApiWithWorker } from '../../support/api-with-worker';
import type { TestApi } from '../../support/test-api';
import { call } from '../advisers/support/advisers.factory';
import { eventually, type InProcessWorker } from '../follow-ups/support/in-process-worker';
import type { SmtpPeer } from '../follow-ups/support/smtp-peer';

jest.setTimeout(180_000);

const AHK = 'markteintritt@ahk-uk.example';
const CHAMBER = 'international@nwchamber.example';

/**
 * Partner referrals end to end (real Postgres, Redis, worker and SMTP): an adviser refers a case to a
 * partner of config/partners.yaml with a reason and the company's consent; the partner's email (in its
 * language) carries the reason, the company's contact and signed links to accept and later report the
 * result; each answer counts once, and the outcome shows on the case. Unanswered, the partner is reminded
 * and then the adviser told, once however often the sweep runs.
 */
describe('network: partner referrals', () => {
  let stack: ApiWithWorker;
  let smtp: SmtpPeer;
  let api: TestApi;
  let worker: InProcessWorker;
  let adviser: TestUser;
  let kase: { caseId: string; sme: TestUser };
  const tokens = {} as Record<'adviser' | 'otherAdviser' | 'officer' | 'admin' | 'sme', string>;

  beforeAll(async () => {
    stack = await startApiWithWorker();
    ({ smtp, api, worker } = stack);
    adviser = await buildAdviser(api);
    kase = await buildCase(api, {
      adviserId: adviser.user.id,
      company: { legalName: 'Muebles Norte SL', naceCode: '31.01' },
      targetMarkets: ['DE'],
    });
    tokens.adviser = await buildToken(api, adviser.user);
    tokens.otherAdviser = await buildToken(api, (await buildAdviser(api)).user);
    tokens.officer = await buildToken(api, (await buildUser(api, 'officer')).user);
    tokens.admin = await buildToken(api, (await buildUser(api, 'admin')).user);
    tokens.sme = await buildToken(api, kase.sme.user);
  });
  afterAll(() => stack?.close());

  const mailWith = async (email: string, text: string) => {
    await eventually(
      async () => smtp.to(email).some((m) => m.text.includes(text) || m.subject.includes(text)),
      30_000,
      `email to ${email} with ${text}`,
    );
    return smtp.to(email).filter((m) => m.text.includes(text) || m.subject.includes(text));
  };
  const linkPath = (text: string, kind: 'accept' | 'result'): string => {
    const match = new RegExp(`https?://[^\\s]+(/referrals/${kind}/[^\\s?]+)\\?lang=(\\w\\w)`).exec(text);
    if (!match) throw new Error(`no ${kind} link in: ${text}`);
    return match[1];
  };
  const refer = (token: string, body: Json) =>
    call(api, token, 'POST', `/api/v1/cases/${kase.caseId}/referrals`, body);
  const kinds = async (id: string): Promise<string[]> =>
    (
      (await api.dataSource.query(
        `SELECT kind FROM notification WHERE idempotency_key LIKE $1 ORDER BY kind`,
        [`partner-referral:${id}:%`],
      )) as Json[]
    ).map((n) => n.kind as string);

  it('refuses a referral without the company’s consent or with an unknown partner (400, field named)', async () => {
    const noConsent = await refer(tokens.adviser, { partnerCode: 'ahk-uk', reason: 'Distributors' });
    expect(noConsent.status).toBe(400);
    expect(noConsent.headers.get('content-type')).toContain('application/problem+json');
    const problem = await readJson(noConsent);
    expect((problem.errors as Json[]).map((e) => e.field)).toContain('smeConsent');
    const refused = await refer(tokens.adviser, {
      partnerCode: 'ahk-uk',
      reason: 'Distributors',
      smeConsent: false,
    });
    expect(refused.status).toBe(400);
    const unknown = await refer(tokens.adviser, { partnerCode: 'nobody', reason: 'x', smeConsent: true });
    expect(unknown.status).toBe(400);
    expect(((await readJson(unknown)).errors as Json[]).map((e) => e.field)).toEqual(['partnerCode']);
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM partner_referrals WHERE case_id = $1`,
      [kase.caseId],
    );
    expect(count).toBe(0);
  });

  it('refers; the partner accepts by link (twice → once), reports the result, and the case shows it', async () => {
    const reason = 'Needs a German distributor for upholstered chairs.';
    const res = await refer(tokens.adviser, { partnerCode: 'ahk-uk', reason, smeConsent: true });
    expect(res.status).toBe(201);
    const referral = await readJson(res);
    expect(referral).toMatchObject({
      status: 'sent',
      partner: { code: 'ahk-uk', kind: 'chamber_of_commerce' },
      reason,
      result: null,
    });
    expect(res.headers.get('location')).toBe(`/api/v1/referrals/${referral.id}`);

    // The partner's email: in German (its first language), with the reason and the company's contact.
    const [mail] = await mailWith(AHK, 'Muebles Norte SL');
    expect(mail.language).toBe('de');
    expect(mail.subject).toContain('Vermittlung');
    expect(mail.text).toContain(reason);
    expect(mail.text).toContain(kase.sme.user.email);
    const acceptPath = linkPath(mail.text, 'accept');
    const resultPath = linkPath(mail.text, 'result');

    const partner = webSession(api);
    const page = await partner.get(`${acceptPath}?lang=de`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="de"');
    expect(html).toContain(reason);
    const csrf = csrfFromHtml(html);
    const accepted = await partner.post(acceptPath, { _csrf: csrf, accept: 'yes' });
    expect(accepted.status).toBe(303);
    await mailWith(adviser.user.email, 'accepted the referral of Muebles Norte SL');
    // Clicked again: the outcome is shown, nothing changes, nothing more is sent.
    const twice = await partner.post(acceptPath, { _csrf: csrf, accept: 'yes' });
    expect(twice.status).toBe(200);
    expect(await twice.text()).toContain('Vermittlung angenommen');
    expect(await kinds(referral.id as string)).toEqual([
      'partner-referral-accepted.adviser',
      'partner-referral.partner',
    ]);
    const [reminder] = await api.dataSource.query(
      `SELECT status FROM follow_up WHERE rule_code = 'partner-referral-unanswered' AND subject_key = $1`,
      [referral.id],
    );
    expect(reminder.status).toBe('done');

    // The result: no choice shows the error summary; then "helped" with a note, counted once.
    const resultPage = await (await partner.get(resultPath)).text();
    const csrf2 = csrfFromHtml(resultPage);
    const empty = await partner.post(resultPath, { _csrf: csrf2 });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('href="#result"');
    const reported = await partner.post(resultPath, {
      _csrf: csrf2,
      result: 'helped',
      note: 'Met two distributors in Köln.',
    });
    expect(reported.status).toBe(303);
    const again = await partner.post(resultPath, { _csrf: csrf2, result: 'not_able_to_help' });
    expect(again.status).toBe(200);
    await mailWith(adviser.user.email, 'Met two distributors in Köln.');
    expect(await kinds(referral.id as string)).toEqual([
      'partner-referral-accepted.adviser',
      'partner-referral-helped.adviser',
      'partner-referral.partner',
    ]);

    const got = await call(api, tokens.adviser, 'GET', `/api/v1/referrals/${referral.id}`);
    expect(got.status).toBe(200);
    expect(await readJson(got)).toMatchObject({
      status: 'completed',
      result: 'helped',
      resultNote: 'Met two distributors in Köln.',
    });
    const audit = await api.dataSource.query(
      `SELECT action, before FROM audit_event WHERE entity_type = 'partner_referral' AND entity_id = $1 ORDER BY id`,
      [referral.id],
    );
    expect(audit.map((a: Json) => [a.action, a.before?.status ?? null])).toEqual([
      ['referral.sent', null],
      ['referral.accepted', 'sent'],
      ['referral.completed', 'accepted'],
    ]);
    const timeline = await api.dataSource.query(
      `SELECT kind FROM case_timeline_events WHERE ref_id = $1 ORDER BY occurred_at, id`,
      [referral.id],
    );
    expect(timeline.map((e: Json) => e.kind)).toEqual([
      'referral.sent',
      'referral.accepted',
      'referral.helped',
    ]);

    // The outcome on the case: its referrals page and its timeline.
    const web = await signInWeb(api, adviser.user.email, adviser.password);
    const casePage = await (await web.get(`/cases/${kase.caseId}`)).text();
    expect(casePage).toContain(`href="/cases/${kase.caseId}/referrals"`);
    expect(casePage).toContain(
      'German-British Chamber of Industry and Commerce reported the referral: helped the company',
    );
    const referralsPage = await (await web.get(`/cases/${kase.caseId}/referrals`)).text();
    expect(referralsPage).toContain(`id="referral-${referral.id}"`);
    expect(referralsPage).toContain('Helped the company');
    expect(referralsPage).toContain('Met two distributors in Köln.');
  });

  it('says an expired link has expired (410) and changes nothing; a made-up link names nothing', async () => {
    const referral = await readJson(
      await refer(tokens.officer, {
        partnerCode: 'export-credit',
        reason: 'Export finance',
        smeConsent: true,
      }),
    );
    const [mail] = await mailWith('smes@export-credit.example', 'Export finance');
    await api.dataSource.query(
      `UPDATE partner_referrals SET accept_expires_at = now() - interval '1 minute' WHERE id = $1`,
      [referral.id],
    );
    const visitor = webSession(api);
    const acceptPath = linkPath(mail.text, 'accept');
    const page = await visitor.get(acceptPath);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('This link has expired');
    const expired = await visitor.post(acceptPath, { _csrf: await visitor.csrfToken(), accept: 'yes' });
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This link has expired');
    const [row] = await api.dataSource.query(`SELECT status FROM partner_referrals WHERE id = $1`, [
      referral.id,
    ]);
    expect(row.status).toBe('sent');
    expect(await kinds(referral.id as string)).toEqual(['partner-referral.partner']);
    expect((await visitor.get('/referrals/accept/not-a-token')).status).toBe(404);
    // A result link is not an accept link.
    expect((await visitor.get(acceptPath.replace('/accept/', '/result/'))).status).toBe(404);
  });

  it('reminds the partner when unanswered, then tells the adviser once, however often the sweep runs', async () => {
    const referral = await readJson(
      await refer(tokens.adviser, {
        partnerCode: 'bcc-north-west',
        reason: 'Documentation',
        smeConsent: true,
      }),
    );
    const followUp = async (): Promise<Json> =>
      (
        await api.dataSource.query(
          `SELECT id, status, step FROM follow_up WHERE rule_code = 'partner-referral-unanswered' AND subject_key = $1`,
          [referral.id],
        )
      )[0];
    const dueNow = () =>
      api.dataSource.query(
        `UPDATE follow_up SET due_at = now() - interval '1 minute', deadline_at = now() - interval '1 minute',
                plan = jsonb_set(plan, ARRAY[step::text, 'at'], to_jsonb(now() - interval '1 minute'))
          WHERE rule_code = 'partner-referral-unanswered' AND subject_key = $1 AND status = 'scheduled'`,
        [referral.id],
      );
    expect(await followUp()).toMatchObject({ status: 'scheduled', step: 0 });

    await dueNow();
    await worker.get(Sweeper).sweepOnce();
    await worker.get(Sweeper).sweepOnce();
    const [reminder] = await mailWith(CHAMBER, 'Reminder: referral of Muebles Norte SL');
    expect(reminder.text).toContain('/referrals/accept/');
    await eventually(async () => (await followUp()).step === 1, 20_000, 'second step scheduled');

    await dueNow();
    await worker.get(Sweeper).sweepOnce();
    await worker.get(Sweeper).sweepOnce();
    const told = await mailWith(adviser.user.email, 'has not answered the referral of Muebles Norte SL');
    expect(told[0].text).toContain(`/cases/${kase.caseId}/referrals#referral-${referral.id}`);
    await eventually(async () => (await followUp()).status === 'sent', 20_000, 'follow-up finished');
    await worker.get(Sweeper).sweepOnce();
    const sent = await api.dataSource.query(
      `SELECT follow_up_step, count(*)::int AS count FROM notification WHERE follow_up_id = $1
        GROUP BY follow_up_step ORDER BY follow_up_step`,
      [(await followUp()).id],
    );
    expect(sent).toEqual([
      { follow_up_step: 0, count: 1 },
      { follow_up_step: 1, count: 1 },
    ]);
    expect(smtp.to(CHAMBER).filter((m) => m.subject.startsWith('Reminder: referral'))).toHaveLength(1);
  });

  it('refers from the case page: consent missing shows the error summary; then the referral is made', async () => {
    const web = await signInWeb(api, adviser.user.email, adviser.password);
    const missing = await web.post(`/cases/${kase.caseId}/referrals`, {
      partnerCode: 'post-madrid',
      reason: 'Trade visit to Madrid',
    });
    expect(missing.status).toBe(400);
    const html = await missing.text();
    expect(html).toContain('href="#smeConsent"');
    expect(html).toContain('Confirm that the company agreed to share its details with the partner');
    const made = await web.post(`/cases/${kase.caseId}/referrals`, {
      partnerCode: 'post-madrid',
      reason: 'Trade visit to Madrid',
      smeConsent: 'yes',
    });
    expect(made.status).toBe(303);
    expect(made.headers.get('location')).toBe(`/cases/${kase.caseId}/referrals?notice=referred`);
    const [mail] = await mailWith('trade.madrid@post.example', 'Trade visit to Madrid');
    expect(mail.language).toBe('es');
  });

  it('makes one referral for a retried request with the same Idempotency-Key, and emails the partner once', async () => {
    const body = { partnerCode: 'growth-hub-west-midlands', reason: 'Social media plan', smeConsent: true };
    const headers = { 'idempotency-key': `referral-${Date.now()}` };
    const path = `/api/v1/cases/${kase.caseId}/referrals`;
    const first = await call(api, tokens.adviser, 'POST', path, body, headers);
    const retried = await call(api, tokens.adviser, 'POST', path, body, headers);
    expect([first.status, retried.status]).toEqual([201, 201]);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    const [a, b] = [await readJson(first), await readJson(retried)];
    expect(b.id).toBe(a.id);
    expect(retried.headers.get('location')).toBe(`/api/v1/referrals/${a.id}`);
    const rows = await api.dataSource.query(
      `SELECT id FROM partner_referrals WHERE case_id = $1 AND partner_code = 'growth-hub-west-midlands'`,
      [kase.caseId],
    );
    expect(rows).toEqual([{ id: a.id }]);
    expect(await kinds(a.id as string)).toEqual(['partner-referral.partner']);
  });

  it('lets only the case’s adviser and officers see or make referrals (404 for the rest)', async () => {
    const [{ id }] = await api.dataSource.query(
      `SELECT id FROM partner_referrals WHERE case_id = $1 LIMIT 1`,
      [kase.caseId],
    );
    const routes: [string, string, Json?][] = [
      ['GET', `/api/v1/cases/${kase.caseId}/referrals`],
      ['GET', `/api/v1/referrals/${id}`],
      [
        'POST',
        `/api/v1/cases/${kase.caseId}/referrals`,
        { partnerCode: 'ahk-uk', reason: 'x', smeConsent: true },
      ],
    ];
    for (const [method, path, body] of routes) {
      const anonymous = await fetch(`${api.url}${path}`, {
        method,
        headers: body ? { 'content-type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
      });
      expect([method, path, anonymous.status]).toEqual([method, path, 401]);
      for (const who of ['sme', 'otherAdviser', 'admin'] as const)
        expect([who, method, path, (await call(api, tokens[who], method, path, body)).status]).toEqual([
          who,
          method,
          path,
          404,
        ]);
    }
    expect((await call(api, tokens.adviser, 'GET', `/api/v1/cases/${kase.caseId}/referrals`)).status).toBe(
      200,
    );
    const list = await readJson(
      await call(api, tokens.officer, 'GET', `/api/v1/cases/${kase.caseId}/referrals`),
    );
    expect((list.items as Json[]).length).toBe(5);
    expect((await call(api, tokens.officer, 'GET', `/api/v1/referrals/${id}`)).status).toBe(200);

    // The pages: the officer sees them; another adviser, the SME and an admin get 404, for the form too;
    // an anonymous visitor is sent to sign in.
    const page = `/cases/${kase.caseId}/referrals`;
    const officer = await buildUser(api, 'officer');
    expect((await (await signInWeb(api, officer.user.email, officer.password)).get(page)).status).toBe(200);
    const other = await buildAdviser(api);
    const admin = await buildUser(api, 'admin');
    for (const who of [other, kase.sme, admin]) {
      const web = await signInWeb(api, who.user.email, who.password);
      expect([who.user.role, (await web.get(page)).status]).toEqual([who.user.role, 404]);
      const posted = await web.post(page, { partnerCode: 'ahk-uk', reason: 'x', smeConsent: 'yes' });
      expect([who.user.role, posted.status]).toEqual([who.user.role, 404]);
    }
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM partner_referrals WHERE case_id = $1`,
      [kase.caseId],
    );
    expect(count).toBe(5);
    const anonymous = await webSession(api).get(`/cases/${kase.caseId}/referrals`);
    expect([302, 303, 401]).toContain(anonymous.status);
  });
});
