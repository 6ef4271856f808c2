import { UnitOfWork } from '@app/database';
import { createReadStream, type ReadStream } from 'node:fs';
import { AuditLogService, type AuditContext } from '@app/audit-log';
import { AppConfig } from '@app/config';
import { InvalidInputError, NotFoundError } from '@app/errors';
import { OutboxService } from '@app/messaging';
import { PolicyService, type Actor } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ReportFiltersService } from '../kpi/report-filters.service';
import { ReportingRules } from '../reporting-rules';
import { caseExportKey, describeCaseExport, parseCaseExportRequest } from './case-export-request';
import { exportDownloadName, exportFilePath, EXPORT_CONTENT_TYPES } from './export-files';
import { ReportExport } from './report-export.entity';
import { ExportExpiredError, ExportNotReadyError, ExportRateLimitedError } from './report-exports.errors';
import { isUuid, type Language } from '@app/web';

export const REPORT_EXPORT_REQUESTED = 'report_export.requested';
const LIST_LIMIT = 20;

export interface ReportExportView {
  id: string;
  status: ReportExport['status'];
  format: ReportExport['format'];
  description: string;
  filters: ReportExport['request'];
  rowsWritten: number;
  rowsExpected: number | null;
  /** 0–100, or null before the worker has counted the rows. */
  percent: number | null;
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string | null;
  fileBytes: number | null;
  error: string | null;
  downloadUrl: string | null;
}

export interface ExportDownload {
  stream: ReadStream;
  fileName: string;
  contentType: string;
  bytes: number | null;
}

/**
 * The api side of row-level case exports: a request is checked, then either reuses the caller's identical
 * export still queued or running, or becomes a `report_exports` row plus a `report_export.requested` outbox
 * event and an audit row, all in one transaction. The worker (ReportExportProcessor) writes the file.
 * Officers export any cases; an adviser only their own caseload (asking for another adviser's is a 400 on
 * `adviserId`). Nobody sees another person's exports: those are 404s.
 */
@Injectable()
export class ReportExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly filters: ReportFiltersService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditLogService,
    private readonly rules: ReportingRules,
    private readonly config: AppConfig,
    private readonly policy: PolicyService,
    private readonly uow: UnitOfWork,
  ) {}

  async request(
    actor: Actor,
    raw: Record<string, unknown>,
    context: AuditContext,
    language: Language = 'en',
  ): Promise<{ export: ReportExportView; reused: boolean }> {
    const { value, errors } = parseCaseExportRequest(raw, this.filters.context());
    if (!value) throw new InvalidInputError(errors);
    // The file is headed in the requester's language (English when absent, as before languages were kept).
    if (language !== 'en') value.language = language;
    if (!this.policy.can(actor, 'cases.view-all')) {
      // An adviser exports their own caseload only: asking for someone else's is refused, not quietly
      // narrowed (the export would otherwise be described as what was asked, not what it holds).
      if (value.adviserId !== undefined && value.adviserId !== actor.id)
        throw new InvalidInputError([
          {
            field: 'adviserId',
            message: 'You can export only your own caseload: leave the adviser out',
            code: 'notYourCaseload',
          },
        ]);
      value.adviserId = actor.id;
    } else if (value.adviserId) {
      const found = (await this.dataSource.query(`SELECT 1 FROM users WHERE id = $1 AND role = 'adviser'`, [
        value.adviserId,
      ])) as unknown[];
      if (!found.length)
        throw new InvalidInputError([
          { field: 'adviserId', message: 'Choose an adviser from the list', code: 'unknownAdviser' },
        ]);
    }
    const key = caseExportKey(value);

    return this.uow.run(
      async (m) => {
        // One request at a time per person, so the hourly count below cannot be raced past.
        await m.query(`SELECT pg_advisory_xact_lock(hashtext('report_exports:' || $1))`, [actor.id]);
        const live = await m.getRepository(ReportExport).findOne({
          where: { requestedBy: actor.id, requestKey: key, status: In(['queued', 'running']) },
        });
        if (live) return { export: this.view(live), reused: true };

        const [{ n, oldest }] = (await m.query(
          `SELECT count(*)::int AS n, min(created_at) AS oldest FROM report_exports
          WHERE requested_by = $1 AND created_at > now() - interval '1 hour'`,
          [actor.id],
        )) as { n: number; oldest: Date | null }[];
        if (n >= this.rules.exportsPerHour) {
          const retryAfter = oldest
            ? Math.max(1, Math.ceil((oldest.getTime() + 3_600_000 - Date.now()) / 1000))
            : 60;
          throw new ExportRateLimitedError(this.rules.exportsPerHour, retryAfter);
        }

        const saved = await m.getRepository(ReportExport).save(
          m.getRepository(ReportExport).create({
            requestedBy: actor.id,
            kind: 'cases',
            format: value.format,
            request: value,
            requestKey: key,
            status: 'queued',
          }),
        );
        await this.outbox.add(m, {
          type: REPORT_EXPORT_REQUESTED,
          aggregateType: 'report_export',
          aggregateId: saved.id,
          payload: { exportId: saved.id },
        });
        await this.audit.record(m, {
          action: 'report.export_requested',
          entityType: 'report_export',
          entityId: saved.id,
          // The request's filters, not a description in some language: the trail is read in every language.
          after: { kind: 'cases', ...value },
          context,
        });
        return { export: this.view(saved), reused: false };
      },
      { retries: 0 },
    );
  }

  /** The caller's recent exports, newest first. */
  async list(actor: Actor): Promise<ReportExportView[]> {
    const rows = await this.dataSource.getRepository(ReportExport).find({
      where: { requestedBy: actor.id },
      order: { createdAt: 'DESC' },
      take: LIST_LIMIT,
    });
    return rows.map((r) => this.view(r));
  }

  /** One of the caller's exports; anyone else's is a 404. */
  async get(actor: Actor, id: string): Promise<ReportExportView> {
    return this.view(await this.own(actor, id));
  }

  /** Opens the finished file and writes the `report.export_downloaded` audit row. */
  async download(actor: Actor, id: string, context: AuditContext): Promise<ExportDownload> {
    const row = await this.own(actor, id);
    if (row.status === 'expired') throw new ExportExpiredError(id);
    if (row.status !== 'ready') throw new ExportNotReadyError(id, row.status);
    const path = exportFilePath(this.config, row.id, row.format);
    const stream = createReadStream(path);
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    }).catch(() => {
      // The row says ready but the file is gone (a shared volume was cleared): treat it as expired.
      throw new ExportExpiredError(id);
    });
    await this.audit.recordStandalone({
      action: 'report.export_downloaded',
      entityType: 'report_export',
      entityId: row.id,
      after: { rows: row.rowsWritten, format: row.format },
      context,
    });
    return {
      stream,
      fileName: exportDownloadName(row.createdAt, row.format),
      contentType: EXPORT_CONTENT_TYPES[row.format],
      bytes: row.fileBytes === null ? null : Number(row.fileBytes),
    };
  }

  /** The actor's own export; someone else's is a 404 like a missing one, and an audited denial. */
  private async own(actor: Actor, id: string): Promise<ReportExport> {
    const row = isUuid(id) ? await this.dataSource.getRepository(ReportExport).findOneBy({ id }) : null;
    if (!row) throw new NotFoundError('report_export', id);
    await this.policy.assert(actor, 'see', {
      kind: 'personal',
      type: 'report_export',
      id: row.id,
      ownerId: row.requestedBy,
    });
    return row;
  }

  view(row: ReportExport): ReportExportView {
    const percent =
      row.status === 'ready'
        ? 100
        : row.rowsExpected
          ? Math.min(99, Math.floor((row.rowsWritten / row.rowsExpected) * 100))
          : row.rowsExpected === 0 && row.status === 'running'
            ? 99
            : null;
    return {
      id: row.id,
      status: row.status,
      format: row.format,
      description: describeCaseExport(row.request, row.requestedBy),
      filters: row.request,
      rowsWritten: row.rowsWritten,
      rowsExpected: row.rowsExpected,
      percent,
      createdAt: row.createdAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
      expiresAt: row.expiresAt?.toISOString() ?? null,
      fileBytes: row.fileBytes === null ? null : Number(row.fileBytes),
      error: row.error
        ? 'The export could not be finished. Start it again; if it fails again, tell the service desk.'
        : null,
      downloadUrl: row.status === 'ready' ? `/api/v1/reports/exports/${row.id}/download` : null,
    };
  }
}
