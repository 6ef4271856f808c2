import { AuditContext, AuditLogService } from '@app/audit-log';
import { CaseTimelineService } from '@app/case-timeline';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  UnprocessableError,
  type FieldError,
} from '@app/errors';
import { OutboxService } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CasesService } from '../cases.service';
import { Case } from '../entities/case.entity';
import { CaseClosureRules } from './case-closure-rules';

/** Why and how a case closes: a reason code of config/case-closure.yaml and the closing summary. */
export interface CloseCaseInput {
  reason: string;
  summary: string;
}

export interface CaseTransitionOptions {
  /** Who closes or reopens it (an officer's merge, an adviser's form) and through which request. */
  context: AuditContext;
  /** The version the caller's form or If-Match was based on; a different current version is a 409. */
  expectedVersion?: number;
}

/** What the lib that works a case learns when it closes (in the same transaction). */
export interface CaseClosedFacts {
  /** The case as it is now: status `closed`, new version, its adviser still on the row. */
  kase: Case;
  reason: string;
  summary: string;
  context: AuditContext;
}

/** What the lib that works a case learns when it reopens (in the same transaction). */
export interface CaseReopenedFacts {
  /** The case as it is now: awaiting assignment, no adviser. */
  kase: Case;
  reason: string;
  /** The adviser who had the case when it closed (to restore when they have room). */
  previousAdviserId: string | null;
  context: AuditContext;
}

/**
 * A lib above this one that must act, in the same transaction, when any case closes or reopens (end the
 * adviser's assignment, cancel reminders, tell the SME). Registered once at start-up.
 */
export interface CaseLifecycleListener {
  caseClosed?(m: EntityManager, facts: CaseClosedFacts): Promise<void>;
  caseReopened?(m: EntityManager, facts: CaseReopenedFacts): Promise<void>;
}

/**
 * Closes and reopens cases, in the caller's transaction: the case row (through CasesService), its audit
 * row, a timeline event and the outbox event (`case.closed` / `case.reopened`), then every registered
 * listener, so whatever path closes a case (an adviser's form, an officer's merge) does the same. The
 * caller decides who may do it (CaseAccessService / PolicyService); this service checks the rules.
 */
@Injectable()
export class CaseClosureService {
  private readonly listeners = new Map<string, CaseLifecycleListener>();

  constructor(
    private readonly cases: CasesService,
    private readonly rules: CaseClosureRules,
    private readonly audit: AuditLogService,
    private readonly timeline: CaseTimelineService,
    private readonly outbox: OutboxService,
  ) {}

  /** Adds a listener under a name (a second registration under the same name replaces the first). */
  listen(name: string, listener: CaseLifecycleListener): void {
    this.listeners.set(name, listener);
  }

  /** The reasons a case may close for, in config order, worded in `language`. */
  reasons(language: string): { code: string; label: string }[] {
    return this.rules.reasons.map((r) => ({ code: r.code, label: this.rules.label(r.code, language) }));
  }

  /** The wording of a reason in `language`. */
  reasonLabel(code: string, language: string): string {
    return this.rules.label(code, language);
  }

  /**
   * Closes an open case with a reason and a summary. Throws InvalidInputError (400, fields `reason`,
   * `summary`), NotFoundError (404), ConflictError `case.stale` (409) when `expectedVersion` is given and
   * the case moved on, UnprocessableError `case.closed` (422) when it is closed already.
   */
  async close(
    m: EntityManager,
    caseId: string,
    input: CloseCaseInput,
    options: CaseTransitionOptions,
  ): Promise<Case> {
    const reason = input.reason?.trim() ?? '';
    const summary = input.summary?.trim() ?? '';
    const errors: FieldError[] = [];
    if (!this.rules.isReason(reason))
      errors.push({
        field: 'reason',
        message: 'Choose why the case is closing',
        code: reason ? 'unknown' : 'required',
      });
    if (!summary) errors.push({ field: 'summary', message: 'Enter a closing summary', code: 'required' });
    else if (summary.length > this.rules.summaryMaxLength)
      errors.push({
        field: 'summary',
        message: `The closing summary must be ${this.rules.summaryMaxLength} characters or fewer`,
        code: 'too_long',
      });
    if (errors.length) throw new InvalidInputError(errors);
    const kase = await this.lock(m, caseId, options.expectedVersion);
    if (kase.status === 'closed') throw new UnprocessableError('case.closed', 'The case is already closed');
    const before = { status: kase.status, stage: kase.stage, assignedAdviserId: kase.assignedAdviserId };
    const closedById = options.context.actorId;
    if ((await this.cases.setClosed(m, kase, { reason, summary, closedById })) === null)
      throw stale(kase.id, kase.version);
    await this.audit.record(m, {
      action: 'case.closed',
      entityType: 'case',
      entityId: kase.id,
      before,
      after: { status: kase.status, stage: kase.stage, closureReason: reason, closureSummary: summary },
      context: options.context,
    });
    await this.timeline.record(m, {
      caseId: kase.id,
      kind: 'case.closed',
      actorId: closedById,
      // The reason's wording in each language, so the timeline reads in the page's language.
      data: { reason, reasonLabel: this.rules.labels(reason), summary, stage: kase.stage },
    });
    await this.outbox.add(m, {
      type: 'case.closed',
      aggregateType: 'case',
      aggregateId: kase.id,
      payload: {
        caseId: kase.id,
        companyId: kase.companyId,
        reason,
        stage: kase.stage,
        adviserId: kase.assignedAdviserId,
        closedById,
        closedAt: (kase.closedAt ?? new Date()).toISOString(),
      },
    });
    const facts: CaseClosedFacts = { kase, reason, summary, context: options.context };
    for (const listener of this.listeners.values()) await listener.caseClosed?.(m, facts);
    return kase;
  }

  /**
   * Reopens a closed case with a reason: it awaits assignment, and the listeners give it back to its
   * adviser or assign it. Throws InvalidInputError (field `reason`), NotFoundError, ConflictError
   * `case.stale`, UnprocessableError `case.not_closed`.
   */
  async reopen(
    m: EntityManager,
    caseId: string,
    input: { reason: string },
    options: CaseTransitionOptions,
  ): Promise<Case> {
    const reason = input.reason?.trim() ?? '';
    if (!reason)
      throw new InvalidInputError([
        { field: 'reason', message: 'Enter why the case is reopening', code: 'required' },
      ]);
    if (reason.length > this.rules.reopenReasonMaxLength)
      throw new InvalidInputError([
        {
          field: 'reason',
          message: `The reason must be ${this.rules.reopenReasonMaxLength} characters or fewer`,
          code: 'too_long',
        },
      ]);
    const kase = await this.lock(m, caseId, options.expectedVersion);
    if (kase.status !== 'closed') throw new UnprocessableError('case.not_closed', 'The case is not closed');
    const previousAdviserId = kase.assignedAdviserId;
    const before = {
      status: kase.status,
      closureReason: kase.closureReason,
      assignedAdviserId: previousAdviserId,
    };
    if ((await this.cases.setReopened(m, kase)) === null) throw stale(kase.id, kase.version);
    await this.audit.record(m, {
      action: 'case.reopened',
      entityType: 'case',
      entityId: kase.id,
      before,
      after: { status: kase.status, reopenReason: reason },
      context: options.context,
    });
    await this.timeline.record(m, {
      caseId: kase.id,
      kind: 'case.reopened',
      actorId: options.context.actorId,
      data: { reason },
    });
    await this.outbox.add(m, {
      type: 'case.reopened',
      aggregateType: 'case',
      aggregateId: kase.id,
      payload: { caseId: kase.id, reason, previousAdviserId, reopenedById: options.context.actorId },
    });
    const facts: CaseReopenedFacts = { kase, reason, previousAdviserId, context: options.context };
    for (const listener of this.listeners.values()) await listener.caseReopened?.(m, facts);
    return kase;
  }

  private async lock(m: EntityManager, caseId: string, expectedVersion?: number): Promise<Case> {
    const kase = await this.cases.lock(m, caseId);
    if (!kase) throw new NotFoundError('case', caseId);
    if (expectedVersion !== undefined && expectedVersion !== kase.version)
      throw new ConflictError(
        'case.stale',
        `Case ${caseId} changed since you loaded it (you had version ${expectedVersion})`,
        { currentVersion: kase.version, current: { status: kase.status, stage: kase.stage } },
      );
    return kase;
  }
}

function stale(caseId: string, version: number): ConflictError {
  return new ConflictError('case.stale', `Case ${caseId} changed while it was being written`, {
    currentVersion: version,
  });
}
