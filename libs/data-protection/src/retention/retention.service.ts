import { UnitOfWork } from '@app/database';
import { AuditLogService, SYSTEM_AUDIT_CONTEXT } from '@app/audit-log';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DataProtectionService } from '../data-protection.service';
import { applyChanges, Change, listing, PlannedChange, withdrawPeer } from '../erasure/erasure-plan';
import { QueuedJob, QueuedJobsScanner } from '../queue/queued-jobs.scanner';
import { resolveSubject } from '../subject';
import { ident, readTableCatalogue } from '../table-catalogue';
import { RetentionRulesFile } from './retention-rules';

export const RETENTION_RULES = Symbol('RETENTION_RULES');

export interface RetentionOutcome {
  simulated: boolean;
  changes: Change[];
  /** Changes per rule, for the log line. */
  counts: Record<string, number>;
}

/** Free text on a case that names people; blanked when a closed case passes its retention period. */
const CASE_FREE_TEXT: [table: string, column: string, caseColumn: string][] = [
  ['interactions', 'notes', 'case_id'],
  ['interactions', 'next_step', 'case_id'],
  ['case_work', 'summary', 'case_id'],
  ['case_work', 'next_step', 'case_id'],
  ['export_outcomes', 'note', 'case_id'],
  ['readiness_recommendations', 'note', 'case_id'],
  ['stage_transitions', 'reason', 'case_id'],
  ['case_assignments', 'end_note', 'case_id'],
  ['partner_referrals', 'reason', 'case_id'],
  ['partner_referrals', 'result_note', 'case_id'],
];

class Rollback extends Error {
  constructor(readonly outcome: RetentionOutcome) {
    super('simulated retention run rolled back');
  }
}

/**
 * Applies config/retention.yaml. A simulated run performs the very same work inside a transaction and
 * rolls it back, so its list of changes is what a real run at that moment changes.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly erasure: DataProtectionService,
    private readonly jobs: QueuedJobsScanner,
    private readonly audit: AuditLogService,
    @Inject(RETENTION_RULES) private readonly rules: RetentionRulesFile,
    private readonly uow: UnitOfWork,
  ) {}

  async run(options: { simulate?: boolean; now?: Date } = {}): Promise<RetentionOutcome> {
    const now = options.now ?? new Date();
    const simulated = !!options.simulate;
    let jobs: QueuedJob[] = [];
    let outcome: RetentionOutcome;
    try {
      outcome = await this.uow.run(
        async (m) => {
          const { planned, counts } = await this.work(m, now);
          jobs = planned.flatMap((c) => (c.job ? [c.job] : []));
          const result = { simulated, changes: listing(planned), counts };
          if (simulated) throw new Rollback(result);
          await this.audit.record(m, {
            action: 'data_protection.retention_run',
            entityType: 'retention',
            entityId: now.toISOString(),
            after: { changes: result.changes.length, counts },
            context: SYSTEM_AUDIT_CONTEXT,
          });
          return result;
        },
        { retries: 0 },
      );
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
      outcome = error.outcome;
    }
    if (!simulated && jobs.length) await this.jobs.purge(jobs).catch(() => 0);
    this.logger.log(
      `Retention ${simulated ? 'simulation' : 'run'}: ${outcome.changes.length} change(s) ${JSON.stringify(outcome.counts)}`,
    );
    return outcome;
  }

  private async work(
    m: EntityManager,
    now: Date,
  ): Promise<{ planned: PlannedChange[]; counts: Record<string, number> }> {
    const counts: Record<string, number> = {};
    const planned: PlannedChange[] = [];
    const step = async (rule: string, changes: PlannedChange[], applied = false): Promise<void> => {
      if (!applied) await applyChanges(m, changes);
      planned.push(...changes);
      counts[rule] = changes.length;
    };
    const days = (n: number): Date => new Date(now.getTime() - n * 86_400_000);
    const months = (n: number): Date => {
      const d = new Date(now);
      d.setUTCMonth(d.getUTCMonth() - n);
      return d;
    };

    await step(
      'sessions',
      await this.deleteWhere(m, 'user_sessions', 'expires_at < $1', [
        days(this.rules.sessions.deleteAfterExpiryDays),
      ]),
    );
    await step(
      'apiTokens',
      await this.deleteWhere(m, 'api_tokens', 'COALESCE(revoked_at, expires_at) < $1', [
        days(this.rules.apiTokens.deleteAfterExpiryDays),
      ]),
    );
    const catalogue = await readTableCatalogue(m);
    const exportJob = catalogue.get('export_job');
    await step(
      'exportFiles',
      exportJob?.columns.has('created_at')
        ? await this.deleteWhere(m, 'export_job', 'created_at < $1', [
            days(this.rules.exportFiles.deleteAfterDays),
          ])
        : [],
    );
    await step(
      'deliveredNotifications',
      await this.redactNotifications(m, days(this.rules.deliveredNotifications.redactAfterDays)),
    );

    await step(
      'partnerReferrals',
      await this.redactReferrals(m, months(this.rules.partnerReferrals.redactAfterMonths)),
    );

    // Closed cases whose last activity is older than the period.
    const oldCases = (
      (await m.query(
        `SELECT c.id FROM cases c
          WHERE c.status = 'closed'
            AND GREATEST(c.opened_at, COALESCE((SELECT max(occurred_at) FROM case_timeline_events t WHERE t.case_id = c.id), c.opened_at)) < $1
          ORDER BY c.id`,
        [months(this.rules.closedCases.anonymiseAfterMonths)],
      )) as { id: string }[]
    ).map((r) => r.id);
    const caseText: PlannedChange[] = [];
    for (const [table, column, caseColumn] of CASE_FREE_TEXT) {
      const shape = catalogue.get(table);
      const meta = shape?.columns.get(column);
      if (!shape || !meta || !oldCases.length) continue;
      const blank = meta.nullable ? null : '';
      const rows = (await m.query(
        `SELECT ${shape.primaryKey.map(ident).join(', ')} FROM ${ident(table)}
          WHERE ${ident(caseColumn)} = ANY($1::uuid[]) AND ${ident(column)} IS DISTINCT FROM $2
          ORDER BY 1`,
        [oldCases, blank],
      )) as Record<string, unknown>[];
      for (const row of rows) {
        const where = Object.fromEntries(shape.primaryKey.map((k) => [k, row[k]]));
        caseText.push({
          table,
          column,
          action: 'update',
          value: blank,
          where,
          key: shape.primaryKey.map((k) => String(row[k])).join('|'),
        });
      }
    }
    await step('closedCases', caseText);
    const contacts = (
      (await m.query(
        `SELECT DISTINCT u.id FROM users u
          WHERE u.role = 'sme' AND u.name NOT LIKE 'erased-%'
            AND EXISTS (SELECT 1 FROM cases c JOIN companies co ON co.id = c.company_id
                         WHERE c.id = ANY($1::uuid[]) AND co.primary_contact_id = u.id)
            AND NOT EXISTS (SELECT 1 FROM cases c JOIN companies co ON co.id = c.company_id
                             WHERE co.primary_contact_id = u.id AND NOT (c.id = ANY($1::uuid[])))
          ORDER BY u.id`,
        [oldCases],
      )) as { id: string }[]
    ).map((r) => r.id);
    await step('closedCaseContacts', await this.anonymise(m, contacts), true);

    // A peer company's offer to help others (libs/network) ends with its old closed case, whose contact is
    // gone; an offer withdrawn long ago is deleted unless an introduction still counts it (KPIs).
    const closedPeers = (await m.query(
      `SELECT id FROM peers WHERE status = 'active' AND case_id = ANY($1::uuid[]) ORDER BY id`,
      [oldCases],
    )) as { id: string }[];
    await step(
      'closedCasePeers',
      closedPeers.flatMap(({ id }) => withdrawPeer(id, now)),
    );
    await step(
      'withdrawnPeers',
      await this.deleteWhere(
        m,
        'peers',
        `status = 'withdrawn' AND withdrawn_at < $1
           AND NOT EXISTS (SELECT 1 FROM introductions i WHERE i.peer_id = peers.id)`,
        [months(this.rules.withdrawnPeers.deleteAfterMonths)],
      ),
    );

    // Experts who left the network long ago, with their account (their introductions stay, for the KPIs).
    const leftExperts = (
      (await m.query(
        `SELECT DISTINCT e.user_id AS id FROM experts e JOIN users u ON u.id = e.user_id
          WHERE e.left_at < $1 AND u.name NOT LIKE 'erased-%' ORDER BY 1`,
        [months(this.rules.leftExperts.anonymiseAfterMonths)],
      )) as { id: string }[]
    ).map((r) => r.id);
    await step('leftExperts', await this.anonymise(m, leftExperts), true);

    // Ineligible enrolments that never became a case.
    const cutoff = months(this.rules.ineligibleEnrolments.anonymiseAfterMonths);
    const oldEnrolments = (
      (await m.query(
        `SELECT e.id FROM enrolments e
          WHERE e.status = 'ineligible' AND e.updated_at < $1
            AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.enrolment_id = e.id)
          ORDER BY e.id`,
        [cutoff],
      )) as { id: string }[]
    ).map((r) => r.id);
    const enrolmentText: PlannedChange[] = [];
    for (const column of ['barriers_note', 'appeal_reason']) {
      const rows = (await m.query(
        `SELECT id FROM enrolments WHERE id = ANY($1::uuid[]) AND ${ident(column)} IS NOT NULL ORDER BY id`,
        [oldEnrolments],
      )) as { id: string }[];
      for (const row of rows)
        enrolmentText.push({
          table: 'enrolments',
          key: row.id,
          column,
          action: 'update',
          value: null,
          where: { id: row.id },
        });
    }
    await step('ineligibleEnrolments', enrolmentText);
    const applicants = (
      (await m.query(
        `SELECT DISTINCT e.user_id AS id FROM enrolments e JOIN users u ON u.id = e.user_id
          WHERE e.id = ANY($1::uuid[]) AND u.name NOT LIKE 'erased-%'
            AND NOT EXISTS (SELECT 1 FROM enrolments o WHERE o.user_id = e.user_id AND NOT (o.id = ANY($1::uuid[])))
            AND NOT EXISTS (SELECT 1 FROM companies co WHERE co.primary_contact_id = e.user_id
                              AND EXISTS (SELECT 1 FROM cases c WHERE c.company_id = co.id))
          ORDER BY 1`,
        [oldEnrolments],
      )) as { id: string }[]
    ).map((r) => r.id);
    await step('ineligibleApplicants', await this.anonymise(m, applicants), true);
    return { planned, counts };
  }

  /** Erasure of each person in turn, applied as it goes (each plan sees the previous one's result). */
  private async anonymise(m: EntityManager, userIds: string[]): Promise<PlannedChange[]> {
    const all: PlannedChange[] = [];
    for (const id of userIds) {
      const subject = await resolveSubject(m, '', id);
      const planned = await this.erasure.plan(m, subject);
      await applyChanges(m, planned);
      all.push(...planned);
    }
    return all;
  }

  private async deleteWhere(
    m: EntityManager,
    table: string,
    condition: string,
    params: unknown[],
  ): Promise<PlannedChange[]> {
    const catalogue = await readTableCatalogue(m);
    const pk = catalogue.get(table)?.primaryKey ?? [];
    const rows = (await m.query(
      `SELECT ${pk.map(ident).join(', ')} FROM ${ident(table)} WHERE ${condition} ORDER BY 1`,
      params,
    )) as Record<string, unknown>[];
    return rows.map((row) => ({
      table,
      column: null,
      action: 'delete' as const,
      key: pk.map((k) => String(row[k])).join('|'),
      where: Object.fromEntries(pk.map((k) => [k, row[k]])),
    }));
  }

  /** Referrals quiet since `before`: the reason ('' : it is required) and the partner's note (NULL) go. */
  private async redactReferrals(m: EntityManager, before: Date): Promise<PlannedChange[]> {
    const rows = (await m.query(
      `SELECT id, reason <> '' AS has_reason, result_note IS NOT NULL AS has_note FROM partner_referrals
        WHERE GREATEST(created_at, accepted_at, result_at) < $1 AND (reason <> '' OR result_note IS NOT NULL)
        ORDER BY id`,
      [before],
    )) as { id: string; has_reason: boolean; has_note: boolean }[];
    const change = (id: string, column: string, value: string | null): PlannedChange => ({
      table: 'partner_referrals',
      key: id,
      column,
      action: 'update',
      value,
      where: { id },
    });
    return rows.flatMap((r) => [
      ...(r.has_reason ? [change(r.id, 'reason', '')] : []),
      ...(r.has_note ? [change(r.id, 'result_note', null)] : []),
    ]);
  }

  private async redactNotifications(m: EntityManager, before: Date): Promise<PlannedChange[]> {
    const rows = (await m.query(
      `SELECT id, body_text, body_html FROM notification
        WHERE status = 'sent' AND sent_at < $1 AND (body_text <> '' OR body_html <> '') ORDER BY id`,
      [before],
    )) as { id: string; body_text: string; body_html: string }[];
    return rows.flatMap((r) =>
      (['body_text', 'body_html'] as const)
        .filter((c) => r[c] !== '')
        .map((column) => ({
          table: 'notification',
          key: r.id,
          column,
          action: 'update' as const,
          value: '',
          where: { id: r.id },
        })),
    );
  }
}
