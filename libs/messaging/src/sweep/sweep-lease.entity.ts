import { Db } from '@app/database';
import { Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per periodic sweep: when it last ran and how often. Every worker's timer ticks, but only the one
 * whose conditional update moves `lastRunAt` on runs the sweep, so with any number of workers it runs about
 * once per interval (and keeps running while at least one worker lives).
 */
@Entity('sweep_leases')
export class SweepLease {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  name!: string;

  @Db.Timestamp() lastRunAt!: Date;

  @Db.Bigint({ default: 0 }) runs!: string;

  /** Which process ran it last (host:pid), for operators. */
  @Db.Varchar({ length: 120, nullable: true }) holder!: string | null;
}
