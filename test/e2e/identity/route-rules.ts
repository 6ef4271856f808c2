import type { Role } from '@app/identity';

/**
 * The callers the access matrix plays. SME A owns the records the matrix sets up; SME B is another SME;
 * "adviserOn" is the adviser SME A's case is assigned to, "adviserOff" one whose caseload it is not on;
 * "expert" is the network's expert the matrix's introduction is asked of, with their own account.
 */
export const CALLERS = [
  'anonymous',
  'smeA',
  'smeB',
  'adviserOn',
  'adviserOff',
  'officer',
  'admin',
  'expert',
] as const;
export type Caller = (typeof CALLERS)[number];

export const ROLE_OF: Record<Exclude<Caller, 'anonymous'>, Role> = {
  smeA: 'sme',
  smeB: 'sme',
  adviserOn: 'adviser',
  adviserOff: 'adviser',
  officer: 'officer',
  admin: 'admin',
  expert: 'expert',
};

/** Callers who hold an allowed role but are not on SME A's records: another SME, an adviser off the case. */
const NOT_SME_A_S: readonly Caller[] = ['smeB', 'adviserOff'];

/**
 * What a route's `:param`s can name: a record the matrix sets up before it calls anything (`strangers`:
 * callers whose role a rule allows but who must still be refused this record), or a fixed value.
 */
export const RECORDS = {
  enrolment: { about: "SME A's enrolment, submitted and eligible", strangers: NOT_SME_A_S },
  case: { about: "SME A's case, assigned to adviserOn", strangers: NOT_SME_A_S },
  selfAudit: { about: "SME A's readiness self-assessment on its case, a draft", strangers: NOT_SME_A_S },
  recommendation: { about: "adviserOn's recommendation on SME A's case", strangers: NOT_SME_A_S },
  booking: {
    about: "SME A's booking of the self-paced module social-media-foundations",
    strangers: NOT_SME_A_S,
  },
  opportunity: { about: "adviserOn's export opportunity on SME A's case", strangers: NOT_SME_A_S },
  win: { about: "adviserOn's export win recorded directly on SME A's case", strangers: NOT_SME_A_S },
  // "Each person sees only their own exports" (report-exports.controller.ts), officers included.
  export: {
    about: "adviserOn's own case export, still queued",
    strangers: ['adviserOff', 'officer'],
  },
  adviser: { about: 'adviserOn, who has an adviser profile', strangers: [] },
  company: { about: "SME A's company (its case on adviserOn's caseload)", strangers: ['adviserOff'] },
  contact: { about: "SME A's company's primary contact (SME A)", strangers: [] },
  flag: { about: "the duplicate flag SME B's near-identical company raised", strangers: [] },
  accessRequest: {
    about: 'a subject access request the officer made, awaiting a second person’s approval',
    strangers: [],
  },
  staffErasure: {
    about: "an erasure request the admin made for adviserOff's account, awaiting a second admin",
    strangers: [],
  },
  approvedAccess: {
    about: 'a subject access request the admin made and another officer (not a matrix caller) approved',
    strangers: [],
  },
  webhookEndpoint: { about: 'an integrator’s webhook endpoint the admin registered', strangers: [] },
  expert: {
    about: 'an expert of the network the officer added, who accepted an invitation (the expert caller)',
    strangers: [],
  },
  introduction: {
    about: "an introduction to that expert adviserOn asked for on SME A's case",
    strangers: NOT_SME_A_S,
  },
  referral: {
    about: "a referral of SME A's case to a partner organisation, made by adviserOn",
    strangers: NOT_SME_A_S,
  },
  session: { about: 'a future session of linkedin-b2b-prospecting', strangers: [] },
  module: { about: 'a webinar module (booking it needs a session)', value: 'linkedin-b2b-prospecting' },
  enrolmentPage: { about: 'the first enrolment question page', value: 'company' },
  heading: { about: 'the first heading of readiness questionnaire v1', value: 'psychological' },
  queueBoardPath: { about: "Bull Board's own queue API", value: 'api/queues' },
} as const satisfies Record<string, { about: string; strangers?: readonly Caller[]; value?: string }>;
export type RecordName = keyof typeof RECORDS;

export interface RouteRule {
  /**
   * Who may use the route: anyone, anyone signed in, or these roles. On SME A's records "sme" means SME A
   * and "adviser" the adviser on its case (see RECORDS' strangers). Everyone else: anonymous 401 (API) or
   * the sign-in page (page GET) or 401 (page POST); signed in, 404 and an `access.denied` audit row.
   */
  allow: 'public' | 'signed-in' | readonly Role[];
  /** What `:id` names. Unnamed params get a random UUID, which names nothing. */
  record?: RecordName;
  /** What the route's other `:param`s (or `*path`) name. */
  params?: Readonly<Record<string, RecordName>>;
  /** A query string every call carries, where the route needs one to answer at all. */
  query?: string;
  /**
   * A body that passes validation, sent by callers who must be refused: a refusal made in the handler comes
   * after the ValidationPipe, so an invalid body would answer 400 before it.
   */
  validBody?: Readonly<Record<string, unknown>>;
  /**
   * What allowed callers send to a non-GET route so that validation refuses it and nothing is written. The
   * default (an unknown JSON field for the API, an empty form for pages) suits most routes.
   */
  invalidBody?: Readonly<Record<string, unknown>>;
  /** Why allowed callers are not sent at all: the call would change something and takes no body to spoil. */
  allowedCallNotMade?: string;
  /**
   * When an allowed caller's answer is not the usual one (GET: 2xx or 3xx; otherwise 400 for the invalid
   * body): that status and why. It must never come with an `access.denied` row.
   */
  allowedAnswer?: { status: number; why: string };
}

const CASE_ROLES: readonly Role[] = ['sme', 'adviser', 'officer'];
const CASE_STAFF: readonly Role[] = ['adviser', 'officer'];
const ON_CASE = { record: 'case' } as const;
/** The satisfaction survey's signed link is its only credential: a made-up token names no survey. */
const NO_SUCH_SURVEY = {
  status: 404,
  why: 'no survey has this link (the token is not signed by the service)',
};

/**
 * The rule of every route, checked by access-matrix.e2e-spec.ts against what the running api answers each
 * kind of caller. It is the spec, written out by hand from what each route is for (README "Roles and
 * access"), not read from the decorators: remove a `@Roles(...)`, a record check or the guard and the
 * matrix fails; add a route (a controller's, or anything else mounted on Express) and the matrix fails
 * until its rule is written here, with what each of its parameters names.
 */
export const ROUTE_RULES: Record<string, RouteRule> = {
  // --- Bull Board: admins only -------------------------------------------------------------------------
  'ALL /admin/queues': { allow: ['admin'] },
  'ALL /admin/queues/*path': { allow: ['admin'], params: { path: 'queueBoardPath' } },

  // --- the API's OpenAPI description and Swagger UI: SwaggerModule serves them outside Nest's guard --------
  'GET /api/docs': { allow: 'public' },
  'GET /api/docs/': { allow: 'public' },
  'GET /api/docs/index.html': { allow: 'public' },
  'GET /api/docs/LICENSE': {
    allow: 'public',
    allowedAnswer: { status: 404, why: 'SwaggerModule answers this path with "not found" on purpose' },
  },
  'GET /api/docs/swagger-ui-init.js': { allow: 'public' },
  'GET /api/docs/docs/swagger-ui-init.js': { allow: 'public' },
  'GET /api/docs-json': { allow: 'public' },
  'GET /api/docs-yaml': { allow: 'public' },

  // --- sign-in, registration, tokens, public pages ------------------------------------------------------
  'DELETE /api/v1/auth/token': {
    allow: 'signed-in',
    allowedCallNotMade: "revokes the caller's own token, which the rest of the run needs",
  },
  'GET /': { allow: 'public' },
  'GET /api/v1/auth/csrf-token': { allow: 'public' },
  'GET /api/v1/me': { allow: 'signed-in' },
  'GET /certificates/:code': {
    allow: 'public',
    allowedAnswer: { status: 404, why: 'no certificate has this code: "this is not a valid certificate"' },
  },
  'GET /health': { allow: 'public' },
  // The satisfaction survey: the signed link is the credential, no sign-in. A made-up token names nothing.
  'GET /survey/:token': { allow: 'public', allowedAnswer: NO_SUCH_SURVEY },
  'POST /survey/:token': { allow: 'public', allowedAnswer: NO_SUCH_SURVEY },
  'GET /health/ready': { allow: 'public' },
  'GET /home': { allow: 'signed-in' },
  'GET /metrics': { allow: 'public' },
  'GET /privacy': { allow: 'public' },
  'GET /register': { allow: 'public' },
  'GET /sign-in': { allow: 'public' },
  'GET /statistics': { allow: 'public' },
  'POST /api/v1/auth/register': { allow: 'public' },
  'POST /api/v1/auth/token': { allow: 'public' },
  'POST /register': { allow: 'public' },
  'GET /register/check-email': { allow: 'public' },
  'GET /register/confirm': {
    allow: 'public',
    allowedAnswer: { status: 410, why: 'no token: the "this link no longer works" page' },
  },
  'POST /api/v1/auth/register/confirm': { allow: 'public' },
  'POST /register/confirm': {
    allow: 'public',
    allowedAnswer: { status: 410, why: 'the empty form names no registration: the link-expired page' },
  },
  'POST /sign-in': { allow: 'public' },
  'POST /sign-out': { allow: 'public', allowedCallNotMade: "ends the caller's session" },

  // --- accounts, audit trail, mail, data protection ----------------------------------------------------
  'GET /account/my-data': { allow: ['sme'] },
  'GET /account/my-data/archive': { allow: ['sme'] },
  'GET /admin/audit': { allow: ['officer', 'admin'] },
  'GET /admin/data-protection': { allow: ['officer', 'admin'] },
  'GET /admin/data-protection/requests/:id': { allow: ['officer', 'admin'], record: 'accessRequest' },
  'GET /admin/data-protection/requests/:id/archive': {
    allow: ['officer', 'admin'],
    record: 'accessRequest',
    allowedAnswer: { status: 409, why: 'no archive is built before a second person approves the request' },
  },
  'GET /admin/mail': { allow: ['admin'] },
  'GET /admin/undelivered': { allow: ['admin'] },
  'GET /admin/mail/:id': {
    allow: ['admin'],
    allowedAnswer: { status: 404, why: 'no mail file has this id' },
  },
  'GET /admin/users': { allow: ['admin'] },
  'GET /admin/users/new': { allow: ['admin'] },
  'GET /api/v1/audit-events': { allow: ['officer', 'admin'] },
  // The data-protection requests API: the pages' rules and service, for officers and admins only.
  'GET /api/v1/data-protection/requests': { allow: ['officer', 'admin'] },
  'GET /api/v1/data-protection/requests/:id': { allow: ['officer', 'admin'], record: 'accessRequest' },
  'GET /api/v1/data-protection/requests/:id/preview': {
    allow: ['officer', 'admin'],
    record: 'staffErasure',
  },
  'GET /api/v1/data-protection/requests/:id/archive': {
    allow: ['officer', 'admin'],
    record: 'accessRequest',
    allowedAnswer: { status: 409, why: 'no archive is built before a second person approves the request' },
  },
  'POST /api/v1/data-protection/requests': { allow: ['officer', 'admin'] },
  'POST /api/v1/data-protection/requests/:id/approve': {
    allow: ['officer', 'admin'],
    record: 'accessRequest',
    // A reason longer than allowed: refused by validation before anything is approved.
    invalidBody: { decisionReason: 'x'.repeat(2001) },
  },
  'POST /admin/data-protection/access': { allow: ['officer', 'admin'] },
  'POST /admin/data-protection/erasure': { allow: ['officer', 'admin'] },
  'POST /admin/data-protection/requests/:id/approve': {
    allow: ['officer', 'admin'],
    record: 'accessRequest',
    // A reason longer than the form allows: refused before anything is approved.
    invalidBody: { decisionReason: 'x'.repeat(2001) },
  },
  'POST /admin/users': { allow: ['admin'] },
  'POST /admin/users/:id/deactivate': {
    allow: ['admin'],
    allowedCallNotMade: 'deactivates the account (no form to make invalid)',
  },

  // --- webhooks: admins only (integrators' endpoints, their deliveries, replays) ---------------------------
  'GET /admin/webhooks': { allow: ['admin'] },
  'POST /admin/webhooks': { allow: ['admin'], invalidBody: { url: 'http://crm.example/', events: 'x' } },
  'POST /admin/webhooks/:id/delete': {
    allow: ['admin'],
    record: 'webhookEndpoint',
    allowedCallNotMade: 'removes the endpoint (the form has no fields to spoil)',
  },
  'POST /admin/webhooks/deliveries/:id/replay': {
    allow: ['admin'],
    allowedAnswer: { status: 404, why: 'a random id names no delivery (the form has no fields to spoil)' },
  },
  'GET /api/v1/webhooks/endpoints': { allow: ['admin'] },
  'POST /api/v1/webhooks/endpoints': { allow: ['admin'] },
  'GET /api/v1/webhooks/endpoints/:id': { allow: ['admin'], record: 'webhookEndpoint' },
  'PATCH /api/v1/webhooks/endpoints/:id': { allow: ['admin'], record: 'webhookEndpoint' },
  'DELETE /api/v1/webhooks/endpoints/:id': {
    allow: ['admin'],
    record: 'webhookEndpoint',
    allowedCallNotMade: 'removes the endpoint (DELETE takes no body to spoil)',
  },
  'GET /api/v1/webhooks/deliveries': { allow: ['admin'] },
  'GET /api/v1/webhooks/deliveries/:id': {
    allow: ['admin'],
    allowedAnswer: { status: 404, why: 'a random id names no delivery' },
  },
  'POST /api/v1/webhooks/deliveries/:id/replay': {
    allow: ['admin'],
    allowedAnswer: { status: 404, why: 'a random id names no delivery (the replay takes no body)' },
  },

  // --- inbox and tasks ---------------------------------------------------------------------------------
  'GET /api/v1/follow-ups': { allow: ['adviser', 'officer', 'admin'], query: 'assignee=me' },
  'GET /api/v1/notifications': { allow: 'signed-in' },
  'GET /inbox': { allow: 'signed-in' },
  'POST /api/v1/notifications/:id/read': {
    allow: 'signed-in',
    allowedAnswer: { status: 404, why: "a random id names none of the caller's messages" },
  },
  'POST /api/v1/notifications/read-all': {
    allow: 'signed-in',
    allowedCallNotMade: "marks the caller's own messages read and takes no body to spoil",
  },
  'POST /inbox/:id/read': {
    allow: 'signed-in',
    allowedAnswer: { status: 404, why: "a random id names none of the caller's messages" },
  },
  'POST /inbox/read-all': {
    allow: 'signed-in',
    allowedCallNotMade: "marks the caller's own messages read and takes no body to spoil",
  },
  'GET /tasks': { allow: ['adviser', 'officer', 'admin'] },

  // --- enrolment ---------------------------------------------------------------------------------------
  'GET /api/v1/duplicate-flags': { allow: ['officer', 'admin'] },
  'GET /enrolment-review/flags/:id/merge': { allow: ['officer', 'admin'], record: 'flag' },
  'GET /invitations/:token': {
    allow: 'public',
    allowedAnswer: {
      status: 404,
      why: 'a random token is no invitation (forged, expired and used ones too)',
    },
  },
  'POST /invitations/:token': {
    allow: 'public',
    allowedAnswer: {
      status: 404,
      why: 'a random token is no invitation (forged, expired and used ones too)',
    },
  },
  'GET /invitations/:token/done': {
    allow: 'public',
    allowedAnswer: {
      status: 200,
      why: 'it only says an account is ready and links to sign-in: it reads no record',
    },
  },

  // --- the company record (staff): search, page, corrections, contacts, prospects, merge ---------------------
  'GET /api/v1/companies': { allow: CASE_STAFF },
  'GET /api/v1/companies/:id': { allow: CASE_STAFF, record: 'company' },
  'GET /api/v1/companies/:id/activity': { allow: CASE_STAFF, record: 'company' },
  'PATCH /api/v1/companies/:id': { allow: CASE_STAFF, record: 'company', validBody: {} },
  'POST /api/v1/companies/prospects': { allow: CASE_STAFF },
  'POST /api/v1/companies/:id/contacts': {
    allow: CASE_STAFF,
    record: 'company',
    validBody: { name: 'Access Matrix', email: 'matrix@example.test', preferredLanguage: 'en' },
  },
  'PUT /api/v1/companies/:id/contacts/:contactId': {
    allow: CASE_STAFF,
    record: 'company',
    params: { contactId: 'contact' },
    validBody: { name: 'Access Matrix', email: 'matrix@example.test', preferredLanguage: 'en' },
  },
  'POST /api/v1/companies/:id/contacts/:contactId/archive': {
    allow: CASE_STAFF,
    record: 'company',
    params: { contactId: 'contact' },
    validBody: {},
  },
  'POST /api/v1/companies/:id/merge': { allow: ['officer'], record: 'company' },
  'GET /companies': { allow: CASE_STAFF },
  'GET /companies/new': { allow: CASE_STAFF },
  'POST /companies/new': { allow: CASE_STAFF },
  'GET /companies/:id': { allow: CASE_STAFF, record: 'company' },
  'GET /companies/:id/edit': { allow: CASE_STAFF, record: 'company' },
  'POST /companies/:id/edit': { allow: CASE_STAFF, record: 'company' },
  'GET /companies/:id/contacts/new': { allow: CASE_STAFF, record: 'company' },
  'POST /companies/:id/contacts/new': { allow: CASE_STAFF, record: 'company' },
  'GET /companies/:id/contacts/:contactId/edit': {
    allow: CASE_STAFF,
    record: 'company',
    params: { contactId: 'contact' },
  },
  'POST /companies/:id/contacts/:contactId/edit': {
    allow: CASE_STAFF,
    record: 'company',
    params: { contactId: 'contact' },
  },
  'POST /companies/:id/contacts/:contactId/archive': {
    allow: CASE_STAFF,
    record: 'company',
    params: { contactId: 'contact' },
    allowedCallNotMade: 'archives the contact (no form to make invalid)',
  },
  'GET /api/v1/duplicate-flags/:id': { allow: ['officer', 'admin'], record: 'flag' },
  'GET /api/v1/enrolments': { allow: ['sme', 'officer', 'admin'] },
  'GET /api/v1/enrolments/:id': { allow: ['sme', 'officer', 'admin'], record: 'enrolment' },
  'GET /enrol': { allow: ['sme'] },
  'GET /enrol/:id/:page': { allow: ['sme'], record: 'enrolment', params: { page: 'enrolmentPage' } },
  'GET /enrol/:id/appeal': { allow: ['sme'], record: 'enrolment' },
  'GET /enrol/:id/check': { allow: ['sme'], record: 'enrolment' },
  'GET /enrol/:id/confirmation': { allow: ['sme'], record: 'enrolment' },
  'GET /enrolment-review': { allow: ['officer', 'admin'] },
  'GET /api/v1/enrolments/awaiting-decision': { allow: ['officer', 'admin'] },
  'PATCH /api/v1/enrolments/:id': { allow: ['sme'], record: 'enrolment', validBody: {} },
  'POST /api/v1/duplicate-flags/:id/dismiss': {
    allow: ['officer', 'admin'],
    record: 'flag',
    allowedCallNotMade: 'closes the flag (no body to make invalid)',
  },
  'POST /api/v1/duplicate-flags/:id/merge': {
    allow: ['officer', 'admin'],
    record: 'flag',
    allowedCallNotMade: 'merges the companies (no body to make invalid)',
  },
  'POST /api/v1/enrolments': { allow: ['sme'] },
  'POST /api/v1/enrolments/:id/appeal': {
    allow: ['sme'],
    record: 'enrolment',
    validBody: { reason: 'access matrix' },
  },
  'POST /api/v1/enrolments/:id/appeal/decision': { allow: ['officer', 'admin'], record: 'enrolment' },
  'POST /api/v1/enrolments/:id/decision': {
    allow: ['officer', 'admin'],
    record: 'enrolment',
    allowedAnswer: {
      status: 409,
      why: 'the enrolment is already decided (eligible), not waiting for a decision',
    },
  },
  'POST /api/v1/enrolments/:id/submit': { allow: ['sme'], record: 'enrolment', validBody: {} },
  'POST /api/v1/enrolments/:id/withdraw': {
    allow: ['sme'],
    record: 'enrolment',
    allowedAnswer: { status: 409, why: 'an eligible enrolment has a case: it cannot be withdrawn' },
  },
  'POST /enrol': { allow: ['sme'], allowedCallNotMade: 'starts a draft enrolment (no form to make invalid)' },
  'POST /enrol/:id/:page': {
    allow: ['sme'],
    record: 'enrolment',
    params: { page: 'enrolmentPage' },
    allowedAnswer: { status: 303, why: 'a submitted enrolment is not edited: back to its confirmation' },
  },
  'POST /enrol/:id/appeal': { allow: ['sme'], record: 'enrolment' },
  'POST /enrol/:id/check': {
    allow: ['sme'],
    record: 'enrolment',
    allowedAnswer: { status: 303, why: 'already submitted: back to its confirmation, nothing changes' },
  },
  'POST /enrolment-review/submitted/:id/decide': {
    allow: ['officer', 'admin'],
    record: 'enrolment',
    allowedAnswer: {
      status: 409,
      why: 'the enrolment is already decided (eligible), not waiting for a decision',
    },
  },
  'POST /enrolment-review/appeals/:id/rejected': {
    allow: ['officer', 'admin'],
    record: 'enrolment',
    allowedAnswer: { status: 409, why: 'the enrolment was never appealed' },
  },
  'POST /enrolment-review/appeals/:id/upheld': {
    allow: ['officer', 'admin'],
    record: 'enrolment',
    allowedAnswer: { status: 409, why: 'the enrolment was never appealed' },
  },
  'POST /enrolment-review/flags/:id/dismiss': {
    allow: ['officer', 'admin'],
    record: 'flag',
    allowedCallNotMade: 'closes the flag (no form to make invalid)',
  },
  'POST /enrolment-review/flags/:id/merge': {
    allow: ['officer', 'admin'],
    record: 'flag',
    allowedCallNotMade: 'merges the companies (no form to make invalid)',
  },

  // --- the network: officers and admins manage the experts directory ----------------------------------
  'GET /api/v1/experts': { allow: ['officer', 'admin'] },
  'POST /api/v1/experts': { allow: ['officer', 'admin'] },
  'GET /api/v1/experts/:id': { allow: ['officer', 'admin'], record: 'expert' },
  'PATCH /api/v1/experts/:id': { allow: ['officer', 'admin'], record: 'expert' },
  'GET /experts': { allow: ['officer', 'admin'] },
  'GET /experts/new': { allow: ['officer', 'admin'] },
  'POST /experts/new': { allow: ['officer', 'admin'] },
  'GET /experts/:id': { allow: ['officer', 'admin'], record: 'expert' },
  'POST /experts/:id': { allow: ['officer', 'admin'], record: 'expert' },
  // A case's experts and introductions: its adviser and officers (an SME never sees the network's contacts).
  'GET /api/v1/cases/:id/expert-suggestions': { allow: CASE_STAFF, ...ON_CASE },
  'GET /api/v1/cases/:id/introductions': { allow: CASE_STAFF, ...ON_CASE },
  'POST /api/v1/cases/:id/introductions': {
    allow: CASE_STAFF,
    ...ON_CASE,
    validBody: {
      expertId: '00000000-0000-4000-8000-000000000000',
      purpose: 'refused before anything is asked',
    },
  },
  'GET /api/v1/introductions/:id': { allow: CASE_STAFF, record: 'introduction' },
  'PATCH /api/v1/introductions/:id': {
    allow: CASE_STAFF,
    record: 'introduction',
    validBody: { status: 'withdrawn', version: 999 },
  },
  'GET /cases/:id/experts': { allow: CASE_STAFF, ...ON_CASE },
  // Peers: an exporting SME's own offer to help others ("me"), what other SMEs see of peers, staff's list,
  // and the peers suggested for a case (its adviser and officers).
  'GET /api/v1/peers': { allow: ['adviser', 'officer', 'admin'] },
  'GET /api/v1/peers/visible': { allow: ['sme'] },
  'GET /api/v1/peers/me': { allow: ['sme'] },
  'PUT /api/v1/peers/me': { allow: ['sme'] },
  'DELETE /api/v1/peers/me': {
    allow: ['sme'],
    allowedAnswer: { status: 404, why: 'the matrix SMEs have not opted in: there is no offer to withdraw' },
  },
  'GET /api/v1/cases/:id/peer-suggestions': { allow: CASE_STAFF, ...ON_CASE },
  'GET /peer': { allow: ['sme'] },
  'POST /peer': { allow: ['sme'] },
  'POST /peer/withdraw': {
    allow: ['sme'],
    allowedAnswer: { status: 404, why: 'the matrix SMEs have not opted in: there is no offer to withdraw' },
  },
  'POST /cases/:id/introductions': { allow: CASE_STAFF, ...ON_CASE },
  'POST /introductions/:id/withdraw': {
    allow: CASE_STAFF,
    record: 'introduction',
    // Not a version number: refused by validation before anything is withdrawn.
    invalidBody: { version: 'not-a-version' },
  },
  // The expert's answer: the signed link is the credential (experts have no account). A made-up token names
  // nothing.
  'GET /introductions/respond/:token': {
    allow: 'public',
    allowedAnswer: {
      status: 404,
      why: 'no introduction has this link (the token is not signed by the service)',
    },
  },
  'POST /introductions/respond/:token': {
    allow: 'public',
    allowedAnswer: {
      status: 404,
      why: 'no introduction has this link (the token is not signed by the service)',
    },
  },
  // A case's referrals to partner organisations: its adviser and officers; the partner answers by signed
  // link (partners have no account), so a made-up token names nothing.
  'GET /api/v1/cases/:id/referrals': { allow: CASE_STAFF, ...ON_CASE },
  'POST /api/v1/cases/:id/referrals': {
    allow: CASE_STAFF,
    ...ON_CASE,
    validBody: { partnerCode: 'ahk-uk', reason: 'refused before anything is sent', smeConsent: true },
  },
  'GET /api/v1/referrals/:id': { allow: CASE_STAFF, record: 'referral' },
  // An SME asks, from its readiness results, to be introduced to the expert suggested for its case; the
  // case's adviser (or an officer) approves or declines the request.
  'GET /cases/:id/expert-introduction': { allow: ['sme'], ...ON_CASE },
  'POST /cases/:id/expert-introduction': { allow: ['sme'], ...ON_CASE },
  'POST /introduction-requests/:id/approve': {
    allow: CASE_STAFF,
    allowedAnswer: { status: 404, why: 'the matrix makes no SME request: a random id names none' },
  },
  'POST /introduction-requests/:id/decline': {
    allow: CASE_STAFF,
    allowedAnswer: { status: 404, why: 'the matrix makes no SME request: a random id names none' },
  },
  // Both sides of an accepted introduction rate it through a signed link, their only credential.
  'GET /introductions/rate/:token': {
    allow: 'public',
    allowedAnswer: { status: 404, why: 'no rating has this link (the token is not signed by the service)' },
  },
  'POST /introductions/rate/:token': {
    allow: 'public',
    allowedAnswer: { status: 404, why: 'no rating has this link (the token is not signed by the service)' },
  },
  'GET /cases/:id/referrals': { allow: CASE_STAFF, ...ON_CASE },
  'POST /cases/:id/referrals': { allow: CASE_STAFF, ...ON_CASE },
  'GET /referrals/accept/:token': {
    allow: 'public',
    allowedAnswer: { status: 404, why: 'no referral has this link (the token is not signed by the service)' },
  },
  'POST /referrals/accept/:token': {
    allow: 'public',
    allowedAnswer: { status: 404, why: 'no referral has this link (the token is not signed by the service)' },
  },
  'GET /referrals/result/:token': {
    allow: 'public',
    allowedAnswer: { status: 404, why: 'no referral has this link (the token is not signed by the service)' },
  },
  'POST /referrals/result/:token': {
    allow: 'public',
    allowedAnswer: { status: 404, why: 'no referral has this link (the token is not signed by the service)' },
  },

  // The expert's own side: officers and admins invite; the invitation link is the only credential of its
  // page; the expert's pages are theirs alone (the matrix's expert is the one its introduction is asked of).
  'POST /api/v1/experts/:id/invitation': {
    allow: ['officer', 'admin'],
    record: 'expert',
    allowedCallNotMade: 'emails the expert an invitation (the call takes no body to spoil)',
  },
  'POST /experts/:id/invitation': {
    allow: ['officer', 'admin'],
    record: 'expert',
    allowedCallNotMade: 'emails the expert an invitation (the button sends no form to spoil)',
  },
  'GET /expert-invitation/:token': {
    allow: 'public',
    allowedAnswer: {
      status: 404,
      why: 'no invitation has this link (the token is not signed by the service)',
    },
  },
  'POST /expert-invitation/:token': {
    allow: 'public',
    allowedAnswer: {
      status: 404,
      why: 'no invitation has this link (the token is not signed by the service)',
    },
  },
  'GET /expert-left': { allow: 'public' },
  'GET /api/v1/experts/me': { allow: ['expert'] },
  'PATCH /api/v1/experts/me': { allow: ['expert'] },
  'GET /api/v1/experts/me/introductions': { allow: ['expert'] },
  'POST /api/v1/experts/me/introductions/:id/answer': { allow: ['expert'], record: 'introduction' },
  'POST /api/v1/experts/me/pause': {
    allow: ['expert'],
    allowedCallNotMade: 'pauses the expert (the call takes no body to spoil)',
  },
  'POST /api/v1/experts/me/resume': {
    allow: ['expert'],
    allowedCallNotMade: 'resumes the expert (the call takes no body to spoil)',
  },
  'POST /api/v1/experts/me/leave': { allow: ['expert'] },
  'GET /expert': { allow: ['expert'] },
  'GET /expert/profile': { allow: ['expert'] },
  // An empty form names no version: refused before anything is changed.
  'POST /expert/profile': { allow: ['expert'] },
  'POST /expert/introductions/:id': { allow: ['expert'], record: 'introduction' },
  'POST /expert/pause': {
    allow: ['expert'],
    allowedCallNotMade: 'pauses the expert (the button sends no form to spoil)',
  },
  'POST /expert/resume': {
    allow: ['expert'],
    allowedCallNotMade: 'resumes the expert (the button sends no form to spoil)',
  },
  'GET /expert/leave': { allow: ['expert'] },
  'POST /expert/leave': { allow: ['expert'] },

  // --- advisers and the caseload -----------------------------------------------------------------------
  'GET /api/v1/advisers': { allow: ['officer'] },
  'GET /api/v1/advisers/:id': { allow: ['officer'], record: 'adviser' },
  'GET /api/v1/cases': { allow: CASE_STAFF },
  'GET /api/v1/cases/:id': { allow: CASE_STAFF, ...ON_CASE },
  'GET /api/v1/cases/:id/assignments': { allow: CASE_STAFF, ...ON_CASE },
  'GET /caseload': { allow: CASE_STAFF },
  'GET /cases/:id': { allow: CASE_STAFF, ...ON_CASE },
  'GET /officer/advisers': { allow: ['officer'] },
  'GET /officer/advisers/:id/profile': { allow: ['officer'], record: 'adviser' },
  'PATCH /api/v1/advisers/:id': { allow: ['officer'], record: 'adviser' },
  'POST /api/v1/advisers': { allow: ['officer'] },
  'POST /api/v1/advisers/:id/redistribute': { allow: ['officer'], record: 'adviser' },
  'POST /api/v1/cases/:id/assignment': { allow: ['officer'], ...ON_CASE },
  'POST /api/v1/cases/:id/decline': {
    allow: ['adviser'],
    ...ON_CASE,
    validBody: { reason: 'access matrix' },
  },
  'POST /api/v1/cases/:id/interactions': {
    allow: CASE_STAFF,
    ...ON_CASE,
    validBody: { kind: 'call', occurredOn: '2026-01-05', notes: 'access matrix' },
  },
  // Closing and reopening: the case's adviser, or an officer (any case).
  'POST /api/v1/cases/:id/close': {
    allow: CASE_STAFF,
    ...ON_CASE,
    validBody: { reason: 'withdrew', summary: 'access matrix' },
  },
  'POST /api/v1/cases/:id/reopen': { allow: CASE_STAFF, ...ON_CASE, validBody: { reason: 'access matrix' } },
  'POST /cases/:id/close': { allow: CASE_STAFF, ...ON_CASE },
  'POST /cases/:id/reopen': { allow: CASE_STAFF, ...ON_CASE },
  // Correcting and voiding an interaction: staff working the case. `:interactionId` names none.
  'PUT /api/v1/cases/:id/interactions/:interactionId': {
    allow: CASE_STAFF,
    ...ON_CASE,
    // A made-up :interactionId: the invalid body is refused (400) before the interaction is looked up.
    allowedAnswer: { status: 400, why: 'the body is refused before the (made-up) interaction is looked up' },
    validBody: { kind: 'call', occurredOn: '2026-01-05', notes: 'access matrix', reason: 'access matrix' },
  },
  'POST /api/v1/cases/:id/interactions/:interactionId/void': {
    allow: CASE_STAFF,
    ...ON_CASE,
    // A made-up :interactionId: the invalid body is refused (400) before the interaction is looked up.
    allowedAnswer: { status: 400, why: 'the body is refused before the (made-up) interaction is looked up' },
    validBody: { reason: 'access matrix' },
  },
  'GET /cases/:id/interactions/:interactionId': {
    allow: CASE_STAFF,
    ...ON_CASE,
    allowedAnswer: { status: 404, why: 'the case has no interaction with this id' },
  },
  'POST /cases/:id/interactions/:interactionId': {
    allow: CASE_STAFF,
    ...ON_CASE,
    allowedAnswer: { status: 404, why: 'the case has no interaction with this id' },
  },
  'POST /cases/:id/assignment': { allow: ['officer'], ...ON_CASE },
  'POST /cases/:id/decline': { allow: ['adviser'], ...ON_CASE },
  'POST /cases/:id/interactions': { allow: CASE_STAFF, ...ON_CASE },
  'POST /cases/:id/summary': { allow: CASE_STAFF, ...ON_CASE },
  'POST /officer/advisers/:id/profile': {
    allow: ['officer'],
    record: 'adviser',
    invalidBody: { markets: 'X' },
  },
  'POST /officer/advisers/:id/redistribute': { allow: ['officer'], record: 'adviser' },
  'PUT /api/v1/cases/:id/summary': { allow: CASE_STAFF, ...ON_CASE, validBody: { summary: 'access matrix' } },

  // --- progress ----------------------------------------------------------------------------------------
  'GET /api/v1/cases/:id/progress': { allow: CASE_ROLES, ...ON_CASE },
  'GET /cases/:id/progress': { allow: CASE_ROLES, ...ON_CASE },
  // The SME reports its own outcomes through the API; deciding stages is for staff working the case.
  'POST /api/v1/cases/:id/outcomes': {
    allow: CASE_ROLES,
    ...ON_CASE,
    validBody: { kind: 'first_export_order', occurredOn: '2026-01-05' },
  },
  'POST /api/v1/cases/:id/stage': {
    allow: CASE_STAFF,
    ...ON_CASE,
    validBody: { to: 'proactive_exporter', reason: 'access matrix' },
  },
  'POST /cases/:id/progress/outcomes': { allow: CASE_STAFF, ...ON_CASE },
  'POST /cases/:id/progress/stage': { allow: CASE_STAFF, ...ON_CASE },

  // --- export opportunities and the pipeline ------------------------------------------------------------
  // The case's SME reads its opportunities through the API; staff working the case record and change them.
  'GET /api/v1/cases/:id/opportunities': { allow: CASE_ROLES, ...ON_CASE },
  'POST /api/v1/cases/:id/opportunities': {
    allow: CASE_STAFF,
    ...ON_CASE,
    validBody: {
      market: 'DE',
      product: 'access matrix',
      buyerType: 'agent',
      source: 'referral',
      valueMinor: 100,
      currency: 'EUR',
      likelihood: 'low',
      expectedOn: '2027-01-31',
    },
  },
  'GET /api/v1/opportunities': { allow: CASE_STAFF },
  'GET /api/v1/opportunities/:id': { allow: CASE_ROLES, record: 'opportunity' },
  'PATCH /api/v1/opportunities/:id': {
    allow: CASE_STAFF,
    record: 'opportunity',
    validBody: { likelihood: 'high', version: 1 },
  },
  'GET /cases/:id/opportunities': { allow: CASE_STAFF, ...ON_CASE },
  'GET /cases/:id/opportunities/new': { allow: CASE_STAFF, ...ON_CASE },
  'POST /cases/:id/opportunities': { allow: CASE_STAFF, ...ON_CASE },
  'GET /cases/:id/opportunities/:opportunityId': {
    allow: CASE_STAFF,
    ...ON_CASE,
    params: { opportunityId: 'opportunity' },
  },
  'POST /cases/:id/opportunities/:opportunityId': {
    allow: CASE_STAFF,
    ...ON_CASE,
    params: { opportunityId: 'opportunity' },
  },
  'GET /pipeline': { allow: CASE_STAFF },
  // Export wins: the case's SME reads them; staff working the case record them.
  'GET /api/v1/cases/:id/export-wins': { allow: CASE_ROLES, ...ON_CASE },
  'POST /api/v1/cases/:id/export-wins': {
    allow: CASE_STAFF,
    ...ON_CASE,
    validBody: {
      customerName: 'Access Matrix GmbH',
      customerCountry: 'DE',
      goodsOrServices: 'goods',
      description: 'access matrix',
      winType: 'new_market',
      currency: 'EUR',
      firstYear: 2027,
      valuesMinor: [100],
      supportDecisive: true,
    },
  },
  'GET /api/v1/export-wins/:id': { allow: CASE_ROLES, record: 'win' },
  'PATCH /api/v1/export-wins/:id': {
    allow: CASE_STAFF,
    record: 'win',
    validBody: { notes: 'Corrected', version: 1 },
  },
  'POST /api/v1/export-wins/:id/resend-verification': {
    allow: CASE_STAFF,
    record: 'win',
    allowedCallNotMade: 'it emails the company a new link and takes no body to spoil',
  },
  'POST /api/v1/export-wins/:id/sign-off': {
    allow: ['officer'],
    record: 'win',
    allowedAnswer: { status: 409, why: 'the company has not confirmed the win yet: nothing to sign off' },
  },
  'POST /cases/:id/export-wins/:winId/sign-off': {
    allow: ['officer'],
    ...ON_CASE,
    params: { winId: 'win' },
    allowedAnswer: { status: 409, why: 'the company has not confirmed the win yet: nothing to sign off' },
  },
  // The company confirms a win from the emailed link: the signed, single-use token is the credential.
  'GET /export-wins/verify/:token': {
    allow: 'public',
    allowedAnswer: { status: 404, why: 'no win has this link (the token is not signed by the service)' },
  },
  'POST /export-wins/verify/:token': {
    allow: 'public',
    allowedAnswer: { status: 404, why: 'no win has this link (the token is not signed by the service)' },
  },
  'GET /cases/:id/export-wins': { allow: CASE_STAFF, ...ON_CASE },
  'POST /cases/:id/export-wins/:winId/resend': {
    allow: CASE_STAFF,
    ...ON_CASE,
    params: { winId: 'win' },
    allowedCallNotMade: 'it emails the company a new link; an empty form is a valid request',
  },
  'GET /cases/:id/export-wins/:winId/edit': { allow: CASE_STAFF, ...ON_CASE, params: { winId: 'win' } },
  'POST /cases/:id/export-wins/:winId/edit': { allow: CASE_STAFF, ...ON_CASE, params: { winId: 'win' } },
  'GET /cases/:id/export-wins/new': { allow: CASE_STAFF, ...ON_CASE },
  'POST /cases/:id/export-wins': { allow: CASE_STAFF, ...ON_CASE },

  // --- readiness audits and recommendations ------------------------------------------------------------
  'GET /api/v1/readiness/questionnaire': { allow: 'signed-in' },
  'GET /api/v1/cases/:id/audits': { allow: CASE_ROLES, ...ON_CASE },
  'GET /api/v1/cases/:id/audits/:auditId': {
    allow: CASE_ROLES,
    ...ON_CASE,
    params: { auditId: 'selfAudit' },
  },
  'GET /api/v1/cases/:id/recommendations': { allow: CASE_ROLES, ...ON_CASE },
  'GET /cases/:id/audits': { allow: CASE_ROLES, ...ON_CASE },
  'GET /cases/:id/audits/:auditId': { allow: CASE_ROLES, ...ON_CASE, params: { auditId: 'selfAudit' } },
  // Only an audit's own side edits it: the SME its self-assessment (staff their adviser audits).
  'GET /cases/:id/audits/:auditId/check': { allow: ['sme'], ...ON_CASE, params: { auditId: 'selfAudit' } },
  'GET /cases/:id/audits/:auditId/section/:heading': {
    allow: ['sme'],
    ...ON_CASE,
    params: { auditId: 'selfAudit', heading: 'heading' },
  },
  'PATCH /api/v1/cases/:id/recommendations/:recommendationId': {
    allow: CASE_STAFF,
    ...ON_CASE,
    params: { recommendationId: 'recommendation' },
    validBody: { decision: 'accepted' },
  },
  'POST /api/v1/cases/:id/audits': {
    allow: CASE_ROLES,
    ...ON_CASE,
    validBody: { questionnaireVersion: 1 },
  },
  'POST /api/v1/cases/:id/recommendations': {
    allow: CASE_STAFF,
    ...ON_CASE,
    validBody: { kind: 'measure', code: 'access-matrix', note: 'access matrix' },
  },
  'POST /cases/:id/audits/:auditId/section/:heading': {
    allow: ['sme'],
    ...ON_CASE,
    params: { auditId: 'selfAudit', heading: 'heading' },
  },
  'POST /cases/:id/audits/:auditId/submit': {
    allow: ['sme'],
    ...ON_CASE,
    params: { auditId: 'selfAudit' },
    allowedAnswer: { status: 422, why: 'the draft has no answers yet: it cannot be submitted' },
  },
  'POST /cases/:id/audits/start': {
    allow: CASE_ROLES,
    ...ON_CASE,
    allowedCallNotMade: "opens a draft audit for the caller's side (no form to make invalid)",
  },
  'POST /cases/:id/recommendations': { allow: CASE_STAFF, ...ON_CASE },
  'POST /cases/:id/recommendations/:recommendationId': {
    allow: CASE_STAFF,
    ...ON_CASE,
    params: { recommendationId: 'recommendation' },
  },
  'PUT /api/v1/cases/:id/audits/:auditId': {
    allow: ['sme'],
    ...ON_CASE,
    params: { auditId: 'selfAudit' },
    validBody: { questionnaireVersion: 1 },
  },

  // --- training ----------------------------------------------------------------------------------------
  'GET /api/v1/cases/:id/training': { allow: CASE_ROLES, ...ON_CASE },
  'GET /api/v1/training/bookings/:id': { allow: CASE_ROLES, record: 'booking' },
  'GET /api/v1/training/bookings/:id/certificate': {
    allow: CASE_ROLES,
    record: 'booking',
    allowedAnswer: { status: 404, why: 'the module is not completed: there is no certificate yet' },
  },
  'GET /api/v1/training/modules': { allow: 'signed-in' },
  'GET /api/v1/training/modules/:code/sessions': { allow: 'signed-in', params: { code: 'module' } },
  'GET /api/v1/training/sessions/:id/attendance.csv': { allow: ['officer'], record: 'session' },
  'GET /cases/:id/training': { allow: CASE_STAFF, ...ON_CASE },
  'GET /training': { allow: ['sme'] },
  'GET /training/admin': { allow: ['officer'] },
  'GET /training/admin/modules/:code': { allow: ['officer'], params: { code: 'module' } },
  'GET /training/admin/modules/new': { allow: ['officer'] },
  'GET /training/admin/sessions/:id': { allow: ['officer'], record: 'session' },
  'GET /training/bookings/:id/assessment': { allow: ['sme'], record: 'booking' },
  'GET /training/bookings/:id/feedback': { allow: ['sme'], record: 'booking' },
  'GET /training/modules': { allow: 'signed-in' },
  'GET /training/modules/:code': { allow: 'signed-in', params: { code: 'module' } },
  'PATCH /api/v1/training/bookings/:id': {
    allow: CASE_ROLES,
    record: 'booking',
    validBody: { action: 'cancel' },
  },
  'PATCH /api/v1/training/modules/:code': { allow: ['officer'], params: { code: 'module' } },
  'POST /api/v1/cases/:id/training': {
    allow: CASE_ROLES,
    ...ON_CASE,
    validBody: { moduleCode: 'internationalising-website-content' },
  },
  'POST /api/v1/training/bookings/:id/feedback': {
    allow: ['sme'],
    record: 'booking',
    validBody: { satisfaction: 5, usefulness: 5 },
  },
  'POST /api/v1/training/modules': { allow: ['officer'] },
  'POST /api/v1/training/modules/:code/sessions': { allow: ['officer'], params: { code: 'module' } },
  'POST /cases/:id/training': { allow: CASE_STAFF, ...ON_CASE },
  'POST /training/admin/modules': { allow: ['officer'] },
  'POST /training/admin/modules/:code': {
    allow: ['officer'],
    params: { code: 'module' },
    invalidBody: { durationMinutes: 'not a number' },
  },
  'POST /training/admin/modules/:code/restore': {
    allow: ['officer'],
    params: { code: 'module' },
    allowedCallNotMade: 'restores the module (no form to make invalid)',
  },
  'POST /training/admin/modules/:code/retire': {
    allow: ['officer'],
    params: { code: 'module' },
    allowedCallNotMade: 'retires the module (no form to make invalid)',
  },
  'POST /training/admin/modules/:code/sessions': { allow: ['officer'], params: { code: 'module' } },
  'POST /training/bookings/:id/assessment': { allow: ['sme'], record: 'booking' },
  'POST /training/bookings/:id/cancel': {
    allow: CASE_ROLES,
    record: 'booking',
    allowedCallNotMade: 'cancels the booking (no form to make invalid)',
  },
  'POST /training/bookings/:id/feedback': { allow: ['sme'], record: 'booking' },
  'POST /training/bookings/:id/update': { allow: CASE_STAFF, record: 'booking' },
  'POST /training/modules/:code/book': {
    allow: ['sme'],
    params: { code: 'module' },
    allowedAnswer: { status: 422, why: 'a webinar needs a session, which the empty form does not name' },
  },

  // --- reports -----------------------------------------------------------------------------------------
  'GET /api/v1/reports/exports': { allow: CASE_STAFF },
  'GET /api/v1/reports/exports/:id': { allow: CASE_STAFF, record: 'export' },
  'GET /api/v1/reports/exports/:id/download': {
    allow: CASE_STAFF,
    record: 'export',
    allowedAnswer: { status: 409, why: 'the export is still queued (no worker runs in this test)' },
  },
  'GET /api/v1/reports/kpis': { allow: CASE_STAFF },
  'GET /reports': { allow: CASE_STAFF },
  'GET /reports/definitions': { allow: CASE_STAFF },
  'GET /reports/exports': { allow: CASE_STAFF },
  'GET /reports/exports/:id/download': {
    allow: CASE_STAFF,
    record: 'export',
    allowedAnswer: { status: 409, why: 'the export is still queued (no worker runs in this test)' },
  },
  'POST /api/v1/reports/exports': { allow: CASE_STAFF },
  'POST /reports/exports': { allow: CASE_STAFF, invalidBody: { format: 'pdf' } },
};

/**
 * Separation of duties: callers whose role a route allows, refused all the same because of who they are in
 * the record (DataProtectionService's four-eyes rules). Each must answer 403 with an `access.denied` row
 * naming the rule, and change nothing else. `emailOf` puts that caller's email in the body's `email`.
 */
export interface DutyRule {
  route: string;
  caller: Exclude<Caller, 'anonymous'>;
  record?: RecordName;
  body?: Readonly<Record<string, unknown>>;
  emailOf?: Exclude<Caller, 'anonymous'>;
  rule: string;
  why: string;
}

export const DUTY_RULES: readonly DutyRule[] = [
  {
    route: 'POST /admin/data-protection/requests/:id/approve',
    record: 'accessRequest',
    caller: 'officer',
    rule: 'data_protection.second_person',
    why: 'the officer approving their own subject access request',
  },
  {
    route: 'POST /admin/data-protection/requests/:id/approve',
    record: 'staffErasure',
    caller: 'admin',
    rule: 'data_protection.second_person',
    why: 'the admin approving their own erasure request',
  },
  {
    route: 'POST /admin/data-protection/requests/:id/approve',
    record: 'staffErasure',
    caller: 'officer',
    rule: 'data_protection.staff_needs_admin',
    why: 'an officer approving the erasure of a staff account',
  },
  {
    route: 'POST /admin/data-protection/erasure',
    caller: 'officer',
    emailOf: 'adviserOn',
    body: { reason: 'Left the agency' },
    rule: 'data_protection.staff_needs_admin',
    why: 'an officer asking to erase a staff account',
  },
  {
    route: 'POST /admin/data-protection/erasure',
    caller: 'officer',
    emailOf: 'admin',
    body: { reason: 'Left the agency' },
    rule: 'data_protection.staff_needs_admin',
    why: 'an officer asking to erase an admin (the probe found this erased and deactivated the admin)',
  },
  {
    route: 'POST /admin/data-protection/erasure',
    caller: 'admin',
    emailOf: 'admin',
    body: { reason: 'Leaving' },
    rule: 'data_protection.own_account',
    why: 'an admin asking to erase their own account, out of the audit trail',
  },
  {
    route: 'POST /api/v1/data-protection/requests/:id/approve',
    record: 'accessRequest',
    caller: 'officer',
    rule: 'data_protection.second_person',
    why: 'the officer approving their own subject access request through the API',
  },
  {
    route: 'POST /api/v1/data-protection/requests/:id/approve',
    record: 'staffErasure',
    caller: 'officer',
    rule: 'data_protection.staff_needs_admin',
    why: 'an officer approving the erasure of a staff account through the API',
  },
  {
    route: 'POST /api/v1/data-protection/requests',
    caller: 'officer',
    emailOf: 'adviserOn',
    body: { kind: 'erasure', reason: 'Left the agency' },
    rule: 'data_protection.staff_needs_admin',
    why: 'an officer asking through the API to erase a staff account',
  },
  {
    route: 'POST /api/v1/data-protection/requests',
    caller: 'admin',
    emailOf: 'admin',
    body: { kind: 'erasure', reason: 'Leaving' },
    rule: 'data_protection.own_account',
    why: 'an admin asking through the API to erase their own account',
  },
  {
    route: 'GET /api/v1/data-protection/requests/:id/archive',
    record: 'approvedAccess',
    caller: 'officer',
    rule: 'data_protection.not_party',
    why: 'staff who neither asked for nor approved an archive downloading it through the API',
  },
  {
    route: 'GET /admin/data-protection/requests/:id/archive',
    record: 'approvedAccess',
    caller: 'officer',
    rule: 'data_protection.not_party',
    why: 'staff who neither asked for nor approved a subject access archive downloading it',
  },
];
