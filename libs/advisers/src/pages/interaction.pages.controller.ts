import { AuditContext, AuditCtx } from '@app/audit-log';
import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { BARRIERS, EnrolmentRules } from '@app/enrolment';
import type { Actor } from '@app/identity';
import { CurrentUser, Roles } from '@app/identity';
import { localDate } from '@app/time';
import { submitForm, type ErrorView } from '@app/web';
import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CaseAccessService } from '../access/case-access.service';
import { CaseIdPipe } from '../api/case-id.pipe';
import { CorrectInteractionDto, VoidInteractionDto } from '../dto/correct-interaction.dto';
import { INTERACTION_KINDS } from '../entities/interaction.entity';
import { InteractionsService } from '../interactions/interactions.service';
import { staffNavigation } from './staff-navigation';

type FormName = 'correct' | 'void';

/**
 * One interaction of a case, for the staff who work it: correct it or void it, each with a reason. Never
 * deleted; the case page and the audit trail keep what it was.
 */
@ApiExcludeController()
@Roles('adviser', 'officer')
@Controller('cases/:id/interactions/:interactionId')
export class InteractionPagesController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: CaseAccessService,
    private readonly interactions: InteractionsService,
    private readonly enrolmentRules: EnrolmentRules,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async page(
    @CurrentUser() actor: Actor,
    @Param('id', CaseIdPipe) id: string,
    @Param('interactionId') interactionId: string,
    @Res() res: Response,
  ): Promise<void> {
    const kase = await this.access.findWorkableCase(actor, id);
    await this.render(res, actor, kase.id, interactionId, {});
  }

  @Post()
  async correct(
    @CurrentUser() actor: Actor,
    @Param('id', CaseIdPipe) id: string,
    @Param('interactionId') interactionId: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await this.submit(
      res,
      actor,
      id,
      interactionId,
      body,
      'correct',
      CorrectInteractionDto,
      (caseId, value) =>
        this.uow.run((m) =>
          this.interactions.correct(m, caseId, interactionId, value, context, value.version),
        ),
    );
  }

  @Post('void')
  async void(
    @CurrentUser() actor: Actor,
    @Param('id', CaseIdPipe) id: string,
    @Param('interactionId') interactionId: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await this.submit(res, actor, id, interactionId, body, 'void', VoidInteractionDto, (caseId, value) =>
      this.uow.run((m) =>
        this.interactions.void(m, caseId, interactionId, value.reason, context, value.version),
      ),
    );
  }

  /**
   * One of the page's two forms through the form cycle: its controls are prefixed with the form's name,
   * its errors worded from `advisers.interaction.errors`; done, back to the case with a notice.
   */
  private async submit<T extends object>(
    res: Response,
    actor: Actor,
    id: string,
    interactionId: string,
    body: Record<string, unknown>,
    form: FormName,
    dto: new () => T,
    run: (caseId: string, value: T) => Promise<unknown>,
  ): Promise<void> {
    const kase = await this.access.findWorkableCase(actor, id);
    await this.interactions.findOnCase(null, kase.id, interactionId);
    await submitForm(res, {
      dto,
      fields: body,
      run: (value) => run(kase.id, value),
      redirect: () =>
        `/cases/${kase.id}?notice=${form === 'correct' ? 'interaction_corrected' : 'interaction_voided'}`,
      again: (status, errors) =>
        this.render(res, actor, kase.id, interactionId, { status, form, values: body, errors }),
      errors: {
        translations: 'advisers.interaction',
        fieldId: (field) => `${form}-${field}`,
        refusal: (error) =>
          error.fields.length
            ? error.fields
            : [{ field: 'reason', message: error.message, code: error.code }],
      },
    });
  }

  private async render(
    res: Response,
    actor: Actor,
    caseId: string,
    interactionId: string,
    state: { status?: number; form?: FormName; values?: Record<string, unknown>; errors?: ErrorView },
  ): Promise<void> {
    const interaction = await this.interactions.findOnCase(null, caseId, interactionId);
    // The form shows the case's version now: a change since is caught by the optimistic lock.
    const kase = await this.access.findWorkableCase(actor, caseId);
    res.status(state.status ?? 200).render('advisers/interaction', {
      staffPage: true,
      navigation: staffNavigation(res, actor, '/caseload'),
      caseId,
      version: kase.version,
      interaction,
      kinds: INTERACTION_KINDS,
      barriers: BARRIERS,
      measures: this.enrolmentRules.supportMeasures,
      form: state.form,
      values: state.values ?? {},
      today: localDate(new Date(), this.config.PROGRAMME_TIME_ZONE),
      ...(state.errors ?? { errorSummary: [], fieldErrors: {} }),
    });
  }
}
