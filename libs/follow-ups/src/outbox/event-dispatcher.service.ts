import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventHandlerRegistry } from './event-handler.registry';
import { OutboxEvent } from './outbox-event.entity';

/**
 * Runs every handler of an outbox event, then stamps it processed. An event already processed is skipped,
 * so a duplicated or re-published job does nothing; a failing handler makes the job retry, which is why
 * handlers must be idempotent.
 */
@Injectable()
export class EventDispatcher {
  private readonly logger = new Logger(EventDispatcher.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: EventHandlerRegistry,
  ) {}

  async dispatch(id: string): Promise<'processed' | 'skipped'> {
    const row = await this.dataSource.getRepository(OutboxEvent).findOneBy({ id });
    if (!row || row.processedAt) return 'skipped';
    const event = {
      id: row.id,
      type: row.type,
      aggregateType: row.aggregateType,
      aggregateId: row.aggregateId,
      payload: row.payload,
      occurredAt: row.occurredAt,
    };
    for (const handler of this.registry.handlersFor(row.type)) {
      try {
        await handler.run(event);
      } catch (error) {
        this.logger.warn(`${handler.name} failed on ${row.type} ${row.id}: ${(error as Error).message}`);
        throw error;
      }
    }
    await this.dataSource.query(
      `UPDATE outbox_event SET processed_at = now() WHERE id = $1 AND processed_at IS NULL`,
      [id],
    );
    return 'processed';
  }
}
