import { DataProtectionService } from '@app/data-protection';
import { createUser, signInWeb } from '../../support/auth';
import { type Json, readJson } from '../../support/http';
import { startTestApi, TestApi } from '../../support/test-api';
import { readArchive } from './support/archive';
import { call, Person, personWithDataEverywhere } from './support/person.factory';
import { archiveWithFourEyes } from './support/two-people';

jest.setTimeout(120_000);

describe('data protection: subject access', () => {
  let api: TestApi;
  let person: Person;

  beforeAll(async () => {
    api = await startTestApi();
    person = await personWithDataEverywhere(api);
  });
  afterAll(() => api?.close());

  it('archives everything held about a person, in every domain, as JSON and a readable summary', async () => {
    const { requestId, archive } = await archiveWithFourEyes(api, person.email.toUpperCase());
    const { json, html, members } = readArchive(archive);
    expect(members).toEqual(['subject-access.json', 'summary.html']);
    expect(json.subject).toMatchObject({ email: person.email, found: true, userId: person.id, role: 'sme' });
    const r = json.records;
    expect(r.users).toHaveLength(1);
    expect(r.users[0]).not.toHaveProperty('password_hash');
    expect(r.enrolments.map((e) => e.id)).toEqual([person.enrolmentId]);
    expect(r.companies.map((c) => c.id)).toEqual([person.companyId]);
    expect(r.cases.map((c) => c.id)).toEqual([person.caseId]);
    expect(r.eligibility_results).toHaveLength(1);
    expect(r.readiness_audits).toHaveLength(1);
    expect(r.interactions.map((i) => i.notes)).toEqual([expect.stringContaining(person.name)]);
    expect(r.training_booking).toHaveLength(1);
    expect(r.export_outcomes).toEqual([
      expect.objectContaining({ kind: 'export_win', value_minor: '1250000' }),
    ]);
    // The case-opened message and the one the factory sent, with their delivery status.
    expect(r.notification.length).toBeGreaterThanOrEqual(2);
    expect(
      r.notification.every((n) => n.recipient_email === person.email && typeof n.status === 'string'),
    ).toBe(true);
    expect(r.case_assignments.length).toBeGreaterThan(0);
    expect(r.stage_transitions.length + r.case_timeline_events.length).toBeGreaterThan(0);
    // Audit rows where they are the actor (their enrolment) and the subject (their account).
    expect(r.audit_event.some((a) => a.actor_id === person.id)).toBe(true);
    expect(r.audit_event.some((a) => a.entity_type === 'user' && a.entity_id === person.id)).toBe(true);
    expect(r.api_tokens.length).toBeGreaterThan(0);
    expect(r.api_tokens[0]).not.toHaveProperty('token_hash');
    // The queued job whose payload carries their email.
    expect(json.queueScanError).toBeNull();
    expect(json.queuedJobs).toEqual([
      expect.objectContaining({ queue: 'events', data: expect.objectContaining({ contact: person.email }) }),
    ]);
    expect(html).toContain(`Personal data held about ${person.email}`);
    expect(html).toContain('interactions (1)');
    expect(html).toContain('Queued and retained jobs (1)');
    // Every SAR writes audit rows: requested, approved, downloaded.
    const audit = await api.dataSource.query(
      `SELECT action, after FROM audit_event WHERE entity_id = $1 ORDER BY id`,
      [requestId],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'data_protection.access_requested',
      'data_protection.access_approved',
      'data_protection.access_downloaded',
    ]);
    expect(audit[0].after.subjectFound).toBe(true);
  });

  it('answers an unknown person with an empty, well-formed archive and an audit row', async () => {
    const { requestId, archive } = await archiveWithFourEyes(api, 'nobody@nowhere.example');
    const { json, html } = readArchive(archive);
    expect(json.subject).toMatchObject({ email: 'nobody@nowhere.example', found: false, userId: null });
    expect(Object.values(json.records).every((rows) => rows.length === 0)).toBe(true);
    expect(Object.keys(json.records)).toEqual(
      expect.arrayContaining(['users', 'cases', 'notification', 'audit_event']),
    );
    expect(json.queuedJobs).toEqual([]);
    expect(html).toContain('No account or records were found');
    const audit = await api.dataSource.query(
      `SELECT 1 FROM audit_event WHERE action = 'data_protection.access_requested' AND entity_id = $1`,
      [requestId],
    );
    expect(audit).toHaveLength(1);
  });

  const audited = async (action: string, entityId: string, actorId: string): Promise<number> =>
    (
      await api.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = $1 AND entity_id = $2 AND actor_id = $3`,
        [action, entityId, actorId],
      )
    )[0].n;

  it('builds an archive only with a recorded reason and a second person’s approval, for those two only', async () => {
    const { user: officer, password } = await createUser(api, 'officer');
    const web = await signInWeb(api, officer.email, password);
    expect((await web.get('/admin/data-protection')).status).toBe(200);
    const bad = await web.post('/admin/data-protection/access', { email: 'not-an-email', reason: 'x' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('govuk-error-summary');
    // No reason, no request.
    const unexplained = await web.post('/admin/data-protection/access', { email: person.email, reason: '' });
    expect(unexplained.status).toBe(400);
    expect(await unexplained.text()).toContain('href="#accessReason"');
    expect(
      await api.dataSource.query(
        `SELECT 1 FROM data_protection_request WHERE kind = 'access' AND requested_by_id = $1`,
        [officer.id],
      ),
    ).toEqual([]);

    const made = await web.post('/admin/data-protection/access', {
      email: person.email,
      reason: 'Written request from the person, received 3 March',
    });
    expect(made.status).toBe(303);
    const id = /requests\/([0-9a-f-]{36})/.exec(made.headers.get('location') ?? '')![1];
    const [row] = await api.dataSource.query(
      `SELECT status, reason, result FROM data_protection_request WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({
      status: 'requested',
      reason: 'Written request from the person, received 3 March',
      result: null,
    });
    // Nothing is built before a second person approves, not even for the requester...
    expect((await web.get(`/admin/data-protection/requests/${id}/archive`)).status).toBe(409);
    // ...who cannot approve it themselves.
    const self = await web.post(`/admin/data-protection/requests/${id}/approve`, {});
    expect(self.status).toBe(403);
    expect(await audited('access.denied', id, officer.id)).toBe(1);

    const second = await createUser(api, 'admin');
    const approver = await signInWeb(api, second.user.email, second.password);
    expect(
      (
        await approver.post(`/admin/data-protection/requests/${id}/approve`, {
          decisionReason: 'Identity checked',
        })
      ).status,
    ).toBe(303);
    const [approved] = await api.dataSource.query(
      `SELECT status, decided_by_id FROM data_protection_request WHERE id = $1`,
      [id],
    );
    expect(approved).toEqual({ status: 'completed', decided_by_id: second.user.id });

    const download = await web.get(`/admin/data-protection/requests/${id}/archive`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/zip');
    const { json } = readArchive(Buffer.from(await download.arrayBuffer()));
    expect(json.records.cases.map((c) => c.id)).toEqual([person.caseId]);
    expect((await approver.get(`/admin/data-protection/requests/${id}/archive`)).status).toBe(200);
    expect(await audited('data_protection.access_downloaded', id, officer.id)).toBe(1);
    // A third member of staff, who neither asked nor approved, gets no archive.
    const third = await createUser(api, 'admin');
    const bystander = await signInWeb(api, third.user.email, third.password);
    expect((await bystander.get(`/admin/data-protection/requests/${id}/archive`)).status).toBe(403);

    const smeWeb = await signInWeb(api, person.email, person.password);
    expect((await smeWeb.get('/admin/data-protection')).status).toBe(404);
    expect((await smeWeb.get(`/admin/data-protection/requests/${id}/archive`)).status).toBe(404);
    expect(
      (await smeWeb.post('/admin/data-protection/access', { email: person.email, reason: 'me' })).status,
    ).toBe(404);
  });

  it('lets nobody approve access to their own data', async () => {
    const service = api.app.get(DataProtectionService);
    const { user: officer } = await createUser(api, 'officer');
    const { user: admin } = await createUser(api, 'admin');
    const request = await service.requestAccess(
      { email: officer.email, reason: 'The officer asked for their own data' },
      admin,
      { actorId: admin.id },
    );
    await expect(service.approve(request.id, null, officer, { actorId: officer.id })).rejects.toMatchObject({
      status: 403,
      code: 'data_protection.own_account',
    });
  });

  it('lets an SME download its own data, and only its own', async () => {
    const smeWeb = await signInWeb(api, person.email, person.password);
    expect((await smeWeb.get('/account/my-data')).status).toBe(200);
    const res = await smeWeb.get('/account/my-data/archive');
    expect(res.status).toBe(200);
    const { json } = readArchive(Buffer.from(await res.arrayBuffer()));
    expect(json.subject.userId).toBe(person.id);
    expect(json.records.cases.map((c) => c.id)).toEqual([person.caseId]);
    // The summary is in the SME's language.
    const spanish = readArchive(
      Buffer.from(await (await smeWeb.get('/account/my-data/archive?lang=es')).arrayBuffer()),
    );
    expect(spanish.html).toContain('<html lang="es">');
    expect(spanish.html).toContain(`Datos personales que tenemos sobre ${person.email}`);

    const other = await createUser(api, 'sme');
    const otherWeb = await signInWeb(api, other.user.email, other.password);
    const theirs = readArchive(
      Buffer.from(await (await otherWeb.get('/account/my-data/archive')).arrayBuffer()),
    );
    expect(theirs.json.subject.userId).toBe(other.user.id);
    expect(theirs.json.records.cases).toEqual([]);
    expect(JSON.stringify(theirs.json)).not.toContain(person.email);
    // Staff have no "my data" page of this kind.
    expect(
      (
        await (
          await signInWeb(api, person.officer.user.email, person.officer.password)
        ).get('/account/my-data')
      ).status,
    ).toBe(404);
  });

  it('gives the SME, in its own download, only what it can see in the service; the reviewed request gives the rest', async () => {
    const fresh = await personWithDataEverywhere(api);
    const adviser = fresh.adviser;
    const caseUrl = `/api/v1/cases/${fresh.caseId}`;
    // Adviser-only material: a case summary, an interaction's notes and next step, a draft adviser audit.
    const { version } = await readJson(await call(api, adviser.token, 'GET', caseUrl));
    expect(
      (
        await call(api, adviser.token, 'PUT', `${caseUrl}/summary`, {
          summary: 'Adviser only: summary',
          version,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call(api, adviser.token, 'POST', `${caseUrl}/interactions`, {
          kind: 'call',
          occurredOn: new Date().toISOString().slice(0, 10),
          notes: 'Adviser only: the bank is unlikely to lend',
          nextStep: 'Adviser only: talk to the officer',
        })
      ).status,
    ).toBe(201);
    const draft = await readJson(
      await call(api, adviser.token, 'POST', `${caseUrl}/audits`, { questionnaireVersion: 1 }),
    );
    const draftId = draft.audit.id as string;
    // What the API shows the SME: no adviser's draft.
    const smeAudits = await readJson(await call(api, fresh.token, 'GET', `${caseUrl}/audits`));
    const visibleAudits = (smeAudits.audits as Json[]).map((a) => a.id).sort();
    expect(visibleAudits).not.toContain(draftId);

    const smeWeb = await signInWeb(api, fresh.email, fresh.password);
    const own = readArchive(Buffer.from(await (await smeWeb.get('/account/my-data/archive')).arrayBuffer()));
    expect(own.json.scope).toBe('self-service');
    const text = JSON.stringify(own.json);
    expect(text).not.toContain('Adviser only');
    expect(own.json.records.readiness_audits.map((a) => a.id).sort()).toEqual(visibleAudits);
    for (const table of [
      'interactions',
      'case_work',
      'case_assignments',
      'audit_event',
      'follow_up',
      'outbox_event',
    ])
      expect(own.json.records[table]).toBeUndefined();
    expect(own.json.queuedJobs).toEqual([]);
    // Still everything the SME can see: its case, enrolment, company, bookings, outcomes, inbox.
    expect(own.json.records.cases.map((c) => c.id)).toEqual([fresh.caseId]);
    expect(own.json.records.cases[0]).not.toHaveProperty('assigned_adviser_id');
    expect(own.json.records.enrolments.map((e) => e.id)).toEqual([fresh.enrolmentId]);
    expect(own.json.records.training_booking).toHaveLength(1);
    expect(own.json.records.export_outcomes).toHaveLength(1);
    expect(own.json.records.notification.length).toBeGreaterThan(0);
    expect(own.html).toContain('subject access request');

    // The officer-reviewed subject access request holds the adviser's material too.
    const full = readArchive((await archiveWithFourEyes(api, fresh.email)).archive);
    expect(full.json.scope).toBe('full');
    expect(JSON.stringify(full.json.records.interactions)).toContain(
      'Adviser only: the bank is unlikely to lend',
    );
    expect(JSON.stringify(full.json.records.case_work)).toContain('Adviser only: summary');
    expect(full.json.records.readiness_audits.map((a) => a.id)).toContain(draftId);
  });

  it('shows the privacy notice in en/es/de with the version enrolment records', async () => {
    const [{ privacy_notice_version: recorded }] = await api.dataSource.query(
      'SELECT privacy_notice_version FROM enrolments WHERE id = $1',
      [person.enrolmentId],
    );
    expect(recorded).toBeTruthy();
    for (const [lang, title] of [
      ['en', 'Privacy notice'],
      ['es', 'Aviso de privacidad'],
      ['de', 'Datenschutzhinweis'],
    ]) {
      const res = await fetch(`${api.url}/privacy?lang=${lang}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`<html lang="${lang}"`);
      expect(html).toContain(title);
      expect(/id="privacy-version">([^<]*)</.exec(html)?.[1]).toMatch(
        new RegExp(`^Versi(on|ón) ${recorded}$`),
      );
    }
  });
});
