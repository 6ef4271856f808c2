import { AuditContext, AuditCtx } from '@app/audit-log';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { Idempotent, TransactionManager } from '@app/idempotency';
import { ApiRecord, ApiRecordChange, expectedVersion, moneyJson, RecordIdPipe, withETag } from '@app/web';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { EntityManager } from 'typeorm';
import { CreateOpportunityDto, UpdateOpportunityDto } from './dto/opportunity.dto';
import { OpportunityList, OpportunityResponse, PipelineResponse } from './dto/opportunity.responses';
import { PipelineQueryDto } from './dto/pipeline-query.dto';
import type { ExportOpportunity } from './entities/export-opportunity.entity';
import { auditable, OpportunitiesService, type Pipeline } from './opportunities.service';

/** The opportunity as the API answers it (without its case relation): its value as money in `lang`. */
export function opportunityJson(o: ExportOpportunity, lang = 'en'): Record<string, unknown> {
  const { id, caseId, version, createdAt, updatedAt } = o;
  // The stored pair becomes one money object (docs/api.md).
  const { valueMinor: _valueMinor, currency: _currency, ...fields } = auditable(o);
  return {
    id,
    caseId,
    ...fields,
    value: moneyJson(o.valueMinor, o.currency, lang),
    version,
    createdAt,
    updatedAt,
  };
}

/** The pipeline as the API answers it: every amount as money in `lang`, the converted totals with their rates. */
export function pipelineJson(p: Pipeline, lang = 'en'): Record<string, unknown> {
  const money = (amountMinor: number | null, currency: string) =>
    amountMinor === null ? null : moneyJson(amountMinor, currency, lang);
  const r = p.inReportingCurrency;
  return {
    items: p.items.map(({ valueMinor, weightedMinor, currency, ...row }) => ({
      ...row,
      value: money(valueMinor, currency),
      weighted: money(weightedMinor, currency),
    })),
    nextCursor: p.nextCursor,
    limit: p.limit,
    total: p.total,
    totals: p.totals.map((t) => ({
      currency: t.currency,
      count: t.count,
      value: money(t.valueMinor, t.currency),
      weighted: money(t.weightedMinor, t.currency),
    })),
    inReportingCurrency: {
      on: r.on,
      value: money(r.valueMinor, r.currency),
      weighted: money(r.weightedMinor, r.currency),
      rates: r.rates,
      missingRates: r.missingRates,
    },
  };
}

/** The caller's language for `formatted` (Accept-Language, set by the language middleware). */
const langOf = (req: Request): string => req.lang ?? 'en';

@ApiTags('opportunities')
@Controller('api/v1')
export class OpportunitiesController {
  constructor(private readonly opportunities: OpportunitiesService) {}

  @Get('cases/:id/opportunities')
  @ApiOkResponse({ type: OpportunityList })
  @ApiOperation({ summary: "The case's export opportunities, newest first (its SME, adviser and officers)" })
  async list(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Req() req: Request,
  ): Promise<{ items: Record<string, unknown>[] }> {
    return {
      items: (await this.opportunities.listForCase(actor, id)).map((o) => opportunityJson(o, langOf(req))),
    };
  }

  @Roles('adviser', 'officer')
  @Post('cases/:id/opportunities')
  @HttpCode(201)
  @Idempotent()
  @ApiCreatedResponse({ type: OpportunityResponse })
  @ApiOperation({ summary: 'Record an export opportunity on a case (its adviser or an officer)' })
  async create(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Body() body: CreateOpportunityDto,
    @TransactionManager() manager: EntityManager,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
  ): Promise<Record<string, unknown>> {
    return opportunityJson(await this.opportunities.create(manager, actor, id, body, context), langOf(req));
  }

  @Roles('adviser', 'officer')
  @Get('opportunities')
  @ApiOkResponse({ type: PipelineResponse })
  @ApiOperation({
    summary:
      "The pipeline: an adviser's own cases' opportunities, every case's for officers, a page at a time by " +
      'expected date, with totals per currency and in the reporting currency at dated rates',
  })
  async pipeline(
    @CurrentUser() actor: Actor,
    @Query() query: PipelineQueryDto,
    @Req() req: Request,
  ): Promise<Record<string, unknown>> {
    return pipelineJson(await this.opportunities.pipeline(actor, query), langOf(req));
  }

  @Get('opportunities/:id')
  @ApiRecord(OpportunityResponse)
  async get(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('opportunity')) id: string,
    @Res({ passthrough: true }) res: Response,
    @Req() req: Request,
  ): Promise<Record<string, unknown>> {
    const found = await this.opportunities.find(actor, 'see', id);
    return opportunityJson(withETag(res, found), langOf(req));
  }

  @Roles('adviser', 'officer')
  @Patch('opportunities/:id')
  @ApiRecordChange(OpportunityResponse)
  @ApiOperation({ summary: 'Correct or move an opportunity (If-Match: the version read)' })
  async update(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('opportunity')) id: string,
    @Body() body: UpdateOpportunityDto,
    @Headers('if-match') ifMatch: string | undefined,
    @AuditCtx() context: AuditContext,
    @Res({ passthrough: true }) res: Response,
    @Req() req: Request,
  ): Promise<Record<string, unknown>> {
    const { version: bodyVersion, ...change } = body;
    const saved = await this.opportunities.update(
      actor,
      id,
      change,
      expectedVersion(ifMatch, bodyVersion),
      context,
    );
    return opportunityJson(withETag(res, saved), langOf(req));
  }
}
