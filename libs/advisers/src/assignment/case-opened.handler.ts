import { SYSTEM_AUDIT_CONTEXT } from '@app/audit-log';
import { Coalescer, UnitOfWork } from '@app/database';
import { DomainEvent, HandlesEvent } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import { AssignmentService, AutoAssignRequest, type AssignOutcome } from './assignment.service';

/** The most cases one assignment transaction takes; the worker's job concurrency is usually the limit. */
const MAX_BATCH = 100;

/**
 * Worker side: a newly opened case gets its adviser. The deliveries in flight at the same moment are
 * assigned together in one transaction (group commit: a handful of statements per batch instead of two
 * dozen per case); each job still gets its own outcome, and a batch that fails is retried case by case,
 * so one bad case fails only its own job. Safe to run twice: the case rows are locked and a case that
 * already has an adviser keeps it, so a re-delivered event assigns nothing new.
 */
@Injectable()
export class CaseOpenedHandler {
  private readonly batches: Coalescer<AutoAssignRequest, AssignOutcome['outcome']>;

  constructor(uow: UnitOfWork, assignment: AssignmentService) {
    this.batches = new Coalescer(
      (requests) => uow.run((m) => assignment.autoAssignMany(m, requests, SYSTEM_AUDIT_CONTEXT)),
      MAX_BATCH,
    );
  }

  @HandlesEvent('case.opened')
  async handle(event: DomainEvent<'case.opened'>): Promise<string> {
    const caseId = typeof event.payload.caseId === 'string' ? event.payload.caseId : event.aggregateId;
    const language = typeof event.payload.language === 'string' ? event.payload.language : undefined;
    return this.batches.submit({ caseId, language });
  }
}
