import { AuditContext, AuditCtx } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { Roles } from '@app/identity';
import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AdviserList,
  AdviserLoadResponse,
  RedistributionResponse,
  SavedAdviserProfile,
} from '../dto/adviser.responses';
import { AssignmentService } from '../assignment/assignment.service';
import { CreateAdviserProfileDto, UpdateAdviserProfileDto } from '../dto/adviser-profile.dto';
import { RedistributeDto } from '../dto/log-interaction.dto';
import { AdviserProfilesService } from '../profiles/adviser-profiles.service';
import { AdviserIdPipe } from './case-id.pipe';

/** Officers manage adviser profiles and move an absent or leaving adviser's cases in one action. */
@ApiTags('advisers')
@Roles('officer')
@Controller('api/v1/advisers')
export class AdvisersController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly profiles: AdviserProfilesService,
    private readonly assignment: AssignmentService,
  ) {}

  @Get()
  @ApiOkResponse({ type: AdviserList })
  async list() {
    return { items: await this.profiles.list() };
  }

  @Get(':id')
  @ApiOkResponse({ type: AdviserLoadResponse })
  get(@Param('id', AdviserIdPipe) id: string) {
    return this.profiles.get(id);
  }

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: SavedAdviserProfile })
  create(@Body() body: CreateAdviserProfileDto, @AuditCtx() context: AuditContext) {
    return this.uow.run((m) => this.profiles.create(m, body, context));
  }

  @Patch(':id')
  @ApiOkResponse({ type: SavedAdviserProfile })
  update(
    @Param('id', AdviserIdPipe) id: string,
    @Body() body: UpdateAdviserProfileDto,
    @AuditCtx() context: AuditContext,
  ) {
    return this.uow.run((m) => this.profiles.update(m, id, body, context));
  }

  /** Moves every active case of the adviser to others by the same scoring, with a handover note. */
  @Post(':id/redistribute')
  @ApiCreatedResponse({ type: RedistributionResponse })
  redistribute(
    @Param('id', AdviserIdPipe) id: string,
    @Body() body: RedistributeDto,
    @AuditCtx() context: AuditContext,
  ) {
    return this.uow.run((m) => this.assignment.redistribute(m, id, { note: body.note, context }));
  }
}
