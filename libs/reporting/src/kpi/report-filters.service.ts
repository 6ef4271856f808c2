import { EnrolmentRules } from '@app/enrolment';
import type { FieldError } from '@app/errors';
import { WorkingCalendar } from '@app/follow-ups';
import { PolicyService, type Actor } from '@app/identity';
import { translator, type Language } from '@app/web';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReportingRules } from '../reporting-rules';
import {
  KPI_SELECTION_FIELD,
  parseKpiQuery,
  parseKpiSelection,
  SIZE_BANDS,
  STAGES_AT_ENROLMENT,
  type KpiQueryContext,
  type ParsedKpiQuery,
} from './kpi-query';
import type { KpiScope } from './kpi-report.service';

export interface Option {
  value: string;
  text: string;
}

/** Turns a report query into validated filters and a scope, and lists the choices the filter form offers. */
@Injectable()
export class ReportFiltersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enrolmentRules: EnrolmentRules,
    private readonly calendar: WorkingCalendar,
    private readonly rules: ReportingRules,
    private readonly policy: PolicyService,
  ) {}

  context(): KpiQueryContext {
    return {
      today: this.calendar.localDate(new Date()),
      financialYearStartMonth: this.rules.financialYearStartMonth,
      regions: this.enrolmentRules.regions.map((r) => r.code),
      sectors: this.enrolmentRules.naceSections.map((s) => s.code),
    };
  }

  /** Officers report on the whole programme (they may see every case); an adviser on its own caseload. */
  private seesProgramme(actor: Actor): boolean {
    return this.policy.can(actor, 'cases.view-all');
  }

  /** An officer sees the programme; an adviser only their own caseload (their filter choice is ignored). */
  scopeFor(actor: Actor): KpiScope {
    return this.seesProgramme(actor) ? { kind: 'programme' } : { kind: 'adviser', adviserId: actor.id };
  }

  async parse(
    raw: Record<string, unknown>,
    actor: Actor,
  ): Promise<{ value?: ParsedKpiQuery; errors: FieldError[] }> {
    const parsed = parseKpiQuery(raw, this.context());
    const adviserId = parsed.value?.filters.adviserId;
    if (parsed.value && adviserId && this.seesProgramme(actor)) {
      const rows = (await this.dataSource.query(`SELECT 1 FROM users WHERE id = $1 AND role = 'adviser'`, [
        adviserId,
      ])) as unknown[];
      if (rows.length === 0)
        return {
          errors: [
            { field: 'adviserId', message: 'Choose an adviser from the list', code: 'unknownAdviser' },
          ],
        };
    }
    return parsed;
  }

  /** The API's query: the filters and format as `parse` checks them, plus the `kpi` selection (all if absent). */
  async parseWithSelection(
    raw: Record<string, unknown>,
    actor: Actor,
  ): Promise<{ value?: ParsedKpiQuery & { keys?: string[] }; errors: FieldError[] }> {
    const { [KPI_SELECTION_FIELD]: selection, ...rest } = raw;
    const parsed = await this.parse(rest, actor);
    const picked = parseKpiSelection(selection);
    if (!parsed.value || picked.errors.length) return { errors: [...parsed.errors, ...picked.errors] };
    return { value: { ...parsed.value, keys: picked.keys }, errors: [] };
  }

  async adviserOptions(): Promise<Option[]> {
    const rows = (await this.dataSource.query(
      `SELECT id::text AS value, name AS text FROM users WHERE role = 'adviser' ORDER BY name, id`,
    )) as Option[];
    return rows;
  }

  regionOptions(): Option[] {
    return this.enrolmentRules.regions.map((r) => ({ value: r.code, text: r.name }));
  }

  /**
   * The choices of the filter forms (KPI dashboard, exports) in `lang`; an adviser gets no adviser choice.
   * Sector names are the NACE names of config/, in English.
   */
  async filterOptions(actor: Actor, lang: Language = 'en'): Promise<Record<string, Option[]>> {
    const t = translator(lang);
    const any = (text: string): Option[] => [{ value: '', text }];
    return {
      region: [...any(t('reports.options.allRegions')), ...this.regionOptions()],
      sector: [...any(t('reports.options.allSectors')), ...this.sectorOptions()],
      adviserId: this.seesProgramme(actor)
        ? [...any(t('reports.options.allAdvisers')), ...(await this.adviserOptions())]
        : [],
      sizeBand: [
        ...any(t('reports.options.allSizes')),
        ...SIZE_BANDS.map((b) => ({ value: b, text: t(`reports.options.sizes.${b}`) })),
      ],
      stageAtEnrolment: [
        ...any(t('reports.options.anyStage')),
        ...STAGES_AT_ENROLMENT.map((s) => ({ value: s, text: t(`advisers.stages.${s}`) })),
      ],
    };
  }

  sectorOptions(): Option[] {
    return this.enrolmentRules.naceSections.map((s) => ({ value: s.code, text: `${s.code} – ${s.name}` }));
  }
}
