import { PageCursors } from '@app/web';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { AuditContext } from './audit-context';
import { auditDiff } from './audit-diff';
import { AuditEvent } from './entities/audit-event.entity';

export interface AuditEntry {
  /** Dotted verb, e.g. `user.created`, `enrolment.submitted`, `auth.sign_in_failed`, `report.exported`. */
  action: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  context: AuditContext;
}

/** The audit row `saveAudited` writes with the entity it saves. */
export interface AuditedSave<T> {
  action: string;
  entityType: string;
  /** The fields before the change; null for a creation. */
  before: Record<string, unknown> | null;
  /** The fields of the saved entity the trail shows (its `after`). */
  snapshot: (saved: T) => Record<string, unknown>;
  context: AuditContext;
}

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  /** `nextCursor` of the previous page (rows come newest first); anything else is a 400 on `cursor`. */
  cursor?: string;
  limit?: number;
}

export interface AuditPage {
  items: AuditEvent[];
  /** Pass as `cursor` to get the next (older) page; absent on the last page. */
  nextCursor?: string;
}

const MAX_PAGE = 200;

@Injectable()
export class AuditLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cursors: PageCursors,
  ) {}

  /** Writes one audit row with the caller's manager, so it commits or rolls back with the change. */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await this.recordMany(manager, [entry]);
  }

  /** Several audit rows in one statement (a batch of changes made in one transaction). */
  async recordMany(manager: EntityManager, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const rows = entries.map((entry) => {
      const { before, after } = auditDiff(entry.before, entry.after);
      return {
        entry,
        before: before === null ? null : JSON.stringify(before),
        after: after === null ? null : JSON.stringify(after),
      };
    });
    // Plain SQL: jsonb columns typed as records trip TypeORM's deep-partial insert types.
    await manager.query(
      `INSERT INTO audit_event (action, entity_type, entity_id, actor_id, before, after, request_id, ip)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::uuid[], $5::jsonb[], $6::jsonb[],
                            $7::varchar[], $8::varchar[])`,
      [
        rows.map((r) => r.entry.action),
        rows.map((r) => r.entry.entityType),
        rows.map((r) => r.entry.entityId.slice(0, 200)),
        rows.map((r) => r.entry.context.actorId),
        rows.map((r) => r.before),
        rows.map((r) => r.after),
        rows.map((r) => r.entry.context.requestId?.slice(0, 64) ?? null),
        rows.map((r) => r.entry.context.ip?.slice(0, 64) ?? null),
      ],
    );
  }

  /**
   * Saves the entity and writes its audit row (`before` → the snapshot of what was saved) with the caller's
   * manager, so both commit or roll back together. The saved entity (with its id) is returned.
   */
  async saveAudited<T extends ObjectLiteral & { id: string }>(
    manager: EntityManager,
    target: EntityTarget<T>,
    entity: T,
    change: AuditedSave<T>,
  ): Promise<T> {
    const saved = await manager.save(target, entity);
    await this.record(manager, {
      action: change.action,
      entityType: change.entityType,
      entityId: saved.id,
      before: change.before,
      after: change.snapshot(saved),
      context: change.context,
    });
    return saved;
  }

  /** For events with no change of their own to join (sign-in failures, denials): its own transaction. */
  recordStandalone(entry: AuditEntry): Promise<void> {
    return this.record(this.dataSource.manager, entry);
  }

  /**
   * docs/design.md §6: every denial is audited. One `access.denied` row on the record the caller may not see,
   * written outside the caller's transaction (the 404 that follows rolls that back).
   */
  recordDenial(denial: {
    entityType: string;
    entityId: string;
    context: AuditContext;
    after?: Record<string, unknown>;
  }): Promise<void> {
    const { entityType, entityId, context, after } = denial;
    return this.recordStandalone({ action: 'access.denied', entityType, entityId, after, context });
  }

  /** Newest first, keyset-paginated on the identity id (stable while rows are appended). */
  async find(query: AuditQuery): Promise<AuditPage> {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), MAX_PAGE);
    const qb = this.dataSource.getRepository(AuditEvent).createQueryBuilder('e');
    if (query.entityType) qb.andWhere('e.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('e.entityId = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('e.actorId = :actorId', { actorId: query.actorId });
    if (query.from) qb.andWhere('e.occurredAt >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.occurredAt < :to', { to: query.to });
    if (query.cursor !== undefined) {
      const [before] = this.cursors.decode('audit-events', query.cursor, ['bigint']);
      qb.andWhere(new Brackets((w) => w.where('e.id < :before', { before })));
    }
    const rows = await qb
      .orderBy('e.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit ? this.cursors.encode('audit-events', [last.id]) : undefined,
    };
  }
}
