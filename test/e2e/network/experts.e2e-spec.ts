import { randomUUID } from 'node:crypto';
import { createUser, csrfFromHtml, signInWeb, tokenFor, type WebSession } from '../../support/auth';
import { readJson, type Json } from '../../support/http';
import { startTestApi, type TestApi } from '../../support/test-api';
import { call } from '../advisers/support/advisers.factory';

jest.setTimeout(120_000);

/**
 * The experts directory: officers and admins add, correct (If-Match) and filter experts through the API
 * and the pages; every change is audited; advisers and SMEs get 404.
 */
describe('network: the experts directory (API and pages)', () => {
  let api: TestApi;
  let officer: string;
  let admin: string;
  let adviser: string;
  let officerWeb: WebSession;

  const expert = (over: Json = {}): Json => ({
    name: 'Ana Ruiz',
    organisation: 'Cámara de Comercio',
    email: `ana.${randomUUID().slice(0, 8)}@mentors.example`,
    languages: ['es', 'en'],
    expertise: ['product_market', 'social_media'],
    markets: ['DE', 'AT'],
    naceSections: ['C'],
    supportMeasures: ['agents-distributors'],
    capacityPerMonth: 3,
    consentToContact: true,
    ...over,
  });

  beforeAll(async () => {
    api = await startTestApi();
    const [o, a, d] = await Promise.all([
      createUser(api, 'officer'),
      createUser(api, 'admin'),
      createUser(api, 'adviser'),
    ]);
    [officer, admin, adviser] = await Promise.all([
      tokenFor(api, o.user.email, o.password),
      tokenFor(api, a.user.email, a.password),
      tokenFor(api, d.user.email, d.password),
    ]);
    officerWeb = await signInWeb(api, o.user.email, o.password);
  });
  afterAll(() => api?.close());

  it('creates, reads with an ETag, corrects with If-Match and audits each change', async () => {
    const created = await call(api, officer, 'POST', '/api/v1/experts', expert());
    expect(created.status).toBe(201);
    const body = await readJson(created);
    expect(body).toMatchObject({
      name: 'Ana Ruiz',
      markets: ['DE', 'AT'],
      expertise: ['product_market', 'social_media'],
      consentToContact: true,
      introductionsThisMonth: 0,
      active: true,
      version: 1,
    });
    expect(body.consentRecordedAt).toEqual(expect.any(String));
    expect(created.headers.get('location')).toBe(`/api/v1/experts/${body.id}`);

    const read = await call(api, admin, 'GET', `/api/v1/experts/${body.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');

    // A correction must say which version it was based on.
    const blind = await call(api, officer, 'PATCH', `/api/v1/experts/${body.id}`, { capacityPerMonth: 5 });
    expect(blind.status).toBe(400);
    const changed = await call(
      api,
      officer,
      'PATCH',
      `/api/v1/experts/${body.id}`,
      { capacityPerMonth: 5, absentFrom: '2026-12-20', absentTo: '2027-01-05', consentToContact: false },
      { 'if-match': '"1"' },
    );
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    expect(await readJson(changed)).toMatchObject({
      capacityPerMonth: 5,
      absentFrom: '2026-12-20',
      absentTo: '2027-01-05',
      consentToContact: false,
      consentRecordedAt: null,
      version: 2,
    });
    // The loser of two concurrent corrections gets 409 and nothing changes.
    const stale = await call(
      api,
      admin,
      'PATCH',
      `/api/v1/experts/${body.id}`,
      { name: 'X' },
      { 'if-match': '1' },
    );
    expect(stale.status).toBe(409);
    expect((await readJson(await call(api, officer, 'GET', `/api/v1/experts/${body.id}`))).name).toBe(
      'Ana Ruiz',
    );

    const audit = (await api.dataSource.query(
      `SELECT action, before, after FROM audit_event WHERE entity_type = 'expert' AND entity_id = $1 ORDER BY id`,
      [body.id],
    )) as { action: string; before: Json | null; after: Json }[];
    expect(audit.map((a) => a.action)).toEqual(['expert.created', 'expert.updated']);
    expect(audit[1].after).toMatchObject({ capacityPerMonth: 5 });
  });

  it('refuses bad input with field errors and a second expert with the same email', async () => {
    const bad = await call(api, officer, 'POST', '/api/v1/experts', {
      ...expert(),
      expertise: ['cooking'],
      markets: ['Germany'],
      supportMeasures: ['unknown-measure'],
    });
    expect(bad.status).toBe(400);
    const fields = ((await readJson(bad)).errors as Json[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['expertise', 'markets']));

    const unknownMeasure = await call(api, officer, 'POST', '/api/v1/experts', {
      ...expert(),
      supportMeasures: ['unknown-measure'],
    });
    expect(unknownMeasure.status).toBe(400);

    const first = expert();
    expect((await call(api, officer, 'POST', '/api/v1/experts', first)).status).toBe(201);
    const twice = await call(api, admin, 'POST', '/api/v1/experts', {
      ...first,
      email: first.email.toUpperCase(),
    });
    expect(twice.status).toBe(400);
    expect(((await readJson(twice)).errors as Json[])[0]).toMatchObject({ field: 'email', code: 'taken' });
  });

  it('filters the directory by heading, market, language and text', async () => {
    const tag = randomUUID().slice(0, 6);
    await call(
      api,
      officer,
      'POST',
      '/api/v1/experts',
      expert({ name: `Filter ${tag} One`, markets: ['FR'], languages: ['de'] }),
    );
    await call(
      api,
      officer,
      'POST',
      '/api/v1/experts',
      expert({ name: `Filter ${tag} Two`, markets: ['DE'], expertise: ['operational'] }),
    );
    const names = async (query: string): Promise<string[]> =>
      (
        (await readJson(await call(api, officer, 'GET', `/api/v1/experts?q=${tag}&${query}`))).items as Json[]
      ).map((e) => e.name as string);
    expect(await names('')).toEqual([`Filter ${tag} One`, `Filter ${tag} Two`]);
    expect(await names('market=fr')).toEqual([`Filter ${tag} One`]);
    expect(await names('heading=operational')).toEqual([`Filter ${tag} Two`]);
    expect(await names('language=de')).toEqual([`Filter ${tag} One`]);
    expect((await call(api, officer, 'GET', '/api/v1/experts?heading=cooking')).status).toBe(400);
  });

  it('pages through the directory by name with the one cursor format (items, nextCursor, limit)', async () => {
    const tag = randomUUID().slice(0, 6);
    // Seven experts, two pairs with the same name: the id breaks the tie, so no one is skipped or repeated.
    const names = ['Delta', 'Alpha', 'Echo', 'Bravo', 'Alpha', 'Charlie', 'Charlie'].map(
      (n) => `Page ${tag} ${n}`,
    );
    const ids: string[] = [];
    for (const name of names)
      ids.push(
        (await readJson(await call(api, officer, 'POST', '/api/v1/experts', expert({ name })))).id as string,
      );

    const seen: Json[] = [];
    const cursors: (string | null)[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(
        api,
        officer,
        'GET',
        `/api/v1/experts?q=${tag}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.status).toBe(200);
      const page = await readJson(res);
      expect((page.items as Json[]).length).toBeLessThanOrEqual(3);
      seen.push(...(page.items as Json[]));
      cursor = page.nextCursor as string | null;
      cursors.push(cursor);
    } while (cursor && cursors.length < 10);

    expect(cursors).toEqual([expect.any(String), expect.any(String), null]);
    expect(seen.map((e) => e.name)).toEqual([...names].sort());
    expect(new Set(seen.map((e) => e.id))).toEqual(new Set(ids));

    // A cursor is signed: one altered or made up is a 400 naming `cursor`.
    const first = await readJson(await call(api, officer, 'GET', `/api/v1/experts?q=${tag}&limit=3`));
    const [payload, mac] = (first.nextCursor as string).split('.');
    const tampered = `${payload}.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
    for (const bad of [tampered, 'not-a-cursor']) {
      const res = await call(api, officer, 'GET', `/api/v1/experts?cursor=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      expect(((await readJson(res)).errors as Json[]).map((e) => e.field)).toEqual(['cursor']);
    }
    for (const limit of ['0', '201', 'ten'])
      expect((await call(api, officer, 'GET', `/api/v1/experts?limit=${limit}`)).status).toBe(400);
  });

  it('is staff-only: advisers get 404 with an access.denied row, unknown ids 404', async () => {
    const res = await call(api, adviser, 'GET', '/api/v1/experts');
    expect(res.status).toBe(404);
    expect((await call(api, officer, 'GET', `/api/v1/experts/${randomUUID()}`)).status).toBe(404);
    expect((await call(api, officer, 'GET', `/api/v1/experts/not-a-uuid`)).status).toBe(404);
  });

  it('adds and corrects an expert through the officer pages, with the GOV.UK error summary', async () => {
    const list = await officerWeb.get('/experts');
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('href="/experts/new"');

    const form = await officerWeb.get('/experts/new');
    const csrf = csrfFromHtml(await form.text());
    const empty = await officerWeb.post('/experts/new', { _csrf: csrf, capacityPerMonth: '' });
    expect(empty.status).toBe(400);
    const errors = await empty.text();
    expect(errors).toContain('govuk-error-summary');
    expect(errors).toContain('href="#name"');
    expect(errors).toContain('Enter the expert&#39;s name');
    expect(errors).toContain('href="#capacityPerMonth"');

    const email = `page.${randomUUID().slice(0, 8)}@mentors.example`;
    const saved = await officerWeb.post('/experts/new', {
      _csrf: csrf,
      name: 'Paul Page',
      organisation: 'Growth Hub',
      email,
      phone: '',
      languages: 'de',
      expertise: ['operational', 'organisational'],
      markets: 'de, at',
      naceSections: 'c',
      supportMeasures: 'logistics',
      capacityPerMonth: '2',
      absentFrom: '',
      absentTo: '',
      consentToContact: 'true',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/experts?notice=created');
    const [row] = (await api.dataSource.query(`SELECT * FROM experts WHERE email = $1`, [email])) as Json[];
    expect(row).toMatchObject({
      markets: ['DE', 'AT'],
      nace_sections: ['C'],
      languages: ['de'],
      phone: null,
    });
    expect(row.expertise).toEqual(['operational', 'organisational']);

    const edit = await officerWeb.get(`/experts/${row.id}`);
    const page = await edit.text();
    expect(page).toContain('name="version" value="1"');
    const changed = await officerWeb.post(`/experts/${row.id}`, {
      _csrf: csrfFromHtml(page),
      version: '1',
      name: 'Paul Page',
      email,
      expertise: ['operational'],
      capacityPerMonth: '4',
      active: 'false',
      consentToContact: 'true',
    });
    expect(changed.status).toBe(303);
    const [after] = (await api.dataSource.query(
      `SELECT capacity_per_month, active, version FROM experts WHERE id = $1`,
      [row.id],
    )) as Json[];
    expect(after).toEqual({ capacity_per_month: 4, active: false, version: 2 });
    // The same form again (version 1) is stale: 409 with the summary, nothing saved.
    const stale = await officerWeb.post(`/experts/${row.id}`, {
      _csrf: csrfFromHtml(page),
      version: '1',
      name: 'Someone Else',
      email,
      capacityPerMonth: '1',
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('govuk-error-summary');

    const filtered = await officerWeb.get(`/experts?q=Paul+Page&heading=operational`);
    expect(await filtered.text()).toContain(`href="/experts/${row.id}"`);
  });
});
