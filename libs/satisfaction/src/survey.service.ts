import { AuditContext, AuditLogService } from '@app/audit-log';
import { CaseTimelineService } from '@app/case-timeline';
import {
  CaseClosureService,
  DUPLICATE_REASON,
  type CaseClosedFacts,
  type CaseLifecycleListener,
} from '@app/cases';
import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { ConflictError, DomainError } from '@app/errors';
import { CaseFollowUps } from '@app/follow-ups';
import { NotificationService } from '@app/messaging';
import { formatDate } from '@app/time';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SurveyAnswersDto } from './dto/survey-answers.dto';
import { SatisfactionSurvey, type SurveyAnswers } from './entities/satisfaction-survey.entity';
import { SurveyLinks } from './survey-links';
import { SurveyRules } from './survey-rules';

/** The link has expired: the page says so (410), and nothing is saved. */
export class SurveyExpiredError extends DomainError {
  constructor() {
    super('survey.expired', 'This survey link has expired', 410);
  }
}

/** What a survey link opens: the survey, and whether it can still be answered. */
export interface OpenedSurvey {
  survey: SatisfactionSurvey;
  state: 'open' | 'answered' | 'expired';
}

/**
 * The satisfaction survey after support: sent by email (with a signed, expiring link) when a case closes,
 * in the SME's language, once per case; answered once, without signing in; reminded once by the
 * follow-up rule `satisfaction-survey-reminder` if unanswered. Answers feed the satisfaction KPIs.
 */
@Injectable()
export class SurveyService implements CaseLifecycleListener, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly closure: CaseClosureService,
    private readonly rules: SurveyRules,
    private readonly links: SurveyLinks,
    private readonly caseFollowUps: CaseFollowUps,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLogService,
    private readonly timeline: CaseTimelineService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.closure.listen('satisfaction', this);
  }

  /** In the closing transaction: the first closure of a case sends its survey; later ones send none. */
  async caseClosed(m: EntityManager, facts: CaseClosedFacts): Promise<void> {
    const { kase } = facts;
    // A duplicate closed by a merge is not support that ended: the company answers for the surviving case.
    if (facts.reason === DUPLICATE_REASON) return;
    const sme = await this.caseFollowUps.smeContact(m, kase.id);
    if (!sme) return;
    const language = sme.language ?? 'en';
    const expiresAt = new Date(Date.now() + this.rules.expiresAfterDays * 86_400_000);
    const [created] = (await m.query(
      `INSERT INTO satisfaction_surveys (case_id, recipient_user_id, language, closure_reason, expires_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (case_id) DO NOTHING RETURNING id, sent_at`,
      [kase.id, sme.userId, language, facts.reason, expiresAt],
    )) as { id: string; sent_at: Date }[];
    if (!created) return;
    const [company] = (await m.query(
      `SELECT co.legal_name FROM cases c JOIN companies co ON co.id = c.company_id WHERE c.id = $1`,
      [kase.id],
    )) as { legal_name: string }[];
    const values = {
      companyName: company?.legal_name ?? '',
      surveyLink: this.links.url(created.id, expiresAt, language),
      expiresOn: formatDate(expiresAt, this.config.PROGRAMME_TIME_ZONE, language),
    };
    await this.notifications.notify(m, {
      idempotencyKey: `satisfaction-survey:${created.id}`,
      kind: 'satisfaction-survey.sme',
      caseId: kase.id,
      recipient: sme,
      values: { ...values, link: values.surveyLink },
    });
    await this.caseFollowUps.surveySent(m, kase.id, {
      surveyId: created.id,
      sentAt: created.sent_at,
      sme,
      context: values,
    });
    await this.audit.record(m, {
      action: 'satisfaction_survey.sent',
      entityType: 'case',
      entityId: kase.id,
      before: null,
      after: { surveyId: created.id, language, expiresAt: expiresAt.toISOString() },
      context: facts.context,
    });
  }

  /** The survey a link opens, or null for a link that is not ours (altered, made up). */
  async open(token: string, now = new Date()): Promise<OpenedSurvey | null> {
    const read = this.links.read(token, now);
    if (!read) return null;
    const survey = await this.dataSource.getRepository(SatisfactionSurvey).findOneBy({ id: read.surveyId });
    if (!survey) return null;
    return { survey, state: survey.answeredAt ? 'answered' : read.expired ? 'expired' : 'open' };
  }

  /**
   * Records the answers, once: a second answer is a 409 (`survey.answered`), an expired link a 410. The
   * reminder stops; the audit and the case timeline say it was answered.
   */
  async answer(surveyId: string, input: SurveyAnswersDto, context: AuditContext): Promise<void> {
    await this.uow.run(async (m) => {
      const survey = await m
        .getRepository(SatisfactionSurvey)
        .findOne({ where: { id: surveyId }, lock: { mode: 'pessimistic_write' } });
      if (!survey) throw new SurveyExpiredError();
      if (survey.answeredAt)
        throw new ConflictError('survey.answered', 'This survey has already been answered');
      if (survey.expiresAt.getTime() <= Date.now()) throw new SurveyExpiredError();
      const answers: SurveyAnswers = {
        overall: input.overall,
        adviser: input.adviser,
        helpedExport: input.helpedExport,
        recommend: input.recommend,
        comments: input.comments?.trim() || null,
      };
      const satisfied = answers.overall >= this.rules.satisfiedFrom;
      await m.query(
        `UPDATE satisfaction_surveys SET answered_at = now(), answers = $2, satisfied = $3
          WHERE id = $1 AND answered_at IS NULL`,
        [surveyId, JSON.stringify(answers), satisfied],
      );
      await this.caseFollowUps.surveyAnswered(m, survey.caseId);
      await this.audit.record(m, {
        action: 'satisfaction_survey.answered',
        entityType: 'case',
        entityId: survey.caseId,
        before: { answered: false },
        after: { surveyId, overall: answers.overall, satisfied },
        context,
      });
      await this.timeline.record(m, {
        caseId: survey.caseId,
        kind: 'survey.answered',
        actorId: context.actorId,
        data: { overall: answers.overall },
        refType: 'satisfaction_survey',
        refId: surveyId,
      });
    });
  }
}
