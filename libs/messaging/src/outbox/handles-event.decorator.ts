import { SetMetadata } from '@nestjs/common';

export const HANDLES_EVENT = 'messaging:handles-event';

/** What a handler receives: the outbox row, as written. */
export interface DomainEvent<P extends Record<string, unknown> = Record<string, unknown>> {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: P;
  occurredAt: Date;
}

/**
 * Marks a provider method as a worker-side handler of one or more event types. Handlers run at least
 * once (a retry or a re-published event runs them again), so each must be idempotent.
 */
export function HandlesEvent(...types: string[]): MethodDecorator {
  if (types.length === 0) throw new Error('@HandlesEvent needs at least one event type');
  return SetMetadata(HANDLES_EVENT, types);
}
