import { AuditLogService } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { UsersService } from '@app/identity';
import { Client } from 'pg';
import { createUser, signInWeb, tokenFor } from '../../support/auth';
import { type Json, readJson } from '../../support/http';
import { call, personWithDataEverywhere } from '../data-protection/support/person.factory';
import { startTestApi, TestApi } from '../../support/test-api';

describe('audit trail', () => {
  let api: TestApi;
  let officerToken: string;
  beforeAll(async () => {
    api = await startTestApi();
    const officer = await createUser(api, 'officer');
    officerToken = await tokenFor(api, officer.user.email, officer.password);
  });
  afterAll(() => api?.close());

  const auditCount = async (where = 'true', params: unknown[] = []): Promise<number> =>
    (await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE ${where}`, params))[0].n;
  const getEvents = (query: string, token = officerToken): Promise<Response> =>
    fetch(`${api.url}/api/v1/audit-events?${query}`, { headers: { authorization: `Bearer ${token}` } });

  it('writes the audit row in the same transaction: a rolled-back change leaves none', async () => {
    const before = await auditCount("action = 'user.created'");
    const email = `rolled-back-${Date.now()}@example.test`;
    await expect(
      api.app.get(UnitOfWork).run(async (m) => {
        await api.app
          .get(UsersService)
          .create(
            m,
            { email, name: 'R', role: 'sme', password: 'a long enough passphrase' },
            { actorId: null },
          );
        throw new Error('something later in the same change failed');
      }),
    ).rejects.toThrow('something later');
    expect(await auditCount("action = 'user.created'")).toBe(before);
    expect(await api.dataSource.query('SELECT 1 FROM users WHERE email = $1', [email])).toHaveLength(0);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit_event at the database', async () => {
    await api.app.get(AuditLogService).recordStandalone({
      action: 'test.recorded',
      entityType: 'thing',
      entityId: 't-1',
      after: { x: 1 },
      context: { actorId: null },
    });
    // A plain client (not TypeORM, which would log the expected failures).
    const client = new Client({ connectionString: api.database.url });
    await client.connect();
    try {
      await expect(
        client.query("UPDATE audit_event SET action = 'x' WHERE entity_id = 't-1'"),
      ).rejects.toThrow(/append-only/);
      await expect(client.query("DELETE FROM audit_event WHERE entity_id = 't-1'")).rejects.toThrow(
        /append-only/,
      );
      await expect(client.query('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
    expect(await auditCount("entity_id = 't-1' AND action = 'test.recorded'")).toBe(1);
  });

  it("records deactivation with only the changed fields, and ends the user's sessions", async () => {
    const { user: admin, password } = await createUser(api, 'admin');
    const target = await createUser(api, 'adviser');
    const targetSession = await signInWeb(api, target.user.email, target.password);
    expect((await targetSession.get('/home')).status).toBe(200);
    const adminSession = await signInWeb(api, admin.email, password);
    expect((await adminSession.post(`/admin/users/${target.user.id}/deactivate`, {})).status).toBe(303);
    const [row] = await api.dataSource.query(
      "SELECT actor_id, before, after, request_id, ip FROM audit_event WHERE action = 'user.deactivated' AND entity_id = $1",
      [target.user.id],
    );
    expect(row.actor_id).toBe(admin.id);
    expect(row.before).toEqual({ active: true });
    expect(row.after).toEqual({ active: false });
    expect(row.request_id).toBeTruthy();
    expect(row.ip).toBeTruthy();
    expect((await targetSession.get('/home')).status).toBe(302);
    expect(
      await api.dataSource.query('SELECT 1 FROM user_sessions WHERE user_id = $1', [target.user.id]),
    ).toHaveLength(0);
  });

  it('records sign-in success and failure', async () => {
    const { user, password } = await createUser(api, 'sme');
    await fetch(`${api.url}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: 'definitely wrong' }),
    });
    await tokenFor(api, user.email, password);
    expect(await auditCount("action = 'auth.sign_in_failed' AND entity_id = $1", [user.id])).toBe(1);
    expect(await auditCount("action = 'auth.signed_in' AND actor_id = $1", [user.id])).toBe(1);
  });

  it('lets officers filter by entity and actor, newest first, with keyset pagination', async () => {
    const audit = api.app.get(AuditLogService);
    const actorId = (await createUser(api, 'adviser')).user.id;
    for (let i = 0; i < 5; i++) {
      await audit.recordStandalone({
        action: `test.step${i}`,
        entityType: 'widget',
        entityId: 'w-7',
        after: { i },
        context: { actorId },
      });
    }
    const first = await getEvents('entityType=widget&entityId=w-7&limit=2');
    expect(first.status).toBe(200);
    const page1 = await readJson(first);
    expect(page1.items.map((e: { action: string }) => e.action)).toEqual(['test.step4', 'test.step3']);
    const page2 = await readJson(
      await getEvents(`entityType=widget&entityId=w-7&limit=2&cursor=${page1.nextCursor}`),
    );
    expect(page2.items.map((e: { action: string }) => e.action)).toEqual(['test.step2', 'test.step1']);
    const page3 = await readJson(
      await getEvents(`entityType=widget&entityId=w-7&limit=2&cursor=${page2.nextCursor}`),
    );
    expect(page3.items.map((e: { action: string }) => e.action)).toEqual(['test.step0']);
    expect(page3.nextCursor).toBeNull();

    const byActor = await readJson(await getEvents(`actorId=${actorId}`));
    // Their own account creation (self-registration counts as the new user acting) plus the five steps.
    expect(byActor.items.map((e: { action: string }) => e.action)).toEqual([
      'test.step4',
      'test.step3',
      'test.step2',
      'test.step1',
      'test.step0',
      'user.created',
    ]);
    const future = await readJson(
      await getEvents(`entityId=w-7&from=${new Date(Date.now() + 3600_000).toISOString()}`),
    );
    expect(future.items).toHaveLength(0);
  });

  it('rejects malformed filters with 400 naming the field', async () => {
    const res = await getEvents('actorId=not-a-uuid&from=yesterday&sneaky=1');
    expect(res.status).toBe(400);
    const fields = (await readJson(res)).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['actorId', 'from', 'sneaky']));
  });

  it('refuses cursors it did not issue and dates no database holds with a 400 naming the field', async () => {
    const audit = api.app.get(AuditLogService);
    for (let i = 0; i < 3; i++)
      await audit.recordStandalone({
        action: `test.page${i}`,
        entityType: 'gadget',
        entityId: 'g-1',
        context: { actorId: null },
      });
    const first = await readJson(await getEvents('entityType=gadget&limit=1'));
    const [payload, signature] = (first.nextCursor as string).split('.');
    const refused: [string, string][] = [
      // Above the bigint maximum: the old numeric cursor went straight into `id < $1`.
      ['cursor=99999999999999999999', 'cursor'],
      ['cursor=1', 'cursor'],
      [`cursor=${Buffer.from('["1"]').toString('base64url')}.${signature}`, 'cursor'],
      [`cursor=${payload}.${signature.slice(0, -1)}B`, 'cursor'],
      [`cursor=${payload}`, 'cursor'],
      // JavaScript's earliest date; PostgreSQL's timestamptz ends long before it.
      ['from=-271821-04-20', 'from'],
      ['to=%2B275760-09-13', 'to'],
      ['from=0001-01-01', 'from'],
    ];
    for (const [query, field] of refused) {
      const res = await getEvents(`entityType=gadget&${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await readJson(res)).errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    const second = await getEvents(`entityType=gadget&limit=1&cursor=${first.nextCursor}`);
    expect((await readJson(second)).items.map((e: { action: string }) => e.action)).toEqual(['test.page1']);
  });

  it('hides the trail from SMEs and advisers (404) and audits the denial', async () => {
    for (const role of ['sme', 'adviser'] as const) {
      const { user, password } = await createUser(api, role);
      const token = await tokenFor(api, user.email, password);
      expect((await getEvents('', token)).status).toBe(404);
      expect(await auditCount("action = 'access.denied' AND actor_id = $1", [user.id])).toBe(1);
    }
  });

  it('shows staff the audit page with a filter form', async () => {
    const { user, password } = await createUser(api, 'admin');
    const session = await signInWeb(api, user.email, password);
    const res = await session.get(`/admin/audit?actorId=${user.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('auth.signed_in');
    expect(html).toContain('name="entityType"');
    const bad = await session.get('/admin/audit?from=not-a-date');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('href="#from"');
  });

  describe('case content', () => {
    it('shows admins that a case changed and who changed it, but only officers what was written', async () => {
      const person = await personWithDataEverywhere(api);
      const adviser = person.adviser;
      const caseUrl = `/api/v1/cases/${person.caseId}`;
      const { version } = await readJson(await call(api, adviser.token, 'GET', caseUrl));
      const summary = `Confidential: ${person.name} plans to open a Berlin office`;
      const put = await call(api, adviser.token, 'PUT', `${caseUrl}/summary`, { summary, version });
      expect(put.status).toBe(200);
      const note = 'Confidential: the distributor margin is 35%';
      const outcome = await call(api, adviser.token, 'POST', `${caseUrl}/outcomes`, {
        kind: 'new_market_entered',
        country: 'FR',
        occurredOn: new Date().toISOString().slice(0, 10),
        note,
      });
      expect(outcome.status).toBe(201);
      const outcomeId = (await readJson(outcome)).outcome.id as string;

      const admin = await createUser(api, 'admin');
      const adminToken = await tokenFor(api, admin.user.email, admin.password);
      const rowsFor = async (query: string, token: string) => {
        const res = await getEvents(query, token);
        expect(res.status).toBe(200);
        return (await readJson(res)).items as Json[];
      };
      const summaryRow = (items: Json[]) => items.find((e) => e.action === 'case.summary_updated')!;

      // Officers read the content...
      const asOfficer = summaryRow(await rowsFor(`entityId=${person.caseId}`, officerToken));
      expect(asOfficer).toMatchObject({ actorId: adviser.user.id, after: { summary } });
      // ...admins see that it changed and who changed it, not what it says.
      const adminItems = await rowsFor(`entityId=${person.caseId}`, adminToken);
      const asAdmin = summaryRow(adminItems);
      expect(asAdmin).toMatchObject({
        action: 'case.summary_updated',
        actorId: adviser.user.id,
        before: { summary: '[case content]' },
        after: { summary: '[case content]' },
      });
      expect(JSON.stringify(adminItems)).not.toContain('Confidential');
      const outcomeForAdmin = await rowsFor(`entityType=export_outcome&entityId=${outcomeId}`, adminToken);
      expect(outcomeForAdmin).toEqual([
        expect.objectContaining({
          action: 'export_outcome.recorded',
          after: expect.objectContaining({ note: '[case content]' }),
        }),
      ]);
      expect(JSON.stringify(outcomeForAdmin)).not.toContain(note);
      expect(
        JSON.stringify(await rowsFor(`entityType=export_outcome&entityId=${outcomeId}`, officerToken)),
      ).toContain(note);

      // The same on the audit trail page.
      const adminPage = await (
        await signInWeb(api, admin.user.email, admin.password)
      ).get(`/admin/audit?entityId=${person.caseId}`);
      const adminHtml = await adminPage.text();
      expect(adminHtml).toContain('case.summary_updated');
      expect(adminHtml).not.toContain('Confidential');
      const officer = await createUser(api, 'officer');
      const officerHtml = await (
        await (
          await signInWeb(api, officer.user.email, officer.password)
        ).get(`/admin/audit?entityId=${person.caseId}`)
      ).text();
      expect(officerHtml).toContain('Confidential');
    });
  });
});
