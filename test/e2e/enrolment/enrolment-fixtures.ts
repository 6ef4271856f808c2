import { randomBytes } from 'node:crypto';
import type { Json } from '../../support/http';
import type { TestApi } from '../../support/test-api';

/** A registration number no other test uses (registration numbers are unique per country). */
export function uniqueRegistration(): string {
  return `SC${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** Every answer an eligible submission needs; override blocks per test. */
export function completeAnswers(
  overrides: { company?: Json; exportStatus?: Json; [key: string]: unknown } = {},
): Json {
  const { company, exportStatus, ...rest } = overrides;
  return {
    company: {
      legalName: `Acme Widgets ${randomBytes(3).toString('hex')} Ltd`,
      tradingName: 'Acme',
      registrationNumber: uniqueRegistration(),
      registrationCountry: 'GB',
      vatNumber: null,
      region: 'north-west',
      naceCode: '62.01',
      employees: 12,
      turnoverMinor: 250_000_000,
      currency: 'GBP',
      yearFounded: 2009,
      website: 'https://acme.example',
      socialProfiles: [{ platform: 'linkedin', url: 'https://www.linkedin.com/company/acme' }],
      ...company,
    },
    exportStatus: {
      exportedLast12Months: true,
      exportSharePercent: 15,
      markets: ['FR', 'DE'],
      orderOrigin: 'unsolicited',
      ...exportStatus,
    },
    targetMarkets: ['US', 'JP'],
    barriers: { selected: ['operational', 'social_media'], note: 'Customs paperwork' },
    helpWanted: ['market-research', 'social-media-training'],
    consent: { dataProcessing: true, evaluationContact: false },
    ...rest,
  };
}

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
