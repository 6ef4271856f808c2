import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { AuditLogService, SYSTEM_AUDIT_CONTEXT } from '@app/audit-log';
import { AppConfig } from '@app/config';
import { InjectReportsDataSource, UnitOfWork } from '@app/database';
import {
  HandlesEvent,
  InjectJobQueue,
  type DomainEvent,
  type JobQueue,
  type RunningJob,
} from '@app/messaging';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { ReportingRules } from '../reporting-rules';
import {
  CASE_EXPORT_COUNT_SQL,
  caseExportParams,
  streamCaseExport,
  type CaseExportOptions,
} from './case-rows';
import { exportDir, exportFilePath } from './export-files';
import type { ReportExport } from './report-export.entity';
import { REPORT_EXPORT_REQUESTED } from './report-exports.service';

export const REPORT_EXPORTS_QUEUE = 'report-exports';
export const RUN_EXPORT_JOB = 'run';
export const EXPORT_SWEEP_JOB = 'sweep';
const RUN_ATTEMPTS = 3;
/** Progress is written to the row at most this often (the page polls the row). */
const PROGRESS_EVERY_MS = 500;

interface ExportRow {
  id: string;
  requested_by: string;
  format: 'csv' | 'xlsx';
  request: ReportExport['request'];
}

export type ExportRunResult = 'written' | 'skipped';

/**
 * The worker side of row-level exports. `report_export.requested` (from the outbox) puts a job on the
 * `report-exports` queue under the export's id; the job claims the row with a conditional update, counts
 * the rows, streams them from a read-only snapshot into `<id>.<format>.part`, renames it into place and
 * marks the row ready with an audit row, so a job that runs twice (a retry, a stalled job) rewrites the same
 * file and a finished export is never touched again. A repeatable sweep every minute re-enqueues exports
 * whose job Redis lost and deletes files past their expiry. The row stream holds a connection of the reports'
 * own pool (REPORTS_POOL_SIZE) for the whole export; the claim, progress and final update use the main pool.
 */
@Injectable()
export class ReportExportProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportExportProcessor.name);

  constructor(
    @InjectJobQueue(REPORT_EXPORTS_QUEUE) private readonly queue: JobQueue<{ exportId?: string }>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectReportsDataSource() private readonly reportsDataSource: DataSource,
    private readonly audit: AuditLogService,
    private readonly config: AppConfig,
    private readonly rules: ReportingRules,
    private readonly uow: UnitOfWork,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.queue.consume(RUN_EXPORT_JOB, 1, (job) => this.runJob(job));
    this.queue.consume(EXPORT_SWEEP_JOB, 1, () => this.sweepJob());
    await this.queue.repeat(EXPORT_SWEEP_JOB, { cron: '* * * * *' }, { keepCompleted: 10, keepFailed: 10 });
  }

  @HandlesEvent(REPORT_EXPORT_REQUESTED)
  async onRequested(event: DomainEvent<'report_export.requested'>): Promise<void> {
    await this.enqueue(String(event.payload.exportId ?? event.aggregateId));
  }

  async runJob(job: RunningJob<{ exportId?: string }>): Promise<ExportRunResult> {
    return this.run(String(job.data.exportId), (percent) => job.progress(percent), job.finalAttempt);
  }

  async sweepJob(): Promise<{ requeued: number; expired: number }> {
    return this.sweep();
  }

  /** Writes the export's file; does nothing unless the row is still queued or running. */
  async run(
    id: string,
    onPercent: (percent: number) => unknown = () => undefined,
    finalAttempt = true,
  ): Promise<ExportRunResult> {
    const [claimed] = (await this.dataSource.query(
      `UPDATE report_exports
          SET status = 'running', started_at = now(), attempts = attempts + 1, rows_written = 0, error = NULL
        WHERE id = $1 AND status IN ('queued', 'running')
        RETURNING id, requested_by, format, request`,
      [id],
    )) as [ExportRow[], number];
    const row = claimed[0];
    if (!row) return 'skipped';

    const path = exportFilePath(this.config, row.id, row.format);
    const partial = `${path}.part`;
    const options: CaseExportOptions = {
      ...row.request,
      includeContact: row.request.includeContact === true,
      timeZone: this.config.PROGRAMME_TIME_ZONE,
    };
    const runner = this.reportsDataSource.createQueryRunner();
    let written = 0;
    try {
      const client = (await runner.connect()) as PoolClient;
      await mkdir(exportDir(this.config), { recursive: true });
      // One read-only snapshot for the count and the rows, so the progress bar ends at 100 %.
      await client.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`);
      await client.query(`SET LOCAL statement_timeout = '30min'`);
      // The rows are read through a cursor; plan for all of them (hash joins), not for the first 10 %.
      await client.query(`SET LOCAL cursor_tuple_fraction = 1.0`);
      const counted = await client.query<{ n: number }>(CASE_EXPORT_COUNT_SQL, caseExportParams(options));
      const expected = counted.rows[0].n;
      await this.dataSource.query(
        `UPDATE report_exports SET rows_expected = $2 WHERE id = $1 AND status = 'running'`,
        [row.id, expected],
      );

      let lastWrite = 0;
      let progress: Promise<unknown> = Promise.resolve();
      const out = createWriteStream(partial);
      await once(out, 'open');
      written = await streamCaseExport(client, row.format, options, out, (rows) => {
        const now = Date.now();
        if (now - lastWrite < PROGRESS_EVERY_MS) return;
        lastWrite = now;
        progress = progress
          .then(() =>
            this.dataSource.query(
              `UPDATE report_exports SET rows_written = $2 WHERE id = $1 AND status = 'running'`,
              [row.id, rows],
            ),
          )
          .then(() => onPercent(expected ? Math.min(99, Math.floor((rows / expected) * 100)) : 0))
          .catch(() => undefined);
      });
      if (!out.closed) await once(out, 'close');
      await progress;
      await client.query('COMMIT');
      await rename(partial, path);
      const { size } = await stat(path);

      await this.uow.run(
        async (m) => {
          const [, updated] = (await m.query(
            `UPDATE report_exports
              SET status = 'ready', rows_written = $2, rows_expected = $2, file_bytes = $3, finished_at = now(),
                  expires_at = now() + make_interval(days => $4::int)
            WHERE id = $1 AND status = 'running'`,
            [row.id, written, size, this.rules.exportRetentionDays],
          )) as [unknown, number];
          if (!updated) return;
          await this.audit.record(m, {
            action: 'report.exported',
            entityType: 'report_export',
            entityId: row.id,
            after: {
              kind: 'cases',
              format: row.format,
              rows: written,
              bytes: size,
              filters: { ...row.request },
            },
            context: { actorId: row.requested_by },
          });
        },
        { retries: 0 },
      );
      await onPercent(100);
      return 'written';
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      await rm(partial, { force: true }).catch(() => undefined);
      const message = (error as Error).message;
      this.logger.warn(`Export ${row.id} failed after ${written} rows: ${message}`);
      if (finalAttempt) await this.markFailed(row, message);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Re-enqueues exports whose job is gone, then deletes expired files. Safe in every worker at once. */
  async sweep(): Promise<{ requeued: number; expired: number }> {
    const live = (await this.dataSource.query(
      `SELECT id FROM report_exports WHERE status IN ('queued', 'running') AND created_at < now() - interval '30 seconds'`,
    )) as { id: string }[];
    let requeued = 0;
    for (const { id } of live) if (await this.enqueue(id)) requeued++;

    const due = (await this.dataSource.query(
      `SELECT id, format FROM report_exports WHERE status = 'ready' AND expires_at <= now() ORDER BY expires_at LIMIT 500`,
    )) as { id: string; format: 'csv' | 'xlsx' }[];
    let expired = 0;
    for (const { id, format } of due) {
      // The file goes first: a crash in between leaves a row that still says ready, which the download
      // answers as expired and the next sweep marks.
      await rm(exportFilePath(this.config, id, format), { force: true });
      const marked = await this.uow.run(
        async (m) => {
          const [, updated] = (await m.query(
            `UPDATE report_exports SET status = 'expired' WHERE id = $1 AND status = 'ready'`,
            [id],
          )) as [unknown, number];
          if (updated)
            await this.audit.record(m, {
              action: 'report.export_expired',
              entityType: 'report_export',
              entityId: id,
              before: { status: 'ready' },
              after: { status: 'expired' },
              context: SYSTEM_AUDIT_CONTEXT,
            });
          return updated > 0;
        },
        { retries: 0 },
      );
      if (marked) expired++;
    }
    return { requeued, expired };
  }

  private enqueue(id: string): Promise<boolean> {
    return this.queue.ensure(RUN_EXPORT_JOB, { exportId: id }, `export:${id}`, {
      attempts: RUN_ATTEMPTS,
      backoffMs: 5_000,
      keepCompleted: 100,
      keepFailed: 100,
    });
  }

  private async markFailed(row: ExportRow, message: string): Promise<void> {
    await this.uow.run(
      async (m) => {
        const [, updated] = (await m.query(
          `UPDATE report_exports SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status = 'running'`,
          [row.id, message.slice(0, 500)],
        )) as [unknown, number];
        if (updated)
          await this.audit.record(m, {
            action: 'report.export_failed',
            entityType: 'report_export',
            entityId: row.id,
            after: { error: message.slice(0, 500) },
            context: SYSTEM_AUDIT_CONTEXT,
          });
      },
      { retries: 0 },
    );
  }
}
