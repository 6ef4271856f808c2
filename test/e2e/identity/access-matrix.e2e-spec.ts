import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { CookieJar, createUser, tokenFor } from '../../support/auth';
import type { Json } from '../../support/http';
import { startTestApi, TestApi } from '../../support/test-api';
import { completeAnswers } from '../enrolment/enrolment-fixtures';
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
 * The access matrix: every route in the rule table (route-rules.ts) × every kind of caller, with SME A's
 * real record ids where a route is about one record. A caller the table refuses must be refused —
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
  const users = {} as Record<SignedIn, { id: string; email: string }>;
  const ids = {} as Record<RecordName, string>;

  /**
   * A bearer-token call that sets a record up, and must succeed (2xx, or a page form's 303); `form` sends
   * a page's urlencoded form instead of JSON. Answers the JSON body, or for a redirect its location.
   */
  const made = async (who: SignedIn, method: string, path: string, body: Json, form = false) => {
    const res = await fetch(`${api.url}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      },
      body: form ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300 && res.status !== 303)
      throw new Error(`setting up: ${method} ${path} as ${who} answered ${res.status} ${text.slice(0, 500)}`);
    return res.status === 303 ? { location: res.headers.get('location') ?? '' } : (JSON.parse(text) as Json);
  };

  /** SME A's enrolment, case (on adviserOn's caseload) and what hangs off it, and the staff-side records. */
  async function setUpRecords(): Promise<void> {
    for (const [name, record] of Object.entries(RECORDS))
      if ('value' in record) ids[name as RecordName] = record.value;

    const legalName = `Access Matrix ${randomUUID().slice(0, 8)} Ltd`;
    const answers = completeAnswers({ company: { legalName } });
    ids.enrolment = (await made('smeA', 'POST', '/api/v1/enrolments', answers)).id as string;
    const submitted = await made('smeA', 'POST', `/api/v1/enrolments/${ids.enrolment}/submit`, {});
    ids.case = submitted.case.id as string;

    for (const who of ['adviserOn', 'adviserOff'] as const)
      await made('officer', 'POST', '/api/v1/advisers', { userId: users[who].id, capacity: 10, regions: [] });
    ids.adviser = users.adviserOn.id;
    await made('officer', 'POST', `/api/v1/cases/${ids.case}/assignment`, {
      adviserId: users.adviserOn.id,
      reason: 'access matrix',
    });

    // SME B enrols a company of the same name in the same region: a near-duplicate flag for officers.
    const other = await made(
      'smeB',
      'POST',
      '/api/v1/enrolments',
      completeAnswers({ company: { legalName } }),
    );
    await made('smeB', 'POST', `/api/v1/enrolments/${other.id as string}/submit`, {});
    const [flag] = (await api.dataSource.query(`SELECT id FROM duplicate_flags WHERE enrolment_id = $1`, [
      other.id,
    ])) as { id: string }[];
    ids.flag = flag?.id;

    const audit = await made('smeA', 'POST', `/api/v1/cases/${ids.case}/audits`, { questionnaireVersion: 1 });
    ids.selfAudit = audit.audit.id as string;
    const recommendation = await made('adviserOn', 'POST', `/api/v1/cases/${ids.case}/recommendations`, {
      kind: 'training',
      code: 'social-media-foundations',
      note: 'access matrix',
    });
    ids.recommendation = recommendation.recommendation.id as string;
    const booking = await made('smeA', 'POST', `/api/v1/cases/${ids.case}/training`, {
      moduleCode: 'social-media-foundations',
    });
    ids.booking = booking.id as string;

    const startsAt = new Date(Date.now() + 7 * 24 * 3600_000);
    const session = await made('officer', 'POST', `/api/v1/training/modules/${ids.module}/sessions`, {
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
      timeZone: 'Europe/London',
      capacity: 10,
      joinUrl: 'https://meet.example.test/access-matrix',
      language: 'en',
    });
    ids.session = session.id as string;

    /** A data-protection request made through the page form; its id from the redirect. */
    const request = async (who: SignedIn, kind: 'access' | 'erasure', email: string): Promise<string> => {
      const answer = await made(
        who,
        'POST',
        `/admin/data-protection/${kind}`,
        { email, reason: 'access matrix' },
        true,
      );
      return /requests\/([0-9a-f-]{36})/.exec(answer.location as string)?.[1] ?? '';
    };
    ids.accessRequest = await request('officer', 'access', users.smeB.email);
    ids.staffErasure = await request('admin', 'erasure', users.adviserOff.email);
    ids.approvedAccess = await request('admin', 'access', users.smeA.email);
    // Approved by a second officer who is none of the matrix's callers.
    const approval = await fetch(`${api.url}/admin/data-protection/requests/${ids.approvedAccess}/approve`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        authorization: `Bearer ${approverToken}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: '',
    });
    if (approval.status !== 303) throw new Error(`setting up: approving answered ${approval.status}`);
    ids.export = (await made('adviserOn', 'POST', '/api/v1/reports/exports', { format: 'csv' })).id as string;

    for (const name of Object.keys(RECORDS) as RecordName[])
      if (!ids[name]) throw new Error(`setting up ${name}: no id`);
  }

  /** A second officer, none of the callers, who approves the `approvedAccess` request. */
  let approverToken: string;

  beforeAll(async () => {
    api = await startTestApi();
    for (const [who, role] of Object.entries(ROLE_OF) as [SignedIn, (typeof ROLE_OF)[SignedIn]][]) {
      const { user, password } = await createUser(api, role);
      tokens[who] = await tokenFor(api, user.email, password);
      users[who] = user;
    }
    const approver = await createUser(api, 'officer');
    approverToken = await tokenFor(api, approver.user.email, approver.password);
    await setUpRecords();
  });
  afterAll(() => api.close());

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
      [who === 'anonymous' ? null : users[who].id],
    )) as { total: number; denials: number }[];
    return row;
  };

  it('has a rule for every route the api registers, and no rule for a route that is gone', () => {
    const routes = discoverRoutes(api);
    expect(routes.length).toBeGreaterThan(100);
    expect({
      routesWithoutRule: routes.filter((r) => !(r in ROUTE_RULES)),
      rulesWithoutRoute: Object.keys(ROUTE_RULES).filter((r) => !routes.includes(r)),
    }).toEqual({ routesWithoutRule: [], rulesWithoutRoute: [] });
  });

  it('names only parameters its routes have, and skips the allowed call of no GET', () => {
    const wrong = Object.entries(ROUTE_RULES).flatMap(([key, rule]) => {
      const params = paramsOf(key);
      const named = [...(rule.record ? ['id'] : []), ...Object.keys(rule.params ?? {})];
      return [
        ...named.filter((p) => !params.includes(p)).map((p) => `${key} names :${p}, which it has not`),
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
    const body = { ...(duty.body ?? {}), ...(duty.emailOf ? { email: users[duty.emailOf].email } : {}) };
    const requests = async () =>
      api.dataSource.query(`SELECT id, status, decided_by_id FROM data_protection_request ORDER BY id`);
    const before = { audit: await auditRows(duty.caller), requests: await requests() };
    const { status } = await send(method, path, duty.caller, body);
    const [denial] = (await api.dataSource.query(
      `SELECT after->>'rule' AS rule FROM audit_event WHERE action = 'access.denied' AND actor_id = $1
        ORDER BY id DESC LIMIT 1`,
      [users[duty.caller].id],
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
