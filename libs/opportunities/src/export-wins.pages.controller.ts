import { CaseAccessService } from '@app/advisers';
import { AuditContext, AuditCtx } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { EnrolmentRules } from '@app/enrolment';
import { NotFoundError, type FieldError } from '@app/errors';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import {
  moneyInputValue,
  parseMoney,
  RecordIdPipe,
  submitForm,
  validateForm,
  type ErrorView,
} from '@app/web';
import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { GOODS_OR_SERVICES, MAX_WIN_YEARS, verificationState, WIN_TYPES, winYears } from './domain/win-rules';
import { RecordExportWinDto } from './dto/export-win.dto';
import type { ExportWin } from './entities/export-win.entity';
import { ExportWinsService } from './export-wins.service';
import { WinMoney } from './win-money';
import { WinVerificationService } from './win-verification.service';
import { OpportunitiesService } from './opportunities.service';

type Posted = Record<string, string | string[] | undefined>;
const CASE = new RecordIdPipe('case');
const WIN = new RecordIdPipe('export_win');
const YEAR_FIELDS = Array.from({ length: MAX_WIN_YEARS }, (_v, i) => `value${i + 1}`);
const NOTICES = ['recorded', 'signedOff', 'resent', 'corrected'];
/** The states in which the adviser may send the company a new link (an answered win is corrected instead). */
const RESENDABLE = ['awaiting', 'expired', 'not_sent'];

/** A win as its form shows it: each year's value back in major units, as the page's language writes it. */
function formValues(w: ExportWin, lang = 'en'): Posted {
  return {
    customerName: w.customerName,
    customerCountry: w.customerCountry,
    goodsOrServices: w.goodsOrServices,
    description: w.description,
    winType: w.winType,
    currency: w.currency,
    firstYear: String(w.firstYear),
    ...Object.fromEntries(
      w.valuesMinor.map((v, i) => [YEAR_FIELDS[i], moneyInputValue(v, w.currency, lang)]),
    ),
    supportDecisive: w.supportDecisive ? 'yes' : 'no',
    supportMeasures: w.supportMeasures,
    trainingModules: w.trainingModules,
    notes: w.notes ?? '',
    version: String(w.version),
  };
}

/** A posted field as text (a repeated field is not text: it reads as empty). */
const textOf = (body: Posted, name: string): string => {
  const value = body[name];
  return typeof value === 'string' ? value.trim() : '';
};
/** A posted checkbox group as a list of codes. */
const listOf = (body: Posted, name: string): string[] => {
  const value = body[name];
  return (Array.isArray(value) ? value : value ? [value] : []).filter(
    (v) => typeof v === 'string' && v !== '',
  );
};

/**
 * Export wins on a case's pages: the list, and the form that records one (from a won opportunity, whose
 * market and product it starts from, or directly). GOV.UK patterns, works without JavaScript.
 */
@ApiExcludeController()
@Roles('adviser', 'officer')
@Controller('cases/:id/export-wins')
export class ExportWinsPagesController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: CaseAccessService,
    private readonly wins: ExportWinsService,
    private readonly opportunities: OpportunitiesService,
    private readonly enrolmentRules: EnrolmentRules,
    private readonly verification: WinVerificationService,
    private readonly money: WinMoney,
  ) {}

  @Get()
  async list(
    @CurrentUser() actor: Actor,
    @Param('id', CASE) id: string,
    @Query('notice') notice: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const kase = await this.access.findVisibleCase(actor, id);
    const wins = await this.wins.listForCase(actor, kase.id);
    res.render('opportunities/wins', {
      caseId: kase.id,
      wins: wins.map((w) => ({
        ...w,
        years: winYears(w.firstYear, w.valuesMinor),
        state: verificationState(w, new Date()),
        inReportingCurrency: this.money.inReportingCurrency(w),
        resendable: RESENDABLE.includes(verificationState(w, new Date())),
      })),
      officer: actor.role === 'officer',
      canWork: this.access.mayWork(actor, kase),
      notice: NOTICES.includes(notice ?? '') ? notice : null,
    });
  }

  @Get('new')
  async form(
    @CurrentUser() actor: Actor,
    @Param('id', CASE) id: string,
    @Query('opportunity') opportunityId: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const kase = await this.access.findWorkableCase(actor, id);
    const values: Posted = { firstYear: String(new Date().getUTCFullYear()) };
    if (typeof opportunityId === 'string' && opportunityId) {
      const won = await this.opportunities.find(actor, 'work', opportunityId);
      if (won.caseId === kase.id && won.status === 'won')
        Object.assign(values, {
          opportunityId: won.id,
          customerCountry: won.market,
          description: won.product,
          currency: won.currency,
        });
    }
    await this.render(res, 200, kase.id, values);
  }

  @Post()
  async record(
    @CurrentUser() actor: Actor,
    @Param('id', CASE) id: string,
    @Body() body: Posted,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const kase = await this.access.findWorkableCase(actor, id);
    await submitForm(res, {
      check: () => this.checked(body, req),
      run: (value) => this.uow.run((m) => this.wins.record(m, actor, kase.id, value, context)),
      redirect: () => `/cases/${kase.id}/export-wins?notice=recorded`,
      again: (status, errors) => this.render(res, status, kase.id, body, errors),
      errors: {
        translations: 'exportWins',
        fieldId: (field) =>
          field === 'valuesMinor' ? 'value1' : field === 'supportDecisive' ? 'supportDecisive' : field,
      },
    });
  }

  /** Officers: sign off a confirmed win. */
  @Roles('officer')
  @Post(':winId/sign-off')
  async signOff(
    @CurrentUser() actor: Actor,
    @Param('id', CASE) id: string,
    @Param('winId', WIN) winId: string,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    const found = await this.ofCase(actor, 'see', id, winId);
    await this.verification.signOff(actor, found, context);
    res.redirect(303, `/cases/${id}/export-wins?notice=signedOff`);
  }

  /** Send the company a new link: the one it has stops working. */
  @Post(':winId/resend')
  async resend(
    @CurrentUser() actor: Actor,
    @Param('id', CASE) id: string,
    @Param('winId', WIN) winId: string,
    @Body() body: Posted,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    const found = await this.ofCase(actor, 'work', id, winId);
    const version = textOf(body, 'version');
    await this.verification.resend(found, /^\d+$/.test(version) ? Number(version) : undefined, context);
    res.redirect(303, `/cases/${id}/export-wins?notice=resent#win-${found.id}`);
  }

  /** The correction form: the win as recorded; saving asks the company again. */
  @Get(':winId/edit')
  async editForm(
    @CurrentUser() actor: Actor,
    @Param('id', CASE) id: string,
    @Param('winId', WIN) winId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const found = await this.ofCase(actor, 'work', id, winId);
    await this.render(res, 200, id, formValues(found, req.lang), undefined, found.id);
  }

  @Post(':winId/edit')
  async correct(
    @CurrentUser() actor: Actor,
    @Param('id', CASE) id: string,
    @Param('winId', WIN) winId: string,
    @Body() body: Posted,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const found = await this.ofCase(actor, 'work', id, winId);
    const version = textOf(body, 'version');
    await submitForm(res, {
      check: () => this.checked({ ...body, opportunityId: undefined }, req),
      run: (value) =>
        this.wins.correct(
          actor,
          found.id,
          value,
          /^\d+$/.test(version) ? Number(version) : undefined,
          context,
        ),
      redirect: () => `/cases/${id}/export-wins?notice=corrected#win-${found.id}`,
      again: async (status, errors) => {
        // After a conflict the form shows what is saved now, with its version, so a resubmit is informed.
        const values =
          status === 409 ? formValues(await this.wins.find(actor, 'work', found.id), req.lang) : body;
        await this.render(res, status, id, values, errors, found.id);
      },
      errors: {
        translations: 'exportWins',
        fieldId: (field) =>
          field === 'valuesMinor' ? 'value1' : field === 'supportDecisive' ? 'supportDecisive' : field,
      },
    });
  }

  private async ofCase(actor: Actor, intent: 'see' | 'work', caseId: string, winId: string) {
    const found = await this.wins.find(actor, intent, winId);
    if (found.caseId !== caseId) throw new NotFoundError('export_win', winId);
    return found;
  }

  /** The form in the DTO's shape: codes upper-cased, each year's value typed in major units made minor. */
  private async checked(
    body: Posted,
    req: Request,
  ): Promise<{ value: RecordExportWinDto; errors: FieldError[] }> {
    const currency = textOf(body, 'currency').toUpperCase();
    const typed = YEAR_FIELDS.map((name) => textOf(body, name));
    // Years are given from the first: blanks after the last value are years not counted.
    const last = typed.reduce((at, value, i) => (value ? i : at), -1);
    const parsed = typed
      .slice(0, last + 1)
      .map((value) =>
        value ? parseMoney(value, { currency: currency || undefined, lang: req.lang }) : null,
      );
    const fields: Record<string, unknown> = {
      customerName: textOf(body, 'customerName'),
      customerCountry: textOf(body, 'customerCountry').toUpperCase(),
      goodsOrServices: textOf(body, 'goodsOrServices'),
      description: textOf(body, 'description'),
      winType: textOf(body, 'winType'),
      currency,
      firstYear: /^\d{4}$/.test(textOf(body, 'firstYear'))
        ? Number(textOf(body, 'firstYear'))
        : textOf(body, 'firstYear'),
      valuesMinor: parsed.map((p) => (p?.ok ? p.minor : null)),
      supportDecisive:
        textOf(body, 'supportDecisive') === 'yes'
          ? true
          : textOf(body, 'supportDecisive') === 'no'
            ? false
            : undefined,
      supportMeasures: listOf(body, 'supportMeasures'),
      trainingModules: listOf(body, 'trainingModules'),
    };
    if (textOf(body, 'opportunityId')) fields.opportunityId = textOf(body, 'opportunityId');
    if (textOf(body, 'notes')) fields.notes = textOf(body, 'notes');
    const checked = await validateForm(RecordExportWinDto, fields);
    const errors = checked.errors.filter((e) => !e.field.startsWith('valuesMinor'));
    if (parsed.length === 0)
      errors.push({
        field: 'valuesMinor',
        code: 'arrayMinSize',
        message: 'Enter the value of at least the first year',
      });
    else if (parsed.some((p) => !p || !p.ok))
      errors.push({
        field: 'valuesMinor',
        code: parsed.some((p) => p && !p.ok && p.problem === 'negative') ? 'min' : 'isInt',
        message: 'Enter each year’s value as an amount, leaving no year blank before the last',
      });
    else if (checked.errors.some((e) => e.field.startsWith('valuesMinor')))
      errors.push({ field: 'valuesMinor', code: 'max', message: 'A value is too large' });
    return { value: checked.value, errors };
  }

  private async render(
    res: Response,
    status: number,
    caseId: string,
    values: Posted,
    errors?: ErrorView,
    winId?: string,
  ): Promise<void> {
    res.status(status).render('opportunities/win-form', {
      caseId,
      winId: winId ?? null,
      values,
      chosenMeasures: listOf(values, 'supportMeasures'),
      chosenModules: listOf(values, 'trainingModules'),
      yearFields: YEAR_FIELDS,
      goodsOrServices: GOODS_OR_SERVICES,
      winTypes: WIN_TYPES,
      measures: this.enrolmentRules.supportMeasures.map((m) => m.code),
      modules: await this.wins.bookedModules(caseId),
      ...(errors ?? { errorSummary: [], fieldErrors: {} }),
    });
  }
}
