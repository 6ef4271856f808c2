import { ConflictError, FieldError, UnprocessableError } from '@app/errors';

/** The enrolment was submitted already (or decided): answers can no longer change. */
export class EnrolmentNotEditableError extends ConflictError {
  constructor(status: string) {
    super('enrolment.not_editable', `This enrolment is ${status} and can no longer be changed`, {
      recordStatus: status,
    });
  }
}

/** If-Match named an older version than the one stored. */
export class EnrolmentVersionConflictError extends ConflictError {
  constructor(currentVersion: number) {
    super('enrolment.version_conflict', 'This enrolment has changed since you loaded it', { currentVersion });
  }
}

/** The same SME already enrolled this company. */
export class AlreadyEnrolledError extends ConflictError {
  constructor(enrolmentId: string) {
    super('enrolment.already_enrolled', 'You have already enrolled this company', { enrolmentId });
  }
}

/** Another SME enrolled a company with the same registration number and country. */
export class CompanyAlreadyEnrolledError extends ConflictError {
  constructor(contact: string) {
    super(
      'enrolment.company_already_enrolled',
      `An enrolment for this company already exists. If you work for this company, contact ${contact}`,
      { contact },
    );
  }
}

/** Submit with answers missing or inconsistent: every problem is a field error. */
export class EnrolmentIncompleteError extends UnprocessableError {
  constructor(fields: FieldError[]) {
    super(
      'enrolment.incomplete',
      'The enrolment cannot be submitted until these answers are complete',
      fields,
    );
  }
}

/** Only an enrolment left in `submitted` waits for an officer's eligibility decision. */
export class NotAwaitingDecisionError extends ConflictError {
  constructor(status: string) {
    super('enrolment.not_awaiting_decision', `This enrolment is ${status}, not waiting for a decision`, {
      recordStatus: status,
    });
  }
}

export class AppealNotAllowedError extends ConflictError {
  constructor() {
    super('enrolment.appeal_not_allowed', 'Only an ineligible enrolment can be appealed, and only once');
  }
}

export class FlagAlreadyResolvedError extends ConflictError {
  constructor(status: string) {
    super('duplicate_flag.resolved', `This duplicate flag is already ${status}`, { recordStatus: status });
  }
}
