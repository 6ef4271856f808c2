import { DomainError } from '@app/errors';

/**
 * Seconds an officer is asked to wait for a report being prepared: the worker's refresh runs every minute and
 * computes what was wanted first.
 */
export const REPORT_PREPARED_RETRY_SECONDS = 60;

/**
 * A report whose statements outran the request's statement timeout (a year of a very large programme): what
 * it could not compute is marked as wanted, and the worker's next refresh computes it with the background
 * timeout. 503 with Retry-After, as a busy database, but saying what is happening: "being prepared" on the
 * reports page, `report.being_prepared` in the API.
 */
export class ReportBeingPreparedError extends DomainError {
  constructor() {
    super(
      'report.being_prepared',
      'This report takes longer to work out than a request may wait: it is being prepared in the background, ' +
        'try again after Retry-After seconds',
      503,
      [],
      { retryAfter: REPORT_PREPARED_RETRY_SECONDS },
    );
  }
}
