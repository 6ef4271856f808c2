import { Role } from '@app/identity';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { CookieJar, createUser, tokenFor } from '../../support/auth';
import { readJson } from '../../support/http';
import { completeAnswers } from '../enrolment/enrolment-fixtures';
import { startTestApi, TestApi } from '../../support/test-api';
import { ALLOWED_CALL_SKIPPED, ROUTE_RULES, type RouteAccess } from './route-rules';

type Who = 'anonymous' | 'smeA' | 'smeB' | 'adviserOn' | 'adviserOff' | 'officer' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'smeA', 'smeB', 'adviserOn', 'adviserOff', 'officer', 'admin'];
const ROLE_OF: Record<Exclude<Who, 'anonymous'>, Role> = {
  smeA: 'sme',
  smeB: 'sme',
  adviserOn: 'adviser',
  adviserOff: 'adviser',
  officer: 'officer',
  admin: 'admin',
};
const SOME_ID = '00000000-0000-4000-8000-000000000000';

/** Every route the api registers, from Nest's own metadata, as `METHOD /path/:param`. */
function discoverRoutes(api: TestApi): string[] {
  const routes = new Set<string>();
  for (const module of api.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
      if (!type) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const full = [base, path]
          .map((p) => p.replace(/^\/|\/$/g, ''))
          .filter(Boolean)
          .join('/');
        routes.add(`${RequestMethod[method]} /${full}`);
      }
    }
  }
  return [...routes].sort();
}

const allows = (access: RouteAccess, who: Who): boolean =>
  access === 'public' || (who !== 'anonymous' && (access === 'signed-in' || access.includes(ROLE_OF[who])));

/**
 * The access matrix: every route in the rule table (route-rules.ts) × every kind of caller. A caller the
 * table refuses must be refused before any handler runs — anonymous: 401 on the API, a redirect to sign-in
 * for a page, 403 (no CSRF token) for a page form; signed in with the wrong role: 404 plus the guard's
 * `access.denied` audit row for the route, which is what tells it apart from a handler's own "no such
 * record". A caller the table allows must get past the guard: never 401/403, no route denial row, and never
 * a 5xx, whatever the (deliberately empty) input. Staff and SMEs call with bearer tokens, the same guard as
 * sessions (CSRF is covered in web-session.e2e-spec).
 */
describe('access matrix', () => {
  let api: TestApi;
  const tokens: Partial<Record<Who, string>> = {};
  const ids: Partial<Record<Who, string>> = {};
  beforeAll(async () => {
    api = await startTestApi();
    for (const [who, role] of Object.entries(ROLE_OF)) {
      const { user, password } = await createUser(api, role);
      tokens[who as Who] = await tokenFor(api, user.email, password);
      ids[who as Who] = user.id;
    }
  });
  afterAll(() => api.close());

  /**
   * One request. `csrf`: an anonymous browser's session cookie and its CSRF token, for the public forms
   * (sign-in, registration) an anonymous caller may post; without it they answer 403, rightly.
   */
  const call = async (
    route: { method: string; path: string; body?: unknown },
    who: Who,
    csrf = false,
  ): Promise<Response> => {
    const isApi = route.path.startsWith('/api');
    const method = route.method === 'ALL' ? 'GET' : route.method;
    const hasBody = method !== 'GET' && method !== 'DELETE';
    const jar = new CookieJar();
    let form = '';
    if (csrf) {
      const res = await fetch(`${api.url}/api/v1/auth/csrf-token`);
      jar.store(res);
      form = new URLSearchParams({
        _csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
      }).toString();
    }
    return fetch(`${api.url}${route.path}`, {
      method,
      redirect: 'manual',
      headers: {
        accept: isApi ? 'application/json' : 'text/html',
        ...(tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {}),
        ...(csrf ? { cookie: jar.header() } : {}),
        ...(hasBody
          ? { 'content-type': isApi ? 'application/json' : 'application/x-www-form-urlencoded' }
          : {}),
      },
      body: hasBody ? (isApi ? JSON.stringify(route.body ?? {}) : form) : undefined,
    });
  };
  const routeDenials = async (who: Who): Promise<number> => {
    if (!ids[who]) return 0;
    const [row] = (await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event
        WHERE action = 'access.denied' AND entity_type = 'route' AND actor_id = $1`,
      [ids[who]],
    )) as { n: number }[];
    return row.n;
  };

  it('has a rule for every route the api registers, and no rule for a route that is gone', () => {
    const routes = discoverRoutes(api);
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.filter((r) => !(r in ROUTE_RULES))).toEqual([]);
    expect(Object.keys(ROUTE_RULES).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it.each(Object.entries(ROUTE_RULES))(
    '%s (%j) answers every caller as the table says',
    async (key, access) => {
      const [method, template] = key.split(' ');
      // Any id will do: a refusal must come before the handler looks anything up.
      const path = template.replace(/:[A-Za-z]+/g, SOME_ID).replace(/\*[A-Za-z]+/g, 'x');
      const wrong: string[] = [];
      for (const who of EVERYONE) {
        const allowed = allows(access, who);
        if (allowed && ALLOWED_CALL_SKIPPED[key]) continue;
        const denialsBefore = await routeDenials(who);
        const publicForm = allowed && who === 'anonymous' && !path.startsWith('/api') && method === 'POST';
        const res = await call({ method, path }, who, publicForm);
        await res.arrayBuffer();
        const denied = (await routeDenials(who)) - denialsBefore;
        const status = res.status;
        const location = res.headers.get('location') ?? '';
        if (status >= 500) wrong.push(`${who}: ${status}`);
        else if (allowed) {
          if (status === 401 || status === 403 || denied > 0 || /^\/sign-in/.test(location))
            wrong.push(`${who} is allowed but got ${status}${denied ? ' and a route denial' : ''}`);
        } else if (who === 'anonymous') {
          const isApi = path.startsWith('/api');
          const ok = isApi
            ? status === 401
            : method === 'GET' || method === 'ALL'
              ? status === 302 && /^\/sign-in\?returnTo=/.test(location)
              : status === 401 || status === 403;
          if (!ok) wrong.push(`anonymous must be refused but got ${status} ${location}`);
        } else if (status !== 404 || denied !== 1) {
          wrong.push(`${who} must get 404 from the guard but got ${status} with ${denied} route denial(s)`);
        }
      }
      expect(wrong).toEqual([]);
    },
  );

  /**
   * Record level (IDOR): SME A's enrolment and case, the case assigned to "adviserOn". Another SME, an
   * adviser whose caseload it is not on, and (for cases) an admin must not learn that it exists.
   */
  describe('records of SME A', () => {
    let enrolmentId: string;
    let caseId: string;
    const as = async (who: Who, method: string, path: string, body?: unknown): Promise<Response> =>
      call({ method, path, body }, who);

    beforeAll(async () => {
      const created = await as('smeA', 'POST', '/api/v1/enrolments', completeAnswers());
      expect(created.status).toBe(201);
      enrolmentId = (await readJson(created)).id;
      const submitted = await as('smeA', 'POST', `/api/v1/enrolments/${enrolmentId}/submit`, {});
      expect(submitted.status).toBe(200);
      caseId = (await readJson(submitted)).case.id;
      for (const who of ['adviserOn', 'adviserOff'] as const) {
        const profile = await as('officer', 'POST', '/api/v1/advisers', {
          userId: ids[who],
          capacity: 10,
          regions: [],
        });
        expect(profile.status).toBe(201);
      }
      const assigned = await as('officer', 'POST', `/api/v1/cases/${caseId}/assignment`, {
        adviserId: ids.adviserOn,
        reason: 'access matrix',
      });
      expect(assigned.status).toBeLessThan(300);
    });

    const SME_SIDE = { anonymous: 401, smeA: 200, adviserOn: 200, officer: 200, otherwise: 404 };
    const RECORDS: {
      what: string;
      path: () => string;
      expect: Partial<Record<Who, number>> & { otherwise: number };
    }[] = [
      {
        what: 'enrolment',
        path: () => `/api/v1/enrolments/${enrolmentId}`,
        expect: { anonymous: 401, smeA: 200, officer: 200, admin: 200, otherwise: 404 },
      },
      {
        what: 'case',
        path: () => `/api/v1/cases/${caseId}`,
        expect: { anonymous: 401, adviserOn: 200, officer: 200, otherwise: 404 },
      },
      { what: 'case audits', path: () => `/api/v1/cases/${caseId}/audits`, expect: SME_SIDE },
      { what: 'case progress', path: () => `/api/v1/cases/${caseId}/progress`, expect: SME_SIDE },
      { what: 'case training', path: () => `/api/v1/cases/${caseId}/training`, expect: SME_SIDE },
      {
        what: 'case recommendations',
        path: () => `/api/v1/cases/${caseId}/recommendations`,
        expect: SME_SIDE,
      },
      {
        what: 'case page',
        path: () => `/cases/${caseId}`,
        expect: { anonymous: 302, adviserOn: 200, officer: 200, otherwise: 404 },
      },
      {
        what: 'progress page',
        path: () => `/cases/${caseId}/progress`,
        expect: { ...SME_SIDE, anonymous: 302 },
      },
    ];
    const recordCases = RECORDS.flatMap((record) =>
      EVERYONE.map(
        (who) => [record.what, who, record.expect[who] ?? record.expect.otherwise, record] as const,
      ),
    );

    it.each(recordCases)("GET SME A's %s as %s → %i", async (_what, who, expected, record) => {
      expect((await as(who, 'GET', record.path())).status).toBe(expected);
    });
  });
});
