import { Db } from '@app/database';
import { Entity, Index, PrimaryColumn } from 'typeorm';
import type { KpiFilters } from './kpi-report';

/**
 * The rows of one KPI source query for one period and set of filters, as last computed. A summary, not a
 * record: KpiSnapshots serves it for at most five minutes after `computedAt`, the worker recomputes the
 * ones officers are looking at before then (sooner when the outbox shows the data changed), and any row may
 * be deleted at any time (it is computed again on the next request).
 */
@Entity('kpi_snapshots')
@Index('ix_kpi_snapshots_requested', ['requestedAt'])
export class KpiSnapshot {
  /** A digest of the source, the period, the filters and the settings the SQL reads. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string;

  @Db.Varchar({ length: 40 }) source!: string;

  /** The period (from/to) and the filters the rows were computed for, to compute them again. */
  @Db.Jsonb() filters!: KpiFilters;

  @Db.Jsonb() rows!: Record<string, unknown>[];

  /** When the statement that read the rows began: the rows hold every change committed before then. */
  @Db.Timestamp() computedAt!: Date;

  /** The last time a report read (or computed) these rows; the worker keeps recently read ones fresh. */
  @Db.Timestamp() requestedAt!: Date;
}
