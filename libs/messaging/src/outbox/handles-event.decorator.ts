import { SetMetadata } from '@nestjs/common';
import type { EventName, EventPayloads } from '../events/event-contracts';

export const HANDLES_EVENT = 'messaging:handles-event';

/** What a handler receives: the outbox row, as written, its payload typed by the event's name. */
export type DomainEvent<K extends EventName = EventName> = K extends EventName
  ? {
      id: string;
      type: K;
      /** The contract version the event was written under. */
      version: number;
      aggregateType: string;
      aggregateId: string;
      payload: EventPayloads[K];
      occurredAt: Date;
    }
  : never;

/**
 * Marks a provider method as a worker-side handler of one or more events; the method must accept those
 * events. Handlers run at least once (a retry or a re-published event runs them again), so each must be
 * idempotent. Declaring one makes this worker publish and take those events (see OutboxRelay).
 */
export function HandlesEvent<K extends EventName>(...types: [K, ...K[]]) {
  const metadata = SetMetadata(HANDLES_EVENT, types);
  return <M extends (event: DomainEvent<K>) => unknown>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    metadata(target, key, descriptor);
  };
}
