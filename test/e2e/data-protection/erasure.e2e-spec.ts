import { DataProtectionService } from '@app/data-protection';
import { EVENTS_QUEUE } from '@app/messaging';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { createUser, signInWeb } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import { call, Person, personWithDataEverywhere } from './support/person.factory';
import { eraseWithFourEyes, twoAdmins } from './support/two-people';

jest.setTimeout(120_000);

/** Counts KPIs are built from: none may change when a person is erased. */
async function kpiCounts(api: TestApi): Promise<Record<string, unknown>> {
  const [row] = await api.dataSource.query(`
    SELECT (SELECT count(*) FROM cases)::int AS cases,
           (SELECT count(*) FROM enrolments)::int AS enrolments,
           (SELECT count(*) FROM companies)::int AS companies,
           (SELECT count(*) FROM interactions)::int AS interactions,
           (SELECT count(*) FROM export_outcomes)::int AS outcomes,
           (SELECT coalesce(sum(value_minor), 0)::bigint FROM export_outcomes) AS outcome_value,
           (SELECT count(*) FROM training_booking)::int AS bookings,
           (SELECT count(*) FROM readiness_audits)::int AS audits,
           (SELECT count(*) FROM notification)::int AS notifications,
           (SELECT json_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM notification GROUP BY status) s) AS notification_statuses,
           (SELECT json_object_agg(stage, n) FROM (SELECT stage, count(*)::int AS n FROM cases GROUP BY stage) s) AS stages`);
  return row as Record<string, unknown>;
}

/** Rows of any table whose text still contains the value (the whole row cast to text). */
async function rowsMentioning(api: TestApi, value: string): Promise<string[]> {
  const tables = (await api.dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  )) as { table_name: string }[];
  const found: string[] = [];
  for (const { table_name: t } of tables) {
    const [{ n }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM "${t}" x WHERE x::text ILIKE $1`,
      [`%${value}%`],
    );
    if (n > 0) found.push(`${t}: ${n}`);
  }
  return found;
}

describe('data protection: erasure', () => {
  let api: TestApi;
  let service: DataProtectionService;
  let queue: Queue;

  beforeAll(async () => {
    // Bearer-token lookups cached far longer than the tests take: an erased person's token must still be
    // refused at once (the erasure announces it).
    api = await startTestApi({ API_TOKEN_CACHE_SECONDS: '300' });
    service = api.app.get(DataProtectionService);
    queue = api.app.get<Queue>(getQueueToken(EVENTS_QUEUE));
  });
  afterAll(() => api?.close());

  it('asks for confirmation of an open case, previews, refuses the requester’s own approval, then a second person erases exactly the preview', async () => {
    const person = await personWithDataEverywhere(api);
    const unrelated = await queue.add(
      'dispatch',
      { id: 'someone-else' },
      { jobId: 'dp-unrelated', delay: 3_600_000 },
    );
    // The person's token works (and is now cached) until the erasure.
    expect((await call(api, person.token, 'GET', '/api/v1/enrolments')).status).toBe(200);
    const { user: requester, password } = await createUser(api, 'officer');
    const web = await signInWeb(api, requester.email, password);
    const countsBefore = await kpiCounts(api);

    const unconfirmed = await web.post('/admin/data-protection/erasure', { email: person.email, reason: '' });
    expect(unconfirmed.status).toBe(400);
    const page = await unconfirmed.text();
    expect(page).toContain('href="#confirmOpenCase"');
    expect(page).toContain('href="#reason"');
    expect(await api.dataSource.query(`SELECT 1 FROM data_protection_request`)).toHaveLength(0);

    const made = await web.post('/admin/data-protection/erasure', {
      email: person.email,
      reason: 'Written request from the person, case to be closed',
      confirmOpenCase: 'yes',
    });
    expect(made.status).toBe(303);
    const requestId = /requests\/([0-9a-f-]{36})/.exec(made.headers.get('location') ?? '')![1];
    const preview = await service.previewErasure(requestId);
    const shown = await (await web.get(`/admin/data-protection/requests/${requestId}`)).text();
    expect(shown).toContain(`Preview: the ${preview.length} changes approval will make`);
    expect(preview).toEqual(
      expect.arrayContaining([
        { table: 'users', key: person.id, column: 'email', action: 'update' },
        { table: 'users', key: person.id, column: 'active', action: 'update' },
        { table: `bull:${EVENTS_QUEUE}`, key: expect.stringMatching(/^dp-/), column: null, action: 'delete' },
        expect.objectContaining({ table: 'interactions', column: 'notes', action: 'update' }),
        expect.objectContaining({ table: 'notification', column: 'recipient_email', action: 'update' }),
        expect.objectContaining({ table: 'api_tokens', action: 'delete' }),
        expect.objectContaining({ table: 'audit_event', column: 'after', action: 'update' }),
      ]),
    );

    // The requester cannot approve their own request, whatever reason they give: 403, audited, nothing erased.
    expect(shown).not.toContain(`action="/admin/data-protection/requests/${requestId}/approve"`);
    const alone = await web.post(`/admin/data-protection/requests/${requestId}/approve`, {
      decisionReason: 'I am sure',
    });
    expect(alone.status).toBe(403);
    expect(await alone.text()).toContain('a second officer or admin must approve it');
    expect(
      await api.dataSource.query(
        `SELECT after FROM audit_event WHERE action = 'access.denied' AND entity_id = $1 AND actor_id = $2`,
        [requestId, requester.id],
      ),
    ).toEqual([{ after: { rule: 'data_protection.second_person' } }]);
    expect(
      (await api.dataSource.query(`SELECT active FROM users WHERE id = $1`, [person.id]))[0].active,
    ).toBe(true);

    const second = await createUser(api, 'admin');
    const approver = await signInWeb(api, second.user.email, second.password);
    const previewAgain = await service.previewErasure(requestId);
    const approved = await approver.post(`/admin/data-protection/requests/${requestId}/approve`, {});
    expect(approved.status).toBe(303);
    const donePage = await (await approver.get(approved.headers.get('location')!)).text();
    expect(donePage).toContain('The personal data has been erased.');
    expect(donePage).toMatch(/<li>users: \d+<\/li>/);
    const [request] = await api.dataSource.query(`SELECT * FROM data_protection_request WHERE id = $1`, [
      requestId,
    ]);
    expect(request.status).toBe('completed');
    expect(request.decided_by_id).toBe(second.user.id);
    const total = Object.values(request.result as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(total).toBe(previewAgain.length);
    expect(request.result).toEqual(
      previewAgain.reduce<Record<string, number>>(
        (acc, c) => ({ ...acc, [c.table]: (acc[c.table] ?? 0) + 1 }),
        {},
      ),
    );

    // Nothing anywhere still holds the email or the name.
    expect(await rowsMentioning(api, person.email)).toEqual([]);
    expect(await rowsMentioning(api, person.name)).toEqual([]);
    const [account] = await api.dataSource.query(`SELECT name, email, active FROM users WHERE id = $1`, [
      person.id,
    ]);
    expect(account).toMatchObject({ name: expect.stringMatching(/^erased-[0-9a-f]{16}$/), active: false });
    expect(account.email).toBe(`${account.name}@erased.invalid`);
    expect(
      await api.dataSource.query(`SELECT 1 FROM user_sessions WHERE user_id = $1`, [person.id]),
    ).toHaveLength(0);
    expect((await call(api, person.token, 'GET', '/api/v1/enrolments')).status).toBe(401);
    const [interaction] = await api.dataSource.query(`SELECT notes FROM interactions WHERE case_id = $1`, [
      person.caseId,
    ]);
    expect(interaction.notes).toBe('');
    const notifications = await api.dataSource.query(
      `SELECT recipient_email, body_text, status FROM notification WHERE recipient_user_id = $1`,
      [person.id],
    );
    expect(notifications.every((n: { recipient_email: string }) => n.recipient_email === account.email)).toBe(
      true,
    );
    // Counts and outcomes survive: KPIs are unchanged.
    expect(await kpiCounts(api)).toEqual(countsBefore);
    // Queued jobs carrying the person are purged; others stay.
    expect(await queue.getJob(preview.find((c) => c.table.startsWith('bull:'))!.key)).toBeNull();
    expect(await queue.getJob(unrelated.id)).not.toBeNull();
    // One audit row for the erasure, without the erased data.
    const audit = await api.dataSource.query(
      `SELECT actor_id, after FROM audit_event WHERE action = 'data_protection.erasure_completed' AND entity_id = $1`,
      [requestId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(second.user.id);
    expect(audit[0].after.changes).toBe(previewAgain.length);

    // Idempotent: approving again, or planning again, changes nothing.
    expect((await approver.post(`/admin/data-protection/requests/${requestId}/approve`, {})).status).toBe(
      303,
    );
    expect(await service.previewErasure(requestId)).toEqual([]);
    const again = await eraseWithFourEyes(api, {
      email: account.email,
      reason: 'again',
      confirmOpenCase: true,
    });
    expect(again.changes).toEqual([]);
    expect(await kpiCounts(api)).toEqual(countsBefore);
  });

  it('simulates exactly what the real run then changes (table, column, row), and a second run changes nothing', async () => {
    const person: Person = await personWithDataEverywhere(api);
    const input = { email: person.email, reason: 'Erasure request by letter', confirmOpenCase: true };
    const countsBefore = await kpiCounts(api);
    const simulated = await service.simulateErasure(input);
    expect(simulated.length).toBeGreaterThan(10);
    // The simulation changed (and recorded) nothing.
    expect(await rowsMentioning(api, person.email)).not.toEqual([]);
    expect(await queue.getJob(simulated.find((c) => c.table.startsWith('bull:'))!.key)).not.toBeNull();
    expect(
      await api.dataSource.query(`SELECT 1 FROM data_protection_request WHERE subject_user_id = $1`, [
        person.id,
      ]),
    ).toEqual([]);

    const real = await eraseWithFourEyes(api, input);
    // The same changes, plus the pseudonym in the erasure request's own record (which the simulation lacks).
    const ownRecord = (c: { table: string; key: string }) =>
      c.table === 'data_protection_request' && c.key === real.requestId;
    expect(real.changes.filter((c) => !ownRecord(c))).toEqual(simulated);
    expect(real.changes.filter(ownRecord)).toEqual([
      { table: 'data_protection_request', key: real.requestId, column: 'subject_email', action: 'update' },
    ]);
    expect(await rowsMentioning(api, person.email)).toEqual([]);
    expect(await kpiCounts(api)).toEqual(countsBefore);

    expect(await service.simulateErasure({ ...input, email: person.email })).toEqual([]);
  });

  it('refuses to erase someone with an open case without confirmation and a reason, and changes nothing', async () => {
    const person = await personWithDataEverywhere(api);
    const { requester } = await twoAdmins(api);
    const as = { actorId: requester.id };
    await expect(
      service.requestErasure({ email: person.email, reason: 'asked' }, requester, as),
    ).rejects.toMatchObject({
      fields: [expect.objectContaining({ field: 'confirmOpenCase' })],
    });
    await expect(
      service.requestErasure({ email: person.email, confirmOpenCase: true }, requester, as),
    ).rejects.toMatchObject({
      fields: [expect.objectContaining({ field: 'reason' })],
    });
    const [account] = await api.dataSource.query(`SELECT email, active FROM users WHERE id = $1`, [
      person.id,
    ]);
    expect(account).toEqual({ email: person.email, active: true });
    await expect(
      service.requestErasure({ email: 'nobody@nowhere.example', reason: 'x' }, requester, as),
    ).rejects.toMatchObject({ fields: [expect.objectContaining({ field: 'email', code: 'unknown' })] });
    expect(
      await api.dataSource.query(
        `SELECT 1 FROM data_protection_request WHERE kind = 'erasure' AND status = 'requested'`,
      ),
    ).toEqual([]);
  });

  it('erases a staff member (two admins): their name goes, the work they logged stays counted under the pseudonym', async () => {
    const person = await personWithDataEverywhere(api);
    const adviserId = person.adviser.user.id;
    const logged = await api.dataSource.query(`SELECT id FROM interactions WHERE logged_by_id = $1`, [
      adviserId,
    ]);
    const countsBefore = await kpiCounts(api);
    const outcome = await eraseWithFourEyes(api, {
      email: person.adviser.user.email,
      reason: 'Left the agency',
    });
    expect(outcome.changes).toEqual(
      expect.arrayContaining([{ table: 'users', key: adviserId, column: 'name', action: 'update' }]),
    );
    expect(await rowsMentioning(api, person.adviser.user.email)).toEqual([]);
    expect(
      await api.dataSource.query(`SELECT id FROM interactions WHERE logged_by_id = $1`, [adviserId]),
    ).toEqual(logged);
    expect(
      await api.dataSource.query(`SELECT 1 FROM adviser_profiles WHERE user_id = $1`, [adviserId]),
    ).toHaveLength(1);
    expect(await kpiCounts(api)).toEqual(countsBefore);
    // The SME of the case is not touched by erasing their adviser.
    const [sme] = await api.dataSource.query(`SELECT email FROM users WHERE id = $1`, [person.id]);
    expect(sme.email).toBe(person.email);
  });

  describe('separation of duties', () => {
    const pageOf = async (role: 'officer' | 'admin') => {
      const { user, password } = await createUser(api, role);
      return { user, web: await signInWeb(api, user.email, password) };
    };
    const requestIdOf = (res: Response): string =>
      /requests\/([0-9a-f-]{36})/.exec(res.headers.get('location') ?? '')![1];
    const denials = async (actorId: string): Promise<string[]> =>
      (
        await api.dataSource.query(
          `SELECT after->>'rule' AS rule FROM audit_event WHERE action = 'access.denied' AND actor_id = $1 ORDER BY id`,
          [actorId],
        )
      ).map((r: { rule: string }) => r.rule);
    const active = async (id: string): Promise<boolean> =>
      (await api.dataSource.query(`SELECT active FROM users WHERE id = $1`, [id]))[0].active;

    it('an officer can neither ask for nor approve the erasure of a staff account, admins included', async () => {
      const officer = await pageOf('officer');
      const admin = await createUser(api, 'admin');
      const adviser = await createUser(api, 'adviser');
      for (const target of [admin.user, adviser.user]) {
        const res = await officer.web.post('/admin/data-protection/erasure', {
          email: target.email,
          reason: 'Left',
        });
        expect(res.status).toBe(403);
        expect(await res.text()).toContain('href="#erasureEmail"');
      }
      expect(await denials(officer.user.id)).toEqual([
        'data_protection.staff_needs_admin',
        'data_protection.staff_needs_admin',
      ]);
      // An admin's request for a staff account: another officer still may not approve it, a second admin may.
      const requester = await pageOf('admin');
      const made = await requester.web.post('/admin/data-protection/erasure', {
        email: adviser.user.email,
        reason: 'Left the agency',
      });
      expect(made.status).toBe(303);
      const id = requestIdOf(made);
      const refused = await officer.web.post(`/admin/data-protection/requests/${id}/approve`, {});
      expect(refused.status).toBe(403);
      expect(await active(adviser.user.id)).toBe(true);
      const second = await pageOf('admin');
      expect((await second.web.post(`/admin/data-protection/requests/${id}/approve`, {})).status).toBe(303);
      expect(await active(adviser.user.id)).toBe(false);
    });

    it('nobody can ask for, or approve, the erasure of their own account', async () => {
      const admin = await pageOf('admin');
      const own = await admin.web.post('/admin/data-protection/erasure', {
        email: admin.user.email,
        reason: 'Me',
      });
      expect(own.status).toBe(403);
      expect(await denials(admin.user.id)).toEqual(['data_protection.own_account']);
      // Another admin asks to erase this admin: the subject cannot approve it themselves...
      const other = await pageOf('admin');
      const made = await other.web.post('/admin/data-protection/erasure', {
        email: admin.user.email,
        reason: 'Left the agency',
      });
      const id = requestIdOf(made);
      const selfApproval = await admin.web.post(`/admin/data-protection/requests/${id}/approve`, {});
      expect(selfApproval.status).toBe(403);
      expect(await denials(admin.user.id)).toEqual([
        'data_protection.own_account',
        'data_protection.own_account',
      ]);
      expect(await active(admin.user.id)).toBe(true);
      // ...a third admin can.
      const third = await pageOf('admin');
      expect((await third.web.post(`/admin/data-protection/requests/${id}/approve`, {})).status).toBe(303);
      expect(await active(admin.user.id)).toBe(false);
    });

    it('the same rules hold when the service is called directly (as the CLI does)', async () => {
      const person = await personWithDataEverywhere(api);
      const officer = (await createUser(api, 'officer')).user;
      const as = (who: { id: string }) => ({ actorId: who.id });
      const request = await service.requestErasure(
        { email: person.email, reason: 'Asked in writing', confirmOpenCase: true },
        officer,
        as(officer),
      );
      await expect(service.approve(request.id, 'I checked', officer, as(officer))).rejects.toMatchObject({
        status: 403,
        code: 'data_protection.second_person',
      });
      await expect(
        service.requestErasure({ email: officer.email, reason: 'x' }, officer, as(officer)),
      ).rejects.toMatchObject({ status: 403, code: 'data_protection.own_account' });
      await expect(
        service.requestErasure({ email: person.adviser.user.email, reason: 'x' }, officer, as(officer)),
      ).rejects.toMatchObject({ status: 403, code: 'data_protection.staff_needs_admin' });
      expect(await active(person.id)).toBe(true);
    });
  });

  it('keeps the audit trail append-only outside an erasure, and even inside one for anything but before/after', async () => {
    const [row] = await api.dataSource.query(`SELECT id FROM audit_event ORDER BY id LIMIT 1`);
    await expect(
      api.dataSource.query(`UPDATE audit_event SET after = '{}' WHERE id = $1`, [row.id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      api.dataSource.transaction(async (m) => {
        await m.query(`SELECT set_config('app.data_protection_erasure', 'on', true)`);
        await m.query(`UPDATE audit_event SET action = 'tampered' WHERE id = $1`, [row.id]);
      }),
    ).rejects.toThrow(/append-only/);
    await expect(
      api.dataSource.transaction(async (m) => {
        await m.query(`SELECT set_config('app.data_protection_erasure', 'on', true)`);
        await m.query(`DELETE FROM audit_event WHERE id = $1`, [row.id]);
      }),
    ).rejects.toThrow(/append-only/);
  });
});
