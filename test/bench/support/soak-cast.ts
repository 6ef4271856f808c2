import type { Pool } from 'pg';
import { benchToken } from './bench-token';
import { BenchWebSession } from './bench-web-session';
import type { SoakRecorder } from './soak-recorder';

/** Who takes part in the soak. SMEs are of two kinds: companies still enrolling, and enrolled ones. */
export const CAST_SIZE = { advisers: 100, enrollingSmes: 10, assessingSmes: 10, officers: 5 };

export interface Adviser {
  email: string;
  web: BenchWebSession;
  token: string;
  /** One of the adviser's active cases: the case page they keep open and log interactions on. */
  caseId: string;
}

export interface EnrollingSme {
  web: BenchWebSession;
  token: string;
  enrolmentId: string;
}

export interface AssessingSme {
  token: string;
  caseId: string;
}

export interface Officer {
  web: BenchWebSession;
  token: string;
}

export interface Cast {
  advisers: Adviser[];
  enrollingSmes: EnrollingSme[];
  assessingSmes: AssessingSme[];
  officers: Officer[];
}

/** Runs `work` over `items`, `width` at a time (sign-ins hash passwords: all at once would only queue). */
async function inBatches<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += width)
    results.push(...(await Promise.all(items.slice(i, i + width).map(work))));
  return results;
}

/**
 * Signs everyone in (web session through the sign-in page, and a bearer token) on the seeded data set:
 * the first 100 advisers with one of their active cases each, 10 new SME accounts that each start a draft
 * enrolment on the web, 10 enrolled SMEs with an active case, and the 5 officers.
 */
export async function assembleCast(
  apiUrl: string,
  db: Pool,
  recorder: SoakRecorder,
  runTag: string,
): Promise<Cast> {
  const signedIn = async (email: string) => {
    const web = new BenchWebSession(apiUrl, recorder);
    await web.signIn(email);
    return { web, token: await benchToken(apiUrl, email) };
  };

  const adviserRows = (
    await db.query<{ email: string; case_id: string }>(
      `SELECT DISTINCT ON (u.email) u.email, c.id AS case_id
         FROM users u JOIN cases c ON c.assigned_adviser_id = u.id AND c.status = 'active'
        WHERE u.role = 'adviser' AND u.email LIKE 'adviser-%@bench.example'
        ORDER BY u.email, c.id LIMIT $1`,
      [CAST_SIZE.advisers],
    )
  ).rows;
  const advisers = await inBatches(adviserRows, 4, async (row) => ({
    email: row.email,
    caseId: row.case_id,
    ...(await signedIn(row.email)),
  }));

  // New accounts (with the seeded password's hash, so they sign in like anyone), each with a web draft.
  const { rows: newSmes } = await db.query<{ email: string }>(
    `INSERT INTO users (id, email, name, role, password_hash)
     SELECT gen_random_uuid(), 'soak-' || $1 || '-' || g || '@bench.example', 'Soak SME ' || g, 'sme', t.password_hash
       FROM generate_series(1, $2::int) g, users t WHERE t.email = 'sme-1@bench.example'
     RETURNING email`,
    [runTag, CAST_SIZE.enrollingSmes],
  );
  const enrollingSmes = await inBatches(newSmes, 4, async ({ email }) => {
    const sme = await signedIn(email);
    const csrf = await sme.web.csrfFrom('setup', '/enrol');
    const started = await sme.web.post('setup', '/enrol', { _csrf: csrf });
    const enrolmentId = /^\/enrol\/([0-9a-f-]{36})\//.exec(started?.headers.get('location') ?? '')?.[1];
    if (!enrolmentId) throw new Error(`starting a draft as ${email} answered ${started?.status}`);
    return { ...sme, enrolmentId };
  });

  const smeRows = (
    await db.query<{ email: string; case_id: string }>(
      `SELECT u.email, c.id AS case_id
         FROM cases c JOIN enrolments e ON e.id = c.enrolment_id JOIN users u ON u.id = e.user_id
        WHERE c.status = 'active' ORDER BY u.email LIMIT $1`,
      [CAST_SIZE.assessingSmes],
    )
  ).rows;
  const assessingSmes = await inBatches(smeRows, 4, async (row) => ({
    caseId: row.case_id,
    token: await benchToken(apiUrl, row.email),
  }));

  const officerEmails = Array.from(
    { length: CAST_SIZE.officers },
    (_, i) => `officer-${i + 1}@bench.example`,
  );
  // Earlier runs' exports would count against the hourly limit (config/reporting.yaml exportsPerHour).
  await db.query(
    `DELETE FROM report_exports WHERE requested_by IN (SELECT id FROM users WHERE email = ANY($1))`,
    [officerEmails],
  );
  const officers = await inBatches(officerEmails, 4, signedIn);
  return { advisers, enrollingSmes, assessingSmes, officers };
}

/**
 * Reminders falling due while the soak runs, written as FollowUpService writes them (a follow_up row and
 * its `follow-up.scheduled` outbox event), so the worker queues each as a delayed job and emails the
 * adviser when it fires. They go on cases the soak's advisers do not touch: an interaction would meet a
 * dormant-case reminder's condition and close it unsent. Returns how many were scheduled.
 */
export async function scheduleReminders(db: Pool, runTag: string, dueTimes: Date[]): Promise<number> {
  const { rows: cases } = await db.query<{
    case_id: string;
    adviser_id: string;
    email: string;
    name: string;
  }>(
    `SELECT c.id AS case_id, u.id AS adviser_id, u.email, u.name
       FROM cases c JOIN users u ON u.id = c.assigned_adviser_id
      WHERE c.status = 'active' AND u.email > $1 ORDER BY c.id LIMIT $2`,
    [`adviser-${String(CAST_SIZE.advisers).padStart(4, '0')}@bench.example`, dueTimes.length],
  );
  if (cases.length < dueTimes.length)
    throw new Error(`only ${cases.length} cases for ${dueTimes.length} reminders`);
  const { rowCount } = await db.query(
    `WITH input AS (
       SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[])
                WITH ORDINALITY AS i(case_id, adviser_id, email, name, due_at, n)),
     created AS (
       INSERT INTO follow_up (case_id, kind, rule_code, subject_key, source_key, assignee_id, recipients, context,
                              anchor_at, deadline_at, plan, step, due_at, status)
       SELECT case_id, 'dormant-case', 'dormant-case', 'soak-' || $1 || '-' || n, 'soak:' || $1 || ':' || n,
              adviser_id,
              jsonb_build_object('assignee', jsonb_build_object('userId', adviser_id, 'email', email, 'name', name,
                                                                'language', 'en')),
              '{}'::jsonb, due_at - interval '60 days', due_at,
              jsonb_build_array(jsonb_build_object('at', due_at, 'action', 'remind', 'notify', 'assignee')),
              0, due_at, 'scheduled'
         FROM input
       RETURNING id, due_at)
     INSERT INTO outbox_event (type, aggregate_type, aggregate_id, payload)
     SELECT 'follow-up.scheduled', 'follow_up', id::text,
            jsonb_build_object('followUpId', id, 'step', 0, 'dueAt', due_at)
       FROM created`,
    [
      runTag,
      cases.map((c) => c.case_id),
      cases.map((c) => c.adviser_id),
      cases.map((c) => c.email),
      cases.map((c) => c.name),
      dueTimes.map((d) => d.toISOString()),
    ],
  );
  return rowCount ?? 0;
}

/** How the soak's reminders stand: how many were emailed, and each one's due → sent delay (ms). */
export async function reminderProgress(
  db: Pool,
  runTag: string,
): Promise<{ sent: number; delaysMs: number[] }> {
  const { rows } = await db.query<{ delay_ms: number | null }>(
    `SELECT extract(epoch FROM n.sent_at - f.due_at)::float8 * 1000 AS delay_ms
       FROM follow_up f LEFT JOIN notification n ON n.follow_up_id = f.id AND n.sent_at IS NOT NULL
      WHERE f.source_key LIKE $1`,
    [`soak:${runTag}:%`],
  );
  const delaysMs = rows.flatMap((r) => (r.delay_ms === null ? [] : [Math.max(0, r.delay_ms)]));
  return { sent: delaysMs.length, delaysMs };
}
