import { AppConfig } from '@app/config';
import { PolicyService, type Actor } from '@app/identity';
import { localDate } from '@app/time';
import { PageCursors } from '@app/web';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseloadQueryDto, CaseloadSort } from '../dto/caseload-query.dto';
import { OPEN_STATUSES_SQL, OVERDUE_CASES_SQL, OVERDUE_SQL } from './overdue';

export interface CaseloadRow {
  caseId: string;
  companyName: string;
  registrationNumber: string;
  stage: string;
  status: string;
  region: string;
  sector: string;
  adviserId: string | null;
  adviserName: string | null;
  openedAt: Date;
  lastContactOn: string | null;
  nextStep: string | null;
  nextStepDue: string | null;
  /** The open follow-up with the earliest deadline (first contact, next step, re-audit, …), if any. */
  nextFollowUp: { kind: string; deadlineAt: Date } | null;
  /** Some open follow-up on the case is past its deadline. */
  overdue: boolean;
  /** Overall score of the latest submitted readiness audit; null until the first one. */
  readinessScore: number | null;
  version: number;
}

export interface CaseloadCounts {
  total: number;
  byStage: Record<string, number>;
  byStatus: Record<string, number>;
  overdue: number;
  neverContacted: number;
}

export interface CaseloadPage {
  items: CaseloadRow[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
  /** Counts over every page of this filter (first page only: later pages skip the aggregate). */
  counts?: CaseloadCounts;
  /** When the counts were taken: officer-wide counts are reused for up to COUNTS_MAX_AGE_MS. */
  countsAsOf?: Date;
}

/**
 * Counting an officer's whole programme (100 000 cases) costs ~100 ms, the page itself ~2 ms: officers'
 * counts are reused for this long per filter. Rows are always live; an adviser's counts (their own
 * caseload, a few hundred cases) are always live too.
 */
export const COUNTS_MAX_AGE_MS = 30_000;
const COUNTS_CACHE_ENTRIES = 500;

/**
 * The sort key of each order, as SQL. Nulls become ±infinity so that keyset comparisons need no special
 * cases; the case id breaks ties, so rows with equal keys are neither repeated nor skipped across pages.
 */
const SORT_KEYS: Record<
  CaseloadSort,
  { expr: string; cast: 'text' | 'int' | 'date' | 'timestamptz'; text?: (expr: string) => string }
> = {
  name: { expr: 'lower(co.legal_name)', cast: 'text' },
  stage: {
    expr: "array_position(ARRAY['non_exporter','passive_exporter','proactive_exporter'], c.stage)",
    cast: 'int',
  },
  // Longest without contact first; never contacted before everyone.
  // The keys are case_work's, copied onto cases by a trigger so that they can be indexed with the filters.
  lastContact: { expr: "COALESCE(c.last_contact_on, '-infinity'::date)", cast: 'date' },
  // The earliest open follow-up (the "Next follow-up" shown): overdue first, then today, next week, …;
  // nothing open last. A copy on cases (trigger on follow_up), to the millisecond, for the index.
  nextDue: {
    expr: "COALESCE(c.next_follow_up_at, 'infinity'::timestamptz)",
    cast: 'timestamptz',
    // The cursor's form: ISO to the millisecond in UTC, or 'infinity'.
    text: (expr) =>
      `CASE WHEN isfinite(${expr}) THEN to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') ELSE 'infinity' END`,
  },
};

/** The adviser's caseload and the officers' view of all cases: filtered, sorted, keyset-paginated. */
@Injectable()
export class CaseloadService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly cursors: PageCursors,
    private readonly policy: PolicyService,
  ) {}

  private readonly officerCounts = new Map<string, { at: Date; counts: CaseloadCounts }>();

  async page(actor: Actor, query: CaseloadQueryDto): Promise<CaseloadPage> {
    const sort = query.sort ?? 'nextDue';
    const limit = query.limit ?? 50;
    const today = localDate(new Date(), this.config.PROGRAMME_TIME_ZONE);
    const params: unknown[] = [];
    const p = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (this.policy.can(actor, 'cases.view-all')) {
      if (query.adviserId) where.push(`c.assigned_adviser_id = ${p(query.adviserId)}`);
      if (query.unassigned) where.push(`c.assigned_adviser_id IS NULL AND c.status = 'awaiting_assignment'`);
      if (query.region) where.push(`c.region = ${p(query.region)}`);
    } else if (query.scope === 'regions') {
      // The regions an officer has widened this adviser's view to (read-only); none: an empty list.
      where.push(
        `c.region = ANY(ARRAY(SELECT unnest(ap.visible_regions) FROM adviser_profiles ap WHERE ap.user_id = ${p(actor.id)}))`,
      );
      if (query.region) where.push(`c.region = ${p(query.region)}`);
    } else {
      // Advisers see their own cases only, whatever they ask for.
      where.push(`c.assigned_adviser_id = ${p(actor.id)}`);
      if (query.region) where.push(`c.region = ${p(query.region)}`);
    }
    if (query.stage) where.push(`c.stage = ${p(query.stage)}`);
    // A closed case has left the caseload: it is listed only when asked for by its status.
    if (query.status) where.push(`c.status = ${p(query.status)}`);
    else where.push(`c.status <> 'closed'`);
    // NACE codes are NN.NN, so a prefix ("10", "10.1") selects a division or group.
    if (query.sector) where.push(`c.sector LIKE ${p(`${query.sector}%`)}`);
    if (query.market) where.push(`w.target_markets @> ARRAY[${p(query.market)}]::text[]`);
    if (query.overdue) where.push(OVERDUE_SQL('c.id'));
    if (query.noContactDays)
      where.push(
        `COALESCE(c.last_contact_on, c.opened_at::date) <= ${p(today)}::date - ${p(query.noContactDays)}::int`,
      );
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      const regNo = query.q.replace(/\s+/g, '').toUpperCase();
      where.push(
        `(co.legal_name ILIKE ${p(like)} OR co.trading_name ILIKE $${params.length} OR co.registration_number = ${p(regNo)})`,
      );
    }
    const from = `FROM cases c JOIN companies co ON co.id = c.company_id LEFT JOIN case_work w ON w.case_id = c.id`;
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const counted = query.cursor
      ? undefined
      : await this.countsFor(actor, filter, [...params], query.q !== undefined);

    const key = SORT_KEYS[sort];
    const pageWhere = [...where];
    // A cursor belongs to one sort order: another order's cursor is refused like a forged one.
    const list = `caseload:${sort}`;
    if (query.cursor !== undefined) {
      const [after, id] = this.cursors.decode(list, query.cursor, [key.cast, 'uuid']);
      pageWhere.push(`(${key.expr}, c.id) > (${p(after)}::${key.cast}, ${p(id)}::uuid)`);
    }
    const rows = (await this.dataSource.query(
      `SELECT c.id, co.legal_name, co.registration_number, c.stage, c.status, c.region, c.sector,
              c.assigned_adviser_id, u.name AS adviser_name, c.opened_at, c.version,
              w.last_contact_on::text AS last_contact_on, w.next_step, w.next_step_due::text AS next_step_due,
              nf.kind AS next_follow_up_kind, nf.deadline_at AS next_follow_up_deadline,
              nf.deadline_at IS NOT NULL AND nf.deadline_at < now() AS overdue, w.readiness_score,
              ${key.text ? key.text(key.expr) : `(${key.expr})::text`} AS sort_key
         ${from} LEFT JOIN users u ON u.id = c.assigned_adviser_id
         LEFT JOIN LATERAL (
           SELECT f.kind, f.deadline_at FROM follow_up f
            WHERE f.case_id = c.id AND f.status IN (${OPEN_STATUSES_SQL})
            ORDER BY f.deadline_at LIMIT 1) nf ON true
        ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
        ORDER BY ${key.expr}, c.id
        LIMIT ${p(limit + 1)}`,
      params,
    )) as Record<string, unknown>[];
    const items = rows.slice(0, limit).map(toRow);
    const last = rows[limit - 1];
    const nextCursor =
      rows.length > limit
        ? this.cursors.encode(list, [last.sort_key as string, last.id as string])
        : undefined;
    return { items, nextCursor, counts: counted?.counts, countsAsOf: counted?.at };
  }

  private async countsFor(
    actor: Actor,
    filter: string,
    params: unknown[],
    byCompany: boolean,
  ): Promise<{ at: Date; counts: CaseloadCounts }> {
    if (!this.policy.can(actor, 'cases.view-all'))
      return { at: new Date(), counts: await this.counts(filter, params, byCompany) };
    const key = JSON.stringify([filter, params]);
    const cached = this.officerCounts.get(key);
    if (cached && Date.now() - cached.at.getTime() < COUNTS_MAX_AGE_MS) return cached;
    const fresh = { at: new Date(), counts: await this.counts(filter, params, byCompany) };
    this.officerCounts.delete(key);
    this.officerCounts.set(key, fresh);
    // Oldest first in a Map: drop the oldest beyond the bound.
    for (const old of this.officerCounts.keys()) {
      if (this.officerCounts.size <= COUNTS_CACHE_ENTRIES) break;
      this.officerCounts.delete(old);
    }
    return fresh;
  }

  /** One aggregate over the filter; companies are joined only when the filter searches them. */
  private async counts(filter: string, params: unknown[], byCompany: boolean): Promise<CaseloadCounts> {
    const from = `FROM cases c ${byCompany ? 'JOIN companies co ON co.id = c.company_id' : ''}
         LEFT JOIN case_work w ON w.case_id = c.id
         LEFT JOIN (${OVERDUE_CASES_SQL}) od ON od.case_id = c.id`;
    const [r] = (await this.dataSource.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE c.stage = 'non_exporter')::int AS non_exporter,
              count(*) FILTER (WHERE c.stage = 'passive_exporter')::int AS passive_exporter,
              count(*) FILTER (WHERE c.stage = 'proactive_exporter')::int AS proactive_exporter,
              count(*) FILTER (WHERE c.status = 'awaiting_assignment')::int AS awaiting_assignment,
              count(*) FILTER (WHERE c.status = 'active')::int AS active,
              count(*) FILTER (WHERE c.status = 'closed')::int AS closed,
              count(*) FILTER (WHERE od.case_id IS NOT NULL)::int AS overdue,
              count(*) FILTER (WHERE w.last_contact_on IS NULL)::int AS never_contacted
         ${from} ${filter}`,
      params,
    )) as Record<string, number>[];
    return {
      total: r.total,
      byStage: {
        non_exporter: r.non_exporter,
        passive_exporter: r.passive_exporter,
        proactive_exporter: r.proactive_exporter,
      },
      byStatus: { awaiting_assignment: r.awaiting_assignment, active: r.active, closed: r.closed },
      overdue: r.overdue,
      neverContacted: r.never_contacted,
    };
  }
}

function toRow(r: Record<string, unknown>): CaseloadRow {
  return {
    caseId: r.id as string,
    companyName: r.legal_name as string,
    registrationNumber: r.registration_number as string,
    stage: r.stage as string,
    status: r.status as string,
    region: r.region as string,
    sector: r.sector as string,
    adviserId: r.assigned_adviser_id as string | null,
    adviserName: r.adviser_name as string | null,
    openedAt: r.opened_at as Date,
    lastContactOn: r.last_contact_on as string | null,
    nextStep: r.next_step as string | null,
    nextStepDue: r.next_step_due as string | null,
    nextFollowUp: r.next_follow_up_kind
      ? { kind: r.next_follow_up_kind as string, deadlineAt: r.next_follow_up_deadline as Date }
      : null,
    overdue: r.overdue as boolean,
    readinessScore: r.readiness_score === null ? null : Number(r.readiness_score),
    version: r.version as number,
  };
}
