import { DomainError } from '@app/errors';

/** Too many exports started this hour; Retry-After says when the oldest one stops counting. */
export class ExportRateLimitedError extends DomainError {
  constructor(limit: number, retryAfterSeconds: number) {
    super(
      'report_export.rate_limited',
      `You can start ${limit} exports an hour. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes, or download one you have already made`,
      429,
      [],
      { retryAfter: retryAfterSeconds },
    );
  }
}

/** The export's file was deleted when it expired: ask for a new one. */
export class ExportExpiredError extends DomainError {
  constructor(id: string) {
    super(
      'report_export.expired',
      `Export ${id} has expired and its file was deleted: start a new export`,
      410,
    );
  }
}

/** Asked for the file before the worker finished writing it. */
export class ExportNotReadyError extends DomainError {
  constructor(id: string, status: string) {
    super(
      'report_export.not_ready',
      `Export ${id} is ${status}: its file is not ready to download`,
      409,
      [],
      {
        status,
      },
    );
  }
}
