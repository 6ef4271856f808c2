import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { createUser, tokenFor, webSession } from '../../support/auth';
import { readJson, type Json } from '../../support/http';
import { startTestApi, TestApi } from '../../support/test-api';
import { buildCase } from '../../factories';

/**
 * Input that used to reach the database or the validators and come back as 500: bodies whose
 * Content-Encoding lies, nesting deep enough to exhaust the stack, text Postgres cannot store, and null
 * for fields the database requires. Each is refused with a 4xx problem+json that names what is wrong.
 */
describe('hostile input', () => {
  let api: TestApi;
  let officer: string;
  let adviser: string;
  let adviserId: string;
  let caseId: string;
  let moduleCode: string;

  beforeAll(async () => {
    api = await startTestApi();
    const o = await createUser(api, 'officer');
    officer = await tokenFor(api, o.user.email, o.password);
    const a = await createUser(api, 'adviser');
    adviser = await tokenFor(api, a.user.email, a.password);
    adviserId = a.user.id;
    const created = await send('POST', '/api/v1/advisers', {
      token: officer,
      json: { userId: adviserId, capacity: 10, languages: ['en'] },
    });
    expect(created.status).toBe(201);
    // Opened before the interactions dated below (an interaction cannot predate its case).
    caseId = (await buildCase(api, { adviserId, openedDaysAgo: 400 })).caseId;
    const modules = await readJson(await send('GET', '/api/v1/training/modules', { token: officer }));
    moduleCode = modules.items[0].code as string;
  });
  afterAll(() => api?.close());

  interface SendOptions {
    token?: string;
    json?: unknown;
    raw?: string | Buffer;
    headers?: Record<string, string>;
  }

  function send(method: string, path: string, options: SendOptions = {}): Promise<Response> {
    const body = options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
    return fetch(`${api.url}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      body,
    });
  }

  async function problem(res: Response, status: number, code?: string): Promise<Json> {
    const text = await res.text();
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = JSON.parse(text) as Json;
    expect(body.status).toBe(status);
    if (code) expect(body.code).toBe(code);
    return body;
  }

  const fieldsOf = (body: Json): string[] => (body.errors as { field: string }[]).map((e) => e.field);

  describe('Content-Encoding (item 4)', () => {
    const json = JSON.stringify({ email: 'nobody@example.test', password: 'not-the-password' });

    it.each(['gzip', 'br', 'deflate', 'GZIP'])(
      'refuses a body labelled %s that is not compressed with 400',
      async (encoding) => {
        for (const path of ['/api/v1/auth/token', `/api/v1/advisers/${adviserId}`]) {
          const res = await send(path.endsWith('token') ? 'POST' : 'PATCH', path, {
            token: officer,
            raw: json,
            headers: { 'content-encoding': encoding },
          });
          const body = await problem(res, 400, 'malformed_body_encoding');
          expect(body.detail).toMatch(/encoding/i);
        }
      },
    );

    it('refuses a gzip body cut short with 400', async () => {
      const cut = gzipSync(Buffer.from(json)).subarray(0, 12);
      const res = await send('POST', '/api/v1/auth/token', {
        raw: cut,
        headers: { 'content-encoding': 'gzip' },
      });
      await problem(res, 400, 'malformed_body_encoding');
    });

    it.each(['compress', 'x-unknown', 'gzip, br'])('answers 415 to the encoding %s', async (encoding) => {
      const res = await send('POST', '/api/v1/auth/token', {
        raw: json,
        headers: { 'content-encoding': encoding },
      });
      await problem(res, 415, 'unsupported_encoding');
    });

    it.each([
      ['gzip', gzipSync],
      ['br', brotliCompressSync],
      ['deflate', deflateSync],
    ] as const)('still reads a body really compressed with %s', async (encoding, compress) => {
      const res = await send('PATCH', `/api/v1/advisers/${adviserId}`, {
        token: officer,
        raw: compress(Buffer.from(JSON.stringify({ capacity: 12 }))),
        headers: { 'content-encoding': encoding },
      });
      expect(res.status).toBe(200);
      expect((await readJson(res)).profile.capacity).toBe(12);
    });
  });

  describe('nesting depth (item 5)', () => {
    it('refuses arrays 2 000 deep in 4 kB with 400 before validation', async () => {
      const raw = `{"regions":${'['.repeat(2000)}${']'.repeat(2000)}}`;
      expect(raw.length).toBeLessThan(4100);
      const body = await problem(
        await send('PATCH', `/api/v1/advisers/${adviserId}`, { token: officer, raw }),
        400,
        'too_deeply_nested',
      );
      expect(body.detail).toMatch(/32 levels/);
    });

    it('refuses objects 8 000 deep in 48 kB with 400', async () => {
      const raw = `${'{"a":'.repeat(8000)}1${'}'.repeat(8000)}`;
      expect(raw.length).toBeLessThan(48_100);
      await problem(
        await send('POST', '/api/v1/advisers', { token: officer, raw }),
        400,
        'too_deeply_nested',
      );
    });

    it('refuses depth even without signing in (the body is read before anything else)', async () => {
      const raw = `${'['.repeat(100)}${']'.repeat(100)}`;
      await problem(await send('POST', '/api/v1/auth/token', { raw }), 400, 'too_deeply_nested');
    });

    it('does not count brackets inside strings, and lets 32 levels through to validation', async () => {
      const inString = JSON.stringify({ note: `${'['.repeat(500)}"{\\` });
      const res = await send('POST', `/api/v1/advisers/${adviserId}/redistribute`, {
        token: officer,
        raw: inString,
      });
      expect(res.status).not.toBe(500);
      expect((await readJson(res)).code).not.toBe('too_deeply_nested');

      let nested: unknown = 'x';
      for (let i = 1; i < 32; i++) nested = [nested];
      const body = await problem(
        await send('PATCH', `/api/v1/advisers/${adviserId}`, { token: officer, json: { regions: nested } }),
        400,
        'validation_failed',
      );
      expect(fieldsOf(body)).toContain('regions');
    });

    it('keeps form bodies and query strings flat: bracketed keys are plain names', async () => {
      const key = 'a' + '[b]'.repeat(100);
      const form = await fetch(`${api.url}/api/v1/advisers/${adviserId}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: `${key}=1`,
      });
      // The API takes JSON only; a form body is refused as such, not parsed into 2 000 levels.
      await problem(form, 415, 'unsupported_media_type');

      const session = webSession(api);
      const page = await session.post('/sign-in', { [key]: '1', email: 'x@example.test', password: 'y' });
      expect(page.status).toBeLessThan(500);

      const query = await send('GET', `/api/v1/cases?${key}=1`, { token: officer });
      const body = await problem(query, 400, 'validation_failed');
      expect(fieldsOf(body)).toContain(key);
    });
  });

  describe('text Postgres cannot store (item 6)', () => {
    it('refuses a lone surrogate in a JSON string with 400 naming the field', async () => {
      const raw = `{"title":{"en":"\\ud800x","es":"Hola","de":"Hallo"}}`;
      const body = await problem(
        await send('PATCH', `/api/v1/training/modules/${moduleCode}`, { token: officer, raw }),
        400,
        'invalid_characters',
      );
      expect(fieldsOf(body)).toEqual(['title.en']);
      expect(body.errors[0].message).toMatch(/title\.en/);
    });

    it('refuses a lone low surrogate and a NUL in interaction notes', async () => {
      for (const notes of ['\udc00 trailing', 'before\u0000after']) {
        const body = await problem(
          await send('POST', `/api/v1/cases/${caseId}/interactions`, {
            token: adviser,
            json: { kind: 'call', occurredOn: '2026-01-05', notes },
          }),
          400,
          'invalid_characters',
        );
        expect(fieldsOf(body)).toEqual(['notes']);
      }
      const [{ n }] = (await api.dataSource.query(
        `SELECT count(*)::int AS n FROM interactions WHERE case_id = $1`,
        [caseId],
      )) as { n: number }[];
      expect(n).toBe(0);
    });

    it('accepts a well-formed pair of surrogates (an emoji)', async () => {
      // A case of its own: the redistribution above has taken the first one from this adviser.
      const own = (await buildCase(api, { adviserId, openedDaysAgo: 400 })).caseId;
      const res = await send('POST', `/api/v1/cases/${own}/interactions`, {
        token: adviser,
        json: { kind: 'call', occurredOn: '2026-01-05', notes: 'Great call \ud83d\ude00' },
      });
      expect(res.status).toBe(201);
    });

    it('names array items and object keys', async () => {
      const items = await problem(
        await send('PATCH', `/api/v1/advisers/${adviserId}`, {
          token: officer,
          json: { regions: ['london', 'x\u0000'] },
        }),
        400,
        'invalid_characters',
      );
      expect(fieldsOf(items)).toEqual(['regions.1']);
      const keys = await problem(
        await send('POST', `/api/v1/cases/${caseId}/audits`, {
          token: adviser,
          json: { questionnaireVersion: 1, answers: { 'a\u0000b': 1 } },
        }),
        400,
        'invalid_characters',
      );
      expect(fieldsOf(keys)).toEqual(['answers']);
      expect(keys.errors[0].message).toMatch(/name/);
    });

    it('refuses %00 in a path parameter, naming it', async () => {
      const body = await problem(
        await send('GET', `/api/v1/training/modules/ab%00c/sessions`, { token: officer }),
        400,
        'invalid_characters',
      );
      expect(fieldsOf(body)).toEqual(['code']);
      await problem(
        await send('PATCH', `/api/v1/training/modules/${moduleCode}%00`, {
          token: officer,
          json: { level: 'advanced' },
        }),
        400,
        'invalid_characters',
      );
    });

    it('refuses %00 in a query string, naming the parameter', async () => {
      const body = await problem(
        await send('GET', '/api/v1/cases?q=acme%00', { token: officer }),
        400,
        'invalid_characters',
      );
      expect(fieldsOf(body)).toEqual(['q']);
    });

    it('refuses NUL in a form field on a page with the 400 page, not a 500', async () => {
      const session = webSession(api);
      const res = await session.post('/sign-in', {
        email: 'someone\u0000@example.test',
        password: 'whatever',
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toContain('email');
    });
  });

  describe('null for a field the database requires (item 7)', () => {
    it.each([
      ['capacity', 'PATCH /api/v1/advisers/:id'],
      ['active', 'PATCH /api/v1/advisers/:id'],
    ])('refuses %s: null on %s with a field error', async (field) => {
      const body = await problem(
        await send('PATCH', `/api/v1/advisers/${adviserId}`, { token: officer, json: { [field]: null } }),
        400,
        'validation_failed',
      );
      expect(fieldsOf(body)).toEqual([field]);
      expect(body.errors[0].message).toBe(`${field} must not be null`);
    });

    it.each(['durationMinutes', 'level', 'title', 'retired', 'barriers'])(
      'refuses %s: null on PATCH /api/v1/training/modules/:code',
      async (field) => {
        const body = await problem(
          await send('PATCH', `/api/v1/training/modules/${moduleCode}`, {
            token: officer,
            json: { [field]: null },
          }),
          400,
          'validation_failed',
        );
        expect(fieldsOf(body)).toEqual([field]);
      },
    );

    it.each(['title', 'summary'])(
      'refuses a list for %s on PATCH /api/v1/training/modules/:code (the fuzzer found it saved)',
      async (field) => {
        const body = await problem(
          await send('PATCH', `/api/v1/training/modules/${moduleCode}`, {
            token: officer,
            json: { [field]: [] },
          }),
          400,
          'validation_failed',
        );
        expect(fieldsOf(body)).toEqual([field]);
      },
    );

    it('still lets absence dates be cleared with null', async () => {
      const res = await send('PATCH', `/api/v1/advisers/${adviserId}`, {
        token: officer,
        json: { absentFrom: null, absentTo: null },
      });
      expect(res.status).toBe(200);
    });
  });
});
