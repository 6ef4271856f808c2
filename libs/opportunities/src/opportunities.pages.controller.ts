import { CaseAccessService } from '@app/advisers';
import { AuditContext, AuditCtx } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { NotFoundError, type FieldError } from '@app/errors';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import {
  parseMoney,
  RecordIdPipe,
  submitForm,
  validateForm,
  errorView,
  moneyInputValue,
  pageErrors,
  type ErrorView,
} from '@app/web';
import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  BUYER_TYPES,
  LIKELIHOODS,
  nextStatuses,
  OPPORTUNITY_SOURCES,
  OPPORTUNITY_STATUSES,
} from './domain/opportunity-rules';
import { CreateOpportunityDto, UpdateOpportunityDto } from './dto/opportunity.dto';
import { PipelineQueryDto } from './dto/pipeline-query.dto';
import type { ExportOpportunity } from './entities/export-opportunity.entity';
import { ExportWinsService } from './export-wins.service';
import { OpportunitiesService } from './opportunities.service';

type Posted = Record<string, string | undefined>;
const CASE = new RecordIdPipe('case');
const OPPORTUNITY = new RecordIdPipe('opportunity');

/** An opportunity as its form shows it: the value back in major units, as the page's language writes it. */
function formValues(o: ExportOpportunity, lang = 'en'): Posted {
  return {
    market: o.market,
    product: o.product,
    buyerType: o.buyerType,
    source: o.source,
    value: moneyInputValue(o.valueMinor, o.currency, lang),
    currency: o.currency,
    likelihood: o.likelihood,
    expectedOn: o.expectedOn,
    status: o.status,
    closeReason: o.closeReason ?? '',
    notes: o.notes ?? '',
    version: String(o.version),
  };
}

/**
 * Export opportunities on a case's pages (its staff list, add and edit them) and the pipeline across cases
 * (an adviser's own, an officer's all). Forms follow the GOV.UK patterns and work without JavaScript.
 */
@ApiExcludeController()
@Roles('adviser', 'officer')
@Controller()
export class OpportunitiesPagesController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: CaseAccessService,
    private readonly opportunities: OpportunitiesService,
    private readonly wins: ExportWinsService,
  ) {}

  @Get('cases/:id/opportunities')
  async list(
    @CurrentUser() actor: Actor,
    @Param('id', CASE) id: string,
    @Query('notice') notice: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const kase = await this.access.findVisibleCase(actor, id);
    const wins = await this.wins.listForCase(actor, kase.id);
    res.render('opportunities/list', {
      caseId: kase.id,
      wonWithWin: wins.map((w) => w.opportunityId).filter((o): o is string => o !== null),
      items: await this.opportunities.listForCase(actor, kase.id),
      canWork: this.access.mayWork(actor, kase),
      notice: notice === 'added' || notice === 'saved' ? notice : null,
    });
  }

  @Get('cases/:id/opportunities/new')
  async newForm(
    @CurrentUser() actor: Actor,
    @Param('id', CASE) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const kase = await this.access.findWorkableCase(actor, id);
    this.renderForm(res, 200, { caseId: kase.id, values: { status: 'prospect' } });
  }

  @Post('cases/:id/opportunities')
  async create(
    @CurrentUser() actor: Actor,
    @Param('id', CASE) id: string,
    @Body() body: Posted,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const kase = await this.access.findWorkableCase(actor, id);
    await submitForm(res, {
      check: () => this.checked(CreateOpportunityDto, body, req, false),
      run: (value) => this.uow.run((m) => this.opportunities.create(m, actor, kase.id, value, context)),
      redirect: () => `/cases/${kase.id}/opportunities?notice=added`,
      again: (status, errors) => this.renderForm(res, status, { caseId: kase.id, values: body, errors }),
      errors: {
        translations: 'opportunities',
        fieldId: (field) => (field === 'valueMinor' ? 'value' : field),
      },
    });
  }

  @Get('cases/:id/opportunities/:opportunityId')
  async editForm(
    @CurrentUser() actor: Actor,
    @Param('id', CASE) id: string,
    @Param('opportunityId', OPPORTUNITY) opportunityId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const found = await this.ofCase(actor, id, opportunityId);
    this.renderForm(res, 200, { caseId: id, opportunity: found, values: formValues(found, req.lang) });
  }

  @Post('cases/:id/opportunities/:opportunityId')
  async update(
    @CurrentUser() actor: Actor,
    @Param('id', CASE) id: string,
    @Param('opportunityId', OPPORTUNITY) opportunityId: string,
    @Body() body: Posted,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const found = await this.ofCase(actor, id, opportunityId);
    await submitForm(res, {
      check: () => this.checked(UpdateOpportunityDto, body, req, true),
      run: ({ version, ...change }) => this.opportunities.update(actor, found.id, change, version, context),
      redirect: () => `/cases/${id}/opportunities?notice=saved`,
      again: async (status, errors) => {
        // After a conflict the form shows what is saved now, with its version, so a resubmit is informed.
        const now = status === 409 ? await this.opportunities.find(actor, 'work', found.id) : found;
        const values = status === 409 ? formValues(now, req.lang) : body;
        this.renderForm(res, status, { caseId: id, opportunity: now, values, errors });
      },
      errors: {
        translations: 'opportunities',
        fieldId: (field) => (field === 'valueMinor' ? 'value' : field),
      },
    });
  }

  @Get('pipeline')
  async pipeline(
    @CurrentUser() actor: Actor,
    @Query() raw: Record<string, string>,
    @Res() res: Response,
  ): Promise<void> {
    const filters = {
      market: raw.market,
      status: raw.status,
      quarter: raw.quarter,
      sector: raw.sector,
      region: raw.region,
      limit: raw.limit,
    };
    const { value, errors } = await validateForm(PipelineQueryDto, { ...filters, cursor: raw.cursor });
    const view: ErrorView = errors.length
      ? pageErrors(res, errors, { translations: 'opportunities' })
      : errorView([]);
    const pipeline = errors.length ? null : await this.opportunities.pipeline(actor, value);
    const next = new URLSearchParams(
      Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
    );
    if (pipeline?.nextCursor) next.set('cursor', pipeline.nextCursor);
    res.status(errors.length ? 400 : 200).render('opportunities/pipeline', {
      filters,
      statuses: OPPORTUNITY_STATUSES,
      officer: actor.role === 'officer',
      pipeline: pipeline ?? { items: [], total: 0, totals: [], inReportingCurrency: null },
      nextHref: pipeline?.nextCursor ? `/pipeline?${next.toString()}` : null,
      firstHref: raw.cursor
        ? `/pipeline?${new URLSearchParams([...next].filter(([k]) => k !== 'cursor')).toString()}`
        : null,
      ...view,
    });
  }

  /** An opportunity of this case that the actor works, else 404. */
  private async ofCase(actor: Actor, caseId: string, opportunityId: string): Promise<ExportOpportunity> {
    const found = await this.opportunities.find(actor, 'work', opportunityId);
    if (found.caseId !== caseId) throw new NotFoundError('opportunity', opportunityId);
    return found;
  }

  /** The posted form in the DTO's shape: codes upper-cased, the value typed in major units made minor. */
  private async checked<T extends object>(
    dto: new () => T,
    body: Posted,
    req: Request,
    editing: boolean,
  ): Promise<{ value: T; errors: FieldError[] }> {
    const text = (name: string): string => {
      const posted: unknown = body[name];
      return typeof posted === 'string' ? posted.trim() : '';
    };
    const fields: Record<string, unknown> = {
      market: text('market').toUpperCase(),
      product: text('product'),
      buyerType: text('buyerType'),
      source: text('source'),
      currency: text('currency').toUpperCase(),
      likelihood: text('likelihood'),
      expectedOn: text('expectedOn'),
      status: text('status') || undefined,
    };
    if (text('notes') || editing) fields.notes = text('notes');
    if (editing) {
      fields.closeReason = text('closeReason');
      fields.version = text('version');
    }
    const money = text('value')
      ? parseMoney(text('value'), { currency: text('currency').toUpperCase() || undefined, lang: req.lang })
      : undefined;
    fields.valueMinor = money?.ok ? money.minor : undefined;
    const checked = await validateForm(dto, fields);
    const errors = checked.errors.filter((e) => e.field !== 'valueMinor');
    if (!money)
      errors.push({ field: 'valueMinor', code: 'isNotEmpty', message: 'Enter the estimated value' });
    else if (!money.ok)
      errors.push({
        field: 'valueMinor',
        code: money.problem === 'negative' ? 'min' : 'isInt',
        message: 'Enter the value as an amount',
      });
    else errors.push(...checked.errors.filter((e) => e.field === 'valueMinor'));
    return { value: checked.value, errors };
  }

  private renderForm(
    res: Response,
    status: number,
    page: { caseId: string; values: Posted; opportunity?: ExportOpportunity; errors?: ErrorView },
  ): void {
    const current = page.opportunity?.status;
    res.status(status).render('opportunities/form', {
      caseId: page.caseId,
      opportunity: page.opportunity ?? null,
      values: page.values,
      buyerTypes: BUYER_TYPES,
      sources: OPPORTUNITY_SOURCES,
      likelihoods: LIKELIHOODS,
      statuses: current ? [current, ...nextStatuses(current)] : ['prospect', 'active'],
      ...(page.errors ?? { errorSummary: [], fieldErrors: {} }),
    });
  }
}
