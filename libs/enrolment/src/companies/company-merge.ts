import { AuditContext, AuditLogService } from '@app/audit-log';
import { Case, CasesService } from '@app/cases';
import { CaseTimelineService } from '@app/case-timeline';
import { ConflictError, InvalidInputError } from '@app/errors';
import { OutboxService } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Company } from '../entities/company.entity';
import { DuplicateFlag } from '../entities/duplicate-flag.entity';
import { Enrolment } from '../entities/enrolment.entity';
import { CaseDuplicateCloser } from './case-duplicate-closer';
import { CompanyContacts } from './company-contacts';

export interface MergeResult {
  enrolmentsMoved: number;
  casesMoved: number;
  contactsMoved: number;
  continuingCaseId: string | null;
  closedCaseIds: string[];
}

/**
 * Two records of one company become one: the merged company's enrolments, cases (with their bookings,
 * certificates and every other record of a case), contacts and their SME accounts move to the survivor.
 * When both had an open case the officer chooses which continues; the other closes with reason
 * `duplicate`, its history kept, each case's timeline naming the other. Runs in the caller's transaction.
 */
@Injectable()
export class CompanyMerge {
  constructor(
    private readonly cases: CasesService,
    private readonly contacts: CompanyContacts,
    private readonly closer: CaseDuplicateCloser,
    private readonly timeline: CaseTimelineService,
    private readonly audit: AuditLogService,
    private readonly outbox: OutboxService,
  ) {}

  /** Both companies, locked in one statement in id order (two merges of one pair cannot deadlock). */
  async lockPair(
    m: EntityManager,
    fromId: string,
    intoId: string,
  ): Promise<{ from?: Company; into?: Company }> {
    const locked = await m.find(Company, {
      where: { id: In([fromId, intoId]) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    return { from: locked.find((c) => c.id === fromId), into: locked.find((c) => c.id === intoId) };
  }

  /** The open cases of each company, for the officer to choose which continues. */
  async openCases(m: EntityManager, companyIds: readonly string[]): Promise<Case[]> {
    return m.getRepository(Case).find({
      where: { companyId: In([...companyIds]), status: In(['awaiting_assignment', 'active']) },
      order: { openedAt: 'ASC' },
    });
  }

  async merge(
    m: EntityManager,
    from: Company,
    into: Company,
    continuingCaseId: string | undefined,
    context: AuditContext,
  ): Promise<MergeResult> {
    const open = await this.openCases(m, [from.id, into.id]);
    const bothOpen = open.some((c) => c.companyId === from.id) && open.some((c) => c.companyId === into.id);
    let continuing: Case | undefined;
    if (bothOpen) {
      continuing = open.find((c) => c.id === continuingCaseId);
      if (!continuing)
        throw new InvalidInputError([
          {
            field: 'continuingCaseId',
            message: 'Both companies have an open case: choose which case continues',
            code: continuingCaseId ? 'unknown' : 'required',
          },
        ]);
    }
    const enrolments = await m.find(Enrolment, { where: { companyId: from.id } });
    for (const enrolment of enrolments) {
      await m.update(Enrolment, { id: enrolment.id }, { companyId: into.id });
      await this.audited(m, 'enrolment', enrolment.id, from.id, into.id, context);
    }
    const moved = await this.cases.lockForCompany(m, from.id);
    for (const kase of moved) {
      if ((await this.cases.setCompany(m, kase, into.id)) === null)
        throw new ConflictError(
          'case.stale',
          'A case of the company changed while it was being moved; try again',
        );
      await this.audited(m, 'case', kase.id, from.id, into.id, context);
    }
    const contactsMoved = await this.contacts.moveAll(m, from.id, into.id, context);
    const closedCaseIds: string[] = [];
    if (continuing) {
      for (const duplicate of open.filter((c) => c.id !== continuing.id)) {
        await this.closer.closeAsDuplicate(m, duplicate.id, continuing.id, context);
        await this.timeline.record(m, {
          caseId: continuing.id,
          kind: 'case.duplicate_merged',
          actorId: context.actorId,
          data: { duplicateCaseId: duplicate.id, fromCompanyId: from.id },
          refType: 'case',
          refId: duplicate.id,
        });
        closedCaseIds.push(duplicate.id);
      }
    }
    // Other open flags that named the merged company now concern the survivor (DuplicateFlagsService
    // repoints or closes them); the merged company is marked and kept, its history with it.
    await m.update(Company, { id: from.id }, { mergedIntoId: into.id });
    await this.audit.record(m, {
      action: 'company.merged',
      entityType: 'company',
      entityId: from.id,
      before: { mergedIntoId: null },
      after: {
        mergedIntoId: into.id,
        enrolmentsMoved: enrolments.length,
        casesMoved: moved.length,
        contactsMoved,
        continuingCaseId: continuing?.id ?? null,
        closedCaseIds,
      },
      context,
    });
    await this.outbox.add(m, {
      type: 'company.merged',
      aggregateType: 'company',
      aggregateId: into.id,
      payload: { fromCompanyId: from.id, intoCompanyId: into.id, caseIds: moved.map((c) => c.id) },
    });
    return {
      enrolmentsMoved: enrolments.length,
      casesMoved: moved.length,
      contactsMoved,
      continuingCaseId: continuing?.id ?? null,
      closedCaseIds,
    };
  }

  /** The audit row of a record (`enrolment`, `case`) moved from one company to the other. */
  private audited(
    m: EntityManager,
    entityType: 'enrolment' | 'case',
    entityId: string,
    fromId: string,
    intoId: string,
    context: AuditContext,
  ): Promise<void> {
    return this.audit.record(m, {
      action: `${entityType}.company_moved`,
      entityType,
      entityId,
      before: { companyId: fromId },
      after: { companyId: intoId },
      context,
    });
  }

  /** Open flags naming the merged company, for the caller to repoint. */
  flagsNaming(m: EntityManager, companyId: string): Promise<DuplicateFlag[]> {
    return m.find(DuplicateFlag, {
      where: [
        { companyId, status: 'open' },
        { matchCompanyId: companyId, status: 'open' },
      ],
      lock: { mode: 'pessimistic_write' },
    });
  }
}
