import { AuditContext, AuditLogService } from '@app/audit-log';
import { CasesService } from '@app/cases';
import { UnitOfWork } from '@app/database';
import { ConflictError, NotFoundError } from '@app/errors';
import { OutboxService } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Company } from './entities/company.entity';
import { DuplicateFlag, DuplicateFlagStatus } from './entities/duplicate-flag.entity';
import { Enrolment } from './entities/enrolment.entity';
import { FlagAlreadyResolvedError } from './enrolment.errors';

export interface DuplicateFlagView {
  id: string;
  status: DuplicateFlagStatus;
  reason: DuplicateFlag['reason'];
  similarity: number;
  enrolmentId: string;
  company: {
    id: string;
    legalName: string;
    registrationNumber: string;
    registrationCountry: string;
    region: string;
    vatNumber: string | null;
  };
  matchCompany: {
    id: string;
    legalName: string;
    registrationNumber: string;
    registrationCountry: string;
    region: string;
    vatNumber: string | null;
  };
  createdAt: string;
  resolvedAt: string | null;
}

const companySummary = (c: Company): DuplicateFlagView['company'] => ({
  id: c.id,
  legalName: c.legalName,
  registrationNumber: c.registrationNumber,
  registrationCountry: c.registrationCountry,
  region: c.region,
  vatNumber: c.vatNumber,
});

/**
 * Officers' work on near-duplicate companies flagged at submit: merge (the flagged company's enrolments
 * and cases move to the existing company, which survives) or dismiss. Callers are officers or admins;
 * the controller enforces that.
 */
@Injectable()
export class DuplicateFlagsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLogService,
    private readonly outbox: OutboxService,
    private readonly cases: CasesService,
  ) {}

  async list(status: DuplicateFlagStatus = 'open'): Promise<DuplicateFlagView[]> {
    return this.uow.run(async (m) => {
      const flags = await m.find(DuplicateFlag, {
        where: { status },
        relations: { company: true, matchCompany: true },
        order: { createdAt: 'ASC' },
        take: 200,
      });
      return flags.map((f) => this.toView(f));
    });
  }

  async get(id: string): Promise<DuplicateFlagView> {
    return this.uow.run(async (m) => {
      const flag = await m.findOne(DuplicateFlag, {
        where: { id },
        relations: { company: true, matchCompany: true },
      });
      if (!flag) throw new NotFoundError('duplicate_flag', id);
      return this.toView(flag);
    });
  }

  /**
   * Merges the flagged (newer) company into the one it matched: its enrolments and cases move over, it is
   * marked as merged, every move is audited, and `company.merged` lets other libs follow.
   */
  async merge(actorId: string, id: string, context: AuditContext): Promise<DuplicateFlagView> {
    return this.uow.run(async (m) => {
      const flag = await this.lockOpen(m, id);
      // Both rows locked in one statement, in id order, so two merges of the same pair cannot deadlock.
      const locked = await m.find(Company, {
        where: { id: In([flag.companyId, flag.matchCompanyId]) },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const from = locked.find((c) => c.id === flag.companyId);
      const into = locked.find((c) => c.id === flag.matchCompanyId);
      if (!from || !into) throw new NotFoundError('duplicate_flag', id);
      const enrolments = await m.find(Enrolment, { where: { companyId: from.id } });
      for (const enrolment of enrolments) {
        await m.update(Enrolment, { id: enrolment.id }, { companyId: into.id });
        await this.audit.record(m, {
          action: 'enrolment.company_moved',
          entityType: 'enrolment',
          entityId: enrolment.id,
          before: { companyId: from.id },
          after: { companyId: into.id },
          context,
        });
      }
      const cases = await this.cases.lockForCompany(m, from.id);
      for (const kase of cases) {
        if ((await this.cases.setCompany(m, kase, into.id)) === null)
          throw new ConflictError(
            'case.stale',
            'A case of the company changed while it was being moved; try again',
          );
        await this.audit.record(m, {
          action: 'case.company_moved',
          entityType: 'case',
          entityId: kase.id,
          before: { companyId: from.id },
          after: { companyId: into.id },
          context,
        });
      }
      // Other open flags that named the merged company, on either side, now concern the survivor. One that
      // would compare the survivor with itself has nothing left to decide and closes as merged.
      const others = await m.find(DuplicateFlag, {
        where: [
          { companyId: from.id, status: 'open' },
          { matchCompanyId: from.id, status: 'open' },
        ],
        lock: { mode: 'pessimistic_write' },
      });
      for (const other of others.filter((o) => o.id !== flag.id)) {
        const before = { companyId: other.companyId, matchCompanyId: other.matchCompanyId };
        const companyId = other.companyId === from.id ? into.id : other.companyId;
        const matchCompanyId = other.matchCompanyId === from.id ? into.id : other.matchCompanyId;
        if (companyId === matchCompanyId) {
          await this.resolve(m, other, 'merged', actorId, context);
          continue;
        }
        await m.update(DuplicateFlag, { id: other.id }, { companyId, matchCompanyId });
        await this.audit.record(m, {
          action: 'duplicate_flag.repointed',
          entityType: 'duplicate_flag',
          entityId: other.id,
          before,
          after: { companyId, matchCompanyId },
          context,
        });
      }
      await m.update(Company, { id: from.id }, { mergedIntoId: into.id });
      await this.audit.record(m, {
        action: 'company.merged',
        entityType: 'company',
        entityId: from.id,
        before: { mergedIntoId: null },
        after: { mergedIntoId: into.id, enrolmentsMoved: enrolments.length, casesMoved: cases.length },
        context,
      });
      await this.resolve(m, flag, 'merged', actorId, context);
      await this.outbox.add(m, {
        type: 'company.merged',
        aggregateType: 'company',
        aggregateId: into.id,
        payload: { fromCompanyId: from.id, intoCompanyId: into.id, caseIds: cases.map((c) => c.id) },
      });
      flag.company = from;
      flag.matchCompany = into;
      return this.toView(flag);
    });
  }

  async dismiss(actorId: string, id: string, context: AuditContext): Promise<DuplicateFlagView> {
    return this.uow.run(async (m) => {
      const flag = await this.lockOpen(m, id);
      await this.resolve(m, flag, 'dismissed', actorId, context);
      flag.company = await m.findOneByOrFail(Company, { id: flag.companyId });
      flag.matchCompany = await m.findOneByOrFail(Company, { id: flag.matchCompanyId });
      return this.toView(flag);
    });
  }

  private async lockOpen(m: EntityManager, id: string): Promise<DuplicateFlag> {
    const flag = await m.findOne(DuplicateFlag, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!flag) throw new NotFoundError('duplicate_flag', id);
    if (flag.status !== 'open') throw new FlagAlreadyResolvedError(flag.status);
    return flag;
  }

  private async resolve(
    m: EntityManager,
    flag: DuplicateFlag,
    status: 'merged' | 'dismissed',
    actorId: string,
    context: AuditContext,
  ): Promise<void> {
    flag.status = status;
    flag.resolvedById = actorId;
    flag.resolvedAt = new Date();
    await m.update(
      DuplicateFlag,
      { id: flag.id },
      { status, resolvedById: actorId, resolvedAt: flag.resolvedAt },
    );
    await this.audit.record(m, {
      action: `duplicate_flag.${status}`,
      entityType: 'duplicate_flag',
      entityId: flag.id,
      before: { status: 'open' },
      after: { status },
      context,
    });
  }

  private toView(f: DuplicateFlag): DuplicateFlagView {
    return {
      id: f.id,
      status: f.status,
      reason: f.reason,
      similarity: f.similarity,
      enrolmentId: f.enrolmentId,
      company: companySummary(f.company!),
      matchCompany: companySummary(f.matchCompany!),
      createdAt: new Date(f.createdAt).toISOString(),
      resolvedAt: f.resolvedAt ? new Date(f.resolvedAt).toISOString() : null,
    };
  }
}
