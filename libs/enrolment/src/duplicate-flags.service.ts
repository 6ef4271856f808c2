import { AuditContext, AuditLogService } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { InvalidInputError, NotFoundError } from '@app/errors';
import { oldestFirstPage, PageCursors, type Page, type PageRequest } from '@app/web';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CompanyMerge, type MergeResult } from './companies/company-merge';
import { Company } from './entities/company.entity';
import { DuplicateFlag, DuplicateFlagStatus } from './entities/duplicate-flag.entity';
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
    private readonly companyMerge: CompanyMerge,
    private readonly cursors: PageCursors,
  ) {}

  /** A page of the flags in one status, oldest first (then by id): the queue officers work through. */
  async list(
    status: DuplicateFlagStatus = 'open',
    request: PageRequest = {},
  ): Promise<Page<DuplicateFlagView>> {
    return this.uow.run(async (m) => {
      const qb = m
        .createQueryBuilder(DuplicateFlag, 'f')
        .leftJoinAndSelect('f.company', 'company')
        .leftJoinAndSelect('f.matchCompany', 'matchCompany')
        .where('f.status = :status', { status });
      const page = await oldestFirstPage(qb, 'f', this.cursors, 'duplicate-flags', request);
      return { items: page.items.map((f) => this.toView(f)), nextCursor: page.nextCursor };
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
   * Merges the flagged (newer) company into the one it matched (CompanyMerge: enrolments, cases, contacts
   * and their SME accounts move over; when both had an open case, `continuingCaseId` names the one that
   * continues and the other closes as a duplicate). Other open flags naming it are repointed.
   */
  async merge(
    actorId: string,
    id: string,
    context: AuditContext,
    continuingCaseId?: string,
  ): Promise<DuplicateFlagView> {
    return this.uow.run(async (m) => {
      const flag = await this.lockOpen(m, id);
      const { from, into } = await this.companyMerge.lockPair(m, flag.companyId, flag.matchCompanyId);
      if (!from || !into) throw new NotFoundError('duplicate_flag', id);
      await this.companyMerge.merge(m, from, into, continuingCaseId, context);
      await this.repointFlags(m, from.id, into.id, flag.id, actorId, context);
      await this.resolve(m, flag, 'merged', actorId, context);
      flag.company = from;
      flag.matchCompany = into;
      return this.toView(flag);
    });
  }

  /**
   * An officer merges two companies found by other means than a flag (the company page): the same merge;
   * open flags between them close as merged, others naming the merged company are repointed.
   */
  async mergeCompanies(
    actorId: string,
    fromId: string,
    intoId: string,
    continuingCaseId: string | undefined,
    context: AuditContext,
  ): Promise<MergeResult> {
    if (fromId === intoId)
      throw new InvalidInputError([
        { field: 'intoCompanyId', message: 'Choose another company to merge into', code: 'same_company' },
      ]);
    return this.uow.run(async (m) => {
      const { from, into } = await this.companyMerge.lockPair(m, fromId, intoId);
      if (!from) throw new NotFoundError('company', fromId);
      if (!into || into.mergedIntoId)
        throw new InvalidInputError([
          { field: 'intoCompanyId', message: 'Choose a company that has not been merged', code: 'unknown' },
        ]);
      if (from.mergedIntoId) throw new NotFoundError('company', fromId);
      const result = await this.companyMerge.merge(m, from, into, continuingCaseId, context);
      await this.repointFlags(m, from.id, into.id, null, actorId, context);
      return result;
    });
  }

  /** The open cases of both companies of a flag: the officer chooses which continues when both have one. */
  async openCasesOf(
    id: string,
  ): Promise<{ id: string; companyId: string; openedAt: string; stage: string }[]> {
    return this.uow.run(async (m) => {
      const flag = await m.findOneBy(DuplicateFlag, { id });
      if (!flag) throw new NotFoundError('duplicate_flag', id);
      const open = await this.companyMerge.openCases(m, [flag.companyId, flag.matchCompanyId]);
      return open.map((c) => ({
        id: c.id,
        companyId: c.companyId,
        openedAt: new Date(c.openedAt).toISOString(),
        stage: c.stage,
      }));
    });
  }

  /**
   * Other open flags that named the merged company, on either side, now concern the survivor. One that would
   * compare the survivor with itself has nothing left to decide and closes as merged.
   */
  async repointFlags(
    m: EntityManager,
    fromId: string,
    intoId: string,
    exceptFlagId: string | null,
    actorId: string,
    context: AuditContext,
  ): Promise<void> {
    const others = await this.companyMerge.flagsNaming(m, fromId);
    for (const other of others.filter((o) => o.id !== exceptFlagId)) {
      const before = { companyId: other.companyId, matchCompanyId: other.matchCompanyId };
      const companyId = other.companyId === fromId ? intoId : other.companyId;
      const matchCompanyId = other.matchCompanyId === fromId ? intoId : other.matchCompanyId;
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
