import { ConflictError, NotFoundError, UnprocessableError } from '@app/errors';

export class AdviserNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('adviser', id);
  }
}

export class AdviserUnavailableError extends UnprocessableError {
  constructor(reason: 'inactive' | 'absent', absentTo?: string | null) {
    super(
      `adviser.${reason}`,
      reason === 'inactive'
        ? 'The adviser is not active, so cannot take cases'
        : `The adviser is absent${absentTo ? ` until ${absentTo}` : ''}, so cannot take cases`,
      [
        {
          field: 'adviserId',
          message: reason === 'inactive' ? 'Adviser is inactive' : 'Adviser is absent',
          code: `adviser.${reason}`,
        },
      ],
    );
  }
}

/** The form or request was based on an older version of the case: someone else changed it meanwhile. */
export class StaleCaseError extends ConflictError {
  constructor(caseId: string, yourVersion: number, extras: Record<string, unknown>) {
    super(
      'case.stale',
      `Case ${caseId} changed since you loaded it (you had version ${yourVersion})`,
      extras,
    );
  }
}
