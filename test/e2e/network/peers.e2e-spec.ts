import { QuestionnaireCatalogue } from '@app/readiness';
import { buildAdviser, buildCase, buildToken, buildUser, type TestUser } from '../../factories';
import { csrfFromHtml, signInWeb, webSession } from '../../support/auth';
import { readJson, type Json } from '../../support/http';
import { startApiWithWorker, type ApiWithWorker } from '../../support/api-with-worker';
import type { TestApi } from '../../support/test-api';
import { call } from '../advisers/support/advisers.factory';
import { eventually } from '../follow-ups/support/in-process-worker';
import type { SmtpPeer } from '../follow-ups/support/smtp-peer';

jest.setTimeout(180_000);

/**
 * Peers end to end (real Postgres, Redis, worker and SMTP): an exporting SME opts in to help others
 * (consent recorded, withdrawable), other SMEs see it by company only, matching suggests it for other
 * cases (never its own), and an introduction to it is answered by its signed link: accepting exchanges
 * contact details once, however often the link is clicked.
 */
describe('network: peers', () => {
  let stack: ApiWithWorker;
  let smtp: SmtpPeer;
  let api: TestApi;
  let adviser: TestUser;
  let adviserToken: string;
  let officerToken: string;
  let adminToken: string;
  /** A furniture maker exporting to Germany (passive): it offers help. */
  let peerCase: { caseId: string; sme: TestUser };
  let peerToken: string;
  /** A second exporter that also offers help, in a different sector and market. */
  let otherPeerCase: { caseId: string; sme: TestUser };
  let otherPeerToken: string;
  /** A non-exporter furniture maker aiming at Germany: it asks for help. */
  let newcomer: { caseId: string; sme: TestUser };
  let newcomerToken: string;

  const offer = (over: Json = {}): Json => ({
    markets: ['DE', 'AT'],
    topics: ['product_market', 'psychological'],
    languages: ['es', 'en'],
    capacityPerMonth: 2,
    consent: true,
    ...over,
  });

  beforeAll(async () => {
    stack = await startApiWithWorker();
    ({ smtp, api } = stack);
    adviser = await buildAdviser(api);
    adviserToken = await buildToken(api, adviser.user);
    officerToken = await buildToken(api, (await buildUser(api, 'officer')).user);
    adminToken = await buildToken(api, (await buildUser(api, 'admin')).user);
    peerCase = await buildCase(api, {
      adviserId: adviser.user.id,
      company: { legalName: 'Carpintería Sur SL', naceCode: '31.09' },
      targetMarkets: ['DE'],
    });
    peerToken = await buildToken(api, peerCase.sme.user);
    otherPeerCase = await buildCase(api, {
      company: { legalName: 'Software Lindo SL', naceCode: '62.01' },
      stage: 'proactive_exporter',
    });
    otherPeerToken = await buildToken(api, otherPeerCase.sme.user);
    newcomer = await buildCase(api, {
      adviserId: adviser.user.id,
      company: { legalName: 'Muebles Nuevos SL', naceCode: '31.01' },
      targetMarkets: ['DE', 'AT'],
      stage: 'non_exporter',
    });
    newcomerToken = await buildToken(api, newcomer.sme.user);

    // The adviser's audit of the newcomer: psychological and product/market weak, the rest strong.
    const questionnaire = QuestionnaireCatalogue.load().current;
    const answers: Record<string, number> = {};
    for (const heading of questionnaire.headings)
      for (const q of heading.questions)
        answers[q.code] = ['psychological', 'product_market'].includes(heading.code) ? 0 : 4;
    const audit = await call(api, adviserToken, 'POST', `/api/v1/cases/${newcomer.caseId}/audits`, {
      questionnaireVersion: 1,
      answers,
      submit: true,
    });
    expect(audit.status).toBe(201);
  });
  afterAll(() => stack?.close());

  it('refuses a company below passive exporter with a field message', async () => {
    const mine = await readJson(await call(api, newcomerToken, 'GET', '/api/v1/peers/me'));
    expect(mine).toEqual({ eligible: false, stage: 'non_exporter', profile: null });
    const refused = await call(api, newcomerToken, 'PUT', '/api/v1/peers/me', offer());
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect((await readJson(refused)).errors).toEqual([
      expect.objectContaining({ field: 'stage', code: 'stage_too_early' }),
    ]);
    expect(
      await api.dataSource.query(
        `SELECT 1 FROM peers p JOIN cases c ON c.company_id = p.company_id WHERE c.id = $1`,
        [newcomer.caseId],
      ),
    ).toEqual([]);

    // Consent is required, and the capacity is capped by config/network.yaml.
    const noConsent = await call(api, peerToken, 'PUT', '/api/v1/peers/me', offer({ consent: false }));
    expect(noConsent.status).toBe(400);
    expect(((await readJson(noConsent)).errors as Json[]).map((e) => e.field)).toEqual(['consent']);
    const tooMany = await call(api, peerToken, 'PUT', '/api/v1/peers/me', offer({ capacityPerMonth: 11 }));
    expect(tooMany.status).toBe(400);
    expect(((await readJson(tooMany)).errors as Json[])[0]).toMatchObject({ field: 'capacityPerMonth' });
  });

  it('opts in with consent recorded, edits with If-Match, and shows others the company only', async () => {
    const opted = await call(api, peerToken, 'PUT', '/api/v1/peers/me', offer());
    expect(opted.status).toBe(200);
    expect(opted.headers.get('etag')).toBe('"1"');
    const profile = await readJson(opted);
    expect(profile).toMatchObject({
      companyName: 'Carpintería Sur SL',
      caseId: peerCase.caseId,
      markets: ['DE', 'AT'],
      topics: ['product_market', 'psychological'],
      status: 'active',
      withdrawnAt: null,
      version: 1,
    });
    expect(Date.parse(profile.consentRecordedAt as string)).toBeGreaterThan(Date.now() - 60_000);
    expect(
      (
        await call(
          api,
          otherPeerToken,
          'PUT',
          '/api/v1/peers/me',
          offer({ markets: ['US'], topics: ['social_media'] }),
        )
      ).status,
    ).toBe(200);

    const stale = await call(api, peerToken, 'PUT', '/api/v1/peers/me', offer({ capacityPerMonth: 3 }), {
      'if-match': '"7"',
    });
    expect(stale.status).toBe(409);
    const edited = await call(api, peerToken, 'PUT', '/api/v1/peers/me', offer({ capacityPerMonth: 3 }), {
      'if-match': '"1"',
    });
    expect(edited.status).toBe(200);
    expect(await readJson(edited)).toMatchObject({ capacityPerMonth: 3, version: 2 });
    const audit = await api.dataSource.query(
      `SELECT action FROM audit_event WHERE entity_type = 'peer' AND entity_id = $1 ORDER BY id`,
      [profile.id],
    );
    expect(audit.map((a: Json) => a.action)).toEqual(['peer.opted_in', 'peer.updated']);

    // Another SME sees the company, sector, markets and topics: never a person or a contact detail.
    const seen = await call(api, newcomerToken, 'GET', '/api/v1/peers/visible');
    expect(seen.status).toBe(200);
    const text = await seen.text();
    expect(text).not.toContain(peerCase.sme.user.email);
    expect(text).not.toContain(peerCase.sme.user.name);
    const items = (JSON.parse(text) as { items: Json[] }).items;
    expect(items.find((p) => p.id === profile.id)).toEqual({
      id: profile.id,
      companyName: 'Carpintería Sur SL',
      sector: expect.stringMatching(/^NACE C – /),
      markets: ['DE', 'AT'],
      topics: ['product_market', 'psychological'],
      languages: ['es', 'en'],
    });
    // Its own company is not offered to itself.
    const own = (await readJson(await call(api, peerToken, 'GET', '/api/v1/peers/visible'))).items as Json[];
    expect(own.map((p) => p.id)).not.toContain(profile.id);

    // Staff list every profile; an SME may not, and staff have no "me".
    for (const token of [adviserToken, officerToken, adminToken]) {
      const list = await call(api, token, 'GET', '/api/v1/peers');
      expect(list.status).toBe(200);
      expect(((await readJson(list)).items as Json[]).map((p) => p.id)).toContain(profile.id);
    }
    expect((await call(api, newcomerToken, 'GET', '/api/v1/peers')).status).toBe(404);
    expect((await call(api, officerToken, 'GET', '/api/v1/peers/me')).status).toBe(404);
    expect((await fetch(`${api.url}/api/v1/peers/visible`)).status).toBe(401);
  });

  it('suggests peers for a case with the score broken down, never its own company', async () => {
    const res = await call(api, adviserToken, 'GET', `/api/v1/cases/${newcomer.caseId}/peer-suggestions`);
    expect(res.status).toBe(200);
    const body = await readJson(res);
    const [first, second] = body.suggestions as Json[];
    // Weights of config/network.yaml's peers: heading 35, market 35, sector 15, language 15.
    expect(first).toMatchObject({
      peer: expect.objectContaining({ companyName: 'Carpintería Sur SL' }),
      score: 100,
      breakdown: { heading: 35, market: 35, sector: 15, language: 15, load: 0 },
      headings: ['psychological', 'product_market'],
      markets: ['DE', 'AT'],
    });
    expect(second).toMatchObject({ peer: expect.objectContaining({ companyName: 'Software Lindo SL' }) });
    expect(second.score).toBeLessThan(first.score as number);
    expect(JSON.stringify(body)).not.toContain(peerCase.sme.user.email);

    // The peer's own case: it is never suggested to itself.
    const ownCase = await readJson(
      await call(api, adviserToken, 'GET', `/api/v1/cases/${peerCase.caseId}/peer-suggestions`),
    );
    const names = [...(ownCase.suggestions as Json[]), ...(ownCase.excluded as Json[])].map(
      (s) => s.peer.companyName,
    );
    expect(names).not.toContain('Carpintería Sur SL');
    expect(names).toContain('Software Lindo SL');

    // The case's experts page lists them too, with a form to ask one (an empty choice: the error summary).
    const web = await signInWeb(api, adviser.user.email, adviser.password);
    const page = await (await web.get(`/cases/${newcomer.caseId}/experts`)).text();
    expect(page).toContain('id="peer-suggestions"');
    expect(page).toContain('Carpintería Sur SL');
    expect(page).not.toContain(peerCase.sme.user.email);
    const empty = await web.post(`/cases/${newcomer.caseId}/introductions`, { target: 'peer', purpose: 'x' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('href="#peerId"');

    // Only the case's adviser and officers.
    expect(
      (await call(api, newcomerToken, 'GET', `/api/v1/cases/${newcomer.caseId}/peer-suggestions`)).status,
    ).toBe(404);
    expect(
      (await call(api, officerToken, 'GET', `/api/v1/cases/${newcomer.caseId}/peer-suggestions`)).status,
    ).toBe(200);
  });

  it('introduces a case to a peer: its contact is shared only on accept, once however often clicked', async () => {
    const [peer] = (await api.dataSource.query(`SELECT id FROM peers WHERE case_id = $1`, [
      peerCase.caseId,
    ])) as {
      id: string;
    }[];
    const purpose = 'How did you find your first German distributor?';
    const both = await call(api, adviserToken, 'POST', `/api/v1/cases/${newcomer.caseId}/introductions`, {
      expertId: peer.id,
      peerId: peer.id,
      purpose,
    });
    expect(both.status).toBe(400);
    // The case's own company cannot be asked.
    const self = await call(api, adviserToken, 'POST', `/api/v1/cases/${peerCase.caseId}/introductions`, {
      peerId: peer.id,
      purpose,
    });
    expect(self.status).toBe(422);
    expect((await readJson(self)).errors).toEqual([expect.objectContaining({ field: 'peerId' })]);

    const asked = await call(api, adviserToken, 'POST', `/api/v1/cases/${newcomer.caseId}/introductions`, {
      peerId: peer.id,
      purpose,
    });
    expect(asked.status).toBe(201);
    const intro = await readJson(asked);
    expect(intro).toMatchObject({
      status: 'requested',
      expert: null,
      peer: { id: peer.id, companyName: 'Carpintería Sur SL' },
    });
    const again = await call(api, adviserToken, 'POST', `/api/v1/cases/${newcomer.caseId}/introductions`, {
      peerId: peer.id,
      purpose,
    });
    expect(again.status).toBe(422);

    // The peer's contact is written to: the purpose and the company, not the newcomer's contact details.
    const peerEmail = peerCase.sme.user.email;
    await eventually(
      async () => smtp.to(peerEmail).some((m) => /Muebles Nuevos SL/.test(m.subject)),
      30_000,
      'request',
    );
    const request = smtp.to(peerEmail).find((m) => /Muebles Nuevos SL/.test(m.subject))!;
    expect(request.text).toContain(purpose);
    expect(request.text).not.toContain(newcomer.sme.user.email);
    const match = /https?:\/\/[^\s]+(\/introductions\/respond\/[^\s?]+)\?decision=accept&lang=(\w\w)/.exec(
      request.text,
    );
    expect(match).not.toBeNull();
    const action = match![1];

    const visitor = webSession(api);
    const page = await visitor.get(`${action}?decision=accept&lang=${match![2]}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toContain(newcomer.sme.user.email);
    const csrf = csrfFromHtml(html);
    expect((await visitor.post(action, { _csrf: csrf, decision: 'accept' })).status).toBe(303);
    // Clicked again, and from the decline link: nothing changes, nothing more is sent.
    expect((await visitor.post(action, { _csrf: csrf, decision: 'accept' })).status).toBe(200);
    expect((await visitor.post(action, { _csrf: csrf, decision: 'decline' })).status).toBe(200);

    await eventually(
      async () => smtp.to(newcomer.sme.user.email).some((m) => m.text.includes(peerEmail)),
      30_000,
      'the newcomer gets the peer contact',
    );
    await eventually(
      async () => smtp.to(peerEmail).some((m) => m.text.includes(newcomer.sme.user.email)),
      30_000,
      'the peer gets the newcomer contact',
    );
    const sent = await api.dataSource.query(
      `SELECT kind FROM notification WHERE idempotency_key LIKE $1 ORDER BY kind`,
      [`introduction:${intro.id}:%`],
    );
    expect(sent.map((n: Json) => n.kind)).toEqual([
      'introduction-accepted.adviser',
      'introduction-accepted.expert',
      'introduction-accepted.sme-peer',
      'introduction-request.peer',
    ]);
    const audit = await api.dataSource.query(
      `SELECT action FROM audit_event WHERE entity_type = 'introduction' AND entity_id = $1 ORDER BY id`,
      [intro.id],
    );
    expect(audit.map((a: Json) => a.action)).toEqual(['introduction.requested', 'introduction.accepted']);
    const [row] = await api.dataSource.query(
      `SELECT status, expert_id, peer_id FROM introductions WHERE id = $1`,
      [intro.id],
    );
    expect(row).toEqual({ status: 'accepted', expert_id: null, peer_id: peer.id });
    // The adviser's page lists the introduction under the peer's company name.
    const adviserWeb = await signInWeb(api, adviser.user.email, adviser.password);
    const casePage = await (await adviserWeb.get(`/cases/${newcomer.caseId}/experts`)).text();
    expect(casePage).toMatch(/id="introductions"[\s\S]*Carpintería Sur SL/);
    // The database refuses an introduction with no target (or two).
    await expect(
      api.dataSource.query(`UPDATE introductions SET peer_id = NULL WHERE id = $1`, [intro.id]),
    ).rejects.toThrow(/ck_introductions_one_target/);
  });

  it('withdraws: no longer shown or suggested, waiting introductions withdrawn, consent renewed on return', async () => {
    const [peer] = (await api.dataSource.query(`SELECT id FROM peers WHERE case_id = $1`, [
      otherPeerCase.caseId,
    ])) as { id: string }[];
    const asked = await readJson(
      await call(api, adviserToken, 'POST', `/api/v1/cases/${newcomer.caseId}/introductions`, {
        peerId: peer.id,
        purpose: 'Social media in the US',
      }),
    );
    expect(asked.status).toBe('requested');

    const withdrawn = await call(api, otherPeerToken, 'DELETE', '/api/v1/peers/me');
    expect(withdrawn.status).toBe(200);
    expect(await readJson(withdrawn)).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String) });
    expect((await call(api, otherPeerToken, 'DELETE', '/api/v1/peers/me')).status).toBe(404);
    const [intro] = await api.dataSource.query(`SELECT status FROM introductions WHERE id = $1`, [asked.id]);
    expect(intro.status).toBe('withdrawn');
    const visible = (await readJson(await call(api, newcomerToken, 'GET', '/api/v1/peers/visible')))
      .items as Json[];
    expect(visible.map((p) => p.id)).not.toContain(peer.id);
    const suggestions = await readJson(
      await call(api, adviserToken, 'GET', `/api/v1/cases/${newcomer.caseId}/peer-suggestions`),
    );
    expect((suggestions.suggestions as Json[]).map((s) => s.peerId)).not.toContain(peer.id);
    const refused = await call(api, adviserToken, 'POST', `/api/v1/cases/${newcomer.caseId}/introductions`, {
      peerId: peer.id,
      purpose: 'Again',
    });
    expect(refused.status).toBe(422);
    const audit = await api.dataSource.query(
      `SELECT action FROM audit_event WHERE entity_type = 'peer' AND entity_id = $1 ORDER BY id`,
      [peer.id],
    );
    expect(audit.map((a: Json) => a.action)).toEqual(['peer.opted_in', 'peer.withdrawn']);

    // Opting in again records the consent anew.
    const before = (await readJson(await call(api, otherPeerToken, 'GET', '/api/v1/peers/me')))
      .profile as Json;
    const back = await readJson(
      await call(api, otherPeerToken, 'PUT', '/api/v1/peers/me', offer({ markets: ['US'] })),
    );
    expect(back).toMatchObject({ id: peer.id, status: 'active', withdrawnAt: null });
    expect(Date.parse(back.consentRecordedAt as string)).toBeGreaterThan(
      Date.parse(before.consentRecordedAt as string),
    );
  });

  it('lets the SME opt in, edit and withdraw on its page (error summary, CSRF, no contact details)', async () => {
    // Below passive: the page says why, and a post gets the error summary naming the stage.
    const newcomerWeb = await signInWeb(api, newcomer.sme.user.email, newcomer.sme.password);
    const home = await (await newcomerWeb.get('/home')).text();
    expect(home).toContain('href="/peer"');
    const early = await (await newcomerWeb.get('/peer')).text();
    expect(early).toContain('once its case reaches passive or proactive exporter');
    const refused = await newcomerWeb.post('/peer', {
      markets: 'DE',
      topics: 'product_market',
      languages: 'en',
      capacityPerMonth: '1',
      consent: 'true',
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('href="#stage"');

    const web = await signInWeb(api, otherPeerCase.sme.user.email, otherPeerCase.sme.password);
    const page = await web.get('/peer');
    expect(page.status).toBe(200);
    const html = await page.text();
    // Others are shown by company only.
    expect(html).toContain('Carpintería Sur SL');
    expect(html).not.toContain(peerCase.sme.user.email);
    const version = /name="version" value="(\d+)"/.exec(html)![1];

    const empty = await web.post('/peer', { version });
    expect(empty.status).toBe(400);
    const errors = await empty.text();
    for (const field of ['markets', 'topics', 'languages', 'capacityPerMonth', 'consent'])
      expect(errors).toContain(`href="#${field}"`);

    const saved = await web.post('/peer', {
      version,
      markets: 'US, CA',
      topics: ['social_media', 'organisational'],
      languages: 'en',
      capacityPerMonth: '4',
      consent: 'true',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/peer?notice=saved');
    const mine = (await readJson(await call(api, otherPeerToken, 'GET', '/api/v1/peers/me'))).profile as Json;
    expect(mine).toMatchObject({ markets: ['US', 'CA'], capacityPerMonth: 4, status: 'active' });

    // Without the CSRF token nothing is withdrawn.
    const forged = await webSession(api).post('/peer/withdraw', {});
    expect(forged.status).toBeGreaterThanOrEqual(400);
    const withdrawn = await web.post('/peer/withdraw', {});
    expect(withdrawn.status).toBe(303);
    expect(withdrawn.headers.get('location')).toBe('/peer?notice=withdrawn');
    const after = (await readJson(await call(api, otherPeerToken, 'GET', '/api/v1/peers/me')))
      .profile as Json;
    expect(after.status).toBe('withdrawn');
    const audit = await api.dataSource.query(
      `SELECT action FROM audit_event WHERE entity_type = 'peer' AND entity_id = $1 ORDER BY id`,
      [mine.id],
    );
    expect(audit.map((a: Json) => a.action).slice(-2)).toEqual(['peer.updated', 'peer.withdrawn']);
  });
});
