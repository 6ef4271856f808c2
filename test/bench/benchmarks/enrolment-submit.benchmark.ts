import { EnrolmentRules, provisionalStage } from '@app/enrolment';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { completeAnswers } from '../../e2e/enrolment/enrolment-fixtures';
import { Benchmark, BenchContext, BenchmarkResult, Measurement, verdict } from '../bench.types';
import { ensureBenchData } from '../support/bench-data';
import { EnrolmentDrafts, nextCompanyName, SubmitDraft } from '../support/enrolment-drafts';
import { runLoad } from '../support/load';
import { peakRssMb, resetPeakRss } from '../support/peak-rss';
import { latencySummary, median, ratioPercent } from '../support/stats';

/** Issue 29, item 5: the api's submits per second as a share of the bare transaction's, in the same run. */
const TARGET_PERCENT = 60;
/**
 * First guesses of each side's rate, to size the warm-up's drafts (a warm-up that runs out of drafts just
 * ends early); measured rounds get drafts for half again the best rate seen so far.
 */
const FIRST_GUESS = { app: 300, ceiling: 600 };
/** How long to wait for the worker to finish the previous round's events before the next round starts. */
const QUIET_LIMIT_MS = 120_000;
/** The api's pool (DATABASE_POOL_SIZE); the ceiling gets as many connections. */
const POOL_SIZE = 10;

interface Round {
  latencies: number[];
  /** Submits that succeeded (2xx / committed). */
  succeeded: number;
  errors: number;
  seconds: number;
  /** Every draft prepared for the round was used before its time was up. */
  exhausted: boolean;
  statuses?: Record<string, number>;
  firstError?: string;
}

/** Values the app wrote for one submission, reused by the ceiling so its rows are the same size. */
interface SubmitTemplate {
  legalName: string;
  contactName: string;
  reasons: unknown;
  payloadKeys: string[];
  notification: { kind: string; subject: string; body_text: string; body_html: string; language: string };
  responseBody: unknown;
  similarityThreshold: string;
}

interface EnrolmentRow {
  id: string;
  user_id: string;
  status: string;
  legal_name: string;
  trading_name: string | null;
  registration_number: string;
  registration_country: string;
  vat_number: string | null;
  region: string;
  nace_code: string;
  nace_section: string;
  employees: number;
  turnover_minor: string;
  balance_sheet_minor: string | null;
  currency: string;
  year_founded: number | null;
  website: string | null;
  social_profiles: unknown;
  exported_last12_months: boolean;
  target_markets: string[] | null;
  help_wanted: string[] | null;
  language: string;
  consent_evaluation_contact: boolean | null;
}

const AUDIT_SQL = `INSERT INTO audit_event (action, entity_type, entity_id, actor_id, before, after, request_id, ip)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;
const OUTBOX_SQL = `INSERT INTO outbox_event (type, aggregate_type, aggregate_id, payload)
  SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::jsonb[])`;
const NEAR_DUPLICATES_SQL = `SELECT id, similarity(legal_name, $2) AS similarity,
         (vat_number IS NOT NULL AND vat_number = $3) AS same_vat
    FROM companies
   WHERE id <> $1 AND merged_into_id IS NULL
     AND ((vat_number IS NOT NULL AND vat_number = $3) OR (region = $4 AND legal_name % $2))
   ORDER BY similarity DESC
   LIMIT 20`;
const EMPTY_BODY_HASH = createHash('sha256').update('{}').digest('hex');

/**
 * The ceiling: one submission as a bare `pg` client would write it — the statements of the app's submit
 * transaction (captured with `log_statement = all`: idempotency lock and lookup, the draft locked, the
 * company looked up, inserted and audited, the near-duplicate search, the open-case check, eligibility,
 * the enrolment update and its audit, the case with its audit, timeline entry and `case.opened` event, the
 * SME's confirmation with its event, the stored idempotent answer) in one transaction, without
 * authentication, rule evaluation, rendering or TypeORM's re-reads.
 */
async function ceilingSubmit(pool: Pool, d: SubmitDraft, t: SubmitTemplate): Promise<string> {
  const client: PoolClient = await pool.connect();
  const key = randomUUID();
  const requestId = randomUUID();
  const audit = (action: string, type: string, id: string, before: unknown, after: unknown) =>
    client.query(AUDIT_SQL, [
      action,
      type,
      id,
      d.userId,
      before === null ? null : JSON.stringify(before),
      JSON.stringify(after),
      requestId,
      '127.0.0.1',
    ]);
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `idempotency:${d.userId}:${key}`,
    ]);
    await client.query('SELECT response_status FROM idempotency_keys WHERE user_id = $1 AND key = $2', [
      d.userId,
      key,
    ]);
    const {
      rows: [e],
    } = await client.query<EnrolmentRow>('SELECT * FROM enrolments WHERE id = $1 FOR UPDATE', [
      d.enrolmentId,
    ]);
    if (e?.status !== 'draft') throw new Error(`enrolment ${d.enrolmentId} is not a draft`);
    await client.query(
      'SELECT id FROM companies WHERE registration_number = $1 AND registration_country = $2 LIMIT 1 FOR UPDATE',
      [e.registration_number, e.registration_country],
    );
    const companyValues = [
      e.legal_name,
      e.trading_name,
      e.registration_number,
      e.registration_country,
      e.vat_number,
      e.region,
      e.nace_code,
      e.nace_section,
      e.employees,
      e.turnover_minor,
      e.balance_sheet_minor,
      e.currency,
      e.year_founded,
      e.website,
      JSON.stringify(e.social_profiles ?? []),
      e.user_id,
    ];
    const {
      rows: [company],
    } = await client.query<{ id: string; created_at: Date }>(
      `INSERT INTO companies (legal_name, trading_name, registration_number, registration_country, vat_number,
                              region, nace_code, nace_section, employees, turnover_minor, balance_sheet_minor,
                              currency, year_founded, website, social_profiles, primary_contact_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       RETURNING id, created_at`,
      companyValues,
    );
    await audit('company.created', 'company', company.id, null, {
      id: company.id,
      legalName: e.legal_name,
      tradingName: e.trading_name,
      registrationNumber: e.registration_number,
      registrationCountry: e.registration_country,
      vatNumber: e.vat_number,
      region: e.region,
      naceCode: e.nace_code,
      naceSection: e.nace_section,
      employees: e.employees,
      turnoverMinor: Number(e.turnover_minor),
      balanceSheetMinor: e.balance_sheet_minor === null ? null : Number(e.balance_sheet_minor),
      currency: e.currency,
      yearFounded: e.year_founded,
      website: e.website,
      socialProfiles: e.social_profiles,
      primaryContactId: e.user_id,
      mergedIntoId: null,
      createdAt: company.created_at,
      updatedAt: company.created_at,
    });
    // The SME who submits becomes the company's contact, its primary one (CompanyContacts.linkUser → add).
    const {
      rows: [user],
    } = await client.query<{ name: string; email: string }>('SELECT name, email FROM users WHERE id = $1', [
      e.user_id,
    ]);
    await client.query(
      `SELECT id FROM company_contacts
        WHERE company_id = $1 AND archived_at IS NULL AND (user_id = $2 OR lower(email) = lower($3))`,
      [company.id, e.user_id, user.email],
    );
    await client.query(
      'SELECT id FROM company_contacts WHERE company_id = $1 AND is_primary AND archived_at IS NULL FOR UPDATE',
      [company.id],
    );
    const contact = {
      companyId: company.id,
      name: user.name.trim(),
      jobRole: null,
      email: user.email.trim().toLowerCase(),
      phone: null,
      preferredLanguage: e.language === 'es' || e.language === 'de' ? e.language : 'en',
      isPrimary: true,
      consentToContact: e.consent_evaluation_contact === true,
    };
    const {
      rows: [contactRow],
    } = await client.query<{ id: string }>(
      `INSERT INTO company_contacts (company_id, user_id, name, email, preferred_language, is_primary,
                                     consent_to_contact, version)
       VALUES ($1, $2, $3, $4, $5, true, $6, 1) RETURNING id`,
      [
        company.id,
        e.user_id,
        contact.name,
        contact.email,
        contact.preferredLanguage,
        contact.consentToContact,
      ],
    );
    await audit('company_contact.added', 'company_contact', contactRow.id, null, {
      ...contact,
      id: contactRow.id,
      archivedAt: null,
    });
    await client.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [
      t.similarityThreshold,
    ]);
    const { rows: matches } = await client.query<{ id: string; similarity: number; same_vat: boolean }>(
      NEAR_DUPLICATES_SQL,
      [company.id, e.legal_name, e.vat_number, e.region],
    );
    // A flag for the officer per match, with its audit row, as CompanyRegistry.flagNearDuplicates writes them.
    for (const match of matches) {
      const reason = match.same_vat ? 'same_vat' : 'similar_name';
      const {
        rows: [flag],
      } = await client.query<{ id: string }>(
        `INSERT INTO duplicate_flags (company_id, enrolment_id, match_company_id, reason, similarity, status)
         VALUES ($1, $2, $3, $4, $5, 'open') RETURNING id`,
        [company.id, e.id, match.id, reason, match.similarity],
      );
      await audit('duplicate_flag.raised', 'duplicate_flag', flag.id, null, {
        companyId: company.id,
        matchCompanyId: match.id,
        reason,
        similarity: Number(match.similarity),
      });
    }
    await client.query(
      `SELECT EXISTS (SELECT 1 FROM cases WHERE company_id = $1 AND status <> 'closed') AS open_case`,
      [company.id],
    );
    await client.query(
      `INSERT INTO eligibility_results (enrolment_id, eligible, reasons) VALUES ($1, true, $2)`,
      [e.id, JSON.stringify(t.reasons)],
    );
    await client.query(
      `UPDATE enrolments SET company_id = $1, status = 'eligible', submitted_at = now(), version = version + 1,
                             updated_at = now()
        WHERE id = $2`,
      [company.id, e.id],
    );
    await audit(
      'enrolment.submitted',
      'enrolment',
      e.id,
      {
        status: 'draft',
        version: 1,
        eligible: null,
        companyId: null,
        submittedAt: null,
        duplicateFlags: null,
      },
      {
        status: 'eligible',
        version: 2,
        eligible: true,
        companyId: company.id,
        submittedAt: new Date(),
        duplicateFlags: matches.length,
      },
    );
    const stage = provisionalStage({ exportedLast12Months: e.exported_last12_months === true });
    const {
      rows: [kase],
    } = await client.query<{ id: string }>(
      `INSERT INTO cases (company_id, enrolment_id, stage, status, region, sector, version)
       VALUES ($1, $2, $3, 'awaiting_assignment', $4, $5, 1) RETURNING id`,
      [company.id, e.id, stage, e.region, e.nace_code],
    );
    await audit('case.opened', 'case', kase.id, null, {
      stage,
      status: 'awaiting_assignment',
      companyId: company.id,
      enrolmentId: e.id,
    });
    await client.query(
      `INSERT INTO case_timeline_events (case_id, kind, occurred_at, actor_id, data, ref_type, ref_id)
       VALUES ($1, 'case.opened', now(), $2, $3, 'enrolment', $4)`,
      [kase.id, d.userId, JSON.stringify({ stage, region: e.region, sector: e.nace_code }), e.id],
    );
    const payload = caseOpenedPayload(kase.id, company.id, e, stage);
    await client.query(OUTBOX_SQL, [['case.opened'], ['case'], [kase.id], [JSON.stringify(payload)]]);
    const name = t.contactName.replaceAll(t.legalName, d.legalName);
    const text = (s: string) => s.replaceAll(t.contactName, name).replaceAll(t.legalName, d.legalName);
    const {
      rows: [notification],
    } = await client.query<{ id: string }>(
      `INSERT INTO notification (idempotency_key, follow_up_id, follow_up_step, case_id, kind, recipient_user_id,
                                 recipient_email, recipient_name, language, subject, body_text, body_html)
       VALUES ($1, NULL, NULL, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,
      [
        `case-opened:${kase.id}`,
        kase.id,
        t.notification.kind,
        d.userId,
        d.email,
        name,
        t.notification.language,
        text(t.notification.subject),
        text(t.notification.body_text),
        text(t.notification.body_html),
      ],
    );
    await client.query(OUTBOX_SQL, [
      ['notification.created'],
      ['notification'],
      [notification.id],
      [JSON.stringify({ notificationId: notification.id })],
    ]);
    await client.query(
      `INSERT INTO idempotency_keys (user_id, key, operation, request_hash, response_status, response_body)
       VALUES ($1, $2, $3, $4, 200, $5)`,
      [
        d.userId,
        key,
        `POST /api/v1/enrolments/${e.id}/submit`,
        EMPTY_BODY_HASH,
        JSON.stringify(t.responseBody),
      ],
    );
    await client.query('COMMIT');
    return kase.id;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The `case.opened` event as EnrolmentService writes it (the keys are checked against the app's). */
function caseOpenedPayload(caseId: string, companyId: string, e: EnrolmentRow, stage: string): object {
  return {
    caseId,
    companyId,
    companyName: e.legal_name,
    enrolmentId: e.id,
    smeUserId: e.user_id,
    stage,
    region: e.region,
    sector: e.nace_code,
    naceSection: e.nace_section,
    targetMarkets: e.target_markets ?? [],
    helpWanted: e.help_wanted ?? [],
    language: 'en',
  };
}

/** The ceiling's round: `connections` loops taking the next draft until time (or drafts) run out. */
async function ceilingRound(
  pool: Pool,
  drafts: SubmitDraft[],
  template: SubmitTemplate,
  connections: number,
  seconds: number,
): Promise<Round> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline && next < drafts.length) {
        const draft = drafts[next++];
        const t0 = performance.now();
        try {
          await ceilingSubmit(pool, draft, template);
          latencies.push(Math.round((performance.now() - t0) * 100) / 100);
        } catch (error) {
          errors++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  return {
    latencies,
    succeeded: latencies.length,
    errors,
    seconds: (performance.now() - started) / 1000,
    exhausted: next >= drafts.length,
    firstError,
  };
}

/** The app's round: autocannon sends each draft's submit once, with the draft owner's token. */
async function appRound(context: BenchContext, drafts: SubmitDraft[], seconds: number): Promise<Round> {
  const result = await runLoad(
    {
      kind: 'http',
      url: context.app.api.url,
      connections: context.settings.connections,
      durationSeconds: seconds,
      requests: drafts.map((d) => ({
        method: 'POST',
        path: `/api/v1/enrolments/${d.enrolmentId}/submit`,
        headers: {
          authorization: `Bearer ${d.token}`,
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
        body: '{}',
      })),
    },
    context.app.root,
  );
  return {
    latencies: result.latencies,
    succeeded: result.completed - (result.non2xx ?? 0),
    errors: result.errors,
    seconds: result.seconds,
    exhausted: result.exhausted === true,
    statuses: result.statuses,
  };
}

/**
 * Rows the transaction that last wrote the enrolment's row wrote or updated, per table (rows whose xmin is
 * that transaction). Comparing the app's submission with the ceiling's proves they write the same rows.
 */
async function writtenWith(db: Pool, enrolmentId: string): Promise<Record<string, number>> {
  const {
    rows: [{ xid }],
  } = await db.query<{ xid: string }>('SELECT xmin::text AS xid FROM enrolments WHERE id = $1', [
    enrolmentId,
  ]);
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT relname AS name FROM pg_stat_user_tables WHERE schemaname = current_schema() ORDER BY relname`,
  );
  const { rows } = await db.query<{ name: string; n: number }>(
    tables
      .map((t) => `SELECT '${t.name}' AS name, count(*)::int AS n FROM "${t.name}" WHERE xmin = $1::xid`)
      .join(' UNION ALL '),
    [xid],
  );
  // Sorted by table, so two submissions compare equal whatever order the UNION answered in.
  return Object.fromEntries(
    rows
      .filter((r) => r.n > 0)
      .sort((x, y) => x.name.localeCompare(y.name))
      .map((r) => [r.name, r.n]),
  );
}

/** Rows written less the near-duplicate flags and their audit rows (as many as the name has matches). */
function withoutFlags(written: Record<string, number>): Record<string, number> {
  const { duplicate_flags: flags = 0, ...rest } = written;
  if (flags && rest.audit_event !== undefined) rest.audit_event -= flags;
  return rest;
}

/**
 * The near-duplicate search alone (the statement EnrolmentService runs, for made-up new names), one at a
 * time: median ms. It is most of a submit's database time once there are many companies.
 */
async function nearDuplicateSearchMs(db: Pool, threshold: string): Promise<number | undefined> {
  const client = await db.connect();
  const times: number[] = [];
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [threshold]);
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      await client.query(NEAR_DUPLICATES_SQL, [randomUUID(), nextCompanyName(), null, 'north-west']);
      times.push(performance.now() - t0);
    }
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
  return median(times);
}

/** Waits until the worker has handled every outbox event and sent every email; the seconds it took. */
async function waitForQuiet(db: Pool): Promise<{ seconds: number; pending: number }> {
  const t0 = performance.now();
  for (;;) {
    const {
      rows: [{ n }],
    } = await db.query<{ n: number }>(
      `SELECT ((SELECT count(*) FROM outbox_event WHERE processed_at IS NULL)
             + (SELECT count(*) FROM notification WHERE status IN ('created', 'sending')))::int AS n`,
    );
    const seconds = (performance.now() - t0) / 1000;
    if (n === 0 || seconds * 1000 > QUIET_LIMIT_MS) return { seconds, pending: n };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function companyCount(db: Pool): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM companies');
  return rows[0].n;
}

async function json<T>(res: Response, expected: number, what: string): Promise<T> {
  const text = await res.text();
  if (res.status !== expected) throw new Error(`${what} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/**
 * An SME signed up, signed in and with a complete draft, all through the API: the draft every bulk draft
 * copies. Then one copy is submitted through the API and one by the ceiling, with the worker paused so
 * nothing else writes meanwhile, and the rows each wrote are compared.
 */
async function prepare(
  context: BenchContext,
  db: Pool,
): Promise<{ drafts: EnrolmentDrafts; template: SubmitTemplate; written: Record<string, number> }> {
  const url = context.app.api.url;
  const email = `submit-template-${Date.now().toString(36)}@bench.example`;
  const password = `Bench-${randomBytes(12).toString('base64url')}`;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  await json(
    await post('/api/v1/auth/register', { email, password, name: 'Template Contact' }),
    202,
    'registration',
  );
  // The account is created from the link in the confirmation email (a notification row until the worker sends it).
  const { rows } = await db.query<{ body_text: string }>(
    `SELECT body_text FROM notification WHERE kind = 'account.confirm-email' AND recipient_email = $1`,
    [email],
  );
  const confirmation = /\/register\/confirm\?token=([A-Za-z0-9_-]+)/.exec(rows[0]?.body_text ?? '')?.[1];
  const { user } = await json<{ user: { id: string } }>(
    await post('/api/v1/auth/register/confirm', { token: confirmation }),
    201,
    'registration confirmed',
  );
  const { token } = await json<{ token: string }>(
    await post('/api/v1/auth/token', { email, password }),
    201,
    'sign-in',
  );
  const draft = await json<{ id: string; status: string }>(
    await post('/api/v1/enrolments', completeAnswers(), { authorization: `Bearer ${token}` }),
    201,
    'draft creation',
  );
  const drafts = new EnrolmentDrafts(db, draft.id, user.id);
  const [forApp, forCeiling] = await drafts.make(2);

  const worker = context.app.worker.pid;
  process.kill(worker, 'SIGSTOP');
  try {
    const submitted = await json<{ status: string; case?: { id: string } }>(
      await post(
        `/api/v1/enrolments/${forApp.enrolmentId}/submit`,
        {},
        { authorization: `Bearer ${forApp.token}`, 'idempotency-key': randomUUID() },
      ),
      200,
      'submit of a bulk-made draft',
    );
    if (submitted.status !== 'eligible' || !submitted.case)
      throw new Error(`a bulk-made draft was submitted as ${submitted.status}, without a case`);
    const {
      rows: [row],
    } = await db.query<{
      reasons: unknown;
      payload: Record<string, unknown>;
      notification: SubmitTemplate['notification'];
      response_body: unknown;
      contact: string;
    }>(
      `SELECT (SELECT reasons FROM eligibility_results WHERE enrolment_id = $1) AS reasons,
              (SELECT payload FROM outbox_event WHERE type = 'case.opened' AND aggregate_id = $2) AS payload,
              (SELECT jsonb_build_object('kind', kind, 'subject', subject, 'body_text', body_text,
                                         'body_html', body_html, 'language', language)
                 FROM notification WHERE case_id = $2::uuid) AS notification,
              (SELECT response_body FROM idempotency_keys WHERE user_id = $3) AS response_body,
              (SELECT name FROM users WHERE id = $3) AS contact`,
      [forApp.enrolmentId, submitted.case.id, forApp.userId],
    );
    const template: SubmitTemplate = {
      legalName: forApp.legalName,
      contactName: row.contact,
      reasons: row.reasons,
      payloadKeys: Object.keys(row.payload).sort(),
      notification: row.notification,
      responseBody: row.response_body,
      similarityThreshold: String(EnrolmentRules.load().settings.nameSimilarityThreshold),
    };
    const ceilingCase = await ceilingSubmit(db, forCeiling, template);
    const ceilingPayload = await db.query<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM outbox_event WHERE type = 'case.opened' AND aggregate_id = $1`,
      [ceilingCase],
    );
    const keys = Object.keys(ceilingPayload.rows[0].payload).sort();
    if (keys.join() !== template.payloadKeys.join())
      throw new Error(`case.opened payload: app ${template.payloadKeys.join()}, ceiling ${keys.join()}`);
    // Two names meet different numbers of near-duplicates: compare what is written besides the flags.
    const app = withoutFlags(await writtenWith(db, forApp.enrolmentId));
    const ceiling = withoutFlags(await writtenWith(db, forCeiling.enrolmentId));
    if (JSON.stringify(app) !== JSON.stringify(ceiling))
      throw new Error(
        `the ceiling does not write what the app writes: app ${JSON.stringify(app)}, ceiling ${JSON.stringify(ceiling)}`,
      );
    return { drafts, template, written: app };
  } finally {
    process.kill(worker, 'SIGCONT');
  }
}

export const enrolmentSubmitBenchmark: Benchmark = {
  name: 'enrolment-submit',
  title: 'Enrolment submit (validation + insert + outbox + audit) vs the same inserts from bare pg',
  targets: [
    `enrolment submit ≥ ${TARGET_PERCENT} % of the bare transaction`,
    'enrolment submit with zero errors',
  ],
  unavailableReason: async () => undefined,
  async run(context: BenchContext): Promise<BenchmarkResult> {
    const { settings, app, databaseUrl, log } = context;
    // Submits search the companies for near duplicates: on the seeded 100k, as in production.
    await ensureBenchData(context);
    const db = new Pool({ connectionString: databaseUrl, max: POOL_SIZE });
    const notes: string[] = [];
    try {
      const { drafts, template, written } = await prepare(context, db);
      const perSubmit = Object.entries(written)
        .map(([table, n]) => `${table} ${n}`)
        .join(', ');
      log(`  one submit writes: ${perSubmit} (app and ceiling alike)`);
      // Drafts per round: half as many again as the best rate so far could use (each can be submitted once).
      const best = { app: 0, ceiling: 0 };
      const size = (side: 'app' | 'ceiling', seconds: number) =>
        Math.max(settings.connections * 4, Math.ceil((best[side] || FIRST_GUESS[side]) * seconds * 1.5));
      const rounds: Record<'app' | 'ceiling', Round[]> = { app: [], ceiling: [] };
      let rss = 0;
      const quietWaits: number[] = [];
      const run = async (side: 'app' | 'ceiling', seconds: number, label: string): Promise<Round> => {
        const batch = await drafts.make(size(side, seconds));
        const quiet = await waitForQuiet(db);
        quietWaits.push(quiet.seconds);
        if (quiet.pending > 0)
          notes.push(
            `${label}: started with ${quiet.pending} events/emails still pending from earlier rounds`,
          );
        let round: Round;
        if (side === 'app') {
          resetPeakRss(app.api.pid);
          round = await appRound(context, batch, seconds);
          rss = Math.max(rss, peakRssMb(app.api.pid) ?? 0);
        } else {
          round = await ceilingRound(db, batch, template, settings.connections, seconds);
        }
        const rate = round.succeeded / round.seconds;
        best[side] = Math.max(best[side], rate);
        log(
          `  ${label} ${side}: ${Math.round(rate)} submits/s, ${round.errors} errors` +
            `${round.exhausted ? `, all ${batch.length} drafts used in ${round.seconds.toFixed(1)} s` : ''}` +
            `${round.firstError ? ` (${round.firstError})` : ''}`,
        );
        return round;
      };
      await run('app', settings.warmupSeconds, 'warm-up');
      await run('ceiling', settings.warmupSeconds, 'warm-up');
      for (let round = 1; round <= settings.rounds; round++) {
        for (const side of ['app', 'ceiling'] as const) {
          const result = await run(side, settings.durationSeconds, `round ${round}/${settings.rounds}`);
          rounds[side].push(result);
          if (result.exhausted)
            notes.push(
              `round ${round} ${side}: its drafts ran out after ${result.seconds.toFixed(1)} s (rate from that time)`,
            );
        }
      }

      const measurement = (side: 'app' | 'ceiling', subject: string, unit: string): Measurement => {
        const list = rounds[side];
        const latencies = list.flatMap((r) => r.latencies);
        return {
          subject,
          ...latencySummary(latencies),
          throughput: { value: Math.round(median(list.map((r) => r.succeeded / r.seconds)) ?? 0), unit },
          errors: list.reduce((sum, r) => sum + r.errors, 0),
          samples: latencies.length,
        };
      };
      const api: Measurement = {
        ...measurement('app', 'app: POST /api/v1/enrolments/:id/submit (bearer, Idempotency-Key)', 'req/s'),
        peakRssMb: rss || undefined,
      };
      const ceiling = measurement(
        'ceiling',
        `ceiling: the submit transaction from bare pg (pool of ${POOL_SIZE})`,
        'tx/s',
      );
      const statuses = new Map<string, number>();
      for (const r of rounds.app)
        for (const [status, n] of Object.entries(r.statuses ?? {}))
          if (!status.startsWith('2')) statuses.set(status, (statuses.get(status) ?? 0) + n);
      if (statuses.size > 0)
        notes.push(`app errors by status: ${[...statuses].map(([s, n]) => `${s} × ${n}`).join(', ')}`);
      const searchMs = await nearDuplicateSearchMs(db, template.similarityThreshold);
      if (searchMs !== undefined)
        notes.push(
          `The near-duplicate name search alone takes ${searchMs.toFixed(1)} ms (median of 30, one at a time, ` +
            `${await companyCount(db)} companies): most of a submit's database time.`,
        );
      const ceilingError = rounds.ceiling.find((r) => r.firstError)?.firstError;
      if (ceilingError) notes.push(`first ceiling error: ${ceilingError}`);
      notes.push(
        `Each submit writes ${perSubmit} rows (checked for one app and one ceiling submit against each other). ` +
          `The worker handles the events as they come (assignment, confirmation emails); before each round the ` +
          `harness waited for it to finish the previous round's (median ${(median(quietWaits) ?? 0).toFixed(1)} s).`,
      );
      const rate = api.throughput?.value ?? 0;
      const errors = api.errors ?? 0;
      const percent = ratioPercent(rate, ceiling.throughput?.value ?? 0);
      return {
        name: this.name,
        title: this.title,
        status: 'measured',
        method:
          `${settings.cases} seeded cases; a fresh SME account with a complete draft (copies of one made through ` +
          `the API) per request; autocannon with ${settings.connections} connections, ${settings.rounds} rounds × ` +
          `${settings.durationSeconds} s after a ${settings.warmupSeconds} s warm-up, app and ceiling rounds taking ` +
          `turns; ceiling: the statements of the app's submit transaction (captured with log_statement) in one ` +
          `transaction per submit, ${settings.connections} concurrent loops on a pool of ${POOL_SIZE}, without ` +
          `authentication, rule evaluation or the ORM's re-reads`,
        app: [api],
        ceiling: [ceiling],
        ratio: {
          label: 'api submits/s ÷ bare pg submit transactions/s',
          percent,
        },
        targets: [
          {
            target: `enrolment submit ≥ ${TARGET_PERCENT} % of the bare transaction (issue 29)`,
            actual: `${percent} % (${rate} of ${ceiling.throughput?.value ?? 0} per second)`,
            verdict: verdict(percent >= TARGET_PERCENT),
          },
          {
            target: 'enrolment submit with zero errors',
            actual: `${errors} errors in ${api.samples} answered requests`,
            verdict: verdict(errors === 0 && api.samples > 0),
          },
        ],
        notes,
      };
    } finally {
      await db.end();
    }
  },
};
