import { CaseAccessService } from '@app/advisers';
import { AuditCtx, type AuditContext } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { STAGES } from '@app/cases';
import type { FieldError } from '@app/errors';
import { CurrentUser, type Actor } from '@app/identity';
import {
  type ErrorView,
  type FormCheck,
  type FormSubmission,
  parseMoney,
  RecordIdPipe,
  submitForm,
  validateForm,
} from '@app/web';
import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import countries from 'i18n-iso-countries';
import { OUTCOME_KINDS } from './domain/outcome-kinds';
import { DecideStageDto } from './dto/decide-stage.dto';
import { RecordOutcomeDto } from './dto/record-outcome.dto';
import { ProgressService } from './progress.service';

/** The page's two forms; each shows its own fields' errors, both in the one summary. */
type FormState = { outcome?: Posted; stage?: Posted };
type Posted = { values: Record<string, string>; errors: ErrorView };

/** The stage, its history, milestones and outcomes of one case; staff working it record outcomes and decisions. */
@ApiExcludeController()
@Controller('cases/:id/progress')
export class ProgressPagesController {
  constructor(
    private readonly access: CaseAccessService,
    private readonly uow: UnitOfWork,
    private readonly progress: ProgressService,
  ) {}

  @Get()
  async page(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.access.findVisibleCase(actor, id);
    await this.render(actor, id, req, res, 200, {});
  }

  @Post('outcomes')
  async outcome(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Body() body: Record<string, string>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.submitPageForm(actor, id, req, res, 'outcome', body, {
      check: () => this.outcomeForm(body, req),
      run: (value) =>
        this.uow.run((m) => this.progress.recordOutcome(m, id, value, { confirmedBySme: false, context })),
      redirect: () => `/cases/${id}/progress?recorded=1`,
    });
  }

  @Post('stage')
  async stage(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Body() body: Record<string, string>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.submitPageForm(actor, id, req, res, 'stage', body, {
      dto: DecideStageDto,
      fields: { to: body.to, reason: body.reason ?? '' },
      run: (value) => this.uow.run((m) => this.progress.decideStage(m, id, value, context)),
      redirect: (moved) => `/cases/${id}/progress?${moved !== undefined ? 'decided' : 'confirmed'}=1`,
    });
  }

  /**
   * One of the page's two forms, posted by staff working the case (anyone else: not found): done, the
   * redirect; wrong, the page again with this form's values and errors.
   */
  private async submitPageForm<T extends object, R>(
    actor: Actor,
    id: string,
    req: Request,
    res: Response,
    form: keyof FormState,
    body: Record<string, string>,
    submission: FormCheck<T> & Pick<FormSubmission<T, R>, 'run' | 'redirect'>,
  ): Promise<void> {
    await this.access.findWorkableCase(actor, id);
    await submitForm<T, R>(res, {
      ...submission,
      again: (status, errors) =>
        this.render(actor, id, req, res, status, { [form]: { values: body, errors } }),
      errors: { translations: 'progress' },
    });
  }

  /** The outcome form in the DTO's shape: codes upper-cased, the value typed in major units made minor. */
  private async outcomeForm(body: Record<string, string>, req: Request) {
    const fields: Record<string, unknown> = {
      kind: body.kind,
      occurredOn: body.occurredOn,
      confirmed: body.confirmed === 'yes',
    };
    if (body.country) fields.country = body.country.trim().toUpperCase();
    if (body.currency) fields.currency = body.currency.trim().toUpperCase();
    if (body.note) fields.note = body.note;
    if (body.opportunityId) fields.opportunityId = body.opportunityId;
    const money = body.value
      ? parseMoney(body.value, { currency: fields.currency as string | undefined, lang: req.lang })
      : undefined;
    if (money?.ok) fields.valueMinor = money.minor;
    const checked = await validateForm(RecordOutcomeDto, fields);
    if (money && !money.ok) {
      const code = money.problem === 'negative' ? 'min' : 'isInt';
      const problem: FieldError = { field: 'valueMinor', code, message: 'Enter the value as an amount' };
      checked.errors.push(problem);
    }
    return checked;
  }

  private async render(
    actor: Actor,
    id: string,
    req: Request,
    res: Response,
    status: number,
    form: FormState,
  ): Promise<void> {
    const canWork =
      actor.role !== 'sme' && this.access.mayWork(actor, await this.access.findVisibleCase(actor, id));
    const opportunities = await this.progress.opportunitiesOf(id);
    res.status(status).render('progress/progress', {
      caseId: id,
      opportunities,
      opportunityLabels: Object.fromEntries(
        opportunities.map((o) => [
          o.id,
          `${o.product} (${countries.getName(o.market, req.lang ?? 'en') ?? o.market})`,
        ]),
      ),
      progress: await this.progress.view(id),
      stages: STAGES,
      outcomeKinds: OUTCOME_KINDS,
      canWork,
      staffPage: actor.role !== 'sme',
      outcomeValues: form.outcome?.values ?? {},
      stageValues: form.stage?.values ?? {},
      outcomeFieldErrors: form.outcome?.errors.fieldErrors ?? {},
      stageFieldErrors: form.stage?.errors.fieldErrors ?? {},
      errorSummary: [
        ...(form.outcome?.errors.errorSummary ?? []),
        ...(form.stage?.errors.errorSummary ?? []),
      ],
      recorded: req.query.recorded === '1',
      decided: req.query.decided === '1',
      confirmed: req.query.confirmed === '1',
    });
  }
}
