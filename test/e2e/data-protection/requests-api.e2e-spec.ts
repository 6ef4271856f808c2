import type { Actor } from '@app/identity';
import { createUser, tokenFor } from '../../support/auth';
import { type Json, readJson } from '../../support/http';
import { startTestApi, TestApi } from '../../support/test-api';
import { readArchive } from './support/archive';

jest.setTimeout(120_000);

interface Caller {
  user: Actor;
  token: string;
}

/** /api/v1/data-protection/requests: the pages' four-eyes workflow through the JSON API. */
describe('data protection: the requests API', () => {
  let api: TestApi;
  let officer: Caller;
  let officer2: Caller;
  let admin: Caller;
  let adviser: Caller;
  let sme: Caller;

  async function caller(role: Actor['role']): Promise<Caller> {
    const { user, password } = await createUser(api, role);
    return { user, token: await tokenFor(api, user.email, password) };
  }

  async function send(
    who: Caller,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Json; headers: Headers }> {
    const res = await fetch(`${api.url}/api/v1/data-protection/requests${path}`, {
      method,
      headers: {
        authorization: `Bearer ${who.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json')
      ? await readJson(res)
      : { bytes: Buffer.from(await res.arrayBuffer()) };
    return { status: res.status, body: parsed, headers: res.headers };
  }

  const count = async (): Promise<number> =>
    Number(
      (
        (await api.dataSource.query(`SELECT count(*) AS n FROM data_protection_request`)) as { n: string }[]
      )[0].n,
    );

  const auditActions = async (entityId: string): Promise<string[]> =>
    (
      (await api.dataSource.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [
        entityId,
      ])) as { action: string }[]
    ).map((r) => r.action);

  beforeAll(async () => {
    api = await startTestApi();
    [officer, officer2, admin, adviser, sme] = await Promise.all([
      caller('officer'),
      caller('officer'),
      caller('admin'),
      caller('adviser'),
      caller('sme'),
    ]);
  });
  afterAll(() => api?.close());

  it('an officer requests access, a second person approves, both may download; each step audited', async () => {
    const created = await send(officer, 'POST', '', {
      kind: 'access',
      email: sme.user.email.toUpperCase(),
      reason: 'Written request received',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'access',
      status: 'requested',
      subjectEmail: sme.user.email,
      subjectUserId: sme.user.id,
      requestedById: officer.user.id,
      decidedById: null,
      reason: 'Written request received',
    });
    const id = created.body.id as string;
    expect(created.headers.get('location')).toBe(`/api/v1/data-protection/requests/${id}`);

    const got = await send(admin, 'GET', `/${id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created.body);

    // Not yet approved: no archive.
    expect((await send(officer, 'GET', `/${id}/archive`)).status).toBe(409);
    // The requester may not approve their own request.
    const own = await send(officer, 'POST', `/${id}/approve`, {});
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ code: 'data_protection.second_person' });
    expect((await send(officer, 'GET', `/${id}`)).body.status).toBe('requested');

    const approved = await send(officer2, 'POST', `/${id}/approve`, { decisionReason: 'Identity checked' });
    expect(approved.status).toBe(200);
    expect(approved.body.request).toMatchObject({
      status: 'completed',
      decidedById: officer2.user.id,
      decisionReason: 'Identity checked',
    });
    expect(approved.body.counts.users).toBe(1);

    const archive = await send(officer2, 'GET', `/${id}/archive`);
    expect(archive.status).toBe(200);
    expect(archive.headers.get('content-type')).toBe('application/zip');
    expect(readArchive(archive.body.bytes as Buffer).json.subject).toMatchObject({ userId: sme.user.id });
    // An admin who neither asked nor approved: 403.
    const stranger = await send(admin, 'GET', `/${id}/archive`);
    expect(stranger.status).toBe(403);
    expect(stranger.body.code).toBe('data_protection.not_party');

    expect(await auditActions(id)).toEqual([
      'data_protection.access_requested',
      'access.denied',
      'data_protection.access_approved',
      'data_protection.access_downloaded',
      'access.denied',
    ]);
  });

  it('erasure: preview lists the changes, only an admin approves erasing staff, approval erases', async () => {
    const staff = await caller('adviser');
    // An officer may not ask to erase a member of staff.
    const refused = await send(officer, 'POST', '', { kind: 'erasure', email: staff.user.email });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('data_protection.staff_needs_admin');

    const created = await send(admin, 'POST', '', {
      kind: 'erasure',
      email: staff.user.email,
      reason: 'Left the agency',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const preview = await send(officer, 'GET', `/${id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.body.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ table: 'users', action: 'update' })]),
    );
    const byOfficer = await send(officer, 'POST', `/${id}/approve`, {});
    expect(byOfficer.status).toBe(403);
    expect(byOfficer.body.code).toBe('data_protection.staff_needs_admin');

    const secondAdmin = await caller('admin');
    const approved = await send(secondAdmin, 'POST', `/${id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.request.status).toBe('completed');
    expect(approved.body.counts.users).toBeGreaterThan(0);
    const [row] = (await api.dataSource.query(`SELECT email FROM users WHERE id = $1`, [staff.user.id])) as {
      email: string;
    }[];
    expect(row.email).not.toBe(staff.user.email);
    expect((await send(officer, 'GET', `/${id}/preview`)).body.changes).toEqual([]);
    expect(await auditActions(id)).toEqual([
      'data_protection.erasure_requested',
      'access.denied',
      'data_protection.erasure_completed',
    ]);
  });

  it('refuses bad input with field-level problems and writes nothing', async () => {
    const before = await count();
    const cases: [unknown, string[]][] = [
      [{ kind: 'deletion', email: 'a@b.example', reason: 'x' }, ['kind']],
      [{ kind: 'access', email: 'not-an-email', reason: 'x' }, ['email']],
      [{ kind: 'access', email: 'a@b.example', reason: 'x'.repeat(2001) }, ['reason']],
      [{ kind: 'access', email: 'a@b.example', reason: 'x', extra: 1 }, ['extra']],
      [{ kind: 'erasure', email: 'a@b.example', confirmOpenCase: 'yes' }, ['confirmOpenCase']],
      // The service's own checks: a reason is required for access; erasure needs an account.
      [{ kind: 'access', email: 'a@b.example' }, ['reason']],
      [{ kind: 'erasure', email: 'nobody-here@b.example' }, ['email']],
    ];
    for (const [body, fields] of cases) {
      const res = await send(officer, 'POST', '', body);
      expect({ body, status: res.status, type: res.headers.get('content-type') }).toEqual({
        body,
        status: 400,
        type: expect.stringContaining('application/problem+json'),
      });
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual(fields);
    }
    const longNote = await send(officer2, 'POST', `/${await firstId()}/approve`, {
      decisionReason: 'x'.repeat(2001),
    });
    expect(longNote.status).toBe(400);
    expect(longNote.body.errors[0].field).toBe('decisionReason');
    expect(await count()).toBe(before);
  });

  async function firstId(): Promise<string> {
    const res = await send(admin, 'GET', '?limit=1');
    return res.body.items[0].id as string;
  }

  it('lists newest first, one signed cursor format, filters by kind and status', async () => {
    for (let i = 0; i < 3; i++)
      expect(
        (await send(admin, 'POST', '', { kind: 'access', email: sme.user.email, reason: `Page ${i}` }))
          .status,
      ).toBe(201);
    const all = await send(officer, 'GET', '?limit=200');
    const ids = (all.body.items as Json[]).map((r) => r.id as string);
    expect(all.body.nextCursor).toBeNull();

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await send(officer, 'GET', `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...(page.body.items as Json[]).map((r) => r.id as string));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual(ids);
    const created = (all.body.items as Json[]).map((r) => Date.parse(r.createdAt as string));
    expect([...created].sort((a, b) => b - a)).toEqual(created);

    const access = await send(officer, 'GET', '?kind=access&status=requested&limit=200');
    expect((access.body.items as Json[]).every((r) => r.kind === 'access' && r.status === 'requested')).toBe(
      true,
    );
    expect(access.body.items.length).toBeGreaterThanOrEqual(3);

    for (const query of ['?cursor=abc', '?cursor=e30.AAAAAAAAAAAAAAAAAAAAAA', '?limit=0', '?kind=x']) {
      const bad = await send(officer, 'GET', query);
      expect({ query, status: bad.status }).toEqual({ query, status: 400 });
    }
  });

  it('a retried create with the same Idempotency-Key gets the first answer and records one request', async () => {
    const before = await count();
    const send = (key: string) =>
      fetch(`${api.url}/api/v1/data-protection/requests`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${officer.token}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify({ kind: 'access', email: sme.user.email, reason: 'Retried request' }),
      });
    const first = await send('dp-retry-1');
    const again = await send('dp-retry-1');
    expect([first.status, again.status]).toEqual([201, 201]);
    const [a, b] = [await readJson(first), await readJson(again)];
    expect(b).toEqual(a);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(`/api/v1/data-protection/requests/${a.id as string}`);
    expect(await count()).toBe(before + 1);
    expect((await readJson(await send('dp-retry-2'))).id).not.toBe(a.id);
  });

  it('is 404 for other roles and for requests that do not exist', async () => {
    const id = await firstId();
    for (const who of [adviser, sme]) {
      expect((await send(who, 'GET', '')).status).toBe(404);
      expect((await send(who, 'GET', `/${id}`)).status).toBe(404);
      expect(
        (await send(who, 'POST', '', { kind: 'access', email: 'a@b.example', reason: 'x' })).status,
      ).toBe(404);
      expect((await send(who, 'POST', `/${id}/approve`, {})).status).toBe(404);
    }
    expect((await send(officer, 'GET', '/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await send(officer, 'GET', '/not-a-uuid')).status).toBe(404);
    expect((await send(officer, 'POST', '/00000000-0000-4000-8000-000000000000/approve', {})).status).toBe(
      404,
    );
    // An access request has no erasure preview.
    expect((await send(officer, 'GET', `/${id}/preview`)).status).toBe(404);
    const anonymous = await fetch(`${api.url}/api/v1/data-protection/requests`);
    expect(anonymous.status).toBe(401);
  });
});
