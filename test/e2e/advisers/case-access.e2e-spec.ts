import { CaseAccessService } from '@app/advisers';
import type { Actor } from '@app/identity';
import { randomUUID } from 'node:crypto';
import { createUser, tokenFor } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import { insertCase, TestCase } from './support/case.factory';

const actor = (role: Actor['role'], id: string = randomUUID()): Actor => ({
  id,
  role,
  email: `${role}-${id}@example.test`,
  name: role,
});

describe('CaseAccessService', () => {
  let api: TestApi;
  let access: CaseAccessService;
  let theCase: TestCase;
  const adviser = actor('adviser');

  beforeAll(async () => {
    api = await startTestApi();
    access = api.app.get(CaseAccessService);
    theCase = await insertCase(api.dataSource, { assignedAdviserId: adviser.id, status: 'active' });
  });
  afterAll(() => api.close());

  const denials = async (entityId: string): Promise<{ actor_id: string | null; entity_type: string }[]> =>
    api.dataSource.query(
      `SELECT actor_id, entity_type FROM audit_event WHERE action = 'access.denied' AND entity_id = $1 ORDER BY id`,
      [entityId],
    );

  it('shows the case to its SME, its adviser and officers', async () => {
    for (const who of [actor('sme', theCase.smeUserId), adviser, actor('officer')]) {
      await expect(access.findVisibleCase(who, theCase.id)).resolves.toMatchObject({ id: theCase.id });
    }
  });

  it('hides it (404) from another SME, another adviser, an admin and for an unknown or malformed id', async () => {
    for (const who of [actor('sme'), actor('adviser'), actor('admin')]) {
      await expect(access.findVisibleCase(who, theCase.id)).rejects.toMatchObject({ status: 404 });
    }
    await expect(access.findVisibleCase(adviser, randomUUID())).rejects.toMatchObject({ status: 404 });
    await expect(access.findVisibleCase(adviser, 'not-a-uuid')).rejects.toMatchObject({ status: 404 });
  });

  it('lets only the assigned adviser and officers work the case', async () => {
    await expect(access.findWorkableCase(adviser, theCase.id)).resolves.toMatchObject({ id: theCase.id });
    await expect(access.findWorkableCase(actor('officer'), theCase.id)).resolves.toMatchObject({
      id: theCase.id,
    });
    await expect(access.findWorkableCase(actor('sme', theCase.smeUserId), theCase.id)).rejects.toMatchObject({
      status: 404,
    });
    await expect(access.findWorkableCase(actor('adviser'), theCase.id)).rejects.toMatchObject({
      status: 404,
    });
  });

  it('audits every denial of a case that exists, and nothing for allowed or unknown ids', async () => {
    const kase = await insertCase(api.dataSource, { assignedAdviserId: adviser.id, status: 'active' });
    const strangers = [actor('sme'), actor('adviser'), actor('admin')];
    for (const who of strangers)
      await expect(access.findVisibleCase(who, kase.id)).rejects.toMatchObject({ status: 404 });
    await expect(access.findWorkableCase(actor('sme', kase.smeUserId), kase.id)).rejects.toMatchObject({
      status: 404,
    });
    // Allowed look-ups and ids that are no case leave no denial behind.
    await access.findVisibleCase(adviser, kase.id);
    await access.findWorkableCase(actor('officer'), kase.id);
    const unknown = randomUUID();
    await expect(access.findVisibleCase(adviser, unknown)).rejects.toMatchObject({ status: 404 });
    expect(await denials(unknown)).toEqual([]);
    expect(await denials(kase.id)).toEqual(
      [...strangers.map((who) => who.id), kase.smeUserId].map((id) => ({
        actor_id: id,
        entity_type: 'case',
      })),
    );
  });

  it('gives an adviser asking for a case off their caseload a 404 and a denial row, for a read and for a write', async () => {
    const { user, password } = await createUser(api, 'adviser');
    const token = await tokenFor(api, user.email, password);
    const kase = await insertCase(api.dataSource, { assignedAdviserId: adviser.id, status: 'active' });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const read = await fetch(`${api.url}/api/v1/cases/${kase.id}/audits`, { headers });
    expect(read.status).toBe(404);
    const write = await fetch(`${api.url}/api/v1/cases/${kase.id}/outcomes`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ kind: 'first_export_order', occurredOn: new Date().toISOString().slice(0, 10) }),
    });
    expect(write.status).toBe(404);
    expect(await denials(kase.id)).toEqual([
      { actor_id: user.id, entity_type: 'case' },
      { actor_id: user.id, entity_type: 'case' },
    ]);
    const [{ n }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM export_outcomes WHERE case_id = $1`,
      [kase.id],
    );
    expect(n).toBe(0);
  });

  it("gives an SME asking for another SME's enrolment a 404 and a denial row", async () => {
    const kase = await insertCase(api.dataSource, { status: 'active' });
    const { user, password } = await createUser(api, 'sme');
    const token = await tokenFor(api, user.email, password);
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
