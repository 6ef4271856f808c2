import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface NewOutboxEvent {
  /** Dotted, past tense: `case.opened`, `interaction.logged`. */
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/**
 * Writes domain events into the outbox inside the caller's transaction. It never touches Redis: the
 * worker's relay publishes the rows, so a request succeeds while Redis is down.
 */
@Injectable()
export class OutboxService {
  async add(manager: EntityManager, event: NewOutboxEvent): Promise<void> {
    await this.addMany(manager, [event]);
  }

  async addMany(manager: EntityManager, events: NewOutboxEvent[]): Promise<void> {
    if (events.length === 0) return;
    for (const event of events) {
      if (!event.type || !event.aggregateType || !event.aggregateId)
        throw new Error('an outbox event needs a type, an aggregateType and an aggregateId');
    }
    await manager.query(
      `INSERT INTO outbox_event (type, aggregate_type, aggregate_id, payload)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::jsonb[])`,
      [
        events.map((e) => e.type),
        events.map((e) => e.aggregateType),
        events.map((e) => e.aggregateId),
        events.map((e) => JSON.stringify(e.payload ?? {})),
      ],
    );
  }
}
