import type { Json } from '../../support/http';
import type { TestApi } from '../../support/test-api';

export { completeAnswers, uniqueRegistration } from '../../factories/enrolment-answers';

/** JSON API calls with a bearer token. */
export function apiClient(api: TestApi, token: string) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${api.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: Json = {};
    try {
      json = text ? (JSON.parse(text) as Json) : {};
    } catch {
      json = { raw: text };
    }
    return { status: res.status, headers: res.headers, body: json };
  };
  return {
    token,
    call,
    create: (answers: unknown, headers?: Record<string, string>) =>
      call('POST', '/api/v1/enrolments', answers, headers),
    patch: (id: string, answers: unknown, headers?: Record<string, string>) =>
      call('PATCH', `/api/v1/enrolments/${id}`, answers, headers),
    submit: (id: string, body?: unknown, headers?: Record<string, string>) =>
      call('POST', `/api/v1/enrolments/${id}/submit`, body, headers),
    get: (id: string) => call('GET', `/api/v1/enrolments/${id}`),
    appeal: (id: string, reason: unknown) => call('POST', `/api/v1/enrolments/${id}/appeal`, { reason }),
  };
}

/** Row counts of every table a rejected request must not touch. */
export async function rowCounts(api: TestApi): Promise<Record<string, number>> {
  const tables = [
    'enrolments',
    'companies',
    'eligibility_results',
    'duplicate_flags',
    'cases',
    'idempotency_keys',
    'outbox_event',
    'audit_event',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [{ n }] = (await api.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as {
      n: number;
    }[];
    counts[table] = n;
  }
  return counts;
}
