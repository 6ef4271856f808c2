import { AuditContext } from '@app/audit-log';
import { CaseClosureService, DUPLICATE_REASON } from '@app/cases';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * Closes the case a merge does not continue: reason `duplicate`, its summary naming the case that goes on
 * (the closure service writes the audit row, timeline event, `case.closed` and tells its listeners).
 */
@Injectable()
export class CaseDuplicateCloser {
  constructor(private readonly closure: CaseClosureService) {}

  async closeAsDuplicate(
    m: EntityManager,
    caseId: string,
    continuingCaseId: string,
    context: AuditContext,
  ): Promise<void> {
    await this.closure.close(
      m,
      caseId,
      {
        reason: DUPLICATE_REASON,
        summary: `Duplicate: the company's records were merged and case ${continuingCaseId} continues.`,
      },
      { context },
    );
  }
}
