import { DomainError } from '@app/errors';

/** The same Idempotency-Key sent again with another body or to another operation: refused, not replayed. */
export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super('idempotency_key.reused', 'This Idempotency-Key was already used for a different request', 422, [
      { field: 'Idempotency-Key', message: 'Use a new key for a different request', code: 'reused' },
    ]);
  }
}
