import { AuditLogService, type AuditContext } from '@app/audit-log';
import { CaseTimelineService } from '@app/case-timeline';
import { Case } from '@app/cases';
import { Enrolment } from '@app/enrolment';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  UnprocessableError,
  type FieldError,
} from '@app/errors';
import { CaseFollowUps } from '@app/follow-ups';
import { OutboxService } from '@app/messaging';
import { ProgressService, STAGE_RULES, type StageRulesFile } from '@app/progress';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { classifyStage, type BehaviourFacts } from './domain/classification';
import { recommend } from './domain/recommend';
import {
  compareScores,
  scoreAnswers,
  type Answers,
  type AuditScores,
  type HeadingChange,
} from './domain/scoring';
import type { SaveAuditDto } from './dto/save-audit.dto';
import { ReadinessAudit, type AuditKind } from './entities/readiness-audit.entity';
import { ReadinessRecommendation } from './entities/readiness-recommendation.entity';
import { QuestionnaireCatalogue, type Questionnaire } from './questionnaire/questionnaire-catalogue';
import { RECOMMENDATION_RULES } from './readiness.tokens';
import type { RecommendationRulesFile } from './rules/recommendation-rules.file';

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

const MAX_EVIDENCE = 2000;

/** An SME sees its own self-assessments and submitted adviser audits, not an adviser's work in progress. */
const visibleToSme = (audit: ReadinessAudit): boolean =>
  audit.kind === 'self' || audit.status === 'submitted';

/**
 * Audits: drafts saved incomplete; submit validates in full, scores on the audit's own questionnaire
 * version, classifies the stage with reasons, proposes recommendations and hands the result to progress,
 * all in one transaction with the audit-log row, the timeline event and the outbox event.
 */
@Injectable()
export class ReadinessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: QuestionnaireCatalogue,
    @Inject(RECOMMENDATION_RULES) private readonly recommendationRules: RecommendationRulesFile,
    @Inject(STAGE_RULES) private readonly stageRules: StageRulesFile,
    private readonly progress: ProgressService,
    private readonly timeline: CaseTimelineService,
    private readonly auditLog: AuditLogService,
    private readonly outbox: OutboxService,
    private readonly caseFollowUps: CaseFollowUps,
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
    if (dto.submit) return this.submit(manager, audit, options.context);
    return { audit, comparison: [] };
  }

  async update(
    manager: EntityManager,
    caseId: string,
    auditId: string,
    kind: AuditKind,
    dto: SaveAuditDto,
    context: AuditContext,
  ): Promise<AuditView> {
    const audit = await manager
      .getRepository(ReadinessAudit)
      .findOne({ where: { id: auditId, caseId }, lock: { mode: 'pessimistic_write' } });
    if (!audit) throw new NotFoundError('readiness_audit', auditId);
    if (audit.kind !== kind) return this.deny(audit, context);
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
    if (dto.submit) return this.submit(manager, audit, context);
    return { audit, comparison: [] };
  }

  /**
   * An audit only its own side edits (the SME its self-assessment, staff their audit): the other side's
   * is "not found", and the attempt is audited as a denial.
   */
  async editable(
    caseId: string,
    auditId: string,
    kind: AuditKind,
    context: AuditContext,
  ): Promise<ReadinessAudit> {
    const audit = await this.dataSource.getRepository(ReadinessAudit).findOneBy({ id: auditId, caseId });
    if (!audit) throw new NotFoundError('readiness_audit', auditId);
    if (audit.kind !== kind) return this.deny(audit, context);
    return audit;
  }

  /** One audit; for the SME (`smeContext` given) an adviser's unfinished draft is a denial, as on the pages. */
  async get(caseId: string, auditId: string, smeContext?: AuditContext): Promise<AuditView> {
    const audit = await this.dataSource.getRepository(ReadinessAudit).findOneBy({ id: auditId, caseId });
    if (!audit) throw new NotFoundError('readiness_audit', auditId);
    if (smeContext && !visibleToSme(audit)) return this.deny(audit, smeContext);
    return { audit, comparison: await this.comparisonFor(audit) };
  }

  /** The case's audits, newest first, and its score trend; the SME's list leaves out advisers' drafts. */
  async list(caseId: string, options: { forSme?: boolean } = {}): Promise<AuditList> {
    const all = await this.dataSource
      .getRepository(ReadinessAudit)
      .find({ where: { caseId }, order: { createdAt: 'DESC' } });
    const audits = options.forSme ? all.filter(visibleToSme) : all;
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

  questionnaireFor(version: number): Questionnaire {
    return this.catalogue.get(version);
  }

  hasQuestionnaire(version: number): boolean {
    return this.catalogue.has(version);
  }

  get currentQuestionnaire(): Questionnaire {
    return this.catalogue.current;
  }

  private async submit(
    manager: EntityManager,
    audit: ReadinessAudit,
    context: AuditContext,
  ): Promise<AuditView> {
    // Lock the case first: an outcome recorded at the same moment is then applied before or after, never between.
    await this.progress.lockCase(manager, audit.caseId);
    const questionnaire = this.catalogue.get(audit.questionnaireVersion);
    const missing = questionnaire.questionCodes.filter((code) => audit.answers[code] === undefined);
    if (missing.length)
      throw new UnprocessableError(
        'readiness_audit.incomplete',
        `${missing.length} question(s) are not answered`,
        missing.map((code) => ({
          field: `answers.${code}`,
          message: 'answer this question',
          code: 'isNotEmpty',
        })),
      );
    const scores = scoreAnswers(questionnaire, audit.answers);
    const behaviour = await this.behaviourFacts(manager, audit.caseId);
    const classification = classifyStage(this.stageRules.classification, scores, audit.answers, behaviour);
    const submittedAt = new Date();
    const updated = (await manager.query(
      `UPDATE readiness_audits
          SET status = 'submitted', heading_scores = $3, overall_score = $4, classification = $5,
              submitted_at = $6, submitted_by_id = $7, version = version + 1, updated_at = now()
        WHERE id = $1 AND status = 'draft' AND version = $2`,
      [
        audit.id,
        audit.version,
        JSON.stringify(scores.headings),
        scores.overall,
        JSON.stringify(classification),
        submittedAt,
        context.actorId,
      ],
    )) as [unknown, number];
    if (updated[1] !== 1)
      throw new ConflictError(
        'readiness_audit.stale',
        'This audit changed or was submitted meanwhile; reload it',
      );
    Object.assign(audit, {
      status: 'submitted',
      headingScores: scores.headings,
      overallScore: scores.overall,
      classification,
      submittedAt,
      submittedById: context.actorId,
      version: audit.version + 1,
    });

    await this.proposeRecommendations(manager, audit, scores, context);
    const movesStage = this.stageRules.classification.auditKindsThatMoveStage.includes(audit.kind);
    const applied = movesStage
      ? await this.progress.applyAudit(manager, {
          caseId: audit.caseId,
          auditId: audit.id,
          classifiedStage: classification.stage,
          answers: audit.answers,
          evidence: { overall: scores.overall, headings: scores.headings, reasons: classification.reasons },
          context,
        })
      : undefined;
    const summary = {
      auditId: audit.id,
      kind: audit.kind,
      questionnaireVersion: audit.questionnaireVersion,
      overall: scores.overall,
      stage: classification.stage,
      flaggedForReview: classification.flaggedForReview,
      readyForNextStage: classification.readyForNextStage,
    };
    await this.timeline.record(manager, {
      caseId: audit.caseId,
      kind: 'audit.completed',
      occurredAt: submittedAt,
      actorId: context.actorId,
      data: summary,
      refType: 'readiness_audit',
      refId: audit.id,
    });
    await this.outbox.add(manager, {
      type: 'audit.completed',
      aggregateType: 'case',
      aggregateId: audit.caseId,
      payload: { ...summary, stageChanged: applied?.transition !== undefined },
    });
    await this.caseFollowUps.audited(manager, audit.caseId, {
      auditId: audit.id,
      submittedAt,
      flaggedForReview: classification.flaggedForReview,
      readyForNextStage: classification.readyForNextStage,
    });
    await this.auditLog.record(manager, {
      action: 'readiness_audit.submitted',
      entityType: 'readiness_audit',
      entityId: audit.id,
      before: { status: 'draft' },
      after: {
        status: 'submitted',
        overallScore: scores.overall,
        headingScores: scores.headings,
        stage: classification.stage,
      },
      context,
    });
    return { audit, comparison: await this.comparisonFor(audit, manager) };
  }

  /** Enrolment answers plus outcomes recorded since: the behaviour the stage is decided on. */
  private async behaviourFacts(manager: EntityManager, caseId: string): Promise<BehaviourFacts> {
    const found = await manager.getRepository(Case).findOneByOrFail({ id: caseId });
    const enrolment = await manager.getRepository(Enrolment).findOneBy({ id: found.enrolmentId });
    const outcomes = await this.progress.exportFacts(manager, caseId);
    const markets = new Set([...(enrolment?.exportMarkets ?? []), ...outcomes.markets]);
    return {
      exportedRecently: enrolment?.exportedLast12Months === true || outcomes.exportedRecently,
      exportMarketCount: markets.size,
      ordersThroughPlan: enrolment?.orderOrigin === 'plan',
    };
  }

  /**
   * New proposals for what this audit finds weak. Proposals it no longer makes are superseded; accepted or
   * dropped ones are the adviser's decision and stay as they are.
   */
  private async proposeRecommendations(
    manager: EntityManager,
    audit: ReadinessAudit,
    scores: AuditScores,
    context: AuditContext,
  ): Promise<void> {
    const repo = manager.getRepository(ReadinessRecommendation);
    const suggested = recommend(this.recommendationRules, scores, audit.answers);
    const existing = await repo.find({ where: { caseId: audit.caseId, status: Not('superseded') } });
    const key = (r: { kind: string; code: string }): string => `${r.kind}:${r.code}`;
    const byKey = new Map(existing.map((r) => [key(r), r]));
    const wanted = new Set(suggested.map(key));
    const stale = existing.filter(
      (r) => r.status === 'proposed' && r.origin === 'rule' && !wanted.has(key(r)),
    );
    if (stale.length) await repo.update({ id: In(stale.map((r) => r.id)) }, { status: 'superseded' });
    const created: string[] = [];
    for (const s of suggested) {
      const found = byKey.get(key(s));
      if (found?.status === 'proposed')
        await repo.update({ id: found.id }, { auditId: audit.id, because: s.because });
      else if (!found) {
        await repo.save(
          repo.create({
            caseId: audit.caseId,
            auditId: audit.id,
            kind: s.kind,
            code: s.code,
            origin: 'rule',
            status: 'proposed',
            because: s.because,
          }),
        );
        created.push(key(s));
      }
    }
    if (created.length || stale.length)
      await this.auditLog.record(manager, {
        action: 'recommendation.proposed',
        entityType: 'readiness_audit',
        entityId: audit.id,
        before: null,
        after: { proposed: created, superseded: stale.map(key) },
        context,
      });
  }

  private async comparisonFor(
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

  /** Written outside the caller's transaction, which the 404 rolls back (DESIGN §6: every denial is audited). */
  private async deny(audit: ReadinessAudit, context: AuditContext): Promise<never> {
    await this.auditLog.recordDenial({
      entityType: 'readiness_audit',
      entityId: audit.id,
      after: { kind: audit.kind },
      context,
    });
    throw new NotFoundError('readiness_audit', audit.id);
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
