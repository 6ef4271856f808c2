import type { Language } from '@app/web';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const REPORT_EXPORT_STATUSES = ['queued', 'running', 'ready', 'failed', 'expired'] as const;
export type ReportExportStatus = (typeof REPORT_EXPORT_STATUSES)[number];

/** What the export covers, as validated; also the key an identical request is matched on. */
export interface CaseExportRequest {
  format: 'csv' | 'xlsx';
  /** Cases opened in this period (inclusive dates, programme time zone); absent = every case. */
  from?: string;
  to?: string;
  region?: string;
  sector?: string;
  /** The adviser whose caseload (an adviser's own export always carries their id). */
  adviserId?: string;
  sizeBand?: string;
  stageAtEnrolment?: string;
  includeContact: boolean;
  /** Why personal contact data is needed; required when `includeContact`. */
  purpose?: string;
  /** The language of the file's column headers: the requester's; absent = English. */
  language?: Language;
  /** `keys`: the header row is the columns' stable codes, for programs; absent = words. */
  headers?: 'keys';
}

/**
 * A row-level case export run by the worker. The row is the record (Postgres); the Bull job carries only its
 * id. `rowsWritten`/`rowsExpected` drive the progress bar; the file lives under EXPORT_DIR until `expiresAt`,
 * when the expiry sweep deletes it and marks the row `expired`. One queued or running export per officer and
 * request key (a partial unique index), so asking again while it runs reuses it.
 */
@Entity('report_exports')
@Index('report_exports_one_live_per_request', ['requestedBy', 'requestKey'], {
  unique: true,
  where: `status IN ('queued', 'running')`,
})
@Index('report_exports_requested_by', ['requestedBy', 'createdAt'])
export class ReportExport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  requestedBy!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: 'cases';

  @Column({ type: 'varchar', length: 10 })
  format!: 'csv' | 'xlsx';

  @Column({ type: 'jsonb' })
  request!: CaseExportRequest;

  /** A stable digest of `request`. */
  @Column({ type: 'varchar', length: 64 })
  requestKey!: string;

  @Column({ type: 'varchar', length: 10, default: 'queued' })
  status!: ReportExportStatus;

  @Column({ type: 'integer', default: 0 })
  rowsWritten!: number;

  @Column({ type: 'integer', nullable: true })
  rowsExpected!: number | null;

  @Column({ type: 'bigint', nullable: true })
  fileBytes!: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;
}
