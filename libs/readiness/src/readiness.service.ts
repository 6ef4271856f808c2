import { AuditLogService, type AuditContext } from '@app/audit-log';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  UnprocessableError,
  type FieldError,
} from '@app/errors';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CaseAudits } from './access/audit-access';
import type { Answers } from './domain/scoring';
import type { SaveAuditDto } from './dto/save-audit.dto';
import { ReadinessAudit, type AuditKind } from './entities/readiness-audit.entity';
import { AuditQueries, type AuditList, type AuditView, type LatestScores } from './queries/audit-queries';
import { QuestionnaireCatalogue, type Questionnaire } from './questionnaire/questionnaire-catalogue';
import { AuditSubmission } from './submission/audit-submission';

export type { AuditList, AuditView, LatestScores } from './queries/audit-queries';

const MAX_EVIDENCE = 2000;

/**
 * Audits, as the API, pages and seeds use them: drafts (saved incomplete, checked answer by answer) are
 * kept here; `submit` on a save hands the draft to AuditSubmission (validation, scores, stage, recommendations,
 * progress, events) in the same transaction; reads are AuditQueries'.
 */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly catalogue: QuestionnaireCatalogue,
    private readonly auditLog: AuditLogService,
    private readonly submission: AuditSubmission,
    private readonly queries: AuditQueries,
  ) {}

  async create(
    manager: EntityManager,
    caseId: string,
    kind: AuditKind,
    dto: SaveAuditDto,
    options: { language?: string; context: AuditContext },
  ): Promise<AuditView> {
    const questionnaire = this.currentFor(dto.questionnaireVersion);
    let answers: Answers = {};
    let baseAuditId: string | null = null;
    if (dto.baseAuditId) {
      const base = await manager.getRepository(ReadinessAudit).findOneBy({ id: dto.baseAuditId, caseId });
      if (!base || base.status !== 'submitted' || base.kind !== 'self' || kind !== 'adviser')
        throw new InvalidInputError([
          {
            field: 'baseAuditId',
            message: 'must be a submitted self-assessment of this case',
            code: 'isBaseAudit',
          },
        ]);
      baseAuditId = base.id;
      // Start from the SME's answers to the questions this version still asks.
      answers = Object.fromEntries(
        Object.entries(base.answers).filter(([code]) => questionnaire.questionsById.has(code)),
      );
    }
    const checked = this.checkEntries(questionnaire, dto);
    const audit = await manager.getRepository(ReadinessAudit).save(
      manager.getRepository(ReadinessAudit).create({
        caseId,
        kind,
        status: 'draft',
        questionnaireVersion: questionnaire.version,
        answers: { ...answers, ...checked.answers },
        evidence: checked.evidence,
        language: options.language ?? null,
        baseAuditId,
        createdById: options.context.actorId,
      }),
    );
    await this.auditLog.record(manager, {
      action: 'readiness_audit.created',
      entityType: 'readiness_audit',
      entityId: audit.id,
      before: null,
      after: {
        caseId,
        kind,
        questionnaireVersion: audit.questionnaireVersion,
        answers: audit.answers,
        baseAuditId,
      },
      context: options.context,
    });
    if (dto.submit) return this.submission.submit(manager, audit, options.context);
    return { audit, comparison: [] };
  }

  async update(
    manager: EntityManager,
    caseId: string,
    auditId: string,
    access: CaseAudits,
    dto: SaveAuditDto,
    context: AuditContext,
  ): Promise<AuditView> {
    const audit = await manager
      .getRepository(ReadinessAudit)
      .findOne({ where: { id: auditId, caseId }, lock: { mode: 'pessimistic_write' } });
    if (!audit) throw new NotFoundError('readiness_audit', auditId);
    await access.assertEditable(audit, context);
    if (audit.status !== 'draft')
      throw new ConflictError(
        'readiness_audit.submitted',
        'This audit is submitted and can no longer change',
      );
    if (dto.questionnaireVersion !== audit.questionnaireVersion)
      throw new UnprocessableError(
        'readiness_audit.version_mismatch',
        'The answers are for another questionnaire version',
        [
          {
            field: 'questionnaireVersion',
            message: `this audit is on version ${audit.questionnaireVersion}`,
            code: 'versionMismatch',
          },
        ],
      );
    const checked = this.checkEntries(this.catalogue.get(audit.questionnaireVersion), dto);
    const before = { answers: { ...audit.answers }, evidence: { ...audit.evidence } };
    audit.answers = { ...audit.answers, ...checked.answers };
    audit.evidence = { ...audit.evidence, ...checked.evidence };
    await manager.getRepository(ReadinessAudit).save(audit);
    await this.auditLog.record(manager, {
      action: 'readiness_audit.updated',
      entityType: 'readiness_audit',
      entityId: audit.id,
      before,
      after: { answers: audit.answers, evidence: audit.evidence },
      context,
    });
    if (dto.submit) return this.submission.submit(manager, audit, context);
    return { audit, comparison: [] };
  }

  /**
   * An audit only its own side edits (the SME its self-assessment, staff their audit): the other side's
   * is "not found", and the attempt is audited as a denial.
   */
  editable(
    caseId: string,
    auditId: string,
    access: CaseAudits,
    context: AuditContext,
  ): Promise<ReadinessAudit> {
    return this.queries.editable(caseId, auditId, access, context);
  }

  /** One audit the person may see; an adviser's unfinished draft is the SME's denial, as on the pages. */
  get(caseId: string, auditId: string, access: CaseAudits, context: AuditContext): Promise<AuditView> {
    return this.queries.get(caseId, auditId, access, context);
  }

  /** The case's audits, newest first, and its score trend; with `access`, only those the person may see. */
  list(caseId: string, access?: CaseAudits): Promise<AuditList> {
    return this.queries.list(caseId, access);
  }

  /** The latest submitted audit of each case, keyed by case id (one query, for lists such as the caseload). */
  latestScoresForCases(caseIds: readonly string[]): Promise<Map<string, LatestScores>> {
    return this.queries.latestScoresForCases(caseIds);
  }

  /** The draft this person is filling in, if any (one self-assessment draft at a time per case). */
  openDraft(caseId: string, kind: AuditKind): Promise<ReadinessAudit | null> {
    return this.queries.openDraft(caseId, kind);
  }

  questionnaireFor(version: number): Questionnaire {
    return this.catalogue.get(version);
  }

  hasQuestionnaire(version: number): boolean {
    return this.catalogue.has(version);
  }

  get currentQuestionnaire(): Questionnaire {
    return this.catalogue.current;
  }

  /** New audits go on the current version; answers for another version are refused, not guessed at. */
  private currentFor(version: number): Questionnaire {
    const current = this.catalogue.current;
    if (version !== current.version)
      throw new UnprocessableError(
        'readiness_audit.version_mismatch',
        'New audits use the current questionnaire version',
        [
          {
            field: 'questionnaireVersion',
            message: `the current version is ${current.version}`,
            code: 'versionMismatch',
          },
        ],
      );
    return current;
  }

  /** Every answer 0..4 on a question of this version; evidence short text. Field errors name the question. */
  private checkEntries(
    questionnaire: Questionnaire,
    dto: SaveAuditDto,
  ): { answers: Answers; evidence: Record<string, string> } {
    const problems: FieldError[] = [];
    const answers: Answers = {};
    for (const [code, value] of Object.entries(dto.answers ?? {})) {
      if (!questionnaire.questionsById.has(code))
        problems.push({
          field: `answers.${code}`,
          message: `${code} is not a question of version ${questionnaire.version}`,
          code: 'unknownQuestion',
        });
      else if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 4)
        problems.push({
          field: `answers.${code}`,
          message: 'an answer must be a whole number from 0 to 4',
          code: 'answerRange',
        });
      else answers[code] = value;
    }
    const evidence: Record<string, string> = {};
    for (const [code, value] of Object.entries(dto.evidence ?? {})) {
      if (!questionnaire.questionsById.has(code))
        problems.push({
          field: `evidence.${code}`,
          message: `${code} is not a question of version ${questionnaire.version}`,
          code: 'unknownQuestion',
        });
      else if (typeof value !== 'string' || value.length > MAX_EVIDENCE)
        problems.push({
          field: `evidence.${code}`,
          message: `evidence must be text of at most ${MAX_EVIDENCE} characters`,
          code: 'evidenceText',
        });
      else if (value.trim()) evidence[code] = value.trim();
    }
    if (problems.length) throw new InvalidInputError(problems);
    return { answers, evidence };
  }
}
