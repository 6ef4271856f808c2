import { Injectable, Logger } from '@nestjs/common';
import { Coalescer } from '@app/database';
import { DataSource, In } from 'typeorm';
import { EVENT_CONTRACTS, isEventName } from '../events/event-contracts';
import { EventHandlerRegistry } from './event-handler.registry';
import type { DomainEvent } from './handles-event.decorator';
import { OutboxEvent } from './outbox-event.entity';

/**
 * Runs every handler of an outbox event, then stamps it processed. An event already processed is skipped,
 * so a duplicated or re-published job does nothing; a failing handler makes the job retry, which is why
 * handlers must be idempotent. An event this worker has no handler for is never stamped: the job fails
 * and is retried (workers share the events queue, so a worker with the handler takes it). The jobs in
 * flight at one moment read their rows, and stamp them, in one statement each (group commit), which is
 * most of the per-event cost a handler does not cause itself.
 */
const BATCH = 500;

@Injectable()
export class EventDispatcher {
  private readonly logger = new Logger(EventDispatcher.name);

  private readonly reads: Coalescer<string, OutboxEvent | null>;
  private readonly stamps: Coalescer<string, null>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: EventHandlerRegistry,
  ) {
    this.reads = new Coalescer(async (ids) => {
      const rows = await this.dataSource.getRepository(OutboxEvent).findBy({ id: In(ids) });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }, BATCH);
    this.stamps = new Coalescer(async (ids) => {
      await this.dataSource.query(
        `UPDATE outbox_event SET processed_at = now() WHERE id = ANY($1) AND processed_at IS NULL`,
        [ids],
      );
      return ids.map(() => null);
    }, BATCH);
  }

  async dispatch(id: string): Promise<'processed' | 'skipped'> {
    const row = await this.reads.submit(id);
    if (!row || row.processedAt) return 'skipped';
    const handlers = this.registry.handlersFor(row.type);
    // Another release published it for its own handler (a rolling update): fail this attempt so the job
    // is retried, by a worker that has one, rather than stamp it processed unhandled.
    if (handlers.length === 0 && !(isEventName(row.type) && EVENT_CONTRACTS[row.type].handlers === 'none'))
      throw new Error(`no handler for ${row.type} in this worker; left for a worker that has one`);
    const event = {
      id: row.id,
      type: row.type,
      version: row.version,
      aggregateType: row.aggregateType,
      aggregateId: row.aggregateId,
      payload: row.payload,
      occurredAt: row.occurredAt,
    } as DomainEvent;
    for (const handler of handlers) {
      try {
        await handler.run(event);
      } catch (error) {
        this.logger.warn(`${handler.name} failed on ${row.type} ${row.id}: ${(error as Error).message}`);
        throw error;
      }
    }
    await this.stamps.submit(id);
    return 'processed';
  }
}
