import { SYSTEM_AUDIT_CONTEXT } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { DomainEvent, HandlesEvent } from '@app/follow-ups';
import { Injectable } from '@nestjs/common';
import { AssignmentService } from './assignment.service';

/**
 * Worker side: a newly opened case gets its adviser. Safe to run twice: the case row is locked and a case
 * that already has an adviser keeps it, so a re-delivered event assigns nothing new.
 */
@Injectable()
export class CaseOpenedHandler {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly assignment: AssignmentService,
  ) {}

  @HandlesEvent('case.opened')
  async handle(event: DomainEvent): Promise<string> {
    const caseId = typeof event.payload.caseId === 'string' ? event.payload.caseId : event.aggregateId;
    const language = typeof event.payload.language === 'string' ? event.payload.language : undefined;
    const result = await this.uow.run((m) =>
      this.assignment.autoAssign(m, caseId, { method: 'automatic', context: SYSTEM_AUDIT_CONTEXT, language }),
    );
    return result.outcome;
  }
}
