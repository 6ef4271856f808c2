import { PageCursors } from '@app/web';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseTimelineEvent } from './entities/case-timeline-event.entity';

export interface TimelineEntry {
  caseId: string;
  kind: string;
  occurredAt?: Date;
  actorId?: string | null;
  data?: Record<string, unknown>;
  refType?: string;
  refId?: string;
}

export interface TimelinePage {
  events: CaseTimelineEvent[];
  /** Pass as `before` to get the next (older) page; absent on the last page. */
  nextCursor?: string;
}

@Injectable()
export class CaseTimelineService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cursors: PageCursors,
  ) {}

  /** Appends an event with the caller's transaction manager, so it commits with the change it records. */
  async record(manager: EntityManager, entry: TimelineEntry): Promise<CaseTimelineEvent> {
    return manager.getRepository(CaseTimelineEvent).save(
      manager.getRepository(CaseTimelineEvent).create({
        caseId: entry.caseId,
        kind: entry.kind,
        occurredAt: entry.occurredAt ?? new Date(),
        actorId: entry.actorId ?? null,
        data: entry.data ?? {},
        refType: entry.refType ?? null,
        refId: entry.refId ?? null,
      }),
    );
  }

  /** Several events in one statement (a batch of changes made in one transaction). */
  async recordMany(manager: EntityManager, entries: readonly TimelineEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const now = new Date();
    await manager.query(
      `INSERT INTO case_timeline_events (case_id, kind, occurred_at, actor_id, data, ref_type, ref_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::uuid[], $5::jsonb[], $6::text[],
                            $7::uuid[])`,
      [
        entries.map((e) => e.caseId),
        entries.map((e) => e.kind),
        entries.map((e) => (e.occurredAt ?? now).toISOString()),
        entries.map((e) => e.actorId ?? null),
        entries.map((e) => JSON.stringify(e.data ?? {})),
        entries.map((e) => e.refType ?? null),
        entries.map((e) => e.refId ?? null),
      ],
    );
  }

  /** Newest first, keyset-paginated on (occurred_at, id) so deep pages cost the same as the first. */
  async list(caseId: string, options: { before?: string; limit?: number } = {}): Promise<TimelinePage> {
    const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
    const query = this.dataSource
      .getRepository(CaseTimelineEvent)
      .createQueryBuilder('e')
      .where('e.case_id = :caseId', { caseId })
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(limit + 1);
    // Bound to the case: another case's cursor is as foreign as a forged one (400 on `before`).
    const list = `case-timeline:${caseId}`;
    if (options.before !== undefined) {
      const [at, id] = this.cursors.decode(list, options.before, ['timestamp', 'uuid'], 'before');
      query.andWhere('(e.occurred_at, e.id) < (:at, :id)', { at: new Date(at), id });
    }
    const rows = await query.getMany();
    const events = rows.slice(0, limit);
    if (rows.length <= limit) return { events };
    const last = events[events.length - 1];
    return { events, nextCursor: this.cursors.encode(list, [last.occurredAt.toISOString(), last.id]) };
  }
}
