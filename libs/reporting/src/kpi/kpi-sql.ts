import { BARRIERS } from '@app/enrolment';

/**
 * The SQL every KPI is computed with. Parameters are fixed for every query:
 *   $1 period start (date, inclusive)  $2 period end (date, inclusive)  $3 programme time zone
 *   $4 region  $5 NACE section  $6 adviser id  $7 size band  $8 stage at enrolment   (NULL = no filter)
 *   $9 heading score below which an audit heading counts as a barrier
 * `p` holds the period as instants; `fc` is the filtered set of cases; `fe` the filtered enrolments
 * submitted in the period. A case's adviser is its currently assigned adviser (the caseload).
 */

/** micro < 10 employees, small < 50, medium < 250 (EU SME definition). */
export const sizeBand = (employees: string): string =>
  `CASE WHEN ${employees} < 10 THEN 'micro' WHEN ${employees} < 50 THEN 'small' WHEN ${employees} < 250 THEN 'medium' ELSE 'large' END`;

/** The stage a case was in when it opened: the first transition's `from`, or its stage if it never moved. */
export const stageAtEnrolment = (alias: string): string =>
  `COALESCE((SELECT st0.from_stage FROM stage_transitions st0 WHERE st0.case_id = ${alias}.id
              ORDER BY st0.occurred_at, st0.created_at LIMIT 1), ${alias}.stage)`;

/** The five barrier headings as SQL literals (checked, so they can be written into the statement). */
const BARRIER_CODES: readonly string[] = BARRIERS.map((code) => {
  if (!/^[a-z_]+$/.test(code)) throw new Error(`Barrier code ${code} cannot be used in SQL`);
  return code;
});

/** One pass over rows with a barrier array: rows with any barrier, and rows naming each heading. */
const barrierCounts = (column: string): string =>
  [
    'count(*)::int AS any_n',
    ...BARRIER_CODES.map(
      (code) => `count(*) FILTER (WHERE ${column} @> '{${code}}'::text[])::int AS b_${code}`,
    ),
  ].join(', ');

/** The counts of `barrierCounts` as (key, n) rows. */
const barrierRows = (alias: string): string =>
  `LATERAL (VALUES ${BARRIER_CODES.map((code) => `('${code}', ${alias}.b_${code})`).join(', ')}) x(key, n)`;

/**
 * The first stage transition of every case (its `from` is the stage the case opened in), as a relation to
 * hash-join: a correlated look-up per case cost 100 000 index probes per statement.
 */
const FIRST_MOVES = `(SELECT DISTINCT ON (st.case_id) st.case_id, st.from_stage FROM stage_transitions st
                       ORDER BY st.case_id, st.occurred_at, st.created_at)`;

/** No filter narrows the cases (the planner sees the parameters, so this folds to a constant). */
const NO_CASE_FILTER = `($4::text IS NULL AND $5::text IS NULL AND $6::uuid IS NULL AND $7::text IS NULL AND $8::text IS NULL)`;

/**
 * A row belongs to the filtered cases. Without a filter every case counts and no row needs its case looked
 * up (cases are never deleted), which saved a 100 000-row hash join in most statements.
 */
const inFilteredCases = (caseId: string): string =>
  `(${NO_CASE_FILTER} OR ${caseId} IN (SELECT fc.id FROM fc))`;

export const COMMON_CTES = `
WITH p AS (
  SELECT ($1::date)::timestamp AT TIME ZONE $3::text AS ps,
         (($2::date) + 1)::timestamp AT TIME ZONE $3::text AS pe,
         $9::numeric AS barrier_below
),
fc AS (
  SELECT c.id, c.company_id, c.assigned_adviser_id, c.opened_at, c.status, c.stage
    FROM cases c
   WHERE ($4::text IS NULL OR c.region = $4::text)
     AND ($6::uuid IS NULL OR c.assigned_adviser_id = $6::uuid)
     -- The company is read only when a company filter is set (the planner folds the test away otherwise).
     AND (($5::text IS NULL AND $7::text IS NULL) OR EXISTS (
           SELECT 1 FROM companies co WHERE co.id = c.company_id
              AND ($5::text IS NULL OR co.nace_section = $5::text)
              AND ($7::text IS NULL OR ${sizeBand('co.employees')} = $7::text)))
     AND ($8::text IS NULL OR ${stageAtEnrolment('c')} = $8::text)
),
fe AS (
  SELECT e.id, e.barriers
    FROM enrolments e, p
   WHERE e.submitted_at >= p.ps AND e.submitted_at < p.pe
     AND ($4::text IS NULL OR e.region = $4::text)
     AND ($5::text IS NULL OR e.nace_section = $5::text)
     AND ($6::uuid IS NULL OR EXISTS (SELECT 1 FROM cases c WHERE c.enrolment_id = e.id AND c.assigned_adviser_id = $6::uuid))
     AND ($7::text IS NULL OR ${sizeBand('e.employees')} = $7::text)
     AND ($8::text IS NULL OR (CASE WHEN e.exported_last12_months THEN 'passive_exporter' ELSE 'non_exporter' END) = $8::text)
)`;

/** One query per data set; several KPIs read the same rows. */
export const KPI_SOURCES = {
  /** Enrolments submitted in the period, by the latest eligibility decision and its failed rules. */
  enrolments: `
, decided AS (
  SELECT fe.id, er.eligible, er.reasons
    FROM fe LEFT JOIN LATERAL (
      SELECT r.eligible, r.reasons FROM eligibility_results r WHERE r.enrolment_id = fe.id
       ORDER BY r.evaluated_at DESC LIMIT 1) er ON true
)
SELECT 'total' AS metric, NULL AS key, count(*)::int AS n FROM decided
UNION ALL SELECT 'eligible', NULL, count(*)::int FROM decided WHERE eligible
UNION ALL SELECT 'ineligible', NULL, count(*)::int FROM decided WHERE eligible = false
UNION ALL SELECT 'reason', x->>'rule', count(DISTINCT d.id)::int
            FROM decided d, jsonb_array_elements(d.reasons) x
           WHERE d.eligible = false AND (x->>'passed')::boolean = false
           GROUP BY x->>'rule'`,

  /**
   * Companies with at least one interaction (not voided) dated in the period; first-time = non-exporter at
   * enrolment.
   */
  assisted: `
, helped AS (
  SELECT DISTINCT fc.company_id, COALESCE(fm.from_stage, fc.stage) AS stage_at_enrolment
    FROM fc LEFT JOIN ${FIRST_MOVES} fm ON fm.case_id = fc.id
   WHERE fc.id IN (SELECT i.case_id FROM interactions i
                    WHERE i.occurred_on BETWEEN $1::date AND $2::date AND i.voided_at IS NULL)
)
SELECT count(DISTINCT company_id)::int AS assisted,
       count(DISTINCT company_id) FILTER (WHERE stage_at_enrolment = 'non_exporter')::int AS first_time
  FROM helped`,

  /** Cases first assigned in the period: local assignment date × first-contact date, counted. */
  firstContact: `
SELECT to_char(fa.started_at AT TIME ZONE $3::text, 'YYYY-MM-DD') AS assigned_on,
       to_char(cw.first_contact_on, 'YYYY-MM-DD') AS contacted_on,
       count(*)::int AS n
  FROM (SELECT ca.case_id, min(ca.started_at) AS started_at FROM case_assignments ca
         WHERE ${inFilteredCases('ca.case_id')} GROUP BY ca.case_id) fa
  LEFT JOIN case_work cw ON cw.case_id = fa.case_id, p
 WHERE fa.started_at >= p.ps AND fa.started_at < p.pe
 GROUP BY 1, 2`,

  /** Open follow-ups past their due date right now, by the adviser they are assigned to. */
  overdue: `
SELECT f.assignee_id::text AS key, COALESCE(u.name, 'Unassigned') AS label, count(*)::int AS n
  FROM follow_up f
  LEFT JOIN users u ON u.id = f.assignee_id
 WHERE f.status IN ('scheduled', 'due', 'sent', 'escalated') AND f.deadline_at < now()
   AND ${inFilteredCases('f.case_id')}
 GROUP BY 1, 2`,

  /**
   * Experts available now (libs/network: active, consent to be contacted), each with their monthly capacity
   * and the introductions asked of them in the period (for the filtered cases), and the period's length in
   * months (days ÷ 30.4375) to set the capacity against.
   */
  experts: `
SELECT e.capacity_per_month AS capacity,
       (SELECT count(*)::int FROM introductions i
         WHERE i.expert_id = e.id AND i.created_at >= p.ps AND i.created_at < p.pe
           AND ${inFilteredCases('i.case_id')}) AS n,
       EXTRACT(EPOCH FROM (p.pe - p.ps))::float8 / 86400 / 30.4375 AS months
  FROM experts e, p
 WHERE e.active AND e.consent_to_contact`,

  /** Peer companies offering help now (libs/network's peers: consent given, not withdrawn). */
  peers: `
SELECT count(*)::int AS n
  FROM peers pr
 WHERE pr.status = 'active' AND ${inFilteredCases('pr.case_id')}`,

  /** Escalation steps of follow-ups whose notification went out in the period, by rule. */
  escalations: `
SELECT f.rule_code AS key, count(DISTINCT (n.follow_up_id, n.follow_up_step))::int AS n
  FROM notification n
  JOIN follow_up f ON f.id = n.follow_up_id, p
 WHERE (f.plan -> n.follow_up_step ->> 'action') = 'escalate' AND ${inFilteredCases('f.case_id')}
   AND n.created_at >= p.ps AND n.created_at < p.pe
 GROUP BY 1`,

  /** Open cases (not closed) per active adviser against the adviser's capacity, now. */
  caseload: `
, load AS (SELECT assigned_adviser_id, count(*)::int AS n FROM fc WHERE status <> 'closed' GROUP BY 1)
SELECT ap.user_id::text AS key, u.name AS label, ap.capacity, COALESCE(load.n, 0) AS n
  FROM adviser_profiles ap
  JOIN users u ON u.id = ap.user_id
  LEFT JOIN load ON load.assigned_adviser_id = ap.user_id
 WHERE (ap.active OR load.n > 0) AND ($6::uuid IS NULL OR ap.user_id = $6::uuid)
 ORDER BY u.name`,

  /** Training per module: bookings made, attendance marked, bookings due and completed, feedback. */
  training: `
, bk AS (
  SELECT b.module_id,
         count(*) FILTER (WHERE b.created_at >= p.ps AND b.created_at < p.pe AND b.status <> 'cancelled')::int AS booked,
         count(*) FILTER (WHERE b.attendance_marked_at >= p.ps AND b.attendance_marked_at < p.pe AND b.attendance IS NOT NULL)::int AS marked,
         count(*) FILTER (WHERE b.attendance_marked_at >= p.ps AND b.attendance_marked_at < p.pe AND b.attendance = 'attended')::int AS attended,
         count(*) FILTER (WHERE b.due_at >= p.ps AND b.due_at < p.pe AND b.status <> 'cancelled')::int AS due,
         count(*) FILTER (WHERE b.due_at >= p.ps AND b.due_at < p.pe AND b.status = 'completed')::int AS due_completed,
         count(*) FILTER (WHERE b.completed_at >= p.ps AND b.completed_at < p.pe)::int AS completed
    FROM training_booking b, p
   WHERE ${inFilteredCases('b.case_id')}
   GROUP BY b.module_id
),
fb AS (
  SELECT f.module_id, count(*)::int AS feedback, sum(f.satisfaction)::int AS satisfaction_sum
    FROM training_feedback f
    JOIN training_booking b ON b.id = f.booking_id, p
   WHERE f.created_at >= p.ps AND f.created_at < p.pe AND ${inFilteredCases('b.case_id')}
   GROUP BY f.module_id
)
SELECT m.code AS key, COALESCE(m.title->>'en', m.code) AS label,
       COALESCE(bk.booked, 0) AS booked, COALESCE(bk.marked, 0) AS marked, COALESCE(bk.attended, 0) AS attended,
       COALESCE(bk.due, 0) AS due, COALESCE(bk.due_completed, 0) AS due_completed,
       COALESCE(bk.completed, 0) AS completed, COALESCE(fb.feedback, 0) AS feedback,
       COALESCE(fb.satisfaction_sum, 0) AS satisfaction_sum
  FROM training_module m
  LEFT JOIN bk ON bk.module_id = m.id
  LEFT JOIN fb ON fb.module_id = m.id
 WHERE bk.module_id IS NOT NULL OR fb.module_id IS NOT NULL
 ORDER BY m.code`,

  /**
   * Stage transitions in the period (distinct cases per from→to pair), the same by month, every case's
   * stage now, and how many cases were in each stage when the period started (or when they joined during it).
   */
  transitions: `
SELECT 'moved' AS metric, st.from_stage || '>' || st.to_stage AS key, count(DISTINCT st.case_id)::int AS n
  FROM stage_transitions st, p
 WHERE st.occurred_at >= p.ps AND st.occurred_at < p.pe AND ${inFilteredCases('st.case_id')}
 GROUP BY 2
UNION ALL
SELECT 'month:' || to_char(st.occurred_at AT TIME ZONE $3::text, 'YYYY-MM'), st.from_stage || '>' || st.to_stage,
       count(DISTINCT st.case_id)::int
  FROM stage_transitions st, p
 WHERE st.occurred_at >= p.ps AND st.occurred_at < p.pe AND ${inFilteredCases('st.case_id')}
 GROUP BY 1, 2
UNION ALL
SELECT 'current', fc.stage, count(*)::int FROM fc GROUP BY 2
UNION ALL
SELECT 'start', COALESCE(before_start.to_stage, fm.from_stage, fc.stage), count(*)::int
  FROM fc CROSS JOIN p
  LEFT JOIN (SELECT DISTINCT ON (st.case_id) st.case_id, st.to_stage FROM stage_transitions st, p
              WHERE st.occurred_at < p.ps
              ORDER BY st.case_id, st.occurred_at DESC, st.created_at DESC) before_start
         ON before_start.case_id = fc.id
  LEFT JOIN ${FIRST_MOVES} fm ON fm.case_id = fc.id
 WHERE fc.opened_at < p.pe
 GROUP BY 2`,

  /** Completed stays: for each transition in the period, calendar days since the case entered that stage. */
  stays: `
SELECT st.from_stage AS key,
       percentile_cont(0.5) WITHIN GROUP (
         ORDER BY EXTRACT(EPOCH FROM st.occurred_at - COALESCE(prev.occurred_at, fc.opened_at)) / 86400)::float AS median,
       count(*)::int AS n
  FROM stage_transitions st
  JOIN fc ON fc.id = st.case_id
  LEFT JOIN LATERAL (
    SELECT p2.occurred_at FROM stage_transitions p2
     WHERE p2.case_id = st.case_id AND (p2.occurred_at, p2.created_at) < (st.occurred_at, st.created_at)
     ORDER BY p2.occurred_at DESC, p2.created_at DESC LIMIT 1) prev ON true, p
 WHERE st.occurred_at >= p.ps AND st.occurred_at < p.pe
 GROUP BY 1`,

  /**
   * Readiness audits, ranked once: submitted in the period by kind (self-assessments, first adviser audits,
   * re-audits), and for cases whose latest adviser audit (their 2nd or later) fell in the period, the change
   * in score from their first adviser audit, overall and per heading.
   */
  audits: `
, ranked AS (
  SELECT ra.case_id, ra.kind, ra.submitted_at, ra.overall_score, ra.heading_scores,
         row_number() OVER (PARTITION BY ra.case_id, ra.kind ORDER BY ra.submitted_at, ra.id) AS rn_first,
         row_number() OVER (PARTITION BY ra.case_id, ra.kind ORDER BY ra.submitted_at DESC, ra.id DESC) AS rn_last
    FROM readiness_audits ra, p
   WHERE ra.status = 'submitted' AND ra.submitted_at < p.pe AND ${inFilteredCases('ra.case_id')}
),
-- First and latest adviser audit per case, in one pass (a self-join of ranked made Postgres 15 choose a
-- nested loop over the CTE: minutes at 100 000 cases). Cases with one adviser audit have no change.
pairs AS (
  SELECT ranked.case_id,
         max(ranked.overall_score) FILTER (WHERE ranked.rn_first = 1) AS first_overall,
         max(ranked.overall_score) FILTER (WHERE ranked.rn_last = 1) AS last_overall,
         (array_agg(ranked.heading_scores) FILTER (WHERE ranked.rn_first = 1))[1] AS first_headings,
         (array_agg(ranked.heading_scores) FILTER (WHERE ranked.rn_last = 1))[1] AS last_headings
    FROM ranked, p
   WHERE ranked.kind = 'adviser'
   GROUP BY ranked.case_id, p.ps
  HAVING count(*) > 1 AND max(ranked.submitted_at) >= p.ps
)
SELECT CASE WHEN kind = 'self' THEN 'self' WHEN rn_first > 1 THEN 'reaudit' ELSE 'audit' END AS metric,
       NULL AS key, count(*)::int AS n, NULL::float AS v
  FROM ranked, p WHERE ranked.submitted_at >= p.ps
 GROUP BY 1
UNION ALL
SELECT 'change', 'overall', count(*)::int, avg(last_overall - first_overall)::float FROM pairs
UNION ALL
SELECT 'change', h.key, count(*)::int,
       avg((pairs.last_headings->>h.key)::numeric - (pairs.first_headings->>h.key)::numeric)::float
  FROM pairs, jsonb_object_keys(pairs.last_headings) h(key)
 WHERE pairs.first_headings ? h.key
 GROUP BY h.key`,

  /** Export outcomes dated in the period by kind, country, currency and confirmation. */
  outcomes: `
SELECT o.kind, o.country, o.currency, o.confirmed, count(*)::int AS n, sum(o.value_minor)::text AS value
  FROM export_outcomes o
 WHERE o.occurred_on BETWEEN $1::date AND $2::date AND ${inFilteredCases('o.case_id')}
 GROUP BY 1, 2, 3, 4`,

  /**
   * Export opportunities: recorded in the period; of those, the ones closed since by how they closed; and
   * every opportunity open now (prospect or active) by likelihood and currency, with its value.
   */
  opportunities: `
SELECT 'opened' AS metric, NULL AS key, NULL AS currency, count(*)::int AS n, NULL::text AS value
  FROM export_opportunities eo, p
 WHERE eo.created_at >= p.ps AND eo.created_at < p.pe AND ${inFilteredCases('eo.case_id')}
UNION ALL
SELECT 'closed', eo.status, NULL, count(*)::int, NULL
  FROM export_opportunities eo, p
 WHERE eo.created_at >= p.ps AND eo.created_at < p.pe AND eo.status IN ('won', 'lost', 'abandoned')
   AND ${inFilteredCases('eo.case_id')}
 GROUP BY eo.status
UNION ALL
SELECT 'open', eo.likelihood, eo.currency, count(*)::int, sum(eo.value_minor)::text
  FROM export_opportunities eo
 WHERE eo.status IN ('prospect', 'active') AND ${inFilteredCases('eo.case_id')}
 GROUP BY eo.likelihood, eo.currency`,

  /**
   * Export wins recorded in the period by currency and whether they are confirmed export value (confirmed
   * by the company and signed off by an officer); and, for cases whose first confirmed win was signed off
   * in the period, the median of the calendar days from their enrolment to that sign-off.
   */
  wins: `
SELECT 'recorded' AS metric, w.currency AS key,
       (w.verification_status = 'confirmed' AND w.signed_off_at IS NOT NULL) AS confirmed,
       count(*)::int AS n, sum(w.total_minor)::text AS value, NULL::float AS median
  FROM export_wins w, p
 WHERE w.created_at >= p.ps AND w.created_at < p.pe AND ${inFilteredCases('w.case_id')}
 GROUP BY 2, 3
UNION ALL
SELECT 'first_confirmed', NULL, NULL, count(*)::int, NULL,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY firsts.days)::float
  FROM (
    SELECT ((min(w.signed_off_at) AT TIME ZONE $3::text)::date
            - (min(e.submitted_at) AT TIME ZONE $3::text)::date) AS days
      FROM export_wins w
      JOIN cases c ON c.id = w.case_id
      JOIN enrolments e ON e.id = c.enrolment_id
     WHERE w.verification_status = 'confirmed' AND w.signed_off_at IS NOT NULL
       AND ${inFilteredCases('w.case_id')}
     GROUP BY w.case_id
    HAVING min(w.signed_off_at) >= (SELECT ps FROM p) AND min(w.signed_off_at) < (SELECT pe FROM p)
  ) firsts`,

  /**
   * Confirmed export value (wins recorded in the period, confirmed by the company and signed off by an
   * officer) by the day each win was recorded (the day its rate is taken on) and currency: the total, and
   * broken down by value year, market (customer country), sector (the company's NACE section), region (the
   * case's) and support type (each support measure and training module named on the win; a win naming
   * several counts under each, one naming none under `none`).
   */
  confirmedValue: `
, cw AS (
  SELECT w.case_id, w.currency, w.first_year, w.values_minor, w.total_minor, w.customer_country,
         w.support_measures, w.training_modules,
         to_char(w.created_at AT TIME ZONE $3::text, 'YYYY-MM-DD') AS on_day
    FROM export_wins w, p
   WHERE w.created_at >= p.ps AND w.created_at < p.pe
     AND w.verification_status = 'confirmed' AND w.signed_off_at IS NOT NULL
     AND ${inFilteredCases('w.case_id')}
)
SELECT 'total' AS metric, NULL AS key, NULL AS label, cw.currency, cw.on_day, count(*)::int AS n,
       sum(cw.total_minor)::text AS value
  FROM cw GROUP BY 4, 5
UNION ALL
SELECT 'year', (cw.first_year + y.i - 1)::text, NULL, cw.currency, cw.on_day, count(*)::int, sum(y.v)::text
  FROM cw, unnest(cw.values_minor) WITH ORDINALITY y(v, i) GROUP BY 2, 4, 5
UNION ALL
SELECT 'market', cw.customer_country, NULL, cw.currency, cw.on_day, count(*)::int, sum(cw.total_minor)::text
  FROM cw GROUP BY 2, 4, 5
UNION ALL
SELECT 'sector', COALESCE(co.nace_section, 'unknown'), NULL, cw.currency, cw.on_day, count(*)::int,
       sum(cw.total_minor)::text
  FROM cw JOIN cases c ON c.id = cw.case_id LEFT JOIN companies co ON co.id = c.company_id
 GROUP BY 2, 4, 5
UNION ALL
SELECT 'region', COALESCE(c.region, 'unknown'), NULL, cw.currency, cw.on_day, count(*)::int,
       sum(cw.total_minor)::text
  FROM cw JOIN cases c ON c.id = cw.case_id
 GROUP BY 2, 4, 5
UNION ALL
SELECT 'support', s.key, min(tm.title->>'en'), cw.currency, cw.on_day, count(*)::int, sum(cw.total_minor)::text
  FROM cw
  CROSS JOIN LATERAL (
    SELECT 'measure:' || m FROM unnest(cw.support_measures) m
    UNION SELECT 'module:' || m FROM unnest(cw.training_modules) m
    UNION SELECT 'none' WHERE cardinality(cw.support_measures) = 0 AND cardinality(cw.training_modules) = 0
  ) s(key)
  LEFT JOIN training_module tm ON s.key = 'module:' || tm.code
 GROUP BY 2, 4, 5`,

  /**
   * Barriers named at enrolment, weak headings in audits, and barriers discussed in interactions. Enrolment
   * and interaction barriers are the five headings (validated on input), so each is counted with one
   * `@>` filter per heading in a single pass (a barrier listed twice on one row still counts once, and no
   * row is unnested); audit headings come from the questionnaire version, so their keys are read per row.
   */
  barriers: `
, weak AS (
  SELECT ARRAY(SELECT h.key FROM jsonb_each_text(ra.heading_scores) h(key, score)
                WHERE h.score::numeric < p.barrier_below) AS keys
    FROM readiness_audits ra, p
   WHERE ra.status = 'submitted' AND ra.submitted_at >= p.ps AND ra.submitted_at < p.pe
     AND ${inFilteredCases('ra.case_id')}
),
named AS (
  SELECT ${barrierCounts('fe.barriers')} FROM fe WHERE cardinality(fe.barriers) > 0
),
talked AS (
  SELECT ${barrierCounts('i.barriers')}
    FROM interactions i
   WHERE i.occurred_on BETWEEN $1::date AND $2::date AND cardinality(i.barriers) > 0
     AND i.voided_at IS NULL AND ${inFilteredCases('i.case_id')}
)
SELECT 'enrolment' AS metric, x.key, x.n FROM named, ${barrierRows('named')} WHERE x.n > 0
UNION ALL
SELECT 'enrolment_any', NULL, named.any_n FROM named
UNION ALL
SELECT 'audit', k, count(*)::int FROM weak, unnest(weak.keys) k GROUP BY 2
UNION ALL
SELECT 'audit_any', NULL, count(*)::int FROM weak WHERE cardinality(weak.keys) > 0
UNION ALL
SELECT 'interaction', x.key, x.n FROM talked, ${barrierRows('talked')} WHERE x.n > 0
UNION ALL
SELECT 'interaction_any', NULL, talked.any_n FROM talked`,

  /**
   * Cases closed in the period (still closed) by reason; satisfaction surveys sent in the period and how
   * many of those were answered; surveys answered in the period and how many were satisfied.
   */
  closure: `
SELECT 'closed' AS metric, c.closure_reason AS key, count(*)::int AS n
  FROM cases c, p
 WHERE c.status = 'closed' AND c.closed_at >= p.ps AND c.closed_at < p.pe AND ${inFilteredCases('c.id')}
 GROUP BY c.closure_reason
UNION ALL
SELECT 'sent', NULL, count(*)::int FROM satisfaction_surveys s, p
 WHERE s.sent_at >= p.ps AND s.sent_at < p.pe AND ${inFilteredCases('s.case_id')}
UNION ALL
SELECT 'sent_answered', NULL, count(*)::int FROM satisfaction_surveys s, p
 WHERE s.sent_at >= p.ps AND s.sent_at < p.pe AND s.answered_at IS NOT NULL AND ${inFilteredCases('s.case_id')}
UNION ALL
SELECT CASE WHEN s.satisfied THEN 'satisfied' ELSE 'not_satisfied' END, NULL, count(*)::int
  FROM satisfaction_surveys s, p
 WHERE s.answered_at >= p.ps AND s.answered_at < p.pe AND ${inFilteredCases('s.case_id')}
 GROUP BY 1`,

  /**
   * Introductions of a case to an expert (libs/network): asked in the period by their status now; accepted
   * in the period with the days from asking to acceptance; ratings of 4 or 5 given in the period, by side.
   */
  introductions: `
SELECT 'asked' AS metric, i.status AS key, count(*)::int AS n, NULL::float8 AS days
  FROM introductions i, p
 WHERE i.created_at >= p.ps AND i.created_at < p.pe AND ${inFilteredCases('i.case_id')}
 GROUP BY i.status
UNION ALL
SELECT 'accepted', NULL, 1, EXTRACT(EPOCH FROM (i.responded_at - i.created_at))::float8 / 86400
  FROM introductions i, p
 WHERE i.status = 'accepted' AND i.responded_at >= p.ps AND i.responded_at < p.pe
   AND ${inFilteredCases('i.case_id')}
UNION ALL
SELECT 'useful', r.side, count(*)::int, NULL
  FROM introduction_ratings r JOIN introductions i ON i.id = r.introduction_id, p
 WHERE r.rating >= 4 AND r.answered_at >= p.ps AND r.answered_at < p.pe AND ${inFilteredCases('i.case_id')}
 GROUP BY r.side`,

  /**
   * Partner referrals (config/partners.yaml) made in the period, by partner; and results the partners
   * reported in the period, by result.
   */
  referrals: `
SELECT 'referred' AS metric, r.partner_code AS key, count(*)::int AS n
  FROM partner_referrals r, p
 WHERE r.created_at >= p.ps AND r.created_at < p.pe AND ${inFilteredCases('r.case_id')}
 GROUP BY r.partner_code
UNION ALL
SELECT 'result', r.result, count(*)::int
  FROM partner_referrals r, p
 WHERE r.result_at >= p.ps AND r.result_at < p.pe AND ${inFilteredCases('r.case_id')}
 GROUP BY r.result`,
} as const;

export type KpiSourceKey = keyof typeof KPI_SOURCES;
