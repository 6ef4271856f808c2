import { AuditContext, AuditCtx } from '@app/audit-log';
import { DomainError, FieldError } from '@app/errors';
import { Actor, CurrentUser, Roles } from '@app/identity';
import { type ErrorView, pageErrors, RecordIdPipe, submitForm, validateForm } from '@app/web';
import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { fieldError } from '../answers/enrolment-answers';
import { BARRIERS } from '../entities/enrolment.entity';
import { EnrolmentAnswersDto } from '../dto/enrolment-answers.dto';
import { EnrolmentService } from '../enrolment.service';
import type { EnrolmentView } from '../enrolment-view';
import { EnrolmentRules } from '../rules/enrolment-rules';
import { countryOptions, Form, FormReader } from './form-parsing';
import { answerRows, reasonText, regionName, measureName } from './present';
import { controlId, pageOfField, QUESTION_PAGES, questionPage } from './question-pages';

/** class-validator constraint → the generic error code our messages are written for. */
const CODE_OF: Record<string, string> = {
  isInt: 'integer',
  min: 'range',
  max: 'range',
  maxLength: 'tooLong',
  minLength: 'blank',
  matches: 'format',
  isUrl: 'url',
  isISO31661Alpha2: 'country',
  isIn: 'choice',
  arrayMaxSize: 'tooMany',
  arrayUnique: 'duplicate',
  isBoolean: 'choice',
  isString: 'format',
};

const lang = (req: Request): string => req.lang ?? 'en';

/** A question page's errors: each links to its control (`company.legalName` → `#company-legalName`). */
const QUESTION_ERRORS = { fieldId: controlId };

/**
 * The enrolment form as GOV.UK question pages: one topic per page, save and come back later, check your
 * answers, submit, and the outcome. The same EnrolmentService as the API decides everything.
 */
@ApiExcludeController()
@Roles('sme')
@Controller('enrol')
export class EnrolmentPagesController {
  constructor(
    private readonly enrolments: EnrolmentService,
    private readonly rules: EnrolmentRules,
  ) {}

  @Get()
  async start(@CurrentUser() actor: Actor, @Res() res: Response): Promise<void> {
    const latest = await this.enrolments.latestFor(actor.id);
    if (latest && latest.status !== 'draft' && latest.status !== 'withdrawn') {
      return res.redirect(303, `/enrol/${latest.id}/confirmation`);
    }
    res.render('enrolment/start', {
      pageTitle: res.locals.t('enrolment.start.title'),
      draft: latest,
      backUrl: '/home',
    });
  }

  @Post()
  async create(
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const latest = await this.enrolments.latestFor(actor.id);
    // One draft at a time on the web: "start" resumes an existing draft rather than making another.
    const draft =
      latest?.status === 'draft'
        ? latest
        : await this.enrolments.createDraft(actor, {}, context, { lang: lang(req) });
    res.redirect(303, `/enrol/${draft.id}/company`);
  }

  @Get(':id/check')
  async check(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('enrolment')) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const view = await this.enrolments.get(actor, id);
    if (view.status !== 'draft') return res.redirect(303, `/enrol/${id}/confirmation`);
    this.renderCheck(res, view, lang(req));
  }

  @Post(':id/check')
  async submit(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('enrolment')) id: string,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const l = lang(req);
    await submitForm(res, {
      value: {},
      run: () => this.enrolments.submit(actor, id, context, { lang: l }),
      redirect: () => `/enrol/${id}/confirmation`,
      // Submitted meanwhile (another tab): the outcome, not the form.
      again: async (status, errors) => {
        const view = await this.enrolments.get(actor, id);
        if (view.status !== 'draft') return res.redirect(303, `/enrol/${id}/confirmation`);
        res.status(status);
        this.renderCheck(res, view, l, errors);
      },
      errors: {
        ...this.checkPageLinks(id),
        refusal: (error) =>
          error.fields.length
            ? error.fields
            : [{ field: 'submit', code: error.code, message: this.conflictMessage(error, l) }],
      },
    });
  }

  @Get(':id/confirmation')
  async confirmation(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('enrolment')) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const view = await this.enrolments.get(actor, id);
    if (view.status === 'draft') return res.redirect(303, `/enrol/${id}/check`);
    const l = lang(req);
    res.render('enrolment/confirmation', {
      pageTitle: res.locals.t(`enrolment.outcome.${view.status}.title`),
      enrolment: view,
      reasons: (view.eligibility?.reasons ?? []).map((r) => ({
        passed: r.passed,
        text: reasonText(r, l, this.rules),
      })),
      canAppeal: view.status === 'ineligible' && !view.appeal,
      contact: this.rules.settings.programmeContactEmail,
    });
  }

  @Get(':id/appeal')
  async appealPage(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('enrolment')) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const view = await this.enrolments.get(actor, id);
    if (view.status !== 'ineligible' || view.appeal) return res.redirect(303, `/enrol/${id}/confirmation`);
    res.render('enrolment/appeal', {
      pageTitle: res.locals.t('enrolment.appeal.title'),
      enrolment: view,
      reason: '',
    });
  }

  @Post(':id/appeal')
  async appeal(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('enrolment')) id: string,
    @Body() form: Form,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const l = lang(req);
    const reason = new FormReader(form, l).text('reason') ?? '';
    const problem = reason === '' ? 'required' : reason.length > 4000 ? 'tooLong' : undefined;
    await submitForm(res, {
      check: () => ({ value: { reason }, errors: problem ? [fieldError('reason', problem, l)] : [] }),
      run: () => this.enrolments.appeal(actor, id, reason, context, { lang: l }),
      redirect: () => `/enrol/${id}/confirmation`,
      again: async (status, errors) =>
        res.status(status).render('enrolment/appeal', {
          pageTitle: res.locals.t('enrolment.appeal.title'),
          enrolment: await this.enrolments.get(actor, id),
          reason,
          ...errors,
        }),
      errors: QUESTION_ERRORS,
    });
  }

  @Get(':id/:page')
  async question(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('enrolment')) id: string,
    @Param('page') slug: string,
    @Query('change') change: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const page = this.pageOr404(slug, res);
    if (!page) return;
    const view = await this.enrolments.get(actor, id);
    if (view.status !== 'draft') return res.redirect(303, `/enrol/${id}/confirmation`);
    this.renderQuestion(res, view, page.slug, page.values(view, lang(req)), lang(req), change === '1');
  }

  @Post(':id/:page')
  async answer(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('enrolment')) id: string,
    @Param('page') slug: string,
    @Body() form: Form,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const page = this.pageOr404(slug, res);
    if (!page) return;
    const l = lang(req);
    const change = form.change === '1';
    const reader = new FormReader(form, l);
    const answers = page.read(reader);
    const current = await this.enrolments.get(actor, id);
    if (current.status !== 'draft') return res.redirect(303, `/enrol/${id}/confirmation`);
    // "Save and come back later" keeps a partly answered page; continuing needs the page complete, and a
    // page with errors saves nothing (what was typed is echoed back).
    const later = form.action === 'later';
    const next = QUESTION_PAGES[QUESTION_PAGES.indexOf(page) + 1];
    await submitForm(res, {
      check: async () => ({
        value: answers,
        errors: dedupe([...reader.errors, ...(await this.shapeErrors(answers, l))]),
      }),
      run: (value) =>
        this.enrolments.updateDraft(actor, id, value, context, {
          lang: l,
          requireAnswered: later ? undefined : page.fields,
        }),
      redirect: () =>
        later ? '/home?saved=1' : change || !next ? `/enrol/${id}/check` : `/enrol/${id}/${next.slug}`,
      again: (status, errors) => {
        res.status(status);
        this.renderQuestion(
          res,
          current,
          page.slug,
          this.echo(page.slug, form, current, l),
          l,
          change,
          errors,
        );
      },
      errors: QUESTION_ERRORS,
    });
  }

  private pageOr404(slug: string, res: Response): ReturnType<typeof questionPage> {
    const page = questionPage(slug);
    if (!page) {
      res
        .status(404)
        .render('errors/not-found', { status: 404, title: res.locals.t('errors.notFound.title') });
      return undefined;
    }
    return page;
  }

  /** The same DTO rules as the API, with messages in the page's language. */
  private async shapeErrors(answers: EnrolmentAnswersDto, l: string): Promise<FieldError[]> {
    const { errors } = await validateForm(EnrolmentAnswersDto, answers);
    return errors.map((e) => fieldError(e.field, CODE_OF[e.code ?? ''] ?? 'invalid', l));
  }

  private conflictMessage(error: DomainError, l: string): string {
    const t = (key: string, params: Record<string, unknown>): string =>
      fieldError('submit', key, l, params).message;
    return t(error.code.replace(/^enrolment\./, ''), { contact: this.rules.settings.programmeContactEmail });
  }

  /** What the SME typed, to show it again next to the errors (nothing is saved from a rejected form). */
  private echo(slug: string, form: Form, view: EnrolmentView, l: string): Record<string, unknown> {
    const page = questionPage(slug)!;
    const base = page.values(view, l);
    const raw = (name: string): string => {
      const value = form[name];
      return (Array.isArray(value) ? value[0] : value) ?? '';
    };
    const list = (name: string): string[] => {
      const value = form[name];
      return value === undefined ? [] : Array.isArray(value) ? value : [value];
    };
    switch (slug) {
      case 'company':
        return {
          ...base,
          legalName: raw('company-legalName'),
          tradingName: raw('company-tradingName'),
          registrationNumber: raw('company-registrationNumber'),
          registrationCountry: raw('company-registrationCountry'),
          vatNumber: raw('company-vatNumber'),
          yearFounded: raw('company-yearFounded'),
          website: raw('company-website'),
          social: [0, 1, 2].map((i) => ({
            platform: raw(`social-${i}-platform`),
            url: raw(`social-${i}-url`),
          })),
        };
      case 'size':
        return {
          employees: raw('company-employees'),
          turnover: raw('company-turnoverMinor'),
          balanceSheet: raw('company-balanceSheetMinor'),
          currency: raw('company-currency'),
        };
      case 'sector-region':
        return { naceCode: raw('company-naceCode'), region: raw('company-region') };
      case 'export-status':
        return {
          exported: raw('exportStatus-exportedLast12Months') || null,
          share: raw('exportStatus-exportSharePercent'),
          markets: raw('exportStatus-markets'),
          orderOrigin: raw('exportStatus-orderOrigin') || null,
        };
      case 'target-markets':
        return { markets: raw('targetMarkets') };
      case 'barriers':
        return { selected: list('barriers-selected'), note: raw('barriers-note') };
      case 'help':
        return { selected: list('helpWanted') };
      case 'consent':
        return {
          dataProcessing: list('consent-dataProcessing').length > 0,
          evaluationContact: list('consent-evaluationContact').length > 0,
        };
      default:
        return base;
    }
  }

  private renderQuestion(
    res: Response,
    view: EnrolmentView,
    slug: string,
    values: Record<string, unknown>,
    l: string,
    change: boolean,
    errors?: ErrorView,
  ): void {
    const index = QUESTION_PAGES.findIndex((p) => p.slug === slug);
    const previous = QUESTION_PAGES[index - 1];
    res.render(`enrolment/${slug}`, {
      pageTitle: res.locals.t(`enrolment.pages.${slug}.title`),
      enrolment: view,
      values,
      change,
      formAction: `/enrol/${view.id}/${slug}`,
      backUrl: change
        ? `/enrol/${view.id}/check`
        : previous
          ? `/enrol/${view.id}/${previous.slug}`
          : '/enrol',
      step: { number: index + 1, of: QUESTION_PAGES.length },
      countries: countryOptions(l, (values.registrationCountry as string | null) ?? null),
      currencies: this.rules.currencies,
      regions: this.rules.regions.map((r) => ({ value: r.code, text: regionName(r.code, l, this.rules) })),
      measures: this.rules.supportMeasures.map((m) => ({
        value: m.code,
        text: measureName(m.code, l, this.rules),
      })),
      barrierCodes: BARRIERS,
      privacyNoticeVersion: this.rules.settings.privacyNoticeVersion,
      ...(errors ?? pageErrors(res, [])),
    });
  }

  private renderCheck(res: Response, view: EnrolmentView, l: string, errors?: ErrorView): void {
    res.render('enrolment/check', {
      pageTitle: res.locals.t('enrolment.check.title'),
      enrolment: view,
      rows: answerRows(view, l, this.rules),
      ...(errors ?? pageErrors(res, [])),
    });
  }

  /** On the check page an error links to the question page that asks for that answer. */
  private checkPageLinks(id: string) {
    return {
      fieldId: controlId,
      href: (field: string): string => {
        const page = pageOfField(field);
        return page ? `/enrol/${id}/${page.slug}?change=1#${controlId(field)}` : '#submit';
      },
    };
  }
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.field) ? false : (seen.add(e.field), true)));
}
