import { Role } from '@app/identity';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { createUser, tokenFor } from '../../support/auth';
import { readJson } from '../../support/http';
import { completeAnswers } from '../enrolment/enrolment-fixtures';
import { startTestApi, TestApi } from '../../support/test-api';

type Who = 'anonymous' | 'smeA' | 'smeB' | 'adviserOn' | 'adviserOff' | 'officer' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'smeA', 'smeB', 'adviserOn', 'adviserOff', 'officer', 'admin'];

interface RouteCase {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** Expected status per caller; callers not listed get `otherwise`. */
  expect: Partial<Record<Who, number>> & { otherwise: number };
  body?: Record<string, unknown>;
}

const SIGNED_IN_OK = { anonymous: 302, otherwise: 200 };
const STAFF_AUDIT = { anonymous: 401, officer: 200, admin: 200, otherwise: 404 };
const ADMIN_PAGE = { anonymous: 302, admin: 200, otherwise: 404 };

/**
 * The identity routes. Staff and SMEs call with bearer tokens (the same guard as sessions; CSRF is
 * covered in web-session.e2e-spec). A removed @Roles turns a 404 into a 200 here; a removed guard
 * turns a 401/302 into a 200.
 */
const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/api/v1/me', expect: { anonymous: 401, otherwise: 200 } },
  { method: 'GET', path: '/api/v1/audit-events', expect: STAFF_AUDIT },
  { method: 'GET', path: '/home', expect: SIGNED_IN_OK },
  {
    method: 'GET',
    path: '/admin/audit',
    expect: { anonymous: 302, officer: 200, admin: 200, otherwise: 404 },
  },
  { method: 'GET', path: '/admin/users', expect: ADMIN_PAGE },
  { method: 'GET', path: '/admin/users/new', expect: ADMIN_PAGE },
  // An invalid form: admins get the form back (400), everyone else must not learn the page exists.
  {
    method: 'POST',
    path: '/admin/users',
    body: { email: 'x' },
    expect: { anonymous: 403, admin: 400, otherwise: 404 },
  },
  {
    method: 'POST',
    path: '/admin/users/00000000-0000-4000-8000-000000000000/deactivate',
    expect: { anonymous: 403, admin: 404, otherwise: 404 },
  },
  { method: 'GET', path: '/sign-in', expect: { anonymous: 200, otherwise: 303 } },
  { method: 'GET', path: '/register', expect: { anonymous: 200, otherwise: 303 } },
  { method: 'GET', path: '/', expect: { otherwise: 200 } },
  { method: 'GET', path: '/health', expect: { otherwise: 200 } },
];

describe('access matrix', () => {
  let api: TestApi;
  const tokens: Partial<Record<Who, string>> = {};
  const ids: Partial<Record<Who, string>> = {};
  beforeAll(async () => {
    api = await startTestApi();
    const roles: Record<Exclude<Who, 'anonymous'>, Role> = {
      smeA: 'sme',
      smeB: 'sme',
      adviserOn: 'adviser',
      adviserOff: 'adviser',
      officer: 'officer',
      admin: 'admin',
    };
    for (const [who, role] of Object.entries(roles)) {
      const { user, password } = await createUser(api, role);
      tokens[who as Who] = await tokenFor(api, user.email, password);
      ids[who as Who] = user.id;
    }
  });
  afterAll(() => api.close());

  const call = (route: { method: string; path: string; body?: unknown }, who: Who): Promise<Response> =>
    fetch(`${api.url}${route.path}`, {
      method: route.method,
      redirect: 'manual',
      headers: {
        accept: route.path.startsWith('/api') ? 'application/json' : 'text/html',
        ...(tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {}),
        ...(route.body ? { 'content-type': 'application/json' } : {}),
      },
      body: route.body ? JSON.stringify(route.body) : undefined,
    });

  const cases = ROUTES.flatMap((route) =>
    EVERYONE.map(
      (who) =>
        [`${route.method} ${route.path}`, who, route.expect[who] ?? route.expect.otherwise, route] as const,
    ),
  );

  it.each(cases)('%s as %s → %i', async (_name, who, expected, route) => {
    const res = await call(route, who);
    expect(res.status).toBe(expected);
    if (expected === 302) expect(res.headers.get('location')).toMatch(/^\/sign-in\?returnTo=/);
  });

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

    const RECORDS: { path: () => string; expect: Partial<Record<Who, number>> & { otherwise: number } }[] = [
      {
        path: () => `/api/v1/enrolments/${enrolmentId}`,
        expect: { anonymous: 401, smeA: 200, officer: 200, admin: 200, otherwise: 404 },
      },
      {
        path: () => `/api/v1/cases/${caseId}`,
        expect: { anonymous: 401, adviserOn: 200, officer: 200, otherwise: 404 },
      },
    ];
    const recordCases = RECORDS.flatMap((record, i) =>
      EVERYONE.map(
        (who) =>
          [
            i === 0 ? 'enrolment' : 'case',
            who,
            record.expect[who] ?? record.expect.otherwise,
            record,
          ] as const,
      ),
    );

    it.each(recordCases)("GET SME A's %s as %s → %i", async (_what, who, expected, record) => {
      expect((await as(who, 'GET', record.path())).status).toBe(expected);
    });
  });

  /**
   * Every route any lib registers, found from Nest's own metadata: unless it is @Public, an anonymous
   * caller must never get a 2xx. This is what fails if someone removes the global guard or forgets
   * that a new route is reachable by anybody.
   */
  it('refuses anonymous callers on every non-public route of the whole api', async () => {
    const routes: { method: string; path: string }[] = [];
    for (const module of api.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
        if (!type) continue;
        const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
        const classPublic = Reflect.getMetadata('identity:public', type) === true;
        for (const name of Object.getOwnPropertyNames(type.prototype)) {
          const handler = (type.prototype as Record<string, unknown>)[name];
          if (typeof handler !== 'function' || name === 'constructor') continue;
          const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
          const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
          if (path === undefined || method === undefined) continue;
          if (classPublic || Reflect.getMetadata('identity:public', handler) === true) continue;
          const full = `/${[base, path]
            .map((p) => p.replace(/^\/|\/$/g, ''))
            .filter(Boolean)
            .join('/')}`
            // Any id will do: the guard must answer before the handler looks anything up.
            .replace(/:[A-Za-z_]+/g, '00000000-0000-4000-8000-000000000000');
          routes.push({ method: RequestMethod[method], path: full });
        }
      }
    }
    expect(routes.length).toBeGreaterThan(5);
    const leaks: string[] = [];
    for (const route of routes) {
      if (/^\/(health|metrics)/.test(route.path)) continue;
      const res = await call(
        { ...route, method: route.method === 'ALL' ? 'GET' : route.method },
        'anonymous',
      );
      if (res.status < 300 || ![302, 401, 403].includes(res.status))
        leaks.push(`${route.method} ${route.path} → ${res.status}`);
    }
    expect(leaks).toEqual([]);
  });
});
