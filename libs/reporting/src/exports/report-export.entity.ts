import { Db } from '@app/database';
import type { Language } from '@app/web';
import { Entity, Index } from 'typeorm';

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
  @Db.UuidPrimaryKey() id!: string;

  @Db.Uuid() requestedBy!: string;

  @Db.Varchar({ length: 20 }) kind!: 'cases';

  @Db.Varchar({ length: 10 }) format!: 'csv' | 'xlsx';

  @Db.Jsonb() request!: CaseExportRequest;

  /** A stable digest of `request`. */
  @Db.Varchar({ length: 64 }) requestKey!: string;

  @Db.Varchar({ length: 10, default: 'queued' }) status!: ReportExportStatus;

  @Db.Integer({ default: 0 }) rowsWritten!: number;

  @Db.Integer({ nullable: true }) rowsExpected!: number | null;

  @Db.Bigint({ nullable: true }) fileBytes!: string | null;

  @Db.Integer({ default: 0 }) attempts!: number;

  @Db.Text({ nullable: true }) error!: string | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.Timestamp({ nullable: true }) startedAt!: Date | null;

  @Db.Timestamp({ nullable: true }) finishedAt!: Date | null;

  @Db.Timestamp({ nullable: true }) expiresAt!: Date | null;
}
