import { RecordIdPipe } from '@app/web';
import { CaseAccessService } from '@app/advisers';
import { AuditCtx, type AuditContext } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { NotFoundError } from '@app/errors';
import { CurrentUser, type Actor } from '@app/identity';
import { Body, Controller, Get, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { QuestionnaireResponse } from './dto/questionnaire.responses';
import { AuditListResponse, AuditViewResponse } from './dto/audit.responses';
import { RecommendationAnswer, RecommendationViewList } from './dto/recommendation.responses';
import type { Request } from 'express';
import { AuditAccess } from './access/audit-access';
import { QuestionnaireQueryDto } from './dto/questionnaire-query.dto';
import { AddRecommendationDto, DecideRecommendationDto } from './dto/recommendation.dto';
import { SaveAuditDto } from './dto/save-audit.dto';
import type { QuestionnaireFile } from './questionnaire/questionnaire.file';
import { ReadinessService, type AuditList, type AuditView } from './readiness.service';
import { RecommendationsService, type RecommendationView } from './recommendations.service';

type Language = 'en' | 'es' | 'de';
const languageOf = (req: Request): Language =>
  ['en', 'es', 'de'].includes(String(req.lang)) ? (req.lang as Language) : 'en';

@ApiTags('readiness')
@Controller('api/v1')
export class ReadinessController {
  constructor(
    private readonly access: CaseAccessService,
    private readonly audits: AuditAccess,
    private readonly uow: UnitOfWork,
    private readonly readiness: ReadinessService,
    private readonly recommendations: RecommendationsService,
  ) {}

  /** The current questionnaire (or an older version), with every text in en, es and de. */
  @Get('readiness/questionnaire')
  @ApiOkResponse({ type: QuestionnaireResponse })
  questionnaire(@Query() { version }: QuestionnaireQueryDto): QuestionnaireFile {
    if (version === undefined) return this.readiness.currentQuestionnaire.file;
    if (!this.readiness.hasQuestionnaire(version)) throw new NotFoundError('questionnaire', String(version));
    return this.readiness.questionnaireFor(version).file;
  }

  @Get('cases/:id/audits')
  @ApiOkResponse({ type: AuditListResponse })
  async list(@CurrentUser() actor: Actor, @Param('id') id: string): Promise<AuditList> {
    return this.readiness.list(id, await this.audits.on(actor, 'see', id));
  }

  @Get('cases/:id/audits/:auditId')
  @ApiOkResponse({ type: AuditViewResponse })
  async get(
    @CurrentUser() actor: Actor,
    @Param('id') id: string,
    @Param('auditId', new RecordIdPipe('readiness_audit')) auditId: string,
    @AuditCtx() context: AuditContext,
  ): Promise<AuditView> {
    return this.readiness.get(id, auditId, await this.audits.on(actor, 'see', id), context);
  }

  /** An SME creates a self-assessment; an adviser or officer working the case creates an adviser audit. */
  @Post('cases/:id/audits')
  @ApiCreatedResponse({ type: AuditViewResponse })
  async create(
    @CurrentUser() actor: Actor,
    @Param('id') id: string,
    @Body() dto: SaveAuditDto,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
  ): Promise<AuditView> {
    const { side } = await this.audits.on(actor, 'act', id);
    return this.uow.run((m) =>
      this.readiness.create(m, id, side, dto, { language: languageOf(req), context }),
    );
  }

  /** Saves more answers to a draft, and submits it when `submit` is true. */
  @Put('cases/:id/audits/:auditId')
  @ApiOkResponse({ type: AuditViewResponse })
  async update(
    @CurrentUser() actor: Actor,
    @Param('id') id: string,
    @Param('auditId', new RecordIdPipe('readiness_audit')) auditId: string,
    @Body() dto: SaveAuditDto,
    @AuditCtx() context: AuditContext,
  ): Promise<AuditView> {
    const access = await this.audits.on(actor, 'act', id);
    return this.uow.run((m) => this.readiness.update(m, id, auditId, access, dto, context));
  }

  @Get('cases/:id/recommendations')
  @ApiOkResponse({ type: RecommendationViewList })
  async listRecommendations(
    @CurrentUser() actor: Actor,
    @Param('id') id: string,
    @Req() req: Request,
  ): Promise<{ recommendations: RecommendationView[] }> {
    await this.access.findVisibleCase(actor, id);
    const recommendations = await this.recommendations.list(id, languageOf(req), {
      includeDropped: actor.role !== 'sme',
    });
    return { recommendations };
  }

  @Post('cases/:id/recommendations')
  @ApiCreatedResponse({ type: RecommendationAnswer })
  async addRecommendation(
    @CurrentUser() actor: Actor,
    @Param('id') id: string,
    @Body() dto: AddRecommendationDto,
    @AuditCtx() context: AuditContext,
  ): Promise<Record<string, unknown>> {
    await this.access.findWorkableCase(actor, id);
    const recommendation = await this.uow.run((m) => this.recommendations.add(m, id, dto, context));
    return { recommendation };
  }

  @Patch('cases/:id/recommendations/:recommendationId')
  @ApiOkResponse({ type: RecommendationAnswer })
  async decideRecommendation(
    @CurrentUser() actor: Actor,
    @Param('id') id: string,
    @Param('recommendationId', new RecordIdPipe('recommendation')) recommendationId: string,
    @Body() dto: DecideRecommendationDto,
    @AuditCtx() context: AuditContext,
  ): Promise<Record<string, unknown>> {
    await this.access.findWorkableCase(actor, id);
    const recommendation = await this.uow.run((m) =>
      this.recommendations.decide(m, id, recommendationId, dto, context),
    );
    return { recommendation };
  }
}
