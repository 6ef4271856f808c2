import type { AuditContext } from '@app/audit-log';
import { NotFoundError } from '@app/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseAudits } from '../access/audit-access';
import { compareScores, type HeadingChange } from '../domain/scoring';
import { ReadinessAudit, type AuditKind } from '../entities/readiness-audit.entity';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue';

export interface AuditView {
  audit: ReadinessAudit;
  /** Change per heading against the case's previous submitted audit. */
  comparison: HeadingChange[];
}

export interface AuditList {
  audits: ReadinessAudit[];
  /** Submitted audits, oldest first: the score trend. */
  trend: { auditId: string; kind: AuditKind; submittedAt: Date; overall: number; change: number | null }[];
}

/** A case's most recent submitted audit, in brief: for lists such as the caseload. */
export interface LatestScores {
  caseId: string;
  auditId: string;
  kind: AuditKind;
  /** 0..100, one decimal. */
  overall: number;
  /** Heading code → 0..100. */
  headings: Record<string, number>;
  /** When the audit was submitted. */
  auditedAt: Date;
}

/**
 * Reading audits: one, a case's list and score trend, the latest scores of many cases, the open draft, and
 * the change per heading against the previous audit. Someone who may not see an audit gets "not found",
 * and the attempt is audited.
 */
@Injectable()
export class AuditQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: QuestionnaireCatalogue,
  ) {}

  /**
   * An audit only its own side edits (the SME its self-assessment, staff their audit): the other side's
   * is "not found", and the attempt is audited as a denial (CaseAudits asks PolicyService).
   */
  async editable(
    caseId: string,
    auditId: string,
    access: CaseAudits,
    context: AuditContext,
  ): Promise<ReadinessAudit> {
    const audit = await this.dataSource.getRepository(ReadinessAudit).findOneBy({ id: auditId, caseId });
    if (!audit) throw new NotFoundError('readiness_audit', auditId);
    await access.assertEditable(audit, context);
    return audit;
  }

  /** One audit the person may see (an adviser's unfinished draft is not the SME's: a denial, as on the pages). */
  async get(caseId: string, auditId: string, access: CaseAudits, context: AuditContext): Promise<AuditView> {
    const audit = await this.dataSource.getRepository(ReadinessAudit).findOneBy({ id: auditId, caseId });
    if (!audit) throw new NotFoundError('readiness_audit', auditId);
    await access.assertVisible(audit, context);
    return { audit, comparison: await this.comparisonFor(audit) };
  }

  /** The case's audits, newest first, and its score trend; with `access`, only those the person may see. */
  async list(caseId: string, access?: CaseAudits): Promise<AuditList> {
    const all = await this.dataSource
      .getRepository(ReadinessAudit)
      .find({ where: { caseId }, order: { createdAt: 'DESC' } });
    const audits = access ? all.filter((audit) => access.maySee(audit)) : all;
    const trend = audits
      .filter((a) => a.status === 'submitted' && a.submittedAt && a.overallScore !== null)
      .map((a) => ({
        auditId: a.id,
        kind: a.kind,
        submittedAt: a.submittedAt as Date,
        overall: a.overallScore as number,
      }))
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())
      .map((point, i, all) => ({
        ...point,
        change: i === 0 ? null : Math.round((point.overall - all[i - 1].overall) * 10) / 10,
      }));
    return { audits, trend };
  }

  /**
   * The latest submitted audit (self or adviser) of each case, keyed by case id; cases never audited are
   * absent. One query however many cases, so a caseload page can show every row's score.
   */
  async latestScoresForCases(caseIds: readonly string[]): Promise<Map<string, LatestScores>> {
    const ids = [...new Set(caseIds)];
    if (!ids.length) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (case_id) case_id, id, kind, overall_score, heading_scores, submitted_at
         FROM readiness_audits
        WHERE case_id = ANY($1::uuid[]) AND status = 'submitted' AND submitted_at IS NOT NULL
        ORDER BY case_id, submitted_at DESC, id`,
      [ids],
    )) as {
      case_id: string;
      id: string;
      kind: AuditKind;
      overall_score: string;
      heading_scores: Record<string, number>;
      submitted_at: Date;
    }[];
    return new Map(
      rows.map((r) => [
        r.case_id,
        {
          caseId: r.case_id,
          auditId: r.id,
          kind: r.kind,
          overall: Number(r.overall_score),
          headings: r.heading_scores,
          auditedAt: r.submitted_at,
        },
      ]),
    );
  }

  /** The draft this person is filling in, if any (one self-assessment draft at a time per case). */
  async openDraft(caseId: string, kind: AuditKind): Promise<ReadinessAudit | null> {
    return this.dataSource
      .getRepository(ReadinessAudit)
      .findOne({ where: { caseId, kind, status: 'draft' }, order: { createdAt: 'DESC' } });
  }

  /** Change per heading against the case's previous submitted audit, in the questionnaire's order. */
  async comparisonFor(
    audit: ReadinessAudit,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HeadingChange[]> {
    if (audit.status !== 'submitted' || !audit.headingScores || !audit.submittedAt) return [];
    const previous = await manager
      .getRepository(ReadinessAudit)
      .createQueryBuilder('a')
      .where('a.case_id = :caseId AND a.status = :status AND a.submitted_at < :at', {
        caseId: audit.caseId,
        status: 'submitted',
        at: audit.submittedAt,
      })
      .orderBy('a.submitted_at', 'DESC')
      .getOne();
    const current = { headings: audit.headingScores, overall: audit.overallScore ?? 0 };
    const changes = compareScores(
      current,
      previous?.headingScores
        ? { headings: previous.headingScores, overall: previous.overallScore ?? 0 }
        : null,
    );
    // jsonb keeps keys in its own order (shortest first): show the headings in the questionnaire's order.
    const order: string[] = this.catalogue.get(audit.questionnaireVersion).headings.map((h) => h.code);
    return changes.sort((a, b) => order.indexOf(a.heading) - order.indexOf(b.heading));
  }
}
