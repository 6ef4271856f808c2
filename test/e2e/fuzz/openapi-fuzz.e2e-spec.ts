import fc from 'fast-check';
import { DEMO_PASSWORD, DEMO_SEEDS, runDemoSeed } from '../../../apps/cli/src/seeds';
import { tokenFor } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import { roleFor, targetFor, type Target } from './support/fixtures';
import { operations, type Document, type Operation } from './support/openapi';
import { RawHttp, type RawResponse } from './support/raw-http';
import { malformedRequests, singleFieldFaults, type Request } from './support/variants';

/**
 * Property: for every operation of the served OpenAPI document, malformed requests built from the
 * document (wrong types, nulls, missing and extra fields, deep nesting, NUL and lone surrogates, huge
 * numbers and strings, lying or unknown Content-Encoding, wrong Content-Type, broken JSON, bad path
 * parameters) never get a 5xx; every error is problem+json; a request the document says is wrong gets a
 * 4xx; and nothing is written — every table has as many rows after an operation's batch as before.
 * Besides the random variants, every write gets each single-field fault of its body on its own (a null,
 * a missing or mistyped field, an inherited key), the same on every run.
 *
 * The caller may use the route (from the document's x-roles) and the path names real demo records, so
 * each variant is wrong only where it was made wrong. FUZZ_RUNS (default 100) and FUZZ_SEED reproduce a run;
 * each run draws a new seed, so runs add up to more cases than any one (FUZZ_RUNS=1000 for a deep run).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

/**
 * Reads that succeeded may leave their own trail: a sensitive read's audit row, a session, the KPI
 * report's cached figures. A 4xx leaves nothing, and no write may succeed.
 */
const READ_TRAIL = new Set(['audit_event', 'user_sessions', 'kpi_snapshots']);

describe('OpenAPI-driven fuzzing: no 5xx, problem+json, nothing written', () => {
  let api: TestApi;
  let doc: Document;
  let ops: Operation[];
  const tokens = new Map<string, string>();
  let officerEmail: string;
  let tables: string[];
  const clients: RawHttp[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    const seeded = await runDemoSeed(DEMO_SEEDS);
    if (!seeded.seeded) throw new Error(`demo seed: ${seeded.reason}`);
    officerEmail = seeded.logins.find((l) => l.role === 'officer')!.email;
    doc = (await (await fetch(`${api.url}/api/docs-json`)).json()) as Document;
    ops = operations(doc);
    tables = (
      (await api.dataSource.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY 1`,
      )) as { tablename: string }[]
    ).map((t) => t.tablename);
    // One export of the officer's own, so /reports/exports/{id} names a real record.
    const officer = await token(officerEmail);
    // An export opportunity on the richest case, so /opportunities/{id} names a real record.
    const [richCase] = (await api.dataSource.query(
      `SELECT id FROM cases WHERE assigned_adviser_id IS NOT NULL ORDER BY opened_at, id LIMIT 1`,
    )) as { id: string }[];
    const made = await fetch(`${api.url}/api/v1/cases/${richCase.id}/opportunities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        market: 'DE',
        product: 'fuzz fixture',
        buyerType: 'agent',
        source: 'social_media',
        valueMinor: 100_000,
        currency: 'EUR',
        likelihood: 'medium',
        expectedOn: '2027-06-30',
      }),
    });
    if (made.status !== 201) throw new Error(`fuzz fixture opportunity: ${made.status}`);
    // And an export win on it, so /export-wins/{id} names one too.
    const win = await fetch(`${api.url}/api/v1/cases/${richCase.id}/export-wins`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        customerName: 'Fuzz Fixture GmbH',
        customerCountry: 'DE',
        goodsOrServices: 'goods',
        description: 'fuzz fixture',
        winType: 'new_market',
        currency: 'EUR',
        firstYear: 2027,
        valuesMinor: [100_000, 200_000],
        supportDecisive: true,
      }),
    });
    if (win.status !== 201) throw new Error(`fuzz fixture export win: ${win.status}`);
    await fetch(`${api.url}/api/v1/reports/exports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'csv' }),
    });
  }, 300_000);
  afterAll(async () => {
    for (const client of clients) client.close();
    await api?.close();
  });

  async function token(email: string): Promise<string> {
    if (!tokens.has(email)) tokens.set(email, await tokenFor(api, email, DEMO_PASSWORD));
    return tokens.get(email)!;
  }

  async function rowCounts(): Promise<Record<string, number>> {
    const sql = tables.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM ${t}`).join(' UNION ALL ');
    const rows = (await api.dataSource.query(sql)) as { t: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.t, r.n]));
  }

  /** What is wrong with this answer to this request, if anything. */
  function judge(req: Request, res: RawResponse): string | undefined {
    if (res.status >= 500) return `${res.status}`;
    if (res.status >= 400 && !res.contentType.startsWith('application/problem+json'))
      return `${res.status} as ${res.contentType || 'no content type'}`;
    if (req.definite && (res.status < 400 || res.status >= 500))
      return `${res.status} for a request the document says is wrong`;
    return undefined;
  }

  it('serves a document with operations to fuzz', () => {
    expect(ops.length).toBeGreaterThan(50);
  });

  /** Fuzzes one operation; returns what went wrong (nothing, when all is well). */
  interface Plan {
    op: Operation;
    role: string;
    target: Target;
    /** The token the variants carry. */
    token: string;
  }

  /**
   * Who calls each operation, on which records, with which token: all signed in before any fuzzing, so
   * that no variant's failed sign-in (they count per client) stands between the suite and a token.
   */
  async function plan(op: Operation): Promise<Plan> {
    const role = roleFor(op);
    const target = await targetFor(api.dataSource, op, role, officerEmail);
    // Revoking "the token presented" must not revoke the one every other request uses.
    const own = op.method === 'DELETE' && op.path === '/api/v1/auth/token';
    return {
      op,
      role,
      target,
      token: own ? await tokenFor(api, target.email, DEMO_PASSWORD) : await token(target.email),
    };
  }

  /** Fuzzes one operation; returns what went wrong (nothing, when all is well). */
  async function fuzz({ op, role, target, token: callerToken }: Plan, index: number): Promise<string[]> {
    const client = new RawHttp(new URL(api.url), callerToken);
    clients.push(client);

    const failures = new Map<string, string[]>();
    const statuses: Record<string, number> = {};
    let succeeded = 0;
    const before = await rowCounts();
    const [{ lastAudit }] = (await api.dataSource.query(
      `SELECT coalesce(max(id), 0)::text AS "lastAudit" FROM audit_event`,
    )) as { lastAudit: string }[];
    const check = async (req: Request): Promise<void> => {
      const res = await client.send(req);
      if (res.status < 400) succeeded++;
      const answer = `${res.status} ${/"code":"([^"]+)"/.exec(res.body)?.[1] ?? ''}`.trim();
      statuses[answer] = (statuses[answer] ?? 0) + 1;
      const problem = judge(req, res);
      if (!problem) return;
      // A few examples of each kind of failure, with what was done to the request.
      const examples = failures.get(problem) ?? [];
      if (examples.length < 3)
        examples.push(
          `${req.notes.join('; ').slice(0, 200)}\n        ${req.method} ${req.path.slice(0, 150)} -> ${res.body.slice(0, 200)}`,
        );
      failures.set(problem, examples);
    };
    for (const req of singleFieldFaults(doc, op, target)) await check(req);
    await fc.assert(fc.asyncProperty(malformedRequests(doc, op, target), check), {
      numRuns: RUNS,
      seed: SEED + index,
    });
    const after = await rowCounts();
    if (process.env.FUZZ_VERBOSE) console.log(`${op.id} as ${role}: ${JSON.stringify(statuses)}`);
    const changed = tables.filter(
      (t) => after[t] !== before[t] && !(op.method === 'GET' && succeeded > 0 && READ_TRAIL.has(t)),
    );
    const audited = changed.includes('audit_event')
      ? ((await api.dataSource.query(
          `SELECT action, count(*)::int AS n FROM audit_event WHERE id > $1 GROUP BY action`,
          [lastAudit],
        )) as { action: string; n: number }[])
      : [];
    return [
      ...audited.map((a) => `  audit rows written: ${a.action} x${a.n}`),
      ...[...failures].map(
        ([what, examples]) => `  ${what}, e.g.\n${examples.map((e) => `      ${e}`).join('\n')}`,
      ),
      ...changed.map((t) => `  rows written to ${t}: ${before[t]} -> ${after[t]}`),
    ];
  }

  // The operations are known only once the api serves its document, so one test walks them all and
  // reports every operation that misbehaved.
  it('answers every malformed variant of every operation with a 4xx problem and writes nothing', async () => {
    const plans: Plan[] = [];
    for (const op of ops) plans.push(await plan(op));
    const report: string[] = [];
    for (const [index, p] of plans.entries()) {
      const problems = await fuzz(p, index);
      if (problems.length) report.push(`${p.op.id} as ${p.role}:`, ...problems);
    }
    if (report.length) {
      const text = `FUZZ_SEED=${SEED}, ${RUNS} runs per operation\n${report.join('\n')}`;
      if (process.env.FUZZ_VERBOSE) console.log(text);
      throw new Error(text);
    }
  }, 1_800_000);
});
