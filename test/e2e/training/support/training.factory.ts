import type { Actor, Role } from '@app/identity';
import { RecommendationsService } from '@app/readiness';
import { createUser, tokenFor } from '../../../support/auth';
import { readJson } from '../../../support/http';
import { startTestApi, type TestApi } from '../../../support/test-api';
import { buildSmeCase, ensureAdviserProfile } from '../../../factories';

export interface Caller {
  user: Actor;
  password: string;
  token: string;
}

export async function caller(api: TestApi, role: Role): Promise<Caller> {
  const { user, password } = await createUser(api, role);
  return { user, password, token: await tokenFor(api, user.email, password) };
}

/** A started test api and one signed-in caller per role given, in that order (for a suite's beforeAll). */
export async function apiWithCallers(...roles: Role[]): Promise<[TestApi, ...Caller[]]> {
  const api = await startTestApi();
  return [api, ...(await Promise.all(roles.map((role) => caller(api, role))))];
}

export interface TrainingCase {
  id: string;
  companyId: string;
  enrolmentId: string;
}

/**
 * A case whose SME is `sme` (a new SME when null), opened by submitting an eligible enrolment through the
 * enrolment service (test/factories' buildSmeCase); `barriers` replace the enrolment's (for recommendations); `adviserId` assigns the case to that adviser, given a profile first if they have none.
 */
export async function caseFor(
  api: TestApi,
  sme: Caller | null,
  extra: { legalName?: string; barriers?: string[]; adviserId?: string } = {},
): Promise<TrainingCase> {
  if (extra.adviserId) await ensureAdviserProfile(api, extra.adviserId);
  const built = await buildSmeCase(api, {
    ...(sme ? { sme } : {}),
    answers: {
      ...(extra.legalName ? { company: { legalName: extra.legalName, tradingName: null } } : {}),
      ...(extra.barriers ? { barriers: { selected: extra.barriers, note: null } } : {}),
    },
    adviserId: extra.adviserId,
  });
  return { id: built.caseId, companyId: built.companyId, enrolmentId: built.enrolmentId };
}

export function call(
  api: TestApi,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${api.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const HOUR = 3600_000;

/** An officer-created session `startsInHours` from now (negative: create it in the future, then move it). */
export async function addSession(
  api: TestApi,
  officerToken: string,
  moduleCode: string,
  options: { capacity?: number; startsInHours?: number } = {},
): Promise<string> {
  const startsInHours = options.startsInHours ?? 72;
  const start = new Date(Date.now() + Math.max(startsInHours, 48) * HOUR);
  const res = await call(api, officerToken, 'POST', `/api/v1/training/modules/${moduleCode}/sessions`, {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
    timeZone: 'Europe/Madrid',
    capacity: options.capacity ?? 10,
    joinUrl: 'https://meet.example.test/session',
    language: 'es',
  });
  if (res.status !== 201) throw new Error(`session: ${res.status} ${await res.text()}`);
  const { id } = await readJson(res);
  if (startsInHours < 48) await moveSession(api, id as string, startsInHours);
  return id as string;
}

/** Moves a session in time (the API refuses to create past sessions for booking tests; tests need them). */
export async function moveSession(api: TestApi, sessionId: string, startsInHours: number): Promise<void> {
  const start = new Date(Date.now() + startsInHours * HOUR);
  await api.dataSource.query(`UPDATE training_session SET starts_at = $2, ends_at = $3 WHERE id = $1`, [
    sessionId,
    start,
    new Date(start.getTime() + 2 * HOUR),
  ]);
}

/**
 * Records the module's prerequisites as completed on the case (booking enforces them), as if the SME had
 * done them earlier; tests about something else book modules that build on others.
 */
export async function completePrerequisites(api: TestApi, caseId: string, moduleCode: string): Promise<void> {
  await api.dataSource.query(
    `INSERT INTO training_booking (case_id, module_id, status, on_behalf, due_at, completed_at)
     SELECT $1, p.id, 'completed', false, now(), now()
       FROM training_module m JOIN training_module p ON p.code = ANY(m.prerequisites)
      WHERE m.code = $2`,
    [caseId, moduleCode],
  );
}

export async function count(api: TestApi, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = (await api.dataSource.query(`SELECT count(*)::int AS n FROM (${sql}) q`, params)) as {
    n: number;
  }[];
  return row.n;
}

/** An adviser's accepted training recommendation on a case, through the readiness service. */
export async function recommend(
  api: TestApi,
  caseId: string,
  moduleCode: string,
  adviserId: string,
): Promise<string> {
  const service = api.app.get(RecommendationsService);
  const saved = await api.dataSource.transaction((m) =>
    service.add(
      m,
      caseId,
      { kind: 'training', code: moduleCode, note: 'Agreed at the first meeting' },
      { actorId: adviserId },
    ),
  );
  return saved.id;
}
