import { createUser, tokenFor } from '../../support/auth';
import type { Json } from '../../support/http';
import { startTestApi, TestApi } from '../../support/test-api';
import { apiClient, completeAnswers } from './enrolment-fixtures';

type Client = ReturnType<typeof apiClient>;

// Sign-ups hash passwords with argon2 and the machine is shared: allow for a slow minute.
jest.setTimeout(120_000);
describe('enrolment and duplicate-flag lists page with the one cursor format', () => {
  let api: TestApi;
  let sme: Client;
  let otherSme: Client;
  let officer: Client;
  let smeId: string;

  beforeAll(async () => {
    api = await startTestApi();
    const clientFor = async (role: 'sme' | 'officer') => {
      const { user, password } = await createUser(api, role);
      return { client: apiClient(api, await tokenFor(api, user.email, password)), id: user.id };
    };
    const s = await clientFor('sme');
    sme = s.client;
    smeId = s.id;
    otherSme = (await clientFor('sme')).client;
    officer = (await clientFor('officer')).client;
  });
  afterAll(() => api?.close());

  /** Every page of `path` at `limit` a page: the items in order and the nextCursor of each page. */
  async function pageThrough(client: Client, path: string, limit: number) {
    const seen: Json[] = [];
    const cursors: (string | null)[] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const res = await client.call(
        'GET',
        `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.status).toBe(200);
      const items = res.body.items as Json[];
      expect(items.length).toBeLessThanOrEqual(limit);
      seen.push(...items);
      cursor = res.body.nextCursor as string | null;
      cursors.push(cursor);
    } while (cursor && cursors.length < 50);
    return { seen, cursors };
  }

  /** A bad cursor or limit is a 400 naming the field; a cursor of another list is refused too. */
  async function expectRefusals(client: Client, path: string, otherListCursor: string) {
    const first = await client.call('GET', `${path}?limit=1`);
    const [payload, mac] = (first.body.nextCursor as string).split('.');
    const tampered = `${payload}.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
    for (const bad of [tampered, 'not-a-cursor', otherListCursor]) {
      const res = await client.call('GET', `${path}?cursor=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      expect((res.body.errors as Json[]).map((e) => e.field)).toEqual(['cursor']);
    }
    for (const limit of ['0', '201', 'ten']) {
      const res = await client.call('GET', `${path}?limit=${limit}`);
      expect(res.status).toBe(400);
      expect((res.body.errors as Json[]).map((e) => e.field)).toEqual(['limit']);
    }
  }

  it('pages an SME through its own enrolments, newest first then by id, and never shows another SME’s', async () => {
    const mine: string[] = [];
    for (let i = 0; i < 7; i++) mine.push((await sme.create(completeAnswers())).body.id as string);
    const theirs = (await otherSme.create(completeAnswers())).body.id as string;
    // Four made "at the same instant": only the id keeps them apart, so none is skipped or repeated.
    await api.dataSource.query(
      `UPDATE enrolments SET created_at = '2026-01-02T03:04:05.123456Z' WHERE id = ANY($1::uuid[])`,
      [mine.slice(0, 4)],
    );

    const { seen, cursors } = await pageThrough(sme, '/api/v1/enrolments', 3);
    expect(cursors).toEqual([expect.any(String), expect.any(String), null]);
    const expected = (
      (await api.dataSource.query(
        `SELECT id FROM enrolments WHERE user_id = $1 ORDER BY created_at DESC, id DESC`,
        [smeId],
      )) as { id: string }[]
    ).map((r) => r.id);
    expect(seen.map((e) => e.id)).toEqual(expected);
    expect(new Set(expected)).toEqual(new Set(mine));
    expect(seen.map((e) => e.id)).not.toContain(theirs);

    // The other SME's list holds only its own enrolment.
    const other = await otherSme.call('GET', '/api/v1/enrolments');
    expect(other.body).toEqual({ items: [expect.objectContaining({ id: theirs })], nextCursor: null });

    // Staff page through every enrolment, filtered by status.
    const drafts = await pageThrough(officer, '/api/v1/enrolments?status=draft', 4);
    const allDrafts = (
      (await api.dataSource.query(
        `SELECT id FROM enrolments WHERE status = 'draft' ORDER BY created_at DESC, id DESC`,
      )) as { id: string }[]
    ).map((r) => r.id);
    expect(drafts.seen.map((e) => e.id)).toEqual(allDrafts);
    expect(drafts.cursors.at(-1)).toBeNull();

    const flagsCursor = await firstFlagCursor();
    await expectRefusals(sme, '/api/v1/enrolments', flagsCursor);
  });

  /** A real flag from two submissions, then copies of it made at one instant (the id breaks the tie). */
  async function seedFlags(): Promise<void> {
    const existing = (await api.dataSource.query(
      `SELECT count(*)::int AS n FROM duplicate_flags WHERE status = 'open'`,
    )) as { n: number }[];
    if (existing[0].n >= 7) return;
    const original = await sme.create(
      completeAnswers({ company: { legalName: 'Seaglass Paging Studio Ltd', region: 'south-west' } }),
    );
    expect((await sme.submit(original.body.id as string)).status).toBe(200);
    const duplicate = await otherSme.create(
      completeAnswers({ company: { legalName: 'Seaglass Paging Studios Ltd', region: 'south-west' } }),
    );
    expect((await otherSme.submit(duplicate.body.id as string)).status).toBe(200);
    await api.dataSource.query(
      `INSERT INTO duplicate_flags (company_id, enrolment_id, match_company_id, reason, similarity, status, created_at)
       SELECT f.company_id, f.enrolment_id, f.match_company_id, f.reason, f.similarity, 'open',
              '2026-01-02T03:04:05.123456Z'
         FROM duplicate_flags f, generate_series(1, 6)
        WHERE f.enrolment_id = $1`,
      [duplicate.body.id],
    );
  }

  async function firstFlagCursor(): Promise<string> {
    await seedFlags();
    const page = await officer.call('GET', '/api/v1/duplicate-flags?limit=1');
    return page.body.nextCursor as string;
  }

  it('pages officers through the duplicate flags, oldest first then by id; SMEs never see them', async () => {
    await seedFlags();
    const { seen, cursors } = await pageThrough(officer, '/api/v1/duplicate-flags', 2);
    const expected = (
      (await api.dataSource.query(
        `SELECT id FROM duplicate_flags WHERE status = 'open' ORDER BY created_at, id`,
      )) as { id: string }[]
    ).map((r) => r.id);
    expect(expected.length).toBeGreaterThanOrEqual(7);
    expect(seen.map((f) => f.id)).toEqual(expected);
    expect(new Set(seen.map((f) => f.id)).size).toBe(seen.length);
    expect(cursors).toHaveLength(Math.ceil(expected.length / 2));
    expect(cursors.at(-1)).toBeNull();
    expect(seen[0]).toMatchObject({ status: 'open', company: { id: expect.any(String) } });

    // Another status is its own list: nothing dismissed yet here.
    expect((await officer.call('GET', '/api/v1/duplicate-flags?status=dismissed')).body).toEqual({
      items: [],
      nextCursor: null,
    });

    const enrolmentsCursor = (await sme.call('GET', '/api/v1/enrolments?limit=1')).body.nextCursor as string;
    expect(enrolmentsCursor).toEqual(expect.any(String));
    await expectRefusals(officer, '/api/v1/duplicate-flags', enrolmentsCursor);

    expect((await sme.call('GET', '/api/v1/duplicate-flags')).status).toBe(404);
  });
});
