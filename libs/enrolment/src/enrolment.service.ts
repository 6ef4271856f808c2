import { AuditContext, AuditLogService } from '@app/audit-log';
import { CaseTimelineService } from '@app/case-timeline';
import { UnitOfWork } from '@app/database';
import { FieldError, InvalidInputError, NotFoundError } from '@app/errors';
import { AppConfig } from '@app/config';
import { NotificationService, OutboxService } from '@app/messaging';
import { User } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull, Not, QueryFailedError } from 'typeorm';
import { applyAnswers, EnrolmentAnswerFields, fieldError, missingAnswers } from './answers/enrolment-answers';
import { evaluateEligibility } from './domain/eligibility';
import { checkVatNumber } from './domain/normalise';
import { provisionalStage } from './domain/stage';
import type { EnrolmentAnswersDto } from './dto/enrolment-answers.dto';
import { Case } from './entities/case.entity';
import { Company } from './entities/company.entity';
import { DuplicateFlag, DuplicateReason } from './entities/duplicate-flag.entity';
import { EligibilityResult } from './entities/eligibility-result.entity';
import { Enrolment, EnrolmentStatus } from './entities/enrolment.entity';
import {
  AlreadyEnrolledError,
  AppealNotAllowedError,
  NotAwaitingDecisionError,
  CompanyAlreadyEnrolledError,
  EnrolmentIncompleteError,
  EnrolmentNotEditableError,
  EnrolmentVersionConflictError,
} from './enrolment.errors';
import { EnrolmentView, toEnrolmentView } from './enrolment-view';
import { EnrolmentRules } from './rules/enrolment-rules';

/** Who is acting, as far as enrolment cares (the identity lib's Actor fits this shape). */
export interface ActingUser {
  id: string;
  role: 'sme' | 'adviser' | 'officer' | 'admin';
}

/** Enrolments that hold a company's place in the programme: a second one for the same company is refused. */
const LIVE_STATUSES: EnrolmentStatus[] = ['submitted', 'eligible', 'appealed'];
/** One row of the officers' queue of submitted enrolments awaiting a decision. */
export interface AwaitingDecision {
  id: string;
  companyName: string;
  region: string | null;
  submittedAt: string;
  /** Whole days since it was submitted. */
  ageDays: number;
}

const STAFF_READERS = new Set<ActingUser['role']>(['officer', 'admin']);

/** A snapshot of the answers for the audit log (no secrets here; the diff keeps only what changed). */
function auditable(e: Enrolment): Record<string, unknown> {
  const { company: _company, createdAt: _c, updatedAt: _u, ...rest } = e;
  return rest as unknown as Record<string, unknown>;
}

/**
 * The enrolment rules, shared by the JSON API and the web pages: drafts that may be incomplete, a submit
 * that validates everything, checks duplicates and eligibility and opens the case, and appeals. Every
 * change commits in one transaction with its audit rows and outbox events.
 */
@Injectable()
export class EnrolmentService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly rules: EnrolmentRules,
    private readonly audit: AuditLogService,
    private readonly outbox: OutboxService,
    private readonly timeline: CaseTimelineService,
    private readonly notifications: NotificationService,
    private readonly config: AppConfig,
  ) {}

  private tx<T>(manager: EntityManager | undefined, work: (m: EntityManager) => Promise<T>): Promise<T> {
    return manager ? work(manager) : this.uow.run(work);
  }

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
    return this.tx(options.manager, async (m) => {
      draft.userId = actor.id;
      draft.status = 'draft';
      const saved = await m.save(Enrolment, draft);
      await this.audit.record(m, {
        action: 'enrolment.draft_created',
        entityType: 'enrolment',
        entityId: saved.id,
        before: null,
        after: auditable(saved),
        context,
      });
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
    return this.tx(options.manager, async (m) => {
      const enrolment = await this.lockOwn(m, actor, id);
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
      const saved = await m.save(Enrolment, enrolment);
      await this.audit.record(m, {
        action: 'enrolment.draft_updated',
        entityType: 'enrolment',
        entityId: saved.id,
        before,
        after: auditable(saved),
        context,
      });
      return toEnrolmentView(saved, null, null);
    });
  }

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
    return this.tx(options.manager, (m) =>
      this.submitIn(m, actor, id, context, lang, options.expectedVersion),
    ).catch((error: unknown) => {
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
    const enrolment = await this.lockOwn(m, actor, id);
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
    if (!STAFF_READERS.has(actor.role)) return [];
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
      if (!STAFF_READERS.has(actor.role)) return this.deny(actor, enrolment);
      if (enrolment.status !== 'submitted') throw new NotAwaitingDecisionError(enrolment.status);
      const problems = missingAnswers(enrolment, enrolment.language);
      if (problems.length > 0) throw new EnrolmentIncompleteError(problems);
      const before = auditable(enrolment);
      enrolment.submittedAt ??= new Date();
      const owner: ActingUser = { id: enrolment.userId, role: 'sme' };
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
    const company = await this.companyFor(m, owner, enrolment, context);
    const flags = await this.flagNearDuplicates(m, company, enrolment, context);

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
    const kase = outcome.eligible ? await this.openCase(m, saved, company, context, lang) : null;
    return toEnrolmentView(saved, result, kase);
  }

  /** An ineligible enrolment may be appealed once; it then waits for an officer. */
  async appeal(
    actor: ActingUser,
    id: string,
    reason: string,
    context: AuditContext,
    options: { manager?: EntityManager; lang?: string } = {},
  ): Promise<EnrolmentView> {
    const text = reason.trim();
    if (text === '') throw new InvalidInputError([fieldError('reason', 'required', options.lang)]);
    return this.tx(options.manager, async (m) => {
      const enrolment = await this.lockOwn(m, actor, id);
      if (enrolment.status !== 'ineligible' || enrolment.appealedAt) throw new AppealNotAllowedError();
      const before = auditable(enrolment);
      enrolment.status = 'appealed';
      enrolment.appealReason = text;
      enrolment.appealedAt = new Date();
      const saved = await m.save(Enrolment, enrolment);
      await this.audit.record(m, {
        action: 'enrolment.appealed',
        entityType: 'enrolment',
        entityId: saved.id,
        before,
        after: auditable(saved),
        context,
      });
      await this.outbox.add(m, {
        type: 'enrolment.appealed',
        aggregateType: 'enrolment',
        aggregateId: saved.id,
        payload: { enrolmentId: saved.id, companyId: saved.companyId, userId: saved.userId },
      });
      return this.view(m, saved);
    });
  }

  /** The SME withdraws a draft or an ineligible application (an eligible one has a case: staff close it). */
  async withdraw(
    actor: ActingUser,
    id: string,
    context: AuditContext,
    options: { manager?: EntityManager } = {},
  ): Promise<EnrolmentView> {
    return this.tx(options.manager, async (m) => {
      const enrolment = await this.lockOwn(m, actor, id);
      if (enrolment.status !== 'draft' && enrolment.status !== 'ineligible') {
        throw new EnrolmentNotEditableError(enrolment.status);
      }
      const before = auditable(enrolment);
      enrolment.status = 'withdrawn';
      const saved = await m.save(Enrolment, enrolment);
      await this.audit.record(m, {
        action: 'enrolment.withdrawn',
        entityType: 'enrolment',
        entityId: saved.id,
        before,
        after: auditable(saved),
        context,
      });
      return this.view(m, saved);
    });
  }

  /**
   * An officer's decision on an appeal: upheld opens the case as for an eligible submission; rejected
   * leaves the enrolment ineligible for good (it was appealed once).
   */
  async decideAppeal(
    actor: ActingUser,
    id: string,
    decision: 'upheld' | 'rejected',
    context: AuditContext,
  ): Promise<EnrolmentView> {
    return this.uow.run(async (m) => {
      const enrolment = await m.findOne(Enrolment, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!enrolment) throw new NotFoundError('enrolment', id);
      if (!STAFF_READERS.has(actor.role)) return this.deny(actor, enrolment);
      if (enrolment.status !== 'appealed') throw new AppealNotAllowedError();
      const before = auditable(enrolment);
      enrolment.status = decision === 'upheld' ? 'eligible' : 'ineligible';
      enrolment.appealDecision = decision;
      enrolment.appealDecidedById = actor.id;
      enrolment.appealDecidedAt = new Date();
      const saved = await m.save(Enrolment, enrolment);
      await this.audit.record(m, {
        action: `enrolment.appeal_${decision}`,
        entityType: 'enrolment',
        entityId: saved.id,
        before,
        after: auditable(saved),
        context,
      });
      if (decision === 'upheld') {
        const company = await m.findOneByOrFail(Company, { id: saved.companyId! });
        await this.openCase(m, saved, company, context, saved.language);
      }
      return this.view(m, saved);
    });
  }

  /** One enrolment, if the actor may see it: its SME, or an officer/admin. Otherwise 404. */
  async get(actor: ActingUser, id: string): Promise<EnrolmentView> {
    return this.uow.run(async (m) => {
      const enrolment = await m.findOne(Enrolment, { where: { id } });
      if (!enrolment) throw new NotFoundError('enrolment', id);
      if (!this.mayRead(actor, enrolment)) return this.deny(actor, enrolment);
      return this.view(m, enrolment);
    });
  }

  /** The latest appeal decisions (who decided and when), newest first, for officers and admins. */
  async recentAppealDecisions(actor: ActingUser, limit = 20): Promise<EnrolmentView[]> {
    if (!STAFF_READERS.has(actor.role)) return [];
    return this.uow.run(async (m) => {
      const rows = await m.find(Enrolment, {
        where: { appealDecision: Not(IsNull()) },
        order: { appealDecidedAt: 'DESC' },
        take: limit,
      });
      const views: EnrolmentView[] = [];
      for (const row of rows) views.push(await this.view(m, row));
      return views;
    });
  }

  /** An SME's enrolments, newest first; staff may filter all enrolments by status. */
  async list(actor: ActingUser, filter: { status?: EnrolmentStatus } = {}): Promise<EnrolmentView[]> {
    return this.uow.run(async (m) => {
      const where = {
        ...(actor.role === 'sme' ? { userId: actor.id } : {}),
        ...(filter.status ? { status: filter.status } : {}),
      };
      if (actor.role !== 'sme' && !STAFF_READERS.has(actor.role)) return [];
      const rows = await m.find(Enrolment, { where, order: { createdAt: 'DESC' }, take: 200 });
      // One after another: the transaction is one connection, which runs one statement at a time anyway.
      const views: EnrolmentView[] = [];
      for (const row of rows) views.push(await this.view(m, row));
      return views;
    });
  }

  /** The answers the actor's enrolment still needs before it can be submitted (web pages' required check). */
  async missing(actor: ActingUser, id: string, lang = 'en'): Promise<FieldError[]> {
    return this.uow.run(async (m) => {
      const enrolment = await m.findOne(Enrolment, { where: { id } });
      if (!enrolment) throw new NotFoundError('enrolment', id);
      if (enrolment.userId !== actor.id) return this.deny(actor, enrolment);
      return missingAnswers(enrolment, lang);
    });
  }

  /** The SME's most recent enrolment (what its home page shows), if any. */
  async latestFor(userId: string): Promise<EnrolmentView | null> {
    return this.uow.run(async (m) => {
      const enrolment = await m.findOne(Enrolment, { where: { userId }, order: { createdAt: 'DESC' } });
      return enrolment ? this.view(m, enrolment) : null;
    });
  }

  private mayRead(actor: ActingUser, enrolment: Enrolment): boolean {
    return enrolment.userId === actor.id || STAFF_READERS.has(actor.role);
  }

  private async view(m: EntityManager, enrolment: Enrolment): Promise<EnrolmentView> {
    const result = await m.findOne(EligibilityResult, {
      where: { enrolmentId: enrolment.id },
      order: { evaluatedAt: 'DESC' },
    });
    const kase = await m.findOne(Case, { where: { enrolmentId: enrolment.id } });
    const [decider] = enrolment.appealDecidedById
      ? ((await m.query(`SELECT id, name FROM users WHERE id = $1`, [enrolment.appealDecidedById])) as {
          id: string;
          name: string;
        }[])
      : [];
    return toEnrolmentView(enrolment, result, kase, decider ?? null);
  }

  /** Locks the actor's own enrolment for this transaction; someone else's is "not found". */
  private async lockOwn(m: EntityManager, actor: ActingUser, id: string): Promise<Enrolment> {
    const enrolment = await m.findOne(Enrolment, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!enrolment) throw new NotFoundError('enrolment', id);
    if (enrolment.userId !== actor.id) return this.deny(actor, enrolment);
    return enrolment;
  }

  /**
   * Someone else's enrolment: audited as a denial outside the caller's transaction (the 404 rolls that
   * back), the same row identity's PolicyService writes, then "not found".
   */
  private async deny(actor: ActingUser, enrolment: Enrolment): Promise<never> {
    await this.audit.recordDenial({
      entityType: 'enrolment',
      entityId: enrolment.id,
      after: { role: actor.role },
      context: { actorId: actor.id },
    });
    throw new NotFoundError('enrolment', enrolment.id);
  }

  /**
   * The company this submission is for. Same normalised registration number and country = same company:
   * if it already holds a live enrolment the submission is refused (the SME is told whom to contact);
   * otherwise (an earlier attempt was ineligible or withdrawn) the company record is refreshed.
   */
  private async companyFor(
    m: EntityManager,
    actor: ActingUser,
    e: Enrolment,
    context: AuditContext,
  ): Promise<Company> {
    const existing = await m.findOne(Company, {
      where: { registrationNumber: e.registrationNumber!, registrationCountry: e.registrationCountry! },
      lock: { mode: 'pessimistic_write' },
    });
    if (existing) {
      const live = await m.findOne(Enrolment, {
        where: { companyId: existing.id, status: In(LIVE_STATUSES) },
        order: { submittedAt: 'DESC' },
      });
      if (live) {
        if (live.userId === actor.id) throw new AlreadyEnrolledError(live.id);
        throw new CompanyAlreadyEnrolledError(this.rules.settings.programmeContactEmail);
      }
    }
    const company = existing ?? m.create(Company, { primaryContactId: actor.id, mergedIntoId: null });
    const before = existing ? { ...existing } : null;
    Object.assign(company, {
      legalName: e.legalName!,
      tradingName: e.tradingName,
      registrationNumber: e.registrationNumber!,
      registrationCountry: e.registrationCountry!,
      vatNumber: e.vatNumber,
      region: e.region!,
      naceCode: e.naceCode!,
      naceSection: e.naceSection!,
      employees: e.employees!,
      turnoverMinor: e.turnoverMinor!,
      balanceSheetMinor: e.balanceSheetMinor,
      currency: e.currency!,
      yearFounded: e.yearFounded,
      website: e.website,
      socialProfiles: e.socialProfiles ?? [],
      primaryContactId: actor.id,
    });
    const saved = await m.save(Company, company);
    await this.audit.record(m, {
      action: existing ? 'company.updated' : 'company.created',
      entityType: 'company',
      entityId: saved.id,
      before,
      after: { ...saved },
      context,
    });
    return saved;
  }

  /**
   * Near duplicates, for an officer to judge: another company with the same VAT number, or a very similar
   * legal name (pg_trgm similarity at or above the configured threshold) in the same region.
   */
  private async flagNearDuplicates(
    m: EntityManager,
    company: Company,
    enrolment: Enrolment,
    context: AuditContext,
  ): Promise<DuplicateFlag[]> {
    const threshold = this.rules.settings.nameSimilarityThreshold;
    // `%` uses the GIN trigram index; the threshold applies to this transaction only.
    await m.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(threshold)]);
    const matches: { id: string; similarity: number; same_vat: boolean }[] = await m.query(
      `SELECT id, similarity(legal_name, $2) AS similarity, (vat_number IS NOT NULL AND vat_number = $3) AS same_vat
         FROM companies
        WHERE id <> $1 AND merged_into_id IS NULL
          AND ((vat_number IS NOT NULL AND vat_number = $3) OR (region = $4 AND legal_name % $2))
        ORDER BY similarity DESC
        LIMIT 20`,
      [company.id, company.legalName, company.vatNumber, company.region],
    );
    const flags: DuplicateFlag[] = [];
    for (const match of matches) {
      const reason: DuplicateReason = match.same_vat ? 'same_vat' : 'similar_name';
      const flag = await m.save(
        DuplicateFlag,
        m.create(DuplicateFlag, {
          companyId: company.id,
          enrolmentId: enrolment.id,
          matchCompanyId: match.id,
          reason,
          similarity: Number(match.similarity),
          status: 'open',
        }),
      );
      await this.audit.record(m, {
        action: 'duplicate_flag.raised',
        entityType: 'duplicate_flag',
        entityId: flag.id,
        before: null,
        after: {
          companyId: flag.companyId,
          matchCompanyId: flag.matchCompanyId,
          reason,
          similarity: flag.similarity,
        },
        context,
      });
      flags.push(flag);
    }
    return flags;
  }

  /** Opens the case for an eligible enrolment, with its audit row, timeline entry and `case.opened` event. */
  private async openCase(
    m: EntityManager,
    enrolment: Enrolment,
    company: Company,
    context: AuditContext,
    lang: string,
  ): Promise<Case> {
    const kase = await m.save(
      Case,
      m.create(Case, {
        companyId: company.id,
        enrolmentId: enrolment.id,
        stage: provisionalStage({ exportedLast12Months: enrolment.exportedLast12Months === true }),
        status: 'awaiting_assignment',
        region: company.region,
        sector: company.naceCode,
      }),
    );
    await this.audit.record(m, {
      action: 'case.opened',
      entityType: 'case',
      entityId: kase.id,
      before: null,
      after: {
        companyId: kase.companyId,
        enrolmentId: kase.enrolmentId,
        stage: kase.stage,
        status: kase.status,
      },
      context,
    });
    await this.timeline.record(m, {
      caseId: kase.id,
      kind: 'case.opened',
      actorId: context.actorId,
      data: { stage: kase.stage, region: kase.region, sector: kase.sector },
      refType: 'enrolment',
      refId: enrolment.id,
    });
    await this.outbox.add(m, {
      type: 'case.opened',
      aggregateType: 'case',
      aggregateId: kase.id,
      payload: {
        caseId: kase.id,
        companyId: company.id,
        companyName: company.legalName,
        enrolmentId: enrolment.id,
        smeUserId: enrolment.userId,
        stage: kase.stage,
        region: kase.region,
        sector: kase.sector,
        naceSection: company.naceSection,
        targetMarkets: enrolment.targetMarkets ?? [],
        helpWanted: enrolment.helpWanted ?? [],
        language: lang,
      },
    });
    await this.confirmToSme(m, kase, company, enrolment.userId, lang);
    return kase;
  }

  /**
   * The SME's confirmation email, in their language, created in the same transaction as the case; the
   * worker delivers it. One per case, however often this runs (idempotency key).
   */
  private async confirmToSme(
    m: EntityManager,
    kase: Case,
    company: Company,
    userId: string,
    lang: string,
  ): Promise<void> {
    const user = await m.findOneBy(User, { id: userId });
    if (!user) return;
    await this.notifications.notify(m, {
      idempotencyKey: `case-opened:${kase.id}`,
      kind: 'case-opened.sme',
      caseId: kase.id,
      recipient: {
        userId: user.id,
        email: user.email,
        name: user.name,
        language: emailLanguage(lang),
      },
      values: { companyName: company.legalName, link: `${this.config.APP_BASE_URL}/home` },
    });
  }
}

/** The languages emails are written in; anything else gets English. */
function emailLanguage(lang: string): 'en' | 'es' | 'de' {
  return lang === 'es' || lang === 'de' ? lang : 'en';
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
