import { METHODS } from 'node:http';
import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import {
  approveDataProtectionRequest,
  buildAdviserProfile,
  buildBooking,
  buildDataProtectionRequest,
  buildExport,
  buildExportWin,
  buildOpportunity,
  buildWebhookEndpoint,
  buildExpert,
  buildExpertAccount,
  buildIntroduction,
  buildReferral,
  buildRecommendation,
  buildSelfAudit,
  buildSession,
  buildSmeCase,
  buildSubmittedEnrolment,
  buildToken,
  buildUser,
  type TestUser,
} from '../../factories';
import { CookieJar } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import {
  CALLERS,
  type Caller,
  RECORDS,
  type RecordName,
  ROLE_OF,
  DUTY_RULES,
  ROUTE_RULES,
  type RouteRule,
} from './route-rules';

type SignedIn = Exclude<Caller, 'anonymous'>;

/** Every route the api registers, from Nest's own metadata, as `METHOD /controller-path/handler-path`. */
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
        // A handler may serve several paths (`@Get(['a', 'b'])`): each is a route of its own.
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (paths === undefined || method === undefined) continue;
        for (const path of Array.isArray(paths) ? paths : [paths]) {
          const full = [base, path]
            .map((p) => p.replace(/^\/|\/$/g, ''))
            .filter(Boolean)
            .join('/');
          routes.add(`${RequestMethod[method]} /${full}`);
        }
      }
    }
  }
  return [...routes].sort();
}

/**
 * Every route the HTTP server really serves: the route layers of Express's router, which holds Nest's
 * controllers and whatever else mounts a route (Swagger's pages), as `METHOD /path`. A path registered for
 * every HTTP method (Nest's `@All`, middleware bound to routes) is one `ALL /path`. Plain middleware
 * (static files, body parsers) is not a route and is not listed.
 */
function servedRoutes(api: TestApi): string[] {
  type Layer = { route?: { path: string | string[]; methods: Record<string, boolean> } };
  const express = api.app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
  // Layer by layer: a middleware bound to a route's path (ALL) must not hide the route's own GET.
  const routes = new Set<string>();
  for (const { route } of express.router.stack) {
    if (!route) continue;
    const methods = Object.keys(route.methods)
      .filter((method) => route.methods[method])
      .map((method) => method.toUpperCase());
    const all = methods.includes('_ALL') || METHODS.every((m) => methods.includes(m));
    for (const path of [route.path].flat()) {
      if (all) routes.add(`ALL ${path}`);
      else for (const method of methods) routes.add(`${method} ${path}`);
    }
  }
  return [...routes].filter((route) => !(route in MIDDLEWARE_ROUTES)).sort();
}

/**
 * Route layers that are middleware, not routes: each calls `next()` for every request and answers none.
 * Listed with the reason, so that anything else Express serves must have a rule.
 */
const MIDDLEWARE_ROUTES: Record<string, string> = {
  'ALL /{*path}':
    "identity's session and auth middleware (`forRoutes('*path')`), which Nest mounts as a catch-all layer",
  'ALL /health':
    "observability's request-id middleware for the probes (`forRoutes(...PROBE_ROUTES)`), which skip the rest",
  'ALL /health/{*rest}':
    "observability's request-id middleware for the probes (`forRoutes(...PROBE_ROUTES)`), which skip the rest",
  'ALL /metrics':
    "observability's request-id middleware for the probes (`forRoutes(...PROBE_ROUTES)`), which skip the rest",
};

/** The operations of the OpenAPI document the api serves (`/api/docs-json`), as `METHOD /path/:param`. */
async function documentedRoutes(api: TestApi): Promise<string[]> {
  const res = await fetch(`${api.url}/api/docs-json`);
  const document = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths)
    .flatMap(([path, operations]) =>
      Object.keys(operations).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    )
    .sort();
}

/** The `:name` and `*name` parameters of a route template. */
const paramsOf = (template: string): string[] => [...template.matchAll(/[:*]([A-Za-z]+)/g)].map((m) => m[1]);

type RecordInfo = { strangers?: readonly Caller[] };
const recordsOf = (rule: RouteRule): RecordInfo[] =>
  [rule.record, ...Object.values(rule.params ?? {})]
    .filter((r): r is RecordName => r !== undefined)
    .map((r) => RECORDS[r] as RecordInfo);

/** Whether the rule lets this caller use the route on the records it names. */
function allows(rule: RouteRule, who: Caller): boolean {
  if (rule.allow === 'public') return true;
  if (who === 'anonymous') return false;
  if (rule.allow !== 'signed-in' && !rule.allow.includes(ROLE_OF[who])) return false;
  return !recordsOf(rule).some((r) => r.strangers?.includes(who));
}

/** One row per route × caller, except allowed callers of a route whose allowed call would change something. */
const MATRIX = Object.keys(ROUTE_RULES)
  .sort()
  .flatMap((key) =>
    CALLERS.map((who) => [key, who, allows(ROUTE_RULES[key], who) ? 'allowed' : 'refused'] as const),
  )
  .filter(([key, , verdict]) => verdict === 'refused' || !ROUTE_RULES[key].allowedCallNotMade);

/** An API body no DTO accepts (`forbidNonWhitelisted`), so an allowed call stops at validation. */
const UNKNOWN_FIELD = { accessMatrixProbe: 'not a field of any request' };

/**
 * The access matrix, generated: every route the running api serves (Nest's metadata, Express's router and
 * the OpenAPI document must all be in the rule table, route-rules.ts, and the table in them) × every kind
 * of caller — anonymous and each role, and for records an owner and a stranger of the same role — with
 * SME A's real record ids, made by test/factories, where a route is about one record. A caller the table
 * refuses must be refused —
 * anonymous: 401 on the API, a redirect to sign-in for a page, 401 for a page form (its CSRF token is
 * valid, only the sign-in is missing); signed in: 404 plus an `access.denied` audit row for that caller
 * written by that call, which is what tells a refusal from a handler's own "no such record". A caller the
 * table allows must get a page, a file or a redirect (GET) or, for anything else, the 400 of the
 * deliberately invalid body it sends, writing nothing. Staff and SMEs call with bearer tokens, the same
 * guard as sessions (CSRF itself is covered in web-session.e2e-spec).
 */
describe('access matrix', () => {
  let api: TestApi;
  const tokens = {} as Record<SignedIn, string>;
  const users = {} as Record<SignedIn, TestUser>;
  const ids = {} as Record<RecordName, string>;

  /**
   * SME A's enrolment, case (on adviserOn's caseload) and what hangs off it, and the staff-side records,
   * all made through the services by the central factories (test/factories).
   */
  async function setUpRecords(): Promise<void> {
    for (const [name, record] of Object.entries(RECORDS))
      if ('value' in record) ids[name as RecordName] = record.value;

    const legalName = `Access Matrix ${randomUUID().slice(0, 8)} Ltd`;
    for (const who of ['adviserOn', 'adviserOff'] as const) await buildAdviserProfile(api, users[who].user);
    ids.adviser = users.adviserOn.user.id;
    const smeA = await buildSmeCase(api, {
      sme: users.smeA,
      answers: { company: { legalName } },
      adviserId: users.adviserOn.user.id,
    });
    ids.enrolment = smeA.enrolmentId;
    ids.case = smeA.caseId;
    ids.company = smeA.companyId;
    const [contact] = (await api.dataSource.query(
      `SELECT id FROM company_contacts WHERE company_id = $1 AND is_primary`,
      [smeA.companyId],
    )) as { id: string }[];
    ids.contact = contact?.id;

    // SME B enrols a company of the same name in the same region: a near-duplicate flag for officers.
    const other = await buildSubmittedEnrolment(api, {
      sme: users.smeB,
      answers: { company: { legalName } },
    });
    const [flag] = (await api.dataSource.query(`SELECT id FROM duplicate_flags WHERE enrolment_id = $1`, [
      other.enrolmentId,
    ])) as { id: string }[];
    ids.flag = flag?.id;

    ids.selfAudit = await buildSelfAudit(api, ids.case, users.smeA.user);
    ids.recommendation = await buildRecommendation(api, ids.case, users.adviserOn.user, {
      kind: 'training',
      code: 'social-media-foundations',
    });
    ids.booking = await buildBooking(api, users.smeA.user, ids.case, {
      moduleCode: 'social-media-foundations',
    });
    ids.session = await buildSession(api, ids.module);
    ids.opportunity = await buildOpportunity(api, users.adviserOn.user, ids.case);
    ids.win = await buildExportWin(api, users.adviserOn.user, ids.case);

    ids.accessRequest = await buildDataProtectionRequest(
      api,
      users.officer.user,
      'access',
      users.smeB.user.email,
    );
    ids.staffErasure = await buildDataProtectionRequest(
      api,
      users.admin.user,
      'erasure',
      users.adviserOff.user.email,
    );
    ids.approvedAccess = await buildDataProtectionRequest(
      api,
      users.admin.user,
      'access',
      users.smeA.user.email,
    );
    // Approved by a second officer who is none of the matrix's callers.
    const approver = await buildUser(api, 'officer');
    await approveDataProtectionRequest(api, approver.user, ids.approvedAccess);
    ids.export = await buildExport(api, users.adviserOn.user);
    ids.webhookEndpoint = await buildWebhookEndpoint(api, users.admin.user);
    // The expert caller's account is the one this expert's invitation links (same address).
    ids.expert = await buildExpert(api, users.officer.user, { email: users.expert.user.email });
    await buildExpertAccount(api, users.officer.user, ids.expert);
    ids.introduction = await buildIntroduction(api, users.adviserOn.user, ids.case, ids.expert);
    ids.referral = await buildReferral(api, users.adviserOn.user, ids.case);

    for (const name of Object.keys(RECORDS) as RecordName[])
      if (!ids[name]) throw new Error(`setting up ${name}: no id`);
  }

  beforeAll(async () => {
    api = await startTestApi();
    for (const [who, role] of Object.entries(ROLE_OF) as [SignedIn, (typeof ROLE_OF)[SignedIn]][]) {
      users[who] = await buildUser(api, role);
      tokens[who] = await buildToken(api, users[who].user);
    }
    await setUpRecords();
  }, 180_000);
  afterAll(() => api?.close());

  /** The route's path, each parameter replaced by the record or value the rule names, else a random UUID. */
  const pathOf = (template: string, rule: RouteRule): string =>
    template.replace(/([:*])([A-Za-z]+)/g, (_all, _sigil: string, param: string) => {
      const named = param === 'id' ? rule.record : rule.params?.[param];
      return named ? ids[named] : randomUUID();
    });

  /**
   * One request as `who`. A non-GET sends `body` as JSON to the API and as a form to pages. An anonymous
   * caller posting a form first gets a session and its CSRF token, so that only signing in is missing.
   */
  const send = async (method: string, path: string, who: Caller, body: Record<string, unknown>) => {
    const isApi = path.startsWith('/api');
    const verb = method === 'ALL' ? 'GET' : method;
    const hasBody = verb !== 'GET' && verb !== 'DELETE';
    const jar = new CookieJar();
    const form = new URLSearchParams(Object.entries(body).map(([k, v]): [string, string] => [k, String(v)]));
    if (who === 'anonymous' && hasBody && !isApi) {
      const res = await fetch(`${api.url}/api/v1/auth/csrf-token`);
      jar.store(res);
      form.set('_csrf', ((await res.json()) as { csrfToken: string }).csrfToken);
    }
    const res = await fetch(`${api.url}${path}`, {
      method: verb,
      redirect: 'manual',
      headers: {
        accept: isApi ? 'application/json' : 'text/html',
        ...(who !== 'anonymous' ? { authorization: `Bearer ${tokens[who]}` } : {}),
        ...(jar.header() ? { cookie: jar.header() } : {}),
        ...(hasBody
          ? { 'content-type': isApi ? 'application/json' : 'application/x-www-form-urlencoded' }
          : {}),
      },
      body: hasBody ? (isApi ? JSON.stringify(body) : form.toString()) : undefined,
    });
    await res.arrayBuffer();
    return { status: res.status, location: res.headers.get('location') ?? '' };
  };

  /** Audit rows so far: all of them, and this caller's `access.denied` ones (guard's, policy's, domains'). */
  const auditRows = async (who: Caller): Promise<{ total: number; denials: number }> => {
    const [row] = (await api.dataSource.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE action = 'access.denied' AND actor_id = $1)::int AS denials
         FROM audit_event`,
      [who === 'anonymous' ? null : users[who].user.id],
    )) as { total: number; denials: number }[];
    return row;
  };

  it('has a rule for every route the api serves, and no rule for a route that is gone', async () => {
    const declared = discoverRoutes(api);
    const served = servedRoutes(api);
    const documented = await documentedRoutes(api);
    expect(served.length).toBeGreaterThan(100);
    const every = [...new Set([...declared, ...served, ...documented])].sort();
    expect({
      routesWithoutRule: every.filter((r) => !(r in ROUTE_RULES)),
      rulesWithoutRoute: Object.keys(ROUTE_RULES).filter((r) => !served.includes(r)),
      declaredButNotServed: declared.filter((r) => !served.includes(r)),
    }).toEqual({ routesWithoutRule: [], rulesWithoutRoute: [], declaredButNotServed: [] });
  });

  it('knows what every parameter names, and skips the allowed call of no GET', () => {
    const wrong = Object.entries(ROUTE_RULES).flatMap(([key, rule]) => {
      const params = paramsOf(key);
      const named = [...(rule.record ? ['id'] : []), ...Object.keys(rule.params ?? {})];
      return [
        ...named.filter((p) => !params.includes(p)).map((p) => `${key} names :${p}, which it has not`),
        // A parameter the matrix cannot fill with a real record: allowed callers would only ever see "not
        // found", so the route's allowed answer would go unchecked unless the rule says why that is right.
        ...params
          .filter((p) => !named.includes(p) && !rule.allowedAnswer && !rule.allowedCallNotMade)
          .map((p) => `${key}: the matrix does not know what :${p} names (add a record or an allowedAnswer)`),
        ...(rule.allowedCallNotMade && key.startsWith('GET ') ? [`${key}: a GET changes nothing`] : []),
      ];
    });
    expect(wrong).toEqual([]);
  });

  it.each(MATRIX)('%s as %s → %s', async (key, who, verdict) => {
    const rule = ROUTE_RULES[key];
    const [method, template] = key.split(' ');
    const path = pathOf(template, rule) + (rule.query ? `?${rule.query}` : '');
    const isApi = path.startsWith('/api');
    const isRead = method === 'GET' || method === 'ALL';
    const before = await auditRows(who);
    const body =
      verdict === 'allowed' ? (rule.invalidBody ?? (isApi ? UNKNOWN_FIELD : {})) : (rule.validBody ?? {});
    const { status, location } = await send(method, path, who, body);
    const after = await auditRows(who);
    const accessDenied = after.denials > before.denials;

    if (verdict === 'allowed' && isRead) {
      // A page, a file or a redirect (but not to sign-in), unless the rule says otherwise.
      const answer = rule.allowedAnswer
        ? status
        : status >= 300 && status < 400 && location.startsWith('/sign-in')
          ? 'redirect to sign-in'
          : status >= 200 && status < 400
            ? '2xx/3xx'
            : status;
      expect({ answer, accessDenied }).toEqual({
        answer: rule.allowedAnswer?.status ?? '2xx/3xx',
        accessDenied: false,
      });
    } else if (verdict === 'allowed') {
      // Refused by validation (or the record's state), so nothing was written: not even an audit row.
      expect({ status, auditRowsWritten: after.total - before.total }).toEqual({
        status: rule.allowedAnswer?.status ?? 400,
        auditRowsWritten: 0,
      });
    } else if (who === 'anonymous') {
      if (isApi) expect({ status }).toEqual({ status: 401 });
      else if (isRead)
        expect({ status, location }).toEqual({
          status: 302,
          location: expect.stringMatching(/^\/sign-in\?returnTo=/),
        });
      else expect({ status }).toEqual({ status: 401 });
    } else {
      expect({ status, accessDenied }).toEqual({ status: 404, accessDenied: true });
    }
  });

  /**
   * Separation of duties (route-rules.ts DUTY_RULES): a caller whose role the route allows is refused
   * because of who they are in the record — 403, an `access.denied` row naming the rule, nothing else written.
   */
  it.each(DUTY_RULES.map((d) => [d.route, d.why, d] as const))('%s: refuses %s', async (key, _why, duty) => {
    const [method, template] = key.split(' ');
    const path = template.replace(/:id\b/, duty.record ? ids[duty.record] : randomUUID());
    const body = { ...(duty.body ?? {}), ...(duty.emailOf ? { email: users[duty.emailOf].user.email } : {}) };
    const requests = async () =>
      api.dataSource.query(`SELECT id, status, decided_by_id FROM data_protection_request ORDER BY id`);
    const before = { audit: await auditRows(duty.caller), requests: await requests() };
    const { status } = await send(method, path, duty.caller, body);
    const [denial] = (await api.dataSource.query(
      `SELECT after->>'rule' AS rule FROM audit_event WHERE action = 'access.denied' AND actor_id = $1
        ORDER BY id DESC LIMIT 1`,
      [users[duty.caller].user.id],
    )) as { rule: string }[];
    const after = await auditRows(duty.caller);
    expect({
      status,
      rule: denial?.rule,
      deniedRows: after.denials - before.audit.denials,
      otherRowsWritten: after.total - before.audit.total - (after.denials - before.audit.denials),
    }).toEqual({ status: 403, rule: duty.rule, deniedRows: 1, otherRowsWritten: 0 });
    expect(await requests()).toEqual(before.requests);
  });
});
