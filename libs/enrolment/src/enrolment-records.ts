import { AuditContext, AuditLogService } from '@app/audit-log';
import { Case } from '@app/cases';
import { UnitOfWork } from '@app/database';
import { NotFoundError } from '@app/errors';
import { Intent, PolicyService, Resource } from '@app/identity';
import { newestFirstPage, PageCursors, type Page, type PageRequest } from '@app/web';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EligibilityResult } from './entities/eligibility-result.entity';
import { Enrolment, EnrolmentStatus } from './entities/enrolment.entity';
import { EnrolmentView, toEnrolmentView } from './enrolment-view';

/** Who is acting, as far as enrolment cares (the identity lib's Actor fits this shape). */
export interface ActingUser {
  id: string;
  role: 'sme' | 'adviser' | 'officer' | 'admin' | 'expert';
}

/** A snapshot of the answers for the audit log (no secrets here; the diff keeps only what changed). */
export function auditable(e: Enrolment): Record<string, unknown> {
  const { company: _company, createdAt: _c, updatedAt: _u, ...rest } = e;
  return rest as unknown as Record<string, unknown>;
}

/** What the access policy decides on: the SME whose enrolment it is (officers and admins review it). */
const applicationOf = (enrolment: Enrolment): Resource => ({
  kind: 'application',
  type: 'enrolment',
  id: enrolment.id,
  ownerId: enrolment.userId,
});

/**
 * Enrolments as an actor may see them, and the transaction each change runs in: what drafts, submission
 * and appeals share. Someone else's enrolment is "not found" (and the denial is audited).
 */
@Injectable()
export class EnrolmentRecords {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: PolicyService,
    private readonly audit: AuditLogService,
    private readonly cursors: PageCursors,
  ) {}

  /** Runs `work` in the caller's transaction when it passes one, else in a new one. */
  tx<T>(manager: EntityManager | undefined, work: (m: EntityManager) => Promise<T>): Promise<T> {
    return manager ? work(manager) : this.uow.run(work);
  }

  /** One enrolment, if the actor may see it: its SME, or an officer/admin. Otherwise 404. */
  async get(actor: ActingUser, id: string): Promise<EnrolmentView> {
    return this.uow.run(async (m) => {
      const enrolment = await m.findOne(Enrolment, { where: { id } });
      if (!enrolment) throw new NotFoundError('enrolment', id);
      await this.assert(actor, 'see', enrolment);
      return this.view(m, enrolment);
    });
  }

  /**
   * A page of an SME's enrolments, newest first (then by id); staff may filter all enrolments by status.
   * The cursor is bound to this list, so one taken with another status filter still only pages this one.
   */
  async list(
    actor: ActingUser,
    filter: { status?: EnrolmentStatus } = {},
    request: PageRequest = {},
  ): Promise<Page<EnrolmentView>> {
    return this.uow.run(async (m) => {
      if (actor.role !== 'sme' && !this.mayReview(actor)) return { items: [], nextCursor: null };
      const qb = m.createQueryBuilder(Enrolment, 'e');
      if (actor.role === 'sme') qb.andWhere('e.user_id = :userId', { userId: actor.id });
      if (filter.status) qb.andWhere('e.status = :status', { status: filter.status });
      const page = await newestFirstPage(qb, 'e', this.cursors, 'enrolments', request);
      // One after another: the transaction is one connection, which runs one statement at a time anyway.
      const items: EnrolmentView[] = [];
      for (const row of page.items) items.push(await this.view(m, row));
      return { items, nextCursor: page.nextCursor };
    });
  }

  /** The SME's most recent enrolment (what its home page shows), if any. */
  async latestFor(userId: string): Promise<EnrolmentView | null> {
    return this.uow.run(async (m) => {
      const enrolment = await m.findOne(Enrolment, { where: { userId }, order: { createdAt: 'DESC' } });
      return enrolment ? this.view(m, enrolment) : null;
    });
  }

  /** The enrolment with its latest eligibility result and its case, as the API and pages show it. */
  async view(m: EntityManager, enrolment: Enrolment): Promise<EnrolmentView> {
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

  /** Officers and admins review every enrolment (the queue, appeals, staff reads). */
  mayReview(actor: ActingUser): boolean {
    return this.policy.can(actor, 'enrolments.review');
  }

  /** Locks the actor's own enrolment for this transaction; someone else's is "not found". */
  async lockOwn(m: EntityManager, actor: ActingUser, id: string): Promise<Enrolment> {
    const enrolment = await m.findOne(Enrolment, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!enrolment) throw new NotFoundError('enrolment', id);
    await this.assert(actor, 'own', enrolment);
    return enrolment;
  }

  /** 404 (and an audited denial) unless the policy lets the actor do this with the enrolment. */
  assert(actor: ActingUser, intent: Intent, enrolment: Enrolment): Promise<void> {
    return this.policy.assert(actor, intent, applicationOf(enrolment));
  }

  /** Saves a change to an enrolment with its audit row (`before` → what was saved) in the caller's transaction. */
  async saveAudited(
    m: EntityManager,
    enrolment: Enrolment,
    action: string,
    before: Record<string, unknown> | null,
    context: AuditContext,
  ): Promise<Enrolment> {
    return this.audit.saveAudited(m, Enrolment, enrolment, {
      action,
      entityType: 'enrolment',
      before,
      snapshot: auditable,
      context,
    });
  }
}
