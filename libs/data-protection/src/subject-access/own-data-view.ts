/**
 * What an SME's self-service "my data" download (/account/my-data) holds: per table, the rows — and where
 * the API shows fewer, the columns — the SME can already see through the service. Adviser-only records
 * (interaction notes, the case summary and next step, assignment reasons, advisers' draft audits, dropped
 * or superseded recommendations), staff workings (follow-ups, duplicate flags, the audit trail, the outbox,
 * queued jobs) and other people's details are left out: everything held about the person, those
 * included, comes with a subject access request, which an officer reviews and a second person approves.
 *
 * Row conditions use the placeholders of PERSON_DATA_MAP (`:user`, `:email`, `:enrolments`, `:companies`,
 * `:cases`, `:bookings`); columns PERSON_DATA_MAP omits (hashes, session data) are never included.
 */
export interface OwnDataTable {
  rows: string;
  /** The columns shown; all (less PERSON_DATA_MAP's `omit`) when absent. */
  columns?: readonly string[];
}

const CASE_ROWS = 'case_id = ANY(:cases)';

export const OWN_DATA_VIEW: Readonly<Record<string, OwnDataTable>> = {
  // Their account, its sign-in tokens and sessions (never the secrets), and replies stored for retries.
  users: { rows: 'id = :user' },
  user_sessions: { rows: 'user_id = :user' },
  api_tokens: { rows: 'user_id = :user' },
  idempotency_keys: { rows: 'user_id = :user' },
  // Their enrolment, company and its eligibility decision (the enrolment pages).
  enrolments: { rows: 'user_id = :user OR id = ANY(:enrolments)' },
  companies: { rows: 'id = ANY(:companies)' },
  eligibility_results: { rows: 'enrolment_id = ANY(:enrolments)' },
  // The case as the SME's pages show it: stage and status, not who works it or their notes.
  cases: {
    rows: 'id = ANY(:cases)',
    columns: ['id', 'company_id', 'enrolment_id', 'stage', 'status', 'region', 'sector', 'opened_at'],
  },
  // Progress (GET /api/v1/cases/:id/progress): stage history, outcomes, milestones.
  stage_transitions: { rows: CASE_ROWS },
  export_outcomes: { rows: CASE_ROWS },
  case_milestones: { rows: CASE_ROWS },
  // Readiness: their self-assessments and advisers' submitted audits, never an adviser's draft.
  readiness_audits: { rows: `${CASE_ROWS} AND (kind = 'self' OR status = 'submitted')` },
  readiness_recommendations: { rows: `${CASE_ROWS} AND status NOT IN ('superseded', 'dropped')` },
  // Training: their bookings and the feedback they gave.
  training_booking: { rows: CASE_ROWS },
  training_feedback: { rows: 'booking_id = ANY(:bookings)' },
  // Their inbox.
  notification: {
    rows: 'recipient_user_id = :user',
    columns: [
      'id',
      'kind',
      'recipient_email',
      'recipient_name',
      'language',
      'subject',
      'body_text',
      'status',
      'created_at',
      'sent_at',
      'read_at',
    ],
  },
};
