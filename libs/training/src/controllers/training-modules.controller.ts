import { AuditContext, AuditCtx } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { CurrentUser, Roles, STAFF_ROLES, type Actor } from '@app/identity';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  TrainingModuleList,
  TrainingModuleResponse,
  TrainingSessionList,
  TrainingSessionResponse,
} from '../dto/training.responses';
import { CreateSessionDto } from '../dto/create-session.dto';
import { CreateModuleDto, ModuleListQueryDto, UpdateModuleDto } from '../dto/module.dto';
import { TrainingCatalogueService } from '../training-catalogue.service';
import { moduleJson, sessionJson } from './training-json';

@ApiTags('training')
@ApiBearerAuth()
@Controller('api/v1/training/modules')
export class TrainingModulesController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly catalogue: TrainingCatalogueService,
  ) {}

  /** The catalogue. Staff may ask for retired modules too (`?includeRetired=true`). */
  @Get()
  @ApiOkResponse({ type: TrainingModuleList })
  async list(
    @CurrentUser() actor: Actor,
    @Query() { includeRetired }: ModuleListQueryDto,
  ): Promise<{ items: unknown[] }> {
    // Staff of the agency only: an expert of the network sees the catalogue as an SME does.
    const staff = STAFF_ROLES.includes(actor.role);
    const modules = await this.catalogue.list({ includeRetired: staff && includeRetired === true });
    return { items: modules.map(moduleJson) };
  }

  /** Upcoming sessions of one module with seats left. */
  @Get(':code/sessions')
  @ApiOkResponse({ type: TrainingSessionList })
  async sessions(@Param('code') code: string): Promise<{ items: unknown[] }> {
    const module = await this.catalogue.byCode(code);
    const sessions = await this.catalogue.upcomingSessions(module.id);
    return { items: sessions.map(sessionJson) };
  }

  @Roles('officer')
  @Post()
  @ApiCreatedResponse({ type: TrainingModuleResponse })
  async create(@Body() dto: CreateModuleDto, @AuditCtx() context: AuditContext): Promise<unknown> {
    return moduleJson(await this.uow.run((m) => this.catalogue.create(m, dto, context)));
  }

  /** Edit or retire (`{"retired": true}`) a module. Retired modules stay for history. */
  @Roles('officer')
  @Patch(':code')
  @ApiOkResponse({ type: TrainingModuleResponse })
  async update(
    @Param('code') code: string,
    @Body() dto: UpdateModuleDto,
    @AuditCtx() context: AuditContext,
  ): Promise<unknown> {
    return moduleJson(await this.uow.run((m) => this.catalogue.update(m, code, dto, context)));
  }

  @Roles('officer')
  @Post(':code/sessions')
  @ApiCreatedResponse({ type: TrainingSessionResponse })
  async addSession(
    @Param('code') code: string,
    @Body() dto: CreateSessionDto,
    @AuditCtx() context: AuditContext,
  ): Promise<unknown> {
    const session = await this.uow.run((m) => this.catalogue.addSession(m, code, dto, context));
    return sessionJson(await this.catalogue.session(session.id));
  }
}
