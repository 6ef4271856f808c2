import { CaseAccessService } from '@app/advisers';
import { AuditLogService, type AuditContext } from '@app/audit-log';
import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { ConflictError, InvalidInputError, type FieldError } from '@app/errors';
import { CaseFollowUps } from '@app/follow-ups';
import { PolicyService, type Actor } from '@app/identity';
import { localDate } from '@app/time';
import { ExchangeRates, MissingExchangeRateError, PageCursors, type AppliedRate } from '@app/web';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  isOpen,
  nextStatuses,
  quarterRange,
  REASON_REQUIRED,
  weighted,
  type OpportunityStatus,
} from './domain/opportunity-rules';
import type { CreateOpportunityDto, UpdateOpportunityDto } from './dto/opportunity.dto';
import type { PipelineQueryDto } from './dto/pipeline-query.dto';
import { CaseRecordsService } from './case-records';
import { ExportOpportunity } from './entities/export-opportunity.entity';
import { OpportunityRules } from './opportunity-rules.file';

/** The opportunity changed since the caller read it: 409 with the version it now has. */
export class OpportunityVersionConflictError extends ConflictError {
  constructor(currentVersion: number) {
    super('opportunity.version_conflict', 'This opportunity has changed since you loaded it', {
      currentVersion,
    });
  }
}

/** One line of the pipeline: the opportunity and its case's company. */
export interface PipelineRow {
  id: string;
  caseId: string;
  companyName: string;
  market: string;
  product: string;
  status: OpportunityStatus;
  likelihood: string;
  expectedOn: string;
  valueMinor: number;
  currency: string;
  weightedMinor: number;
}

/** Totals of one currency (never added across currencies). */
export interface PipelineTotal {
  currency: string;
  count: number;
  valueMinor: number;
  weightedMinor: number;
}

/**
 * Every currency's totals converted into the reporting currency at the rates in effect on `on`, with the
 * dated rates used. A currency without a rate that day is listed in `missingRates`, and then the sums are
 * null: a total that leaves some currency out would look complete and be wrong.
 */
export interface PipelineInReportingCurrency {
  currency: string;
  on: string;
  valueMinor: number | null;
  weightedMinor: number | null;
  rates: AppliedRate[];
  missingRates: string[];
}

export interface Pipeline {
  /** One page, by expected date then id. */
  items: PipelineRow[];
  /** Pass back as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
  limit: number;
  /** How many opportunities match (every page). */
  total: number;
  totals: PipelineTotal[];
  inReportingCurrency: PipelineInReportingCurrency;
}

/** The cursor list name of the pipeline (a cursor of another list is a 400). */
const PIPELINE_LIST = 'opportunities:pipeline';

/** An opportunity's own fields: what its audit rows keep and the API shows. */
export function auditable(o: ExportOpportunity): Record<string, unknown> {
  return {
    market: o.market,
    product: o.product,
    buyerType: o.buyerType,
    source: o.source,
    valueMinor: o.valueMinor,
    currency: o.currency,
    likelihood: o.likelihood,
    expectedOn: o.expectedOn,
    status: o.status,
    closeReason: o.closeReason,
    notes: o.notes,
  };
}

/** A real calendar date, YYYY-MM-DD (the DTO checks only the shape). */
function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * Export opportunities of a case and the pipeline across cases. An opportunity is a record of its case:
 * whoever may see the case sees it (its SME included), the case's adviser and officers change it
 * (CaseAccessService, PolicyService underneath; 404 for anyone else). Every change writes its audit row,
 * and an open opportunity's expected date starts the `opportunity-stale` follow-up.
 */
@Injectable()
export class OpportunitiesService extends CaseRecordsService<ExportOpportunity> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: CaseAccessService,
    private readonly policy: PolicyService,
    private readonly audit: AuditLogService,
    private readonly caseFollowUps: CaseFollowUps,
    private readonly rules: OpportunityRules,
    private readonly cursors: PageCursors,
    private readonly exchangeRates: ExchangeRates,
    private readonly config: AppConfig,
  ) {
    super(access, dataSource.manager, ExportOpportunity, 'opportunity');
  }

  protected versionConflict(current: number): Error {
    return new OpportunityVersionConflictError(current);
  }

  async create(
    manager: EntityManager,
    actor: Actor,
    caseId: string,
    dto: CreateOpportunityDto,
    context: AuditContext,
  ): Promise<ExportOpportunity> {
    await this.access.findWorkableCase(actor, caseId, manager);
    const problems = this.dateProblems(dto.expectedOn);
    if (problems.length) throw new InvalidInputError(problems);
    const repo = manager.getRepository(ExportOpportunity);
    const saved = await repo.save(
      repo.create({
        caseId,
        market: dto.market.toUpperCase(),
        product: dto.product.trim(),
        buyerType: dto.buyerType,
        source: dto.source,
        valueMinor: dto.valueMinor,
        currency: dto.currency.toUpperCase(),
        likelihood: dto.likelihood,
        expectedOn: dto.expectedOn,
        status: dto.status ?? 'prospect',
        closeReason: null,
        notes: dto.notes?.trim() || null,
        recordedById: context.actorId,
      }),
    );
    await this.audit.record(manager, {
      action: 'export_opportunity.recorded',
      entityType: 'export_opportunity',
      entityId: saved.id,
      before: null,
      after: { caseId, ...auditable(saved) },
      context,
    });
    await this.followUp(manager, saved);
    return saved;
  }

  /**
   * A correction or a move along prospect → active → won / lost / abandoned (a closed one may be reopened
   * as active). The version read is required (If-Match): a stale one is a 409 with the current version.
   */
  async update(
    actor: Actor,
    id: string,
    dto: UpdateOpportunityDto,
    version: number | undefined,
    context: AuditContext,
  ): Promise<ExportOpportunity> {
    return this.uow.run(async (m) => {
      // A change overwrites: it must say which version it was based on (asked after access: 404 first).
      const opportunity = await this.lockForChange(m, actor, id, version);
      const before = auditable(opportunity);
      const problems: FieldError[] = dto.expectedOn ? this.dateProblems(dto.expectedOn) : [];
      const status = dto.status ?? opportunity.status;
      if (status !== opportunity.status && !nextStatuses(opportunity.status).includes(status))
        problems.push({
          field: 'status',
          message: `An opportunity that is ${opportunity.status} cannot become ${status}`,
          code: 'transition',
        });
      const closeReason =
        dto.closeReason !== undefined ? dto.closeReason?.trim() || null : opportunity.closeReason;
      if (REASON_REQUIRED.includes(status) && !closeReason)
        problems.push({
          field: 'closeReason',
          message: 'Say why the opportunity was lost or abandoned',
          code: 'required',
        });
      if (problems.length) throw new InvalidInputError(problems);
      Object.assign(opportunity, {
        ...(dto.market !== undefined ? { market: dto.market.toUpperCase() } : {}),
        ...(dto.product !== undefined ? { product: dto.product.trim() } : {}),
        ...(dto.buyerType !== undefined ? { buyerType: dto.buyerType } : {}),
        ...(dto.source !== undefined ? { source: dto.source } : {}),
        ...(dto.valueMinor !== undefined ? { valueMinor: dto.valueMinor } : {}),
        ...(dto.currency !== undefined ? { currency: dto.currency.toUpperCase() } : {}),
        ...(dto.likelihood !== undefined ? { likelihood: dto.likelihood } : {}),
        ...(dto.expectedOn !== undefined ? { expectedOn: dto.expectedOn } : {}),
        ...(dto.notes !== undefined ? { notes: dto.notes?.trim() || null } : {}),
        status,
        // Only a lost or abandoned opportunity keeps a reason.
        closeReason: REASON_REQUIRED.includes(status) ? closeReason : null,
      });
      const saved = await m.getRepository(ExportOpportunity).save(opportunity);
      await this.audit.record(m, {
        action: before.status === saved.status ? 'export_opportunity.corrected' : 'export_opportunity.moved',
        entityType: 'export_opportunity',
        entityId: saved.id,
        before,
        after: auditable(saved),
        context,
      });
      await this.followUp(m, saved);
      return saved;
    });
  }

  /**
   * The pipeline: an officer's across every case, an adviser's across the cases assigned to them, with
   * totals and likelihood-weighted totals per currency over everything that matches (and in the reporting
   * currency at today's rates), one page of rows at a time by expected date.
   */
  async pipeline(
    actor: Actor,
    query: PipelineQueryDto,
    // The programme's today: the day its totals are converted at.
    today = localDate(new Date(), this.config.PROGRAMME_TIME_ZONE),
  ): Promise<Pipeline> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    // Which of the case and its company the filters read (the page's rows always show the company).
    const needs = { case: false, company: false };
    if (!this.policy.can(actor, 'cases.view-all')) {
      add('c.assigned_adviser_id = ?', actor.id);
      needs.case = true;
    }
    if (query.market) add('o.market = ?', query.market);
    if (query.status) add('o.status = ?', query.status);
    if (query.region) {
      add('c.region = ?', query.region);
      needs.case = true;
    }
    if (query.sector) {
      add('co.nace_section = ?', query.sector);
      needs.case = needs.company = true;
    }
    if (query.quarter) {
      const range = quarterRange(query.quarter)!;
      add('o.expected_on >= ?::date', range.from);
      add('o.expected_on <= ?::date', range.to);
    }
    const weights = this.rules.likelihoodWeights;
    const weightParams = [...params, weights.low, weights.medium, weights.high];
    const [low, medium, high] = [params.length + 1, params.length + 2, params.length + 3];
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const joinCase = 'JOIN cases c ON c.id = o.case_id';
    const joinCompany = 'JOIN companies co ON co.id = c.company_id';
    const from = `FROM export_opportunities o ${joinCase} ${joinCompany} ${filter}`;
    // The totals join the case and its company only to filter by them: every opportunity has both (foreign
    // keys), and for an officer joining them anyway was most of the statement's time (docs/benchmarks.md).
    const totalsFrom = `FROM export_opportunities o ${needs.case ? joinCase : ''} ${needs.company ? joinCompany : ''} ${filter}`;
    const weight = `CASE o.likelihood WHEN 'low' THEN $${low}::int WHEN 'medium' THEN $${medium}::int ELSE $${high}::int END`;
    const limit = query.limit ?? 50;
    const pageParams = [...params];
    let after = '';
    if (query.cursor !== undefined) {
      const [day, id] = this.cursors.decode(PIPELINE_LIST, query.cursor, ['date', 'uuid']);
      pageParams.push(day, id);
      after = `${where.length ? 'AND' : 'WHERE'} (o.expected_on, o.id) > ($${pageParams.length - 1}::date, $${pageParams.length}::uuid)`;
    }
    const [rows, totals] = await Promise.all([
      this.dataSource.query(
        `SELECT o.id, o.case_id, co.legal_name AS company_name, o.market, o.product, o.status, o.likelihood,
                to_char(o.expected_on, 'YYYY-MM-DD') AS expected_on, o.value_minor::text AS value_minor, o.currency
           ${from} ${after} ORDER BY o.expected_on, o.id LIMIT ${limit + 1}`,
        pageParams,
      ) as Promise<Record<string, string>[]>,
      // Weighted per row, rounded half up, then summed: the same figure as adding up the rows.
      this.dataSource.query(
        `SELECT o.currency, count(*)::int AS count, sum(o.value_minor)::text AS value_minor,
                sum(round(o.value_minor * (${weight}) / 100.0))::text AS weighted_minor
           ${totalsFrom} GROUP BY o.currency ORDER BY o.currency`,
        weightParams,
      ) as Promise<{ currency: string; count: number; value_minor: string; weighted_minor: string }[]>,
    ]);
    const items: PipelineRow[] = rows.slice(0, limit).map((r) => ({
      id: r.id,
      caseId: r.case_id,
      companyName: r.company_name,
      market: r.market,
      product: r.product,
      status: r.status as OpportunityStatus,
      likelihood: r.likelihood,
      expectedOn: r.expected_on,
      valueMinor: Number(r.value_minor),
      currency: r.currency,
      weightedMinor: weighted(Number(r.value_minor), weights[r.likelihood as keyof typeof weights]),
    }));
    const last = items.at(-1);
    const perCurrency = totals.map((t) => ({
      currency: t.currency,
      count: t.count,
      valueMinor: Number(t.value_minor),
      weightedMinor: Number(t.weighted_minor),
    }));
    return {
      items,
      nextCursor:
        rows.length > limit && last ? this.cursors.encode(PIPELINE_LIST, [last.expectedOn, last.id]) : null,
      limit,
      total: totals.reduce((sum, t) => sum + t.count, 0),
      totals: perCurrency,
      inReportingCurrency: this.inReportingCurrency(perCurrency, today),
    };
  }

  /** The per-currency totals added up in the reporting currency at the rates of day `on`. */
  private inReportingCurrency(totals: PipelineTotal[], on: string): PipelineInReportingCurrency {
    let valueMinor = 0;
    let weightedMinor = 0;
    const rates: AppliedRate[] = [];
    const missingRates: string[] = [];
    for (const t of totals) {
      try {
        const value = this.exchangeRates.toReporting(t.valueMinor, t.currency, on);
        valueMinor += value.amountMinor;
        weightedMinor += this.exchangeRates.toReporting(t.weightedMinor, t.currency, on).amountMinor;
        if (value.rate) rates.push(value.rate);
      } catch (error) {
        if (!(error instanceof MissingExchangeRateError)) throw error;
        missingRates.push(t.currency);
      }
    }
    const complete = missingRates.length === 0;
    return {
      currency: this.exchangeRates.reportingCurrency,
      on,
      valueMinor: complete ? valueMinor : null,
      weightedMinor: complete ? weightedMinor : null,
      rates,
      missingRates,
    };
  }

  private dateProblems(expectedOn: string): FieldError[] {
    return isCalendarDate(expectedOn)
      ? []
      : [{ field: 'expectedOn', message: 'expectedOn must be a real date', code: 'isDate' }];
  }

  /** Open: a reminder once the expected date has passed; closed: nothing left to chase. */
  private async followUp(m: EntityManager, o: ExportOpportunity): Promise<void> {
    if (isOpen(o.status))
      await this.caseFollowUps.opportunityExpected(m, o.caseId, {
        opportunityId: o.id,
        version: o.version,
        expectedOn: o.expectedOn,
        market: o.market,
        product: o.product,
      });
    else await this.caseFollowUps.opportunityClosed(m, o.caseId, o.id, o.status);
  }
}
