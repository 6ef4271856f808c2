import { CaseAccessService } from '@app/advisers';
import { AuditCtx, type AuditContext } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { STAGES } from '@app/enrolment';
import { DomainError, type FieldError } from '@app/errors';
import { csrfTokenFor, CurrentUser, type Actor } from '@app/identity';
import { validateForm } from '@app/web';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { OUTCOME_KINDS } from './domain/outcome-kinds';
import { DecideStageDto } from './dto/decide-stage.dto';
import { RecordOutcomeDto } from './dto/record-outcome.dto';
import { translatedErrorView } from './form-errors';
import { ProgressService } from './progress.service';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Major units typed in a form → integer minor units of the currency (e.g. 1250.50 GBP → 125050). */
function toMinorUnits(value: string, currency: string): number | string {
  const trimmed = value.replace(/[\s,]/g, '');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return value;
  let digits = 2;
  try {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
  } catch {
    // An unknown currency is reported by the DTO's own check; any scale will do until then.
  }
  return Math.round(Number(trimmed) * 10 ** digits);
}

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
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.access.findVisibleCase(actor, id);
    await this.render(actor, id, req, res, 200, {});
  }

  @Post('outcomes')
  async outcome(
    @CurrentUser() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: Record<string, string>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.access.findWorkableCase(actor, id);
    const fields: Record<string, unknown> = {
      kind: body.kind,
      occurredOn: body.occurredOn,
      confirmed: body.confirmed === 'yes',
    };
    if (body.country) fields.country = body.country.trim().toUpperCase();
    if (body.currency) fields.currency = body.currency.trim().toUpperCase();
    if (body.value) fields.valueMinor = toMinorUnits(body.value, String(fields.currency ?? 'GBP'));
    if (body.note) fields.note = body.note;
    const { value, errors } = await validateForm(RecordOutcomeDto, fields);
    const again = (status: number, problems: FieldError[]): Promise<void> =>
      this.render(actor, id, req, res, status, { outcomeValues: body, outcomeErrors: problems });
    if (errors.length) return again(400, errors);
    try {
      await this.uow.run((m) =>
        this.progress.recordOutcome(m, id, value, { confirmedBySme: false, context }),
      );
    } catch (error) {
      if (error instanceof DomainError && error.fields.length) return again(error.status, [...error.fields]);
      throw error;
    }
    res.redirect(303, `/cases/${id}/progress?recorded=1`);
  }

  @Post('stage')
  async stage(
    @CurrentUser() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: Record<string, string>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.access.findWorkableCase(actor, id);
    const { value, errors } = await validateForm(DecideStageDto, { to: body.to, reason: body.reason ?? '' });
    const again = (status: number, problems: FieldError[]): Promise<void> =>
      this.render(actor, id, req, res, status, { stageValues: body, stageErrors: problems });
    if (errors.length) return again(400, errors);
    let moved: boolean;
    try {
      moved = (await this.uow.run((m) => this.progress.decideStage(m, id, value, context))) !== undefined;
    } catch (error) {
      if (error instanceof DomainError && error.fields.length) return again(error.status, [...error.fields]);
      throw error;
    }
    res.redirect(303, `/cases/${id}/progress?${moved ? 'decided' : 'confirmed'}=1`);
  }

  private async render(
    actor: Actor,
    id: string,
    req: Request,
    res: Response,
    status: number,
    extra: {
      outcomeValues?: unknown;
      outcomeErrors?: FieldError[];
      stageValues?: unknown;
      stageErrors?: FieldError[];
    },
  ): Promise<void> {
    const t = res.locals.t as Translate;
    const canWork =
      actor.role !== 'sme' && this.access.mayWork(actor, await this.access.findVisibleCase(actor, id));
    const view = await this.progress.view(id);
    const outcomeErrors = translatedErrorView(extra.outcomeErrors ?? [], t, 'progress');
    const stageErrors = translatedErrorView(extra.stageErrors ?? [], t, 'progress');
    res.status(status).render('progress/progress', {
      caseId: id,
      progress: view,
      stages: STAGES,
      outcomeKinds: OUTCOME_KINDS,
      canWork,
      staffPage: actor.role !== 'sme',
      csrfToken: csrfTokenFor(req),
      outcomeValues: extra.outcomeValues ?? {},
      stageValues: extra.stageValues ?? {},
      outcomeFieldErrors: outcomeErrors.fieldErrors,
      stageFieldErrors: stageErrors.fieldErrors,
      errorSummary: [...outcomeErrors.errorSummary, ...stageErrors.errorSummary],
      recorded: req.query.recorded === '1',
      decided: req.query.decided === '1',
      confirmed: req.query.confirmed === '1',
    });
  }
}
