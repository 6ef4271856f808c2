import { AuditContext } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { FieldError, InvalidInputError, NotFoundError } from '@app/errors';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { applyAnswers, EnrolmentAnswerFields, missingAnswers } from '../answers/enrolment-answers';
import type { EnrolmentAnswersDto } from '../dto/enrolment-answers.dto';
import { Enrolment } from '../entities/enrolment.entity';
import { EnrolmentNotEditableError, EnrolmentVersionConflictError } from '../enrolment.errors';
import { ActingUser, auditable, EnrolmentRecords } from '../enrolment-records';
import { EnrolmentView, toEnrolmentView } from '../enrolment-view';
import { EnrolmentRules } from '../rules/enrolment-rules';

/** The SME's draft: answers saved page by page (possibly incomplete), what is still missing, withdrawal. */
@Injectable()
export class EnrolmentDrafts {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly records: EnrolmentRecords,
    private readonly rules: EnrolmentRules,
  ) {}

  async createDraft(
    actor: ActingUser,
    answers: EnrolmentAnswersDto,
    context: AuditContext,
    options: { manager?: EntityManager; lang?: string } = {},
  ): Promise<EnrolmentView> {
    const draft = new Enrolment();
    Object.assign(draft, emptyAnswers());
    const errors = applyAnswers(draft, answers, this.rules, options.lang);
    if (errors.length > 0) throw new InvalidInputError(errors);
    return this.records.tx(options.manager, async (m) => {
      draft.userId = actor.id;
      draft.status = 'draft';
      const saved = await this.records.saveAudited(m, draft, 'enrolment.draft_created', null, context);
      return toEnrolmentView(saved, null, null);
    });
  }

  async updateDraft(
    actor: ActingUser,
    id: string,
    answers: EnrolmentAnswersDto,
    context: AuditContext,
    options: {
      expectedVersion?: number;
      manager?: EntityManager;
      lang?: string;
      /** Fields (a question page's) that must be answered once these answers apply; else nothing is saved. */
      requireAnswered?: readonly string[];
    } = {},
  ): Promise<EnrolmentView> {
    return this.records.tx(options.manager, async (m) => {
      const enrolment = await this.records.lockOwn(m, actor, id);
      if (enrolment.status !== 'draft') throw new EnrolmentNotEditableError(enrolment.status);
      if (options.expectedVersion !== undefined && options.expectedVersion !== enrolment.version) {
        throw new EnrolmentVersionConflictError(enrolment.version);
      }
      const before = auditable(enrolment);
      const errors = applyAnswers(enrolment, answers, this.rules, options.lang);
      if (errors.length > 0) throw new InvalidInputError(errors);
      const required = options.requireAnswered;
      const unanswered = required
        ? missingAnswers(enrolment, options.lang ?? 'en').filter((e) => required.includes(e.field))
        : [];
      if (unanswered.length > 0) throw new InvalidInputError(unanswered);
      const saved = await this.records.saveAudited(m, enrolment, 'enrolment.draft_updated', before, context);
      return toEnrolmentView(saved, null, null);
    });
  }

  /** The SME withdraws a draft or an ineligible application (an eligible one has a case: staff close it). */
  async withdraw(
    actor: ActingUser,
    id: string,
    context: AuditContext,
    options: { manager?: EntityManager } = {},
  ): Promise<EnrolmentView> {
    return this.records.tx(options.manager, async (m) => {
      const enrolment = await this.records.lockOwn(m, actor, id);
      if (enrolment.status !== 'draft' && enrolment.status !== 'ineligible') {
        throw new EnrolmentNotEditableError(enrolment.status);
      }
      const before = auditable(enrolment);
      enrolment.status = 'withdrawn';
      const saved = await this.records.saveAudited(m, enrolment, 'enrolment.withdrawn', before, context);
      return this.records.view(m, saved);
    });
  }

  /** The answers the actor's enrolment still needs before it can be submitted (web pages' required check). */
  async missing(actor: ActingUser, id: string, lang = 'en'): Promise<FieldError[]> {
    return this.uow.run(async (m) => {
      const enrolment = await m.findOne(Enrolment, { where: { id } });
      if (!enrolment) throw new NotFoundError('enrolment', id);
      await this.records.assert(actor, 'own', enrolment);
      return missingAnswers(enrolment, lang);
    });
  }
}

/** A new draft starts with every answer unset. */
export function emptyAnswers(): EnrolmentAnswerFields {
  return {
    legalName: null,
    tradingName: null,
    registrationNumber: null,
    registrationCountry: null,
    vatNumber: null,
    region: null,
    naceCode: null,
    naceSection: null,
    employees: null,
    turnoverMinor: null,
    balanceSheetMinor: null,
    currency: null,
    yearFounded: null,
    website: null,
    socialProfiles: null,
    exportedLast12Months: null,
    exportSharePercent: null,
    exportMarkets: null,
    orderOrigin: null,
    targetMarkets: null,
    barriers: null,
    barriersNote: null,
    helpWanted: null,
    consentDataProcessing: null,
    consentEvaluationContact: null,
    privacyNoticeVersion: null,
  };
}
