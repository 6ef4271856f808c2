import { AuditContext, AuditCtx } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { EnrolmentRules } from '@app/enrolment';
import type { Actor } from '@app/identity';
import { CurrentUser, Roles } from '@app/identity';
import { type ErrorView, submitForm, validateForm } from '@app/web';
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AdviserNotFoundError } from '../advisers.errors';
import { AdviserIdPipe } from '../api/case-id.pipe';
import { AssignmentService } from '../assignment/assignment.service';
import {
  ADVISER_LANGUAGES,
  CreateAdviserProfileDto,
  UpdateAdviserProfileDto,
} from '../dto/adviser-profile.dto';
import { RedistributeDto } from '../dto/log-interaction.dto';
import { AdviserProfilesService } from '../profiles/adviser-profiles.service';
import { staffNavigation } from './staff-navigation';

/** Officers manage advisers: the load table, each adviser's profile, and handing a caseload back out. */
@ApiExcludeController()
@Roles('officer')
@Controller('officer/advisers')
export class AdviserProfilesPagesController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly assignment: AssignmentService,
    private readonly profiles: AdviserProfilesService,
    private readonly enrolmentRules: EnrolmentRules,
  ) {}

  @Get()
  async advisersPage(
    @CurrentUser() actor: Actor,
    @Query('notice') notice: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    res.render('advisers/advisers', {
      staffPage: true,
      navigation: staffNavigation(res, actor, '/officer/advisers'),
      advisers: await this.profiles.list(),
      withoutProfile: await this.profiles.advisersWithoutProfile(),
      notice,
    });
  }

  @Get(':id/profile')
  async profilePage(
    @CurrentUser() actor: Actor,
    @Param('id', AdviserIdPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const user = await this.adviser(id);
    const profile = await this.profiles.findProfile(id);
    const values = profile
      ? {
          ...profile,
          naceSections: profile.naceSections.join(', '),
          markets: profile.markets.join(', '),
          active: String(profile.active),
        }
      : { regions: [], visibleRegions: [], languages: ['en'], capacity: '', active: 'true' };
    this.renderProfile(res, actor, user, Boolean(profile), values, 200);
  }

  @Post(':id/profile')
  async saveProfile(
    @CurrentUser() actor: Actor,
    @Param('id', AdviserIdPipe) id: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    const user = await this.adviser(id);
    const exists = Boolean(await this.profiles.findProfile(id));
    // Unticked checkbox groups send nothing: that is an empty list, not a missing field.
    const form = {
      ...body,
      regions: body.regions ?? [],
      visibleRegions: body.visibleRegions ?? [],
      languages: body.languages ?? [],
    };
    await submitForm(res, {
      check: () =>
        exists
          ? validateForm(UpdateAdviserProfileDto, form)
          : validateForm(CreateAdviserProfileDto, { ...form, userId: id }),
      run: (value) =>
        this.uow.run((m) =>
          exists
            ? this.profiles.update(m, id, value, context)
            : this.profiles.create(m, value as CreateAdviserProfileDto, context),
        ),
      redirect: ({ warnings }) =>
        `/officer/advisers?notice=${warnings.includes('adviser.capacity_below_load') ? 'profile_saved_below_load' : 'profile_saved'}`,
      again: (status, errors) => this.renderProfile(res, actor, user, exists, body, status, errors),
      errors: { translations: 'advisers' },
    });
  }

  @Post(':id/redistribute')
  async redistribute(
    @CurrentUser() actor: Actor,
    @Param('id', AdviserIdPipe) id: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(res, {
      dto: RedistributeDto,
      fields: body,
      run: (value) => this.uow.run((m) => this.assignment.redistribute(m, id, { note: value.note, context })),
      redirect: (result) =>
        `/officer/advisers?notice=redistributed&moved=${result.moved.length}&left=${result.unassigned.length}`,
      again: async (status, errors) =>
        res.status(status).render('advisers/advisers', {
          staffPage: true,
          navigation: staffNavigation(res, actor, '/officer/advisers'),
          advisers: await this.profiles.list(),
          failedAdviserId: id,
          ...errors,
        }),
      // Each adviser's row has its own note field.
      errors: { fieldId: () => `note-${id}`, translations: 'advisers' },
    });
  }

  /** The adviser account a profile page is about: 404 for anyone who is not an adviser. */
  private async adviser(id: string): Promise<{ id: string; name: string }> {
    const user = await this.profiles.userOf(id);
    if (!user || user.role !== 'adviser') throw new AdviserNotFoundError(id);
    return user;
  }

  private renderProfile(
    res: Response,
    actor: Actor,
    user: { id: string; name: string },
    exists: boolean,
    values: Record<string, unknown>,
    status: number,
    errors?: ErrorView,
  ): void {
    res.status(status).render('advisers/profile', {
      staffPage: true,
      navigation: staffNavigation(res, actor, '/officer/advisers'),
      adviser: user,
      exists,
      values,
      regions: this.enrolmentRules.regions,
      languages: ADVISER_LANGUAGES,
      errorSummary: [],
      fieldErrors: {},
      ...errors,
    });
  }
}
