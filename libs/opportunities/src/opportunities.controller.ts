import { AuditContext, AuditCtx } from '@app/audit-log';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { Idempotent, TransactionManager } from '@app/idempotency';
import { expectedVersion, RecordIdPipe, withETag, ApiRecordChange, ApiRecord } from '@app/web';
import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EntityManager } from 'typeorm';
import { CreateOpportunityDto, UpdateOpportunityDto } from './dto/opportunity.dto';
import { OpportunityList, OpportunityResponse, PipelineResponse } from './dto/opportunity.responses';
import { PipelineQueryDto } from './dto/pipeline-query.dto';
import type { ExportOpportunity } from './entities/export-opportunity.entity';
import { auditable, OpportunitiesService, type Pipeline } from './opportunities.service';

/** The opportunity as the API answers it (without its case relation). */
export function opportunityJson(o: ExportOpportunity): Record<string, unknown> {
  const { id, caseId, version, createdAt, updatedAt } = o;
  return { id, caseId, ...auditable(o), version, createdAt, updatedAt };
}

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
  ): Promise<{ items: Record<string, unknown>[] }> {
    return { items: (await this.opportunities.listForCase(actor, id)).map(opportunityJson) };
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
  ): Promise<Record<string, unknown>> {
    return opportunityJson(await this.opportunities.create(manager, actor, id, body, context));
  }

  @Roles('adviser', 'officer')
  @Get('opportunities')
  @ApiOkResponse({ type: PipelineResponse })
  @ApiOperation({
    summary: "The pipeline: an adviser's own cases' opportunities, every case's for officers, with totals",
  })
  async pipeline(@CurrentUser() actor: Actor, @Query() query: PipelineQueryDto): Promise<Pipeline> {
    return this.opportunities.pipeline(actor, query);
  }

  @Get('opportunities/:id')
  @ApiRecord(OpportunityResponse)
  async get(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('opportunity')) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Record<string, unknown>> {
    const found = await this.opportunities.find(actor, 'see', id);
    return opportunityJson(withETag(res, found));
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
  ): Promise<Record<string, unknown>> {
    const { version: bodyVersion, ...change } = body;
    const saved = await this.opportunities.update(
      actor,
      id,
      change,
      expectedVersion(ifMatch, bodyVersion),
      context,
    );
    return opportunityJson(withETag(res, saved));
  }
}
