import { AuditContext, AuditCtx } from '@app/audit-log';
import { Roles } from '@app/identity';
import {
  ApiETag,
  ApiRecord,
  ApiRecordChange,
  expectedVersion,
  RecordIdPipe,
  withETag,
  type Page,
} from '@app/web';
import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExpertList, ExpertResponse } from '../dto/network.responses';
import type { Response } from 'express';
import { CreateExpertDto, ExpertsPageQueryDto, UpdateExpertDto } from '../dto/expert.dto';
import { ExpertsService, type ExpertView } from './experts.service';

/** The experts directory: officers and admins list, add and correct the people who give time to the programme. */
@ApiTags('experts')
@ApiBearerAuth()
@Roles('officer', 'admin')
@Controller('api/v1/experts')
export class ExpertsController {
  constructor(private readonly experts: ExpertsService) {}

  @Get()
  @ApiOkResponse({ type: ExpertList })
  @ApiOperation({
    summary: 'The directory, by name; filter by heading, market, language, active or text',
    description:
      'Paged: `limit` (1–200, default 50) a page, `nextCursor` passed back as `cursor` for the next.',
  })
  async list(@Query() query: ExpertsPageQueryDto): Promise<Page<ExpertView>> {
    const { cursor, limit, ...filters } = query;
    return this.experts.page(filters, { cursor, limit });
  }

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({
    type: ExpertResponse,
    headers: { Location: { description: 'The expert', schema: { type: 'string' } } },
  })
  @ApiETag()
  async create(
    @Body() body: CreateExpertDto,
    @AuditCtx() context: AuditContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ExpertView> {
    const view = await this.experts.create(body, context);
    res.location(`/api/v1/experts/${view.id}`);
    return withETag(res, view);
  }

  @Get(':id')
  @ApiRecord(ExpertResponse)
  async get(
    @Param('id', new RecordIdPipe('expert')) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ExpertView> {
    return withETag(res, await this.experts.get(id));
  }

  @Patch(':id')
  @ApiRecordChange(ExpertResponse)
  @ApiOperation({ summary: "Correct the expert's profile (If-Match: the version read)" })
  async update(
    @Param('id', new RecordIdPipe('expert')) id: string,
    @Body() body: UpdateExpertDto,
    @Headers('if-match') ifMatch: string | undefined,
    @AuditCtx() context: AuditContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ExpertView> {
    const { version: bodyVersion, ...change } = body;
    return withETag(
      res,
      await this.experts.update(id, change, expectedVersion(ifMatch, bodyVersion), context),
    );
  }
}
