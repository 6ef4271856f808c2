import { AuditContext, AuditCtx } from '@app/audit-log';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { Idempotent, TransactionManager } from '@app/idempotency';
import { ApiConditional, ApiETag, expectedVersion, moneyJson, RecordIdPipe, withETag } from '@app/web';
import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { EntityManager } from 'typeorm';
import { isConfirmedValue, verificationState, winYears } from './domain/win-rules';
import { CorrectExportWinDto, RecordExportWinDto } from './dto/export-win.dto';
import { ExportWinList, ExportWinResponse } from './dto/export-win.responses';
import type { ExportWin } from './entities/export-win.entity';
import { auditableWin, ExportWinsService } from './export-wins.service';
import { WinMoney, type WinInReportingCurrency } from './win-money';
import { WinVerificationService } from './win-verification.service';

/**
 * A win as the API answers it: each year's value and the total as money in `lang`, and the total in the
 * reporting currency with the dated rate it was converted at.
 */
export function winJson(
  w: ExportWin,
  converted: WinInReportingCurrency,
  lang = 'en',
): Record<string, unknown> {
  const { id, caseId, version, createdAt } = w;
  // The stored minor units become money objects (docs/api.md).
  const { valuesMinor: _values, totalMinor: _total, currency: _currency, ...fields } = auditableWin(w);
  return {
    id,
    caseId,
    ...fields,
    years: winYears(w.firstYear, w.valuesMinor).map((y) => ({
      year: y.year,
      value: moneyJson(y.valueMinor, w.currency, lang),
    })),
    total: moneyJson(w.totalMinor, w.currency, lang),
    totalInReportingCurrency: {
      on: converted.on,
      value:
        converted.amountMinor === null ? null : moneyJson(converted.amountMinor, converted.currency, lang),
      rate: converted.rate,
      missingRate: converted.missingRate,
    },
    verification: {
      state: verificationState(w, new Date()),
      sentAt: w.verificationSentAt,
      expiresAt: w.verificationExpiresAt,
      answeredAt: w.answeredAt,
      companyComment: w.companyComment,
      companyRating: w.companyRating,
      signedOffAt: w.signedOffAt,
    },
    // Confirmed by the company and signed off by an officer: confirmed export value (otherwise claimed).
    confirmedValue: isConfirmedValue(w),
    version,
    createdAt,
  };
}

@ApiTags('export-wins')
@Controller('api/v1')
export class ExportWinsController {
  constructor(
    private readonly wins: ExportWinsService,
    private readonly verification: WinVerificationService,
    private readonly money: WinMoney,
  ) {}

  private json(w: ExportWin, req: Request): Record<string, unknown> {
    return winJson(w, this.money.inReportingCurrency(w), req.lang ?? 'en');
  }

  @Get('cases/:id/export-wins')
  @ApiOkResponse({ type: ExportWinList })
  @ApiOperation({ summary: "The case's export wins, newest first (its SME, adviser and officers)" })
  async list(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Req() req: Request,
  ): Promise<{ items: Record<string, unknown>[] }> {
    return { items: (await this.wins.listForCase(actor, id)).map((w) => this.json(w, req)) };
  }

  @Roles('adviser', 'officer')
  @Post('cases/:id/export-wins')
  @HttpCode(201)
  @Idempotent()
  @ApiCreatedResponse({ type: ExportWinResponse })
  @ApiOperation({ summary: 'Record an export win, from a won opportunity of the case or directly' })
  async record(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Body() body: RecordExportWinDto,
    @TransactionManager() manager: EntityManager,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
  ): Promise<Record<string, unknown>> {
    return this.json(await this.wins.record(manager, actor, id, body, context), req);
  }

  @Get('export-wins/:id')
  @ApiOkResponse({ type: ExportWinResponse })
  @ApiETag()
  async get(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('export_win')) id: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Record<string, unknown>> {
    return this.json(withETag(res, await this.wins.find(actor, 'see', id)), req);
  }

  /** The adviser corrects a win: the company's link stops working, a sign-off is withdrawn, and it is asked again. */
  @Roles('adviser', 'officer')
  @Patch('export-wins/:id')
  @ApiOkResponse({ type: ExportWinResponse })
  @ApiConditional()
  @ApiETag()
  @ApiOperation({
    summary: 'Correct an export win and ask the company again with a new link (If-Match: the version read)',
  })
  async correct(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('export_win')) id: string,
    @Body() body: CorrectExportWinDto,
    @Headers('if-match') ifMatch: string | undefined,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Record<string, unknown>> {
    const { version: bodyVersion, ...change } = body;
    const saved = await this.wins.correct(actor, id, change, expectedVersion(ifMatch, bodyVersion), context);
    return this.json(withETag(res, saved), req);
  }

  /** A new link for a win still awaiting its answer, expired or never sent; the earlier link stops working. */
  @Roles('adviser', 'officer')
  @Post('export-wins/:id/resend-verification')
  @HttpCode(200)
  @ApiOkResponse({ type: ExportWinResponse })
  @ApiConditional()
  @ApiETag()
  @ApiOperation({
    summary:
      'Send the company a new link to confirm the win; the earlier one stops working (If-Match optional)',
  })
  async resend(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('export_win')) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Record<string, unknown>> {
    const found = await this.wins.find(actor, 'work', id);
    const saved = await this.verification.resend(found, expectedVersion(ifMatch), context);
    return this.json(withETag(res, saved), req);
  }

  /** An officer signs off a win the company confirmed (409 otherwise). */
  @Roles('officer')
  @Post('export-wins/:id/sign-off')
  @HttpCode(200)
  @ApiOkResponse({ type: ExportWinResponse })
  @ApiOperation({ summary: 'Sign off a confirmed win: it then counts as confirmed export value (officers)' })
  async signOff(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('export_win')) id: string,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
  ): Promise<Record<string, unknown>> {
    const found = await this.wins.find(actor, 'see', id);
    return this.json(await this.verification.signOff(actor, found, context), req);
  }
}
