import { AuditContext, AuditCtx } from '@app/audit-log';
import { CaseAccessService } from '@app/advisers';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { ApiETag, RecordIdPipe, withETag } from '@app/web';
import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExpertSuggestionsResponse, IntroductionList, IntroductionResponse } from '../dto/network.responses';
import type { Response } from 'express';
import { RequestIntroductionDto } from '../dto/introduction.dto';
import { IntroductionsService, type IntroductionView } from '../introductions/introductions.service';
import { ExpertMatching, type ExpertSuggestions } from './expert-matching.service';

/** A case's network: the experts suggested for it (with each score explained) and its introductions. */
@ApiTags('network')
@ApiBearerAuth()
@Roles('adviser', 'officer')
@Controller('api/v1/cases/:id')
export class CaseNetworkController {
  constructor(
    private readonly access: CaseAccessService,
    private readonly matching: ExpertMatching,
    private readonly introductions: IntroductionsService,
  ) {}

  @Get('expert-suggestions')
  @ApiOkResponse({ type: ExpertSuggestionsResponse })
  @ApiOperation({
    summary:
      'Experts ranked for the case: weak headings of its latest audit, target markets, sector, language, less load (config/network.yaml); each score broken down, and who was left out and why',
  })
  async suggestions(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
  ): Promise<ExpertSuggestions> {
    return this.matching.suggest(await this.access.findWorkableCase(actor, id));
  }

  @Get('introductions')
  @ApiOkResponse({ type: IntroductionList })
  async list(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
  ): Promise<{ items: IntroductionView[] }> {
    return { items: await this.introductions.listForCase(actor, id) };
  }

  @Post('introductions')
  @HttpCode(201)
  @ApiCreatedResponse({
    type: IntroductionResponse,
    headers: { Location: { description: 'The introduction', schema: { type: 'string' } } },
  })
  @ApiETag()
  @ApiOperation({
    summary:
      'Ask an expert for an introduction: they are emailed the purpose and signed accept / decline links',
  })
  async request(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Body() body: RequestIntroductionDto,
    @AuditCtx() context: AuditContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IntroductionView> {
    const view = await this.introductions.request(actor, id, body, context);
    res.location(`/api/v1/introductions/${view.id}`);
    return withETag(res, view);
  }
}
