/**
 * Where personal data lives, table by table, and what a subject access request (SAR) and an erasure do
 * with it. The coverage test discovers person-referencing columns from the schema (PERSON_COLUMN_RULES)
 * and fails when a table or column it finds is missing here, so a new table cannot slip past both.
 *
 * Row conditions are SQL over the table's own columns with these placeholders (see `bindScope`):
 *   :user (uuid, may be null)  :email (lower-case text)  :emailLike / :nameLike / :userLike (ILIKE patterns,
 *   null when unusable)  :enrolments :companies :cases :bookings (uuid[])  :ids (text[]: every id above).
 */

/** What erasure does to one person-referencing column. */
export type ColumnTreatment =
  /** An id of a person's row: kept, because the row it points at is pseudonymised (counts survive). */
  | 'reference'
  /** Text in which the person's name and email are replaced with their stable pseudonyms. */
  | 'replace'
  /** Free text that names the person: blanked (NULL when the column allows it, else ''). */
  | 'blank'
  /** jsonb whose string values naming the person have the name/email replaced with pseudonyms. */
  | 'json'
  /** Matched by the discovery rules but holds no personal data (the reason is in `notes`). */
  | 'none';

export interface TableCoverage {
  /** SAR: which rows are about the subject; null = excluded from the SAR (say why in `notes`). */
  rows: string | null;
  /** Person-referencing (and other personal) columns and their erasure treatment. */
  columns: Record<string, ColumnTreatment>;
  /** Erasure deletes the subject's rows (those matched by `rows`) instead of editing them. */
  deleteRows?: boolean;
  /** Columns never put in an archive (secrets, hashes). */
  omit?: string[];
  /**
   * Rows found for a person with no account too (an expert of the network, known by email only): the SAR
   * searches this table whoever the address belongs to. Other tables answer only for an account holder.
   */
  withoutAccount?: boolean;
  notes?: string;
}

const CASE_ROWS = 'case_id = ANY(:cases)';

export const PERSON_DATA_MAP: Record<string, TableCoverage> = {
  users: {
    rows: 'id = :user',
    columns: { email: 'replace', name: 'replace' },
    omit: ['password_hash'],
    notes:
      'The account: name and email become pseudonyms, the password is made unusable, the account deactivated.',
  },
  user_sessions: {
    rows: 'user_id = :user',
    columns: { user_id: 'reference', data: 'json' },
    deleteRows: true,
    omit: ['sid', 'data'],
    notes: 'Sessions are ended (deleted) on erasure.',
  },
  api_tokens: {
    rows: 'user_id = :user',
    columns: { user_id: 'reference' },
    deleteRows: true,
    omit: ['token_hash'],
    notes: 'Tokens are deleted on erasure.',
  },
  pending_registrations: {
    rows: 'email = :email',
    columns: { email: 'replace', name: 'replace' },
    deleteRows: true,
    omit: ['password_hash', 'token_hash'],
    notes:
      'A self-registration waiting for its email address to be confirmed (deleted after 24 hours). Erasure deletes it.',
  },
  idempotency_keys: {
    rows: 'user_id = :user',
    columns: { user_id: 'reference', response_body: 'json' },
    deleteRows: true,
    notes: 'Stored responses may repeat personal data; deleted on erasure.',
  },
  kpi_snapshots: {
    rows: 'filters::text ILIKE :userLike OR rows::text ILIKE :userLike OR rows::text ILIKE :nameLike',
    columns: {},
    deleteRows: true,
    notes:
      'KPI summaries (libs/reporting): advisers are named, with their ids, in the caseload and overdue rows, and an adviser’s own report is keyed by their id. Derived and computed again when next needed, so erasure deletes them.',
  },
  audit_event: {
    rows: 'actor_id = :user OR entity_id = ANY(:ids)',
    columns: { actor_id: 'reference', before: 'json', after: 'json' },
    notes: 'Append-only; erasure may only rewrite personal values inside before/after (see the migration).',
  },
  adviser_profiles: { rows: 'user_id = :user', columns: { user_id: 'reference' } },
  sweep_leases: {
    rows: null,
    columns: { name: 'none' },
    notes: 'The name of a periodic job and the host:pid that last ran it; nothing about a person.',
  },
  report_exports: {
    rows: 'requested_by = :user',
    columns: { requested_by: 'reference', request: 'json' },
    notes:
      'Row-level case exports an officer or adviser ran: the filters and any stated purpose. The files themselves expire after 7 days.',
  },
  webhook_endpoints: {
    rows: 'created_by_id = :user',
    columns: { created_by_id: 'reference' },
    omit: ['secret'],
    notes:
      'Integrators’ endpoints an admin registered (libs/webhooks). Their deliveries carry ids and codes only, never a name or an email, so they hold nothing about a person.',
  },
  enrolments: {
    rows: 'user_id = :user OR id = ANY(:enrolments) OR appeal_decided_by_id = :user',
    columns: {
      user_id: 'reference',
      created_by_id: 'reference',
      appeal_decided_by_id: 'reference',
      legal_name: 'replace',
      trading_name: 'replace',
      website: 'replace',
      social_profiles: 'json',
      barriers_note: 'blank',
      appeal_reason: 'blank',
      consent_evaluation_contact: 'none',
    },
    notes: 'consent_evaluation_contact is a yes/no consent, kept as the record of consent.',
  },
  companies: {
    rows: 'id = ANY(:companies)',
    columns: {
      primary_contact_id: 'reference',
      created_by_id: 'reference',
      legal_name: 'replace',
      trading_name: 'replace',
      website: 'replace',
      social_profiles: 'json',
    },
    notes: 'Business data; a sole trader’s name in the company name is replaced with the pseudonym.',
  },
  company_contacts: {
    rows: 'user_id = :user OR lower(email) = :email OR company_id = ANY(:companies)',
    columns: {
      user_id: 'reference',
      name: 'replace',
      email: 'replace',
      job_role: 'blank',
      phone: 'blank',
      consent_to_contact: 'none',
    },
    notes:
      'The people of a company: the subject’s own contact row, and the contacts of their companies. ' +
      'consent_to_contact is a yes/no consent, kept as the record of consent.',
  },
  cases: {
    rows: 'id = ANY(:cases) OR assigned_adviser_id = :user',
    columns: {
      assigned_adviser_id: 'reference',
      last_contact_on: 'none',
      closed_by_id: 'reference',
      closure_reason: 'none',
      closure_summary: 'blank',
    },
    notes:
      'last_contact_on is the date of the last contact (copied from case_work), not a contact; closure_reason is a fixed code of config/case-closure.yaml; the closing summary is free text.',
  },
  case_assignments: {
    rows: `${CASE_ROWS} OR adviser_id = :user OR assigned_by_id = :user OR ended_by_id = :user`,
    columns: {
      adviser_id: 'reference',
      assigned_by_id: 'reference',
      ended_by_id: 'reference',
      reason: 'blank',
      end_reason: 'blank',
      end_note: 'blank',
    },
  },
  case_milestones: { rows: CASE_ROWS, columns: {}, notes: 'Linked to the subject through their cases.' },
  case_timeline_events: {
    rows: `${CASE_ROWS} OR actor_id = :user`,
    columns: { actor_id: 'reference', data: 'json' },
  },
  case_work: {
    rows: CASE_ROWS,
    columns: { summary: 'blank', next_step: 'blank', first_contact_on: 'none', last_contact_on: 'none' },
    notes: 'first/last_contact_on are dates of contact, not contacts.',
  },
  duplicate_flags: {
    rows: 'company_id = ANY(:companies) OR enrolment_id = ANY(:enrolments) OR resolved_by_id = :user',
    columns: { resolved_by_id: 'reference', reason: 'none' },
    notes: 'reason is a fixed code (same name, same number), not free text.',
  },
  eligibility_results: { rows: 'enrolment_id = ANY(:enrolments)', columns: {} },
  export_outcomes: {
    rows: `${CASE_ROWS} OR recorded_by_id = :user`,
    columns: { recorded_by_id: 'reference', note: 'blank' },
    notes: 'Outcomes and their values survive erasure (KPIs); only a note naming the person is blanked.',
  },
  export_opportunities: {
    rows: `${CASE_ROWS} OR recorded_by_id = :user`,
    columns: { recorded_by_id: 'reference', notes: 'blank', close_reason: 'blank' },
    notes:
      'Opportunities and their values survive erasure (pipeline KPIs); free text naming people is blanked.',
  },
  export_wins: {
    rows: `${CASE_ROWS} OR recorded_by_id = :user OR signed_off_by_id = :user`,
    columns: {
      recorded_by_id: 'reference',
      signed_off_by_id: 'reference',
      notes: 'blank',
      company_comment: 'blank',
      customer_name: 'none',
    },
    notes:
      "Wins and their values survive erasure (KPIs); customer_name is the buyer's business, not a person.",
  },
  follow_up: {
    rows: `${CASE_ROWS} OR assignee_id = :user OR recipients::text ILIKE :emailLike`,
    columns: { assignee_id: 'reference', recipients: 'json', context: 'json', close_reason: 'none' },
    notes: 'close_reason is a fixed code (done, case_closed, …).',
  },
  interactions: {
    rows: `${CASE_ROWS} OR logged_by_id = :user OR notes ILIKE :nameLike OR notes ILIKE :emailLike`,
    columns: {
      logged_by_id: 'reference',
      notes: 'blank',
      next_step: 'blank',
      corrected_by_id: 'reference',
      correction_reason: 'blank',
      voided_by_id: 'reference',
      void_reason: 'blank',
    },
  },
  experts: {
    rows: 'email = :email OR user_id = :user',
    withoutAccount: true,
    columns: {
      email: 'replace',
      name: 'replace',
      phone: 'blank',
      consent_to_contact: 'none',
      user_id: 'reference',
    },
    notes:
      'Experts of the network (libs/network), found by their email address (or their expert account): erasure pseudonymises the name and email and blanks the phone; their introductions stay, for the KPIs. consent_to_contact is a yes/no flag.',
  },
  expert_invitations: {
    rows: `email = :email OR invited_by_id = :user OR expert_id IN (SELECT e.id FROM experts e WHERE e.email = :email)`,
    withoutAccount: true,
    columns: { email: 'replace', invited_by_id: 'reference' },
    notes: 'Invitations of an expert to join the network: the address each was sent to, and who sent it.',
  },
  peers: {
    rows: 'company_id = ANY(:companies) OR case_id = ANY(:cases) OR user_id = :user',
    columns: { user_id: 'reference' },
    notes:
      "A company's offer to help other SMEs (libs/network): markets, topics, languages, capacity and the consent and withdrawal times, none naming a person. The company's name lives in companies and its contact in the case's contact, both pseudonymised there; the profile stays for the KPIs (peers active).",
  },
  introductions: {
    rows: `${CASE_ROWS} OR requested_by_id = :user OR peer_id IN (SELECT p.id FROM peers p WHERE p.company_id = ANY(:companies)) OR expert_id IN (SELECT e.id FROM experts e WHERE e.email = :email)`,
    withoutAccount: true,
    columns: { requested_by_id: 'reference', purpose: 'replace' },
    notes:
      'Introductions of a case to an expert or a peer company: the purpose may name the company contact.',
  },
  introduction_ratings: {
    rows: `introduction_id IN (SELECT i.id FROM introductions i WHERE i.case_id = ANY(:cases)
             OR i.expert_id IN (SELECT e.id FROM experts e WHERE e.email = :email))`,
    withoutAccount: true,
    columns: { comment: 'replace', side: 'none' },
    notes:
      "Each side's rating of an introduction: ratings survive erasure (KPIs); a comment naming the person has the name replaced. side is a fixed code.",
  },
  introduction_requests: {
    rows: `${CASE_ROWS} OR requested_by_id = :user OR decided_by_id = :user`,
    columns: { requested_by_id: 'reference', decided_by_id: 'reference', purpose: 'replace' },
    notes: "An SME's own request for an introduction: the purpose may name the company contact.",
  },
  partner_referrals: {
    rows: `${CASE_ROWS} OR referred_by_id = :user OR consent_recorded_by_id = :user`,
    columns: {
      referred_by_id: 'reference',
      consent_recorded_by_id: 'reference',
      reason: 'replace',
      result_note: 'replace',
    },
    notes:
      "Referrals of a case to a partner organisation (config/partners.yaml): they survive erasure with their partner and result (KPIs); the reason and the partner's note have the name and email replaced.",
  },
  satisfaction_surveys: {
    rows: `${CASE_ROWS} OR recipient_user_id = :user`,
    columns: { recipient_user_id: 'reference', answers: 'json', closure_reason: 'none' },
    notes:
      'Ratings survive erasure (KPIs); a comment naming the person has the name replaced. closure_reason is a fixed code.',
  },
  notification: {
    rows: `recipient_user_id = :user OR lower(recipient_email) = :email OR ${CASE_ROWS}`,
    columns: {
      recipient_user_id: 'reference',
      recipient_email: 'replace',
      recipient_name: 'replace',
      subject: 'replace',
      body_text: 'blank',
      body_html: 'blank',
    },
    notes: 'Delivery status and counts survive; the message text naming the person is blanked.',
  },
  outbox_event: {
    rows: 'aggregate_id = ANY(:ids) OR payload::text ILIKE :emailLike OR payload::text ILIKE :userLike',
    columns: { payload: 'json' },
  },
  readiness_audits: {
    rows: `${CASE_ROWS} OR created_by_id = :user OR submitted_by_id = :user`,
    columns: { created_by_id: 'reference', submitted_by_id: 'reference', answers: 'json', evidence: 'json' },
  },
  readiness_recommendations: {
    rows: `${CASE_ROWS} OR decided_by_id = :user`,
    columns: { decided_by_id: 'reference', note: 'blank' },
  },
  stage_transitions: {
    rows: `${CASE_ROWS} OR actor_id = :user`,
    columns: { actor_id: 'reference', reason: 'blank', evidence: 'json' },
  },
  training_booking: {
    rows: `${CASE_ROWS} OR booked_by_id = :user OR signed_off_by_id = :user`,
    columns: { booked_by_id: 'reference', signed_off_by_id: 'reference' },
  },
  training_assessment_attempts: {
    rows: 'booking_id = ANY(:bookings)',
    columns: {},
    notes: 'The answers and scores of their assessment attempts; nothing naming them, so erasure keeps them.',
  },
  training_feedback: {
    rows: 'booking_id = ANY(:bookings)',
    columns: { comment: 'blank' },
  },
  data_protection_request: {
    rows: 'subject_user_id = :user OR lower(subject_email) = :email OR requested_by_id = :user OR decided_by_id = :user',
    columns: {
      subject_user_id: 'reference',
      subject_email: 'replace',
      requested_by_id: 'reference',
      decided_by_id: 'reference',
      reason: 'blank',
      decision_reason: 'blank',
    },
  },
  schema_migrations: {
    rows: null,
    columns: { name: 'none' },
    notes: 'Migration names, not people.',
  },
  training_session: {
    rows: null,
    columns: { location: 'none' },
    notes: 'Catalogue data about sessions, not people.',
  },
};

/**
 * How the coverage test recognises a column that may hold or point at personal data: any foreign key to
 * "users", or a name matching one of these.
 */
export const PERSON_COLUMN_RULES: RegExp[] = [
  /(^|_)user_id$/,
  /_by(_id)?$/,
  /^(actor|assignee|adviser|recipient|subject|primary_contact)(_\w+)?_id$/,
  /email/,
  /phone/,
  /(^|_)name$/,
  /(^|_)contact(_|$)/,
  /(^|_)notes?$/,
  /comment/,
  /reason$/,
  /^recipients?$/,
  /^(location|address|website)$/,
  /^social_profiles$/,
];

export function isPersonColumn(column: string): boolean {
  return PERSON_COLUMN_RULES.some((rule) => rule.test(column));
}
