import { AuditContext } from '@app/audit-log';
import { FieldError } from '@app/errors';
import type { Page, PageRequest } from '@app/web';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EnrolmentAppeals } from './appeals/enrolment-appeals';
import { EnrolmentDrafts } from './drafts/enrolment-drafts';
import type { EnrolmentAnswersDto } from './dto/enrolment-answers.dto';
import type { EnrolmentStatus } from './entities/enrolment.entity';
import { ActingUser, EnrolmentRecords } from './enrolment-records';
import type { EnrolmentView } from './enrolment-view';
import { AwaitingDecision, EnrolmentSubmission } from './submission/enrolment-submission';

export type { ActingUser } from './enrolment-records';
export type { AwaitingDecision } from './submission/enrolment-submission';

/**
 * The enrolment rules, shared by the JSON API, the web pages and the CLI: one entry to the lib's jobs —
 * drafts that may be incomplete (EnrolmentDrafts), a submit that validates everything, registers the
 * company, checks duplicates and eligibility and opens the case (EnrolmentSubmission, CompanyRegistry,
 * CaseOpening), appeals (EnrolmentAppeals) and reads (EnrolmentRecords). Every change commits in one
 * transaction with its audit rows and outbox events; one passed in as `manager` is used instead.
 */
@Injectable()
export class EnrolmentService {
  constructor(
    private readonly records: EnrolmentRecords,
    private readonly drafts: EnrolmentDrafts,
    private readonly submission: EnrolmentSubmission,
    private readonly appeals: EnrolmentAppeals,
  ) {}

  createDraft(
    actor: ActingUser,
    answers: EnrolmentAnswersDto,
    context: AuditContext,
    options: { manager?: EntityManager; lang?: string } = {},
  ): Promise<EnrolmentView> {
    return this.drafts.createDraft(actor, answers, context, options);
  }

  updateDraft(
    actor: ActingUser,
    id: string,
    answers: EnrolmentAnswersDto,
    context: AuditContext,
    options: Parameters<EnrolmentDrafts['updateDraft']>[4] = {},
  ): Promise<EnrolmentView> {
    return this.drafts.updateDraft(actor, id, answers, context, options);
  }

  /** The SME withdraws a draft or an ineligible application (an eligible one has a case: staff close it). */
  withdraw(
    actor: ActingUser,
    id: string,
    context: AuditContext,
    options: { manager?: EntityManager } = {},
  ): Promise<EnrolmentView> {
    return this.drafts.withdraw(actor, id, context, options);
  }

  /** The answers the actor's enrolment still needs before it can be submitted (web pages' required check). */
  missing(actor: ActingUser, id: string, lang = 'en'): Promise<FieldError[]> {
    return this.drafts.missing(actor, id, lang);
  }

  submit(
    actor: ActingUser,
    id: string,
    context: AuditContext,
    options: { manager?: EntityManager; lang?: string; expectedVersion?: number } = {},
  ): Promise<EnrolmentView> {
    return this.submission.submit(actor, id, context, options);
  }

  /** The officers' queue: enrolments left in `submitted` with no decision, oldest first, with their age. */
  awaitingDecision(actor: ActingUser, now = new Date()): Promise<AwaitingDecision[]> {
    return this.submission.awaitingDecision(actor, now);
  }

  /** An officer runs the decision on an enrolment left in `submitted`, on behalf of its SME. */
  decideSubmitted(actor: ActingUser, id: string, context: AuditContext): Promise<EnrolmentView> {
    return this.submission.decideSubmitted(actor, id, context);
  }

  /** An ineligible enrolment may be appealed once; it then waits for an officer. */
  appeal(
    actor: ActingUser,
    id: string,
    reason: string,
    context: AuditContext,
    options: { manager?: EntityManager; lang?: string } = {},
  ): Promise<EnrolmentView> {
    return this.appeals.appeal(actor, id, reason, context, options);
  }

  decideAppeal(
    actor: ActingUser,
    id: string,
    decision: 'upheld' | 'rejected',
    context: AuditContext,
  ): Promise<EnrolmentView> {
    return this.appeals.decideAppeal(actor, id, decision, context);
  }

  /** The latest appeal decisions (who decided and when), newest first, for officers and admins. */
  recentAppealDecisions(actor: ActingUser, limit = 20): Promise<EnrolmentView[]> {
    return this.appeals.recentDecisions(actor, limit);
  }

  /** One enrolment, if the actor may see it: its SME, or an officer/admin. Otherwise 404. */
  get(actor: ActingUser, id: string): Promise<EnrolmentView> {
    return this.records.get(actor, id);
  }

  /** A page of an SME's enrolments, newest first; staff may filter all enrolments by status. */
  list(
    actor: ActingUser,
    filter: { status?: EnrolmentStatus } = {},
    request: PageRequest = {},
  ): Promise<Page<EnrolmentView>> {
    return this.records.list(actor, filter, request);
  }

  /** The SME's most recent enrolment (what its home page shows), if any. */
  latestFor(userId: string): Promise<EnrolmentView | null> {
    return this.records.latestFor(userId);
  }
}
