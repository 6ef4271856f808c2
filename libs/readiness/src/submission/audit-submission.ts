import { AuditLogService, type AuditContext } from '@app/audit-log';
import { CaseTimelineService } from '@app/case-timeline';
import { Case } from '@app/cases';
import { Enrolment } from '@app/enrolment';
import { ConflictError, UnprocessableError } from '@app/errors';
import { CaseFollowUps } from '@app/follow-ups';
import { OutboxService } from '@app/messaging';
import { ProgressService, STAGE_RULES, type StageRulesFile } from '@app/progress';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In, Not } from 'typeorm';
import { classifyStage, type BehaviourFacts } from '../domain/classification';
import { recommend } from '../domain/recommend';
import { scoreAnswers, type AuditScores } from '../domain/scoring';
import { ReadinessAudit } from '../entities/readiness-audit.entity';
import { ReadinessRecommendation } from '../entities/readiness-recommendation.entity';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue';
import { AuditQueries, type AuditView } from '../queries/audit-queries';
import { RECOMMENDATION_RULES } from '../readiness.tokens';
import type { RecommendationRulesFile } from '../rules/recommendation-rules.file';

/** What submitting an audit sets off, all in the caller's transaction. */
@Injectable()
export class AuditSubmission {
  constructor(
    private readonly catalogue: QuestionnaireCatalogue,
    @Inject(RECOMMENDATION_RULES) private readonly recommendationRules: RecommendationRulesFile,
    @Inject(STAGE_RULES) private readonly stageRules: StageRulesFile,
    private readonly progress: ProgressService,
    private readonly timeline: CaseTimelineService,
    private readonly auditLog: AuditLogService,
    private readonly outbox: OutboxService,
    private readonly caseFollowUps: CaseFollowUps,
    private readonly queries: AuditQueries,
  ) {}

  /**
   * Submits a draft in the caller's transaction: full validation, scores on the audit's own questionnaire
   * version, the stage classified with reasons, recommendations proposed, and the result handed to progress,
   * with the timeline entry, outbox event, reminder change and audit-log row.
   */
  async submit(manager: EntityManager, audit: ReadinessAudit, context: AuditContext): Promise<AuditView> {
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
    return { audit, comparison: await this.queries.comparisonFor(audit, manager) };
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
}
