import { CaseAccessService } from '@app/advisers';
import type { Actor } from '@app/identity';
import { randomUUID } from 'node:crypto';
import { buildAdviser, buildSmeCase, buildToken, buildUser, type SmeCase } from '../../factories';
import { startTestApi, TestApi } from '../../support/test-api';

const actor = (role: Actor['role'], id: string = randomUUID()): Actor => ({
  id,
  role,
  email: `${role}-${id}@example.test`,
  name: role,
});

describe('CaseAccessService', () => {
  let api: TestApi;
  let access: CaseAccessService;
  let theCase: SmeCase;
  let adviser: Actor;
  /** A case of a new SME, assigned to `adviser`. */
  const assignedCase = () => buildSmeCase(api, { adviserId: adviser.id });

  beforeAll(async () => {
    api = await startTestApi();
    access = api.app.get(CaseAccessService);
    adviser = (await buildAdviser(api)).user;
    theCase = await assignedCase();
  }, 120_000);
  afterAll(() => api?.close());

  const denials = async (entityId: string): Promise<{ actor_id: string | null; entity_type: string }[]> =>
    api.dataSource.query(
      `SELECT actor_id, entity_type FROM audit_event WHERE action = 'access.denied' AND entity_id = $1 ORDER BY id`,
      [entityId],
    );

  it('shows the case to its SME, its adviser and officers', async () => {
    for (const who of [theCase.sme.user, adviser, actor('officer')]) {
      await expect(access.findVisibleCase(who, theCase.caseId)).resolves.toMatchObject({
        id: theCase.caseId,
      });
    }
  });

  it('hides it (404) from another SME, another adviser, an admin and for an unknown or malformed id', async () => {
    for (const who of [actor('sme'), actor('adviser'), actor('admin')]) {
      await expect(access.findVisibleCase(who, theCase.caseId)).rejects.toMatchObject({ status: 404 });
    }
    await expect(access.findVisibleCase(adviser, randomUUID())).rejects.toMatchObject({ status: 404 });
    await expect(access.findVisibleCase(adviser, 'not-a-uuid')).rejects.toMatchObject({ status: 404 });
  });

  it('lets only the assigned adviser and officers work the case', async () => {
    await expect(access.findWorkableCase(adviser, theCase.caseId)).resolves.toMatchObject({
      id: theCase.caseId,
    });
    await expect(access.findWorkableCase(actor('officer'), theCase.caseId)).resolves.toMatchObject({
      id: theCase.caseId,
    });
    await expect(access.findWorkableCase(theCase.sme.user, theCase.caseId)).rejects.toMatchObject({
      status: 404,
    });
    await expect(access.findWorkableCase(actor('adviser'), theCase.caseId)).rejects.toMatchObject({
      status: 404,
    });
  });

  it('audits every denial of a case that exists, and nothing for allowed or unknown ids', async () => {
    const kase = await assignedCase();
    const strangers = [actor('sme'), actor('adviser'), actor('admin')];
    for (const who of strangers)
      await expect(access.findVisibleCase(who, kase.caseId)).rejects.toMatchObject({ status: 404 });
    await expect(access.findWorkableCase(kase.sme.user, kase.caseId)).rejects.toMatchObject({
      status: 404,
    });
    // Allowed look-ups and ids that are no case leave no denial behind.
    await access.findVisibleCase(adviser, kase.caseId);
    await access.findWorkableCase(actor('officer'), kase.caseId);
    const unknown = randomUUID();
    await expect(access.findVisibleCase(adviser, unknown)).rejects.toMatchObject({ status: 404 });
    expect(await denials(unknown)).toEqual([]);
    expect(await denials(kase.caseId)).toEqual(
      [...strangers.map((who) => who.id), kase.sme.user.id].map((id) => ({
        actor_id: id,
        entity_type: 'case',
      })),
    );
  });

  it('gives an adviser asking for a case off their caseload a 404 and a denial row, for a read and for a write', async () => {
    const { user } = await buildUser(api, 'adviser');
    const token = await buildToken(api, user);
    const kase = await assignedCase();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const read = await fetch(`${api.url}/api/v1/cases/${kase.caseId}/audits`, { headers });
    expect(read.status).toBe(404);
    const write = await fetch(`${api.url}/api/v1/cases/${kase.caseId}/outcomes`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ kind: 'first_export_order', occurredOn: new Date().toISOString().slice(0, 10) }),
    });
    expect(write.status).toBe(404);
    expect(await denials(kase.caseId)).toEqual([
      { actor_id: user.id, entity_type: 'case' },
      { actor_id: user.id, entity_type: 'case' },
    ]);
    const [{ n }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM export_outcomes WHERE case_id = $1`,
      [kase.caseId],
    );
    expect(n).toBe(0);
  });

  it("gives an SME asking for another SME's enrolment a 404 and a denial row", async () => {
    const kase = await buildSmeCase(api);
    const { user } = await buildUser(api, 'sme');
    const token = await buildToken(api, user);
    const res = await fetch(`${api.url}/api/v1/enrolments/${kase.enrolmentId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(404);
    expect(await denials(kase.enrolmentId)).toEqual([{ actor_id: user.id, entity_type: 'enrolment' }]);
    const missing = await fetch(`${api.url}/api/v1/enrolments/${randomUUID()}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(missing.status).toBe(404);
    expect(
      (
        await api.dataSource.query(
          `SELECT count(*)::int AS n FROM audit_event WHERE action = 'access.denied' AND actor_id = $1`,
          [user.id],
        )
      )[0].n,
    ).toBe(1);
  });
});
