import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EVENT_CONTRACTS, EventPayloads, isEventName, type EventName } from '../events/event-contracts';

/** One event to write: its name picks the payload shape (events/event-contracts.ts). */
export type NewOutboxEvent<K extends EventName = EventName> = K extends EventName
  ? {
      /** Dotted, past tense: `case.opened`, `interaction.logged`. */
      type: K;
      aggregateType: string;
      aggregateId: string;
      payload: EventPayloads[K];
    }
  : never;

/**
 * Writes domain events into the outbox inside the caller's transaction, stamped with their contract's
 * version. It never touches Redis: the worker's relay publishes the rows, so a request succeeds while
 * Redis is down.
 */
@Injectable()
export class OutboxService {
  async add<K extends EventName>(manager: EntityManager, event: NewOutboxEvent<K>): Promise<void> {
    await this.addMany(manager, [event]);
  }

  async addMany(manager: EntityManager, events: readonly NewOutboxEvent[]): Promise<void> {
    if (events.length === 0) return;
    for (const event of events) {
      // The types already refuse these; this catches a cast or a caller outside TypeScript.
      if (!isEventName(event.type))
        throw new Error(`unknown event "${String(event.type)}": add its contract first`);
      if (!event.aggregateType || !event.aggregateId)
        throw new Error('an outbox event needs a type, an aggregateType and an aggregateId');
    }
    await manager.query(
      `INSERT INTO outbox_event (type, version, aggregate_type, aggregate_id, payload)
       SELECT * FROM unnest($1::varchar[], $2::smallint[], $3::varchar[], $4::varchar[], $5::jsonb[])`,
      [
        events.map((e) => e.type),
        events.map((e) => EVENT_CONTRACTS[e.type].version),
        events.map((e) => e.aggregateType),
        events.map((e) => e.aggregateId),
        events.map((e) => JSON.stringify(e.payload ?? {})),
      ],
    );
  }
}
