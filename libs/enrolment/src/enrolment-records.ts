import { AuditLogService } from '@app/audit-log';
import { Case } from '@app/cases';
import { UnitOfWork } from '@app/database';
import { NotFoundError } from '@app/errors';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EligibilityResult } from './entities/eligibility-result.entity';
import { Enrolment, EnrolmentStatus } from './entities/enrolment.entity';
import { EnrolmentView, toEnrolmentView } from './enrolment-view';

/** Who is acting, as far as enrolment cares (the identity lib's Actor fits this shape). */
export interface ActingUser {
  id: string;
  role: 'sme' | 'adviser' | 'officer' | 'admin';
}

export const STAFF_READERS = new Set<ActingUser['role']>(['officer', 'admin']);

/** A snapshot of the answers for the audit log (no secrets here; the diff keeps only what changed). */
export function auditable(e: Enrolment): Record<string, unknown> {
  const { company: _company, createdAt: _c, updatedAt: _u, ...rest } = e;
  return rest as unknown as Record<string, unknown>;
}

/**
 * Enrolments as an actor may see them, and the transaction each change runs in: what drafts, submission
 * and appeals share. Someone else's enrolment is "not found" (and the denial is audited).
 */
@Injectable()
export class EnrolmentRecords {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLogService,
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
      if (!this.mayRead(actor, enrolment)) return this.deny(actor, enrolment);
      return this.view(m, enrolment);
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

  /** The SME's most recent enrolment (what its home page shows), if any. */
  async latestFor(userId: string): Promise<EnrolmentView | null> {
    return this.uow.run(async (m) => {
      const enrolment = await m.findOne(Enrolment, { where: { userId }, order: { createdAt: 'DESC' } });
      return enrolment ? this.view(m, enrolment) : null;
    });
  }

  mayRead(actor: ActingUser, enrolment: Enrolment): boolean {
    return enrolment.userId === actor.id || STAFF_READERS.has(actor.role);
  }

  /** The enrolment with its latest eligibility result and its case, as the API and pages show it. */
  async view(m: EntityManager, enrolment: Enrolment): Promise<EnrolmentView> {
    const result = await m.findOne(EligibilityResult, {
      where: { enrolmentId: enrolment.id },
      order: { evaluatedAt: 'DESC' },
    });
    const kase = await m.findOne(Case, { where: { enrolmentId: enrolment.id } });
    return toEnrolmentView(enrolment, result, kase);
  }

  /** Locks the actor's own enrolment for this transaction; someone else's is "not found". */
  async lockOwn(m: EntityManager, actor: ActingUser, id: string): Promise<Enrolment> {
    const enrolment = await m.findOne(Enrolment, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!enrolment) throw new NotFoundError('enrolment', id);
    if (enrolment.userId !== actor.id) return this.deny(actor, enrolment);
    return enrolment;
  }

  /**
   * Someone else's enrolment: audited as a denial outside the caller's transaction (the 404 rolls that
   * back), the same row identity's PolicyService writes, then "not found".
   */
  async deny(actor: ActingUser, enrolment: Enrolment): Promise<never> {
    await this.audit.recordDenial({
      entityType: 'enrolment',
      entityId: enrolment.id,
      after: { role: actor.role },
      context: { actorId: actor.id },
    });
    throw new NotFoundError('enrolment', enrolment.id);
  }
}
