export interface FieldError {
  /** Dotted path of the field, e.g. `company.registrationNumber`. */
  field: string;
  /** A message a person can act on. */
  message: string;
  /** Stable machine code, e.g. `isNotEmpty`, `enrolment.duplicate`. */
  code?: string;
}

/**
 * A coded rule violation raised by a service. One global filter turns it into problem+json (API) or the
 * GOV.UK error page / form errors (web); services never know about HTTP beyond the status they suggest.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly fields: readonly FieldError[] = [],
    readonly extras: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A record that does not exist, or that the caller may not know exists (always 404, never 403). */
export class NotFoundError extends DomainError {
  constructor(entity: string, id?: string) {
    super(`${entity}.not_found`, id ? `${entity} ${id} was not found` : `${entity} was not found`, 404);
  }
}

/** The request clashes with the record's current state (stale version, already submitted...). */
export class ConflictError extends DomainError {
  constructor(code: string, message: string, extras: Record<string, unknown> = {}) {
    super(code, message, 409, [], extras);
  }
}

/** Well-formed, but a business rule says no (e.g. assigning an absent adviser). */
export class UnprocessableError extends DomainError {
  constructor(code: string, message: string, fields: readonly FieldError[] = []) {
    super(code, message, 422, fields);
  }
}

/** Field-level validation failure raised by a service (rules beyond the DTO's decorators). */
export class InvalidInputError extends DomainError {
  constructor(fields: readonly FieldError[], message = 'The request has invalid fields') {
    super('validation_failed', message, 400, fields);
  }
}

/** Allowed in principle, but not for this caller (used only where hiding existence is pointless). */
export class ForbiddenError extends DomainError {
  constructor(code = 'forbidden', message = 'You do not have permission to do that') {
    super(code, message, 403);
  }
}
