import {
  buildAdviser,
  buildCase,
  buildExpert,
  buildExpertAccount,
  buildIntroduction,
  buildToken,
  buildUser,
  type TestUser,
} from '../../factories';
import { csrfFromHtml, signInWeb, webSession, type WebSession } from '../../support/auth';
import { readJson, type Json } from '../../support/http';
import { startTestApi, type TestApi } from '../../support/test-api';
import { call } from '../advisers/support/advisers.factory';

jest.setTimeout(180_000);

/**
 * The expert's own side end to end (real Postgres and Redis): an officer invites an expert by email; the
 * expert accepts the terms through the signed, single-use link and so gets an `expert` account; signed in,
 * they complete their profile, answer the introductions asked of them, pause and resume, and leave. Every
 * change has its audit row; the invitation email is written with its outbox row in the same transaction.
 */
describe('network: the expert invited, with their own account', () => {
  let api: TestApi;
  let officer: TestUser;
  let officerToken: string;
  let adviser: TestUser;
  let adviserToken: string;
  let smeToken: string;
  let kase: { caseId: string; sme: TestUser };
  let expertId: string;
  const email = `lucia.${Date.now()}@mentores.example`;
  const password = 'Tres-palabras-sueltas-2026';
  let expert: WebSession;

  beforeAll(async () => {
    api = await startTestApi();
    officer = await buildUser(api, 'officer');
    officerToken = await buildToken(api, officer.user);
    adviser = await buildAdviser(api);
    adviserToken = await buildToken(api, adviser.user);
    kase = await buildCase(api, {
      adviserId: adviser.user.id,
      company: { legalName: 'Cerámica Levante SL', naceCode: '23.41' },
      targetMarkets: ['DE'],
    });
    smeToken = await buildToken(api, kase.sme.user);
    expertId = await buildExpert(api, officer.user, {
      name: 'Lucía Moreno',
      email,
      languages: ['es', 'en'],
      markets: ['DE'],
      naceSections: ['C'],
    });
  });
  afterAll(() => api?.close());

  const auditActions = async (entityType: string, entityId: string): Promise<string[]> =>
    (
      (await api.dataSource.query(
        `SELECT action FROM audit_event WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`,
        [entityType, entityId],
      )) as { action: string }[]
    ).map((a) => a.action);
  /** The invitation links emailed to the expert so far, oldest first, as paths. */
  const invitationLinks = async (): Promise<string[]> => {
    const rows = (await api.dataSource.query(
      `SELECT body_text FROM notification WHERE kind = 'expert-invitation.expert' AND recipient_email = $1
        ORDER BY created_at, id`,
      [email],
    )) as { body_text: string }[];
    return rows.map((r) => {
      const match = /https?:\/\/[^\s/]+(\/expert-invitation\/[^\s?]+\?lang=\w\w)/.exec(r.body_text);
      if (!match) throw new Error(`no invitation link in ${r.body_text}`);
      return match[1];
    });
  };
  const expertRow = async (): Promise<Json> =>
    (
      (await api.dataSource.query(
        `SELECT user_id, terms_version, terms_accepted_at, active, consent_to_contact, consent_recorded_at,
                left_at, version FROM experts WHERE id = $1`,
        [expertId],
      )) as Json[]
    )[0];

  it('lets only officers and admins invite; the email goes in the expert’s language with its outbox row', async () => {
    const path = `/api/v1/experts/${expertId}/invitation`;
    expect((await fetch(`${api.url}${path}`, { method: 'POST' })).status).toBe(401);
    expect((await call(api, adviserToken, 'POST', path)).status).toBe(404);
    expect((await call(api, smeToken, 'POST', path)).status).toBe(404);

    const res = await call(api, officerToken, 'POST', path);
    expect(res.status).toBe(201);
    const invitation = await readJson(res);
    expect(invitation).toMatchObject({ expertId, email, language: 'es' });

    const [sent] = (await api.dataSource.query(
      `SELECT n.id, n.language, n.subject, n.body_text,
              (SELECT count(*)::int FROM outbox_event o WHERE o.aggregate_id = n.id::text) AS outbox
         FROM notification n WHERE n.idempotency_key = $1`,
      [`expert-invitation:${invitation.id}`],
    )) as Json[];
    expect(sent).toMatchObject({ language: 'es', outbox: 1 });
    expect(sent.subject).toContain('Invitación');
    expect(sent.body_text).toContain(officer.user.name);
    expect(await auditActions('expert', expertId)).toEqual(['expert.created', 'expert.invited']);

    // The officers' page shows the button; a second invitation (from it) replaces the first.
    const web = await signInWeb(api, officer.user.email, officer.password);
    const page = await (await web.get(`/experts/${expertId}`)).text();
    expect(page).toContain(`action="/experts/${expertId}/invitation"`);
    const again = await web.post(`/experts/${expertId}/invitation`, {});
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`/experts/${expertId}?notice=invited`);
    expect(await (await web.get(`/experts/${expertId}?notice=invited`)).text()).toContain(
      `An invitation was emailed to ${email}`,
    );

    const [first, second] = await invitationLinks();
    const visitor = webSession(api);
    const replaced = await visitor.get(first);
    expect(replaced.status).toBe(200);
    expect(await replaced.text()).toContain('Esta invitación ya no funciona');
    expect((await visitor.get(second)).status).toBe(200);
    // A made-up link names nothing.
    expect((await visitor.get(`/expert-invitation/not-a-token`)).status).toBe(404);
  });

  it('accepts the terms once through the link, with the GOV.UK error summary on bad input', async () => {
    const link = (await invitationLinks()).pop()!;
    const action = link.split('?')[0];
    const visitor = webSession(api);
    const page = await visitor.get(link);
    const html = await page.text();
    expect(html).toContain('<html lang="es"');
    expect(html).toContain('Condiciones del programa para expertos (versión 2026-12)');
    expect(html).toContain('name="password"');
    const csrf = csrfFromHtml(html);

    const empty = await visitor.post(action, { _csrf: csrf });
    expect(empty.status).toBe(400);
    const emptyHtml = await empty.text();
    expect(emptyHtml).toContain('govuk-error-summary');
    expect(emptyHtml).toContain('href="#acceptTerms"');

    const noPassword = await visitor.post(action, { _csrf: csrf, acceptTerms: 'yes' });
    expect(noPassword.status).toBe(400);
    expect(await noPassword.text()).toContain('href="#password"');

    const weak = await visitor.post(action, { _csrf: csrf, acceptTerms: 'yes', password: 'short' });
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain('La contraseña debe tener al menos 12 caracteres');
    expect((await expertRow()).user_id).toBeNull();

    const accepted = await visitor.post(action, { _csrf: csrf, acceptTerms: 'yes', password });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(action);
    expect(await (await visitor.get(link)).text()).toContain('Se ha unido al programa');

    const row = await expertRow();
    expect(row).toMatchObject({ terms_version: '2026-12' });
    expect(row.terms_accepted_at).not.toBeNull();
    const [user] = (await api.dataSource.query(`SELECT id, role, active FROM users WHERE email = $1`, [
      email,
    ])) as Json[];
    expect(user).toMatchObject({ id: row.user_id, role: 'expert', active: true });

    // Posted again: the outcome is shown, nothing changes.
    const twice = await visitor.post(action, { _csrf: csrf, acceptTerms: 'yes', password });
    expect(twice.status).toBe(200);
    expect(await twice.text()).toContain('Se ha unido al programa');
    expect(await auditActions('expert', expertId)).toEqual([
      'expert.created',
      'expert.invited',
      'expert.invited',
      'expert.terms_accepted',
    ]);
    expect(await auditActions('user', row.user_id as string)).toEqual(['user.created']);

    // Once joined, another invitation means nothing.
    const invite = await call(api, officerToken, 'POST', `/api/v1/experts/${expertId}/invitation`);
    expect(invite.status).toBe(409);
    expect((await readJson(invite)).code).toBe('expert.joined');
    const staffView = await readJson(await call(api, officerToken, 'GET', `/api/v1/experts/${expertId}`));
    expect(staffView).toMatchObject({ hasAccount: true, termsVersion: '2026-12', leftAt: null });
  });

  it('signs the expert in to their home, where they complete their profile', async () => {
    expert = await signInWeb(api, email, password);
    const home = await expert.get('/home');
    expect(home.status).toBe(302);
    expect(home.headers.get('location')).toBe('/expert');
    const page = await (await expert.get('/expert')).text();
    expect(page).toContain('Your requests');
    expect(page).toContain('href="/expert/profile"');
    expect(page).toContain('There are no introductions waiting for your answer.');

    const profile = await (await expert.get('/expert/profile')).text();
    expect(profile).toContain('Do you agree to be contacted about introductions?');
    expect(profile).not.toContain('name="email"');
    const version = /name="version" value="(\d+)"/.exec(profile)![1];

    const bad = await expert.post('/expert/profile', {
      version,
      languages: ['es', 'de'],
      markets: 'Germany',
      capacityPerMonth: 'lots',
      consentToContact: 'true',
    });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('govuk-error-summary');
    expect(badHtml).toContain('href="#markets"');
    expect(badHtml).toContain('href="#capacityPerMonth"');

    const saved = await expert.post('/expert/profile', {
      version,
      organisation: 'Mentores del Levante',
      languages: ['es', 'de'],
      expertise: ['product_market', 'social_media'],
      markets: 'DE, AT',
      naceSections: 'C',
      capacityPerMonth: '3',
      absentFrom: '',
      absentTo: '',
      consentToContact: 'true',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/expert/profile?notice=saved');
    const view = await readJson(await call(api, officerToken, 'GET', `/api/v1/experts/${expertId}`));
    expect(view).toMatchObject({
      organisation: 'Mentores del Levante',
      languages: ['es', 'de'],
      expertise: ['product_market', 'social_media'],
      markets: ['DE', 'AT'],
      capacityPerMonth: 3,
      consentToContact: true,
      name: 'Lucía Moreno',
    });
    expect((await auditActions('expert', expertId)).pop()).toBe('expert.updated');

    // The same form again with the version it was read at: someone's change in between is a 409.
    const stale = await expert.post('/expert/profile', { version, capacityPerMonth: '1' });
    expect(stale.status).toBe(409);
  });

  it('answers the introductions asked of them from their home; another expert’s is a 404', async () => {
    const introId = await buildIntroduction(
      api,
      adviser.user,
      kase.caseId,
      expertId,
      'Advice on selling tiles to German distributors',
    );
    const page = await (await expert.get('/expert')).text();
    expect(page).toContain('Cerámica Levante SL');
    expect(page).toContain('Advice on selling tiles to German distributors');
    expect(page).not.toContain(kase.sme.user.email);

    const none = await expert.post(`/expert/introductions/${introId}`, {});
    expect(none.status).toBe(400);
    expect(await none.text()).toContain(`href="#decision-${introId}"`);

    // An introduction asked of someone else: 404, the denial audited.
    const otherExpert = await buildExpert(api, officer.user, { name: 'Other Expert' });
    const otherIntro = await buildIntroduction(api, adviser.user, kase.caseId, otherExpert);
    const [user] = (await api.dataSource.query(`SELECT id FROM users WHERE email = $1`, [email])) as Json[];
    const denied = await expert.post(`/expert/introductions/${otherIntro}`, { decision: 'accept' });
    expect(denied.status).toBe(404);
    const [denial] = (await api.dataSource.query(
      `SELECT entity_type, entity_id FROM audit_event WHERE action = 'access.denied' AND actor_id = $1
        ORDER BY id DESC LIMIT 1`,
      [user.id],
    )) as Json[];
    expect(denial).toEqual({ entity_type: 'introduction', entity_id: otherIntro });
    const [other] = (await api.dataSource.query(`SELECT status FROM introductions WHERE id = $1`, [
      otherIntro,
    ])) as Json[];
    expect(other.status).toBe('requested');

    const accepted = await expert.post(`/expert/introductions/${introId}`, { decision: 'accept' });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe('/expert?notice=accepted');
    const [row] = (await api.dataSource.query(`SELECT status FROM introductions WHERE id = $1`, [
      introId,
    ])) as Json[];
    expect(row.status).toBe('accepted');
    const sent = (await api.dataSource.query(
      `SELECT kind FROM notification WHERE idempotency_key LIKE $1 ORDER BY kind`,
      [`introduction:${introId}:accepted:%`],
    )) as Json[];
    expect(sent.map((n) => n.kind)).toEqual([
      'introduction-accepted.adviser',
      'introduction-accepted.expert',
      'introduction-accepted.sme',
    ]);
    const after = await (await expert.get('/expert')).text();
    expect(after).toContain('id="history"');
    expect(after).toContain('Accepted');
    // Answered once: a second answer changes nothing.
    expect((await expert.post(`/expert/introductions/${introId}`, { decision: 'decline' })).status).toBe(303);
    expect(await auditActions('introduction', introId)).toEqual([
      'introduction.requested',
      'introduction.accepted',
    ]);
  });

  it('pauses (no longer asked) and resumes', async () => {
    const paused = await expert.post('/expert/pause', {});
    expect(paused.status).toBe(303);
    expect((await expertRow()).active).toBe(false);
    const suggestions = await readJson(
      await call(api, adviserToken, 'GET', `/api/v1/cases/${kase.caseId}/expert-suggestions`),
    );
    expect((suggestions.suggestions as Json[]).map((s) => s.expertId)).not.toContain(expertId);
    expect((await expert.get('/expert')).status).toBe(200);
    expect(await (await expert.get('/expert/profile')).text()).toContain('Resume introductions');
    // Pausing twice writes nothing more.
    await expert.post('/expert/pause', {});

    expect((await expert.post('/expert/resume', {})).status).toBe(303);
    expect((await expertRow()).active).toBe(true);
    const actions = await auditActions('expert', expertId);
    expect(actions.slice(-2)).toEqual(['expert.paused', 'expert.resumed']);
    expect(actions.filter((a) => a === 'expert.paused')).toHaveLength(1);
  });

  it('keeps the expert’s pages to the expert, and the staff directory from them', async () => {
    const expertToken = await buildToken(api, {
      id: ((await expertRow()).user_id as string) ?? '',
    });
    expect((await call(api, expertToken, 'GET', '/api/v1/experts')).status).toBe(404);
    expect((await call(api, expertToken, 'GET', `/api/v1/experts/${expertId}`)).status).toBe(404);
    expect((await call(api, expertToken, 'GET', `/api/v1/cases/${kase.caseId}`)).status).toBe(404);
    expect((await expert.get(`/experts/${expertId}`)).status).toBe(404);
    expect((await expert.get(`/cases/${kase.caseId}`)).status).toBe(404);
    for (const who of [officer, adviser, kase.sme]) {
      const web = await signInWeb(api, who.user.email, who.password);
      expect((await web.get('/expert')).status).toBe(404);
      expect((await web.get('/expert/profile')).status).toBe(404);
    }
    const anonymous = await webSession(api).get('/expert/profile');
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toMatch(/^\/sign-in\?returnTo=/);
  });

  it('serves the expert’s own side through the API too', async () => {
    const apiExpert = await buildExpert(api, officer.user, { name: 'Api Expert', markets: ['DE'] });
    const userId = await buildExpertAccount(api, officer.user, apiExpert, 'Otras-tres-palabras-2026');
    const token = await buildToken(api, { id: userId });
    const me = await call(api, token, 'GET', '/api/v1/experts/me');
    expect(me.status).toBe(200);
    expect(await readJson(me)).toMatchObject({ id: apiExpert, hasAccount: true, termsVersion: '2026-12' });
    const etag = me.headers.get('etag')!;
    // Name and email stay with the officers.
    expect(
      (await call(api, token, 'PATCH', '/api/v1/experts/me', { name: 'X' }, { 'if-match': etag })).status,
    ).toBe(400);
    const patched = await call(
      api,
      token,
      'PATCH',
      '/api/v1/experts/me',
      { capacityPerMonth: 5 },
      { 'if-match': etag },
    );
    expect(patched.status).toBe(200);
    expect(await readJson(patched)).toMatchObject({ capacityPerMonth: 5 });
    // Officers reach an expert by id, never as `me`.
    expect((await call(api, officerToken, 'GET', '/api/v1/experts/me')).status).toBe(404);

    const introId = await buildIntroduction(api, adviser.user, kase.caseId, apiExpert, 'By the API');
    const listed = await readJson(await call(api, token, 'GET', '/api/v1/experts/me/introductions'));
    expect((listed.waiting as Json[]).map((r) => r.id)).toEqual([introId]);
    expect(listed.waiting[0]).toMatchObject({ companyName: 'Cerámica Levante SL', purpose: 'By the API' });
    const answer = (decision: string) =>
      call(api, token, 'POST', `/api/v1/experts/me/introductions/${introId}/answer`, { decision });
    expect((await answer('maybe')).status).toBe(400);
    expect(await readJson(await answer('decline'))).toEqual({ changed: true });
    expect(await readJson(await answer('accept'))).toEqual({ changed: false });
    const [row] = (await api.dataSource.query(`SELECT status FROM introductions WHERE id = $1`, [
      introId,
    ])) as Json[];
    expect(row.status).toBe('declined');

    expect(await readJson(await call(api, token, 'POST', '/api/v1/experts/me/pause'))).toMatchObject({
      active: false,
    });
    expect(await readJson(await call(api, token, 'POST', '/api/v1/experts/me/resume'))).toMatchObject({
      active: true,
    });
    expect((await call(api, token, 'POST', '/api/v1/experts/me/leave', {})).status).toBe(400);
    expect((await call(api, token, 'POST', '/api/v1/experts/me/leave', { confirm: 'yes' })).status).toBe(204);
    expect((await call(api, token, 'GET', '/api/v1/experts/me')).status).toBe(401);
    expect(await auditActions('expert', apiExpert)).toEqual([
      'expert.created',
      'expert.invited',
      'expert.terms_accepted',
      'expert.updated',
      'expert.paused',
      'expert.resumed',
      'expert.left',
    ]);
  });

  it('leaves: profile inactive, consent withdrawn, account deactivated and signed out', async () => {
    const page = await expert.get('/expert/leave');
    expect(page.status).toBe(200);
    const unconfirmed = await expert.post('/expert/leave', {});
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain('href="#confirm"');
    expect((await expertRow()).left_at).toBeNull();

    const left = await expert.post('/expert/leave', { confirm: 'yes' });
    expect(left.status).toBe(303);
    expect(left.headers.get('location')).toBe('/expert-left');
    expect(await (await expert.get('/expert-left')).text()).toContain('You have left the programme');

    const row = await expertRow();
    expect(row).toMatchObject({ active: false, consent_to_contact: false, consent_recorded_at: null });
    expect(row.left_at).not.toBeNull();
    const [user] = (await api.dataSource.query(`SELECT active FROM users WHERE id = $1`, [
      row.user_id,
    ])) as Json[];
    expect(user.active).toBe(false);
    expect((await auditActions('expert', expertId)).pop()).toBe('expert.left');
    expect((await auditActions('user', row.user_id as string)).pop()).toBe('user.deactivated');

    // Signed out, and cannot sign in again.
    const after = await expert.get('/expert');
    expect(after.status).toBe(302);
    await expect(signInWeb(api, email, password)).rejects.toThrow(/sign-in as/);
    // Nobody asks them any more, and they cannot be invited back by mistake.
    const asked = await call(api, adviserToken, 'POST', `/api/v1/cases/${kase.caseId}/introductions`, {
      expertId,
      purpose: 'Anything',
    });
    expect(asked.status).toBe(422);
    const invite = await call(api, officerToken, 'POST', `/api/v1/experts/${expertId}/invitation`);
    expect(invite.status).toBe(409);
    expect((await readJson(invite)).code).toBe('expert.left');
  });
});
