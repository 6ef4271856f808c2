import { AuditContext } from '@app/audit-log';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** TEMPORARY until close24's CaseClosureService is merged: not committed. */
@Injectable()
export class CaseDuplicateCloser {
  closeAsDuplicate(
    _m: EntityManager,
    _caseId: string,
    _continuingCaseId: string,
    _context: AuditContext,
  ): Promise<void> {
    return Promise.reject(new Error('closing not available yet'));
  }
}
