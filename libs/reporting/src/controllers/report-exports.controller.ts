import { pipeline } from 'node:stream/promises';
import { AuditCtx, type AuditContext } from '@app/audit-log';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiProblems } from '@app/web';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ReportExportList, ReportExportResponse, StartedReportExport } from './report-export.responses';
import type { Request, Response } from 'express';
import { CASE_EXPORT_FIELDS } from '../exports/case-export-request';
import { ReportExportsService, type ExportDownload } from '../exports/report-exports.service';
import { ApiCaseExportBody } from './kpi-query.openapi';

/**
 * Row-level case exports as background jobs: start one (202, or 200 with the same export when an identical
 * one is still running), poll it, download the file. Officers export any cases, advisers their own
 * caseload; each person sees only their own exports.
 */
@ApiTags('reports')
@Controller('api/v1/reports/exports')
@Roles('officer', 'adviser')
export class ReportExportsController {
  constructor(private readonly exports: ReportExportsService) {}

  @Post()
  @ApiCaseExportBody()
  @ApiAcceptedResponse({
    type: StartedReportExport,
    description:
      `The export, queued. Body fields: ${CASE_EXPORT_FIELDS.join(', ')}. The file's column headers are ` +
      'in the requester’s language (Accept-Language, or a signed-in person’s language), or the stable ' +
      'column codes with headers=keys; cell values (codes, numbers, ISO dates) are the same in every language.',
  })
  @ApiOkResponse({
    type: StartedReportExport,
    description: 'The same export as one of yours still running or ready (`reused: true`): no new one',
  })
  @ApiProblems(429)
  async start(
    @CurrentUser() actor: Actor,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { export: started, reused } = await this.exports.request(
      actor,
      body ?? {},
      context,
      req.lang ?? 'en',
    );
    res
      .status(reused ? 200 : 202)
      .location(`/api/v1/reports/exports/${started.id}`)
      .json({ ...started, reused });
  }

  @Get()
  @ApiOkResponse({ type: ReportExportList, description: "The caller's 20 most recent exports, newest first" })
  async list(@CurrentUser() actor: Actor) {
    return { items: await this.exports.list(actor) };
  }

  @Get(':id')
  @ApiOkResponse({ type: ReportExportResponse, description: 'Status and progress; downloadUrl once ready' })
  get(@CurrentUser() actor: Actor, @Param('id') id: string) {
    return this.exports.get(actor, id);
  }

  @Get(':id/download')
  @ApiOkResponse({
    description: 'The CSV or XLSX file (409 while running, 410 once expired)',
    content: {
      'text/csv': { schema: { type: 'string', format: 'binary' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiProblems(409, 410)
  async download(
    @CurrentUser() actor: Actor,
    @Param('id') id: string,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await sendExport(res, await this.exports.download(actor, id, context));
  }
}

/** Streams an export file as an attachment. */
export async function sendExport(res: Response, file: ExportDownload): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
  res.setHeader('Cache-Control', 'private, no-store');
  if (file.bytes !== null) res.setHeader('Content-Length', String(file.bytes));
  await pipeline(file.stream, res);
}
