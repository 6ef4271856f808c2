import { AuditContext, AuditLogService } from '@app/audit-log';
import { Case } from '@app/cases';
import { FieldError, NotFoundError } from '@app/errors';
import { UnitOfWork } from '@app/database';
import { Injectable } from '@nestjs/common';
import { EntityManager, Not, QueryFailedError } from 'typeorm';
import { fieldError, missingAnswers } from '../answers/enrolment-answers';
import { emailLanguage, CaseOpening } from '../case-opening/case-opening';
import { CompanyRegistry } from '../companies/company-registry';
import { evaluateEligibility } from '../domain/eligibility';
import { checkVatNumber } from '../domain/normalise';
import { EligibilityResult } from '../entities/eligibility-result.entity';
import { Enrolment } from '../entities/enrolment.entity';
import {
  CompanyAlreadyEnrolledError,
  EnrolmentIncompleteError,
  EnrolmentNotEditableError,
  EnrolmentVersionConflictError,
  NotAwaitingDecisionError,
} from '../enrolment.errors';
import { ActingUser, auditable, EnrolmentRecords } from '../enrolment-records';
import { EnrolmentView, toEnrolmentView } from '../enrolment-view';
import { EnrolmentRules } from '../rules/enrolment-rules';

/** One row of the officers' queue of submitted enrolments awaiting a decision. */
export interface AwaitingDecision {
  id: string;
  companyName: string;
  region: string | null;
  submittedAt: string;
  /** Whole days since it was submitted. */
  ageDays: number;
}

/** Submitting a draft: full validation, the company record, duplicates, eligibility and the case. */
@Injectable()
export class EnrolmentSubmission {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly records: EnrolmentRecords,
    private readonly rules: EnrolmentRules,
    private readonly audit: AuditLogService,
    private readonly companies: CompanyRegistry,
    private readonly caseOpening: CaseOpening,
  ) {}

  /**
   * Submits a draft: full validation, the exact-duplicate check (same registration number and country),
   * the company record, near-duplicate flags, eligibility with every reason, and for an eligible company
   * the case and its `case.opened` event — all in one transaction.
   */
  async submit(
    actor: ActingUser,
    id: string,
    context: AuditContext,
    options: { manager?: EntityManager; lang?: string; expectedVersion?: number } = {},
  ): Promise<EnrolmentView> {
    const lang = options.lang ?? 'en';
    return this.records
      .tx(options.manager, (m) => this.submitIn(m, actor, id, context, lang, options.expectedVersion))
      .catch((error: unknown) => {
        // Two SMEs submitting the same company at the same moment: the unique key decides, the loser is told.
        if (
          error instanceof QueryFailedError &&
          (error as { constraint?: string }).constraint === 'uq_companies_registration'
        ) {
          throw new CompanyAlreadyEnrolledError(this.rules.settings.programmeContactEmail);
        }
        throw error;
      });
  }

  private async submitIn(
    m: EntityManager,
    actor: ActingUser,
    id: string,
    context: AuditContext,
    lang: string,
    expectedVersion: number | undefined,
  ): Promise<EnrolmentView> {
    const enrolment = await this.records.lockOwn(m, actor, id);
    if (enrolment.status !== 'draft') throw new EnrolmentNotEditableError(enrolment.status);
    if (expectedVersion !== undefined && expectedVersion !== enrolment.version) {
      throw new EnrolmentVersionConflictError(enrolment.version);
    }
    const problems: FieldError[] = missingAnswers(enrolment, lang);
    if (enrolment.vatNumber && enrolment.registrationCountry) {
      if (!checkVatNumber(enrolment.vatNumber, enrolment.registrationCountry).ok) {
        problems.push(fieldError('company.vatNumber', 'invalid', lang));
      }
    }
    if (problems.length > 0) throw new EnrolmentIncompleteError(problems);
    const before = auditable(enrolment);
    enrolment.submittedAt = new Date();
    enrolment.language = emailLanguage(lang);
    return this.decideEligibility(m, actor, enrolment, before, context, lang, 'enrolment.submitted');
  }

  /**
   * Enrolments left in `submitted` with no decision, oldest first, with how long they have waited: the
   * officers' queue. A submission is decided in its own transaction, so this is empty unless something
   * (an import, a fault) left one behind; then an officer runs the decision with `decideSubmitted`.
   */
  async awaitingDecision(actor: ActingUser, now = new Date()): Promise<AwaitingDecision[]> {
    if (!this.records.mayReview(actor)) return [];
    const rows = await this.uow.run((m) =>
      m.find(Enrolment, { where: { status: 'submitted' }, order: { submittedAt: 'ASC' }, take: 200 }),
    );
    return rows.map((e) => {
      const since = e.submittedAt ?? e.updatedAt;
      return {
        id: e.id,
        companyName: e.legalName ?? '',
        region: e.region,
        submittedAt: since.toISOString(),
        ageDays: Math.max(0, Math.floor((now.getTime() - since.getTime()) / 86_400_000)),
      };
    });
  }

  /**
   * An officer decides an enrolment left in `submitted`: the same checks as a submission (company,
   * near duplicates, eligibility and, when eligible, the case), on behalf of the SME who submitted it.
   */
  async decideSubmitted(actor: ActingUser, id: string, context: AuditContext): Promise<EnrolmentView> {
    return this.uow.run(async (m) => {
      const enrolment = await m.findOne(Enrolment, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!enrolment) throw new NotFoundError('enrolment', id);
      await this.records.assert(actor, 'work', enrolment);
      if (enrolment.status !== 'submitted') throw new NotAwaitingDecisionError(enrolment.status);
      const problems = missingAnswers(enrolment, enrolment.language);
      if (problems.length > 0) throw new EnrolmentIncompleteError(problems);
      const before = auditable(enrolment);
      enrolment.submittedAt ??= new Date();
      // Submitted applications always have their SME (a prospect's draft gets one before it can be submitted).
      const owner: ActingUser = { id: enrolment.userId!, role: 'sme' };
      const lang = enrolment.language;
      return this.decideEligibility(m, owner, enrolment, before, context, lang, 'enrolment.decided');
    });
  }

  /**
   * The decision on a complete application: the company record, near-duplicate flags, eligibility with
   * every reason, and for an eligible company the case and its `case.opened` event. `owner` is the SME
   * who submitted it.
   */
  private async decideEligibility(
    m: EntityManager,
    owner: ActingUser,
    enrolment: Enrolment,
    before: Record<string, unknown>,
    context: AuditContext,
    lang: string,
    action: 'enrolment.submitted' | 'enrolment.decided',
  ): Promise<EnrolmentView> {
    const company = await this.companies.register(m, owner, enrolment, context);
    const flags = await this.companies.flagNearDuplicates(m, company, enrolment, context);

    const openCase = await m.exists(Case, { where: { companyId: company.id, status: Not('closed') } });
    const outcome = evaluateEligibility(
      {
        employees: enrolment.employees!,
        turnoverMinor: enrolment.turnoverMinor!,
        balanceSheetMinor: enrolment.balanceSheetMinor,
        currency: enrolment.currency!,
        region: enrolment.region!,
        naceCode: enrolment.naceCode!,
        alreadyEnrolled: openCase,
      },
      this.rules,
    );
    const result = await m.save(
      EligibilityResult,
      m.create(EligibilityResult, {
        enrolmentId: enrolment.id,
        eligible: outcome.eligible,
        reasons: outcome.reasons,
      }),
    );
    enrolment.companyId = company.id;
    enrolment.status = outcome.eligible ? 'eligible' : 'ineligible';
    const saved = await m.save(Enrolment, enrolment);
    await this.audit.record(m, {
      action,
      entityType: 'enrolment',
      entityId: saved.id,
      before,
      after: { ...auditable(saved), eligible: outcome.eligible, duplicateFlags: flags.length },
      context,
    });
    const kase = outcome.eligible ? await this.caseOpening.open(m, saved, company, context, lang) : null;
    return toEnrolmentView(saved, result, kase);
  }
}
