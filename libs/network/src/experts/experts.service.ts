import { AuditContext, AuditLogService } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { EnrolmentRules } from '@app/enrolment';
import { InvalidInputError, type FieldError } from '@app/errors';
import { PageCursors, type Page, type PageRequest } from '@app/web';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { CreateExpertDto, ExpertsQueryDto, UpdateExpertDto } from '../dto/expert.dto';
import { Expert } from '../entities/expert.entity';
import { ExpertNotFoundError, ExpertVersionConflictError } from '../network.errors';

/** An expert as the API and pages show them, with their load this month. */
export interface ExpertView {
  id: string;
  name: string;
  organisation: string;
  email: string;
  phone: string | null;
  languages: string[];
  expertise: string[];
  markets: string[];
  naceSections: string[];
  supportMeasures: string[];
  capacityPerMonth: number;
  /** Introductions asked of them this calendar month (not withdrawn). */
  introductionsThisMonth: number;
  absentFrom: string | null;
  absentTo: string | null;
  active: boolean;
  consentToContact: boolean;
  consentRecordedAt: Date | null;
  /** Whether they have their own `expert` account (accepted an invitation). */
  hasAccount: boolean;
  /** The version of the programme's terms they accepted, and when. */
  termsVersion: string | null;
  termsAcceptedAt: Date | null;
  /** When they left the programme themselves. */
  leftAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

const FIELDS = [
  'name',
  'organisation',
  'email',
  'phone',
  'languages',
  'expertise',
  'markets',
  'naceSections',
  'supportMeasures',
  'capacityPerMonth',
  'absentFrom',
  'absentTo',
  'active',
  'consentToContact',
] as const;

/** Introductions of each expert this month in the programme's calendar, counted in SQL (kept beside the list). */
const THIS_MONTH_SQL = `(SELECT count(*)::int FROM introductions i
   WHERE i.expert_id = e.id AND i.status <> 'withdrawn' AND i.created_at >= date_trunc('month', now()))`;

const COLUMNS = `e.*, to_char(e.absent_from, 'YYYY-MM-DD') AS absent_from_text,
  to_char(e.absent_to, 'YYYY-MM-DD') AS absent_to_text, ${THIS_MONTH_SQL} AS this_month`;

/**
 * The experts directory: officers and admins add, correct and filter it. Every change is audited in the
 * transaction that makes it; a correction says which version it was based on (If-Match).
 */
@Injectable()
export class ExpertsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLogService,
    private readonly enrolmentRules: EnrolmentRules,
    private readonly cursors: PageCursors,
  ) {}

  /** The directory by name (the officers' page: every match, up to 500). */
  async list(query: ExpertsQueryDto = {}): Promise<ExpertView[]> {
    const { where, params } = this.filters(query);
    return this.rows(
      `SELECT ${COLUMNS} FROM experts e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.name, e.id LIMIT 500`,
      params,
    );
  }

  /**
   * One page of the directory by name, then id (the API): the same filters as `list`, and the keyset
   * position of the last expert shown in a PageCursors cursor bound to this list.
   */
  async page(query: ExpertsQueryDto, request: PageRequest): Promise<Page<ExpertView>> {
    const limit = Math.min(Math.max(request.limit ?? 50, 1), 200);
    const { where, params } = this.filters(query);
    if (request.cursor !== undefined) {
      const [name, id] = this.cursors.decode('experts', request.cursor, ['text', 'uuid']);
      params.push(name, id);
      where.push(`(e.name, e.id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows = await this.rows(
      `SELECT ${COLUMNS} FROM experts e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.name, e.id LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit ? this.cursors.encode('experts', [last.name, last.id]) : null,
    };
  }

  private filters(query: ExpertsQueryDto): { where: string[]; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    /** `sql` with every `?` the same new parameter. */
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace(/\?/g, `$${params.length}`));
    };
    if (query.q)
      add(`(e.name ILIKE ? OR e.organisation ILIKE ? OR e.email ILIKE ?)`, `%${escapeLike(query.q)}%`);
    if (query.heading) add(`? = ANY(e.expertise)`, query.heading);
    if (query.market) add(`? = ANY(e.markets)`, query.market);
    if (query.language) add(`? = ANY(e.languages)`, query.language);
    if (query.active !== undefined) add(`e.active = ?`, query.active);
    return { where, params };
  }

  async get(id: string, manager?: EntityManager): Promise<ExpertView> {
    const [view] = await this.rows(`SELECT ${COLUMNS} FROM experts e WHERE e.id = $1`, [id], manager);
    if (!view) throw new ExpertNotFoundError(id);
    return view;
  }

  /** Adds an expert, in the caller's transaction when given one (the demo seed), else in its own. */
  async create(input: CreateExpertDto, context: AuditContext, manager?: EntityManager): Promise<ExpertView> {
    this.check(input);
    const run = <T>(work: (m: EntityManager) => Promise<T>): Promise<T> =>
      manager ? work(manager) : this.uow.run(work);
    return run(async (m) => {
      const repo = m.getRepository(Expert);
      const expert = await this.saving(
        m,
        repo.create({
          name: input.name,
          organisation: input.organisation ?? '',
          email: input.email.toLowerCase(),
          phone: input.phone ?? null,
          languages: input.languages ?? [],
          expertise: input.expertise ?? [],
          markets: input.markets ?? [],
          naceSections: input.naceSections ?? [],
          supportMeasures: input.supportMeasures ?? [],
          capacityPerMonth: input.capacityPerMonth,
          absentFrom: input.absentFrom ?? null,
          absentTo: input.absentTo ?? null,
          active: input.active ?? true,
          consentToContact: input.consentToContact ?? false,
          consentRecordedAt: input.consentToContact ? new Date() : null,
        }),
      );
      await this.audit.record(m, {
        action: 'expert.created',
        entityType: 'expert',
        entityId: expert.id,
        before: null,
        after: snapshot(expert),
        context,
      });
      return this.get(expert.id, m);
    });
  }

  /** Changes only the fields sent; `version` (If-Match) is required, a different current version is a 409. */
  async update(
    id: string,
    input: Omit<UpdateExpertDto, 'version'>,
    version: number | undefined,
    context: AuditContext,
  ): Promise<ExpertView> {
    return this.uow.run(async (m) => {
      const repo = m.getRepository(Expert);
      const expert = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!expert) throw new ExpertNotFoundError(id);
      if (version === undefined)
        throw new InvalidInputError([
          {
            field: 'version',
            message: 'Send the expert version (If-Match header or version field)',
            code: 'required',
          },
        ]);
      if (expert.version !== version) throw new ExpertVersionConflictError(expert.version);
      const before = snapshot(expert);
      this.check({ ...before, ...input } as UpdateExpertDto);
      for (const field of FIELDS)
        if (input[field] !== undefined) Object.assign(expert, { [field]: input[field] });
      expert.email = expert.email.toLowerCase();
      if (input.consentToContact !== undefined && input.consentToContact !== before.consentToContact)
        expert.consentRecordedAt = input.consentToContact ? new Date() : null;
      const saved = await this.saving(m, expert);
      await this.audit.record(m, {
        action: 'expert.updated',
        entityType: 'expert',
        entityId: id,
        before,
        after: snapshot(saved),
        context,
      });
      return this.get(id, m);
    });
  }

  /** Rules beyond the DTO: known support measures, and an absence that ends after it starts. */
  private check(input: UpdateExpertDto): void {
    const errors: FieldError[] = [];
    for (const code of input.supportMeasures ?? [])
      if (!this.enrolmentRules.isSupportMeasure(code))
        errors.push({
          field: 'supportMeasures',
          message: `Unknown support measure "${code}"`,
          code: 'unknown',
        });
    if (input.absentFrom && input.absentTo && input.absentTo < input.absentFrom)
      errors.push({
        field: 'absentTo',
        message: 'The absence must end on or after the day it starts',
        code: 'absence_order',
      });
    if (errors.length) throw new InvalidInputError(errors);
  }

  /**
   * A second expert with the same email address is a field error, not a 500: asked first, and the unique
   * index answers the same when two saves race.
   */
  private async saving(m: EntityManager, expert: Expert): Promise<Expert> {
    const taken = (await m.query(`SELECT 1 FROM experts WHERE email = $1 AND id IS DISTINCT FROM $2`, [
      expert.email.toLowerCase(),
      expert.id ?? null,
    ])) as unknown[];
    if (taken.length) throw emailTaken();
    try {
      return await m.getRepository(Expert).save(expert);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
        throw emailTaken();
      throw error;
    }
  }

  private async rows(sql: string, params: unknown[], manager?: EntityManager): Promise<ExpertView[]> {
    const rows = (await (manager ?? this.dataSource).query(sql, params)) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: r.id as string,
      name: r.name as string,
      organisation: r.organisation as string,
      email: r.email as string,
      phone: r.phone as string | null,
      languages: r.languages as string[],
      expertise: r.expertise as string[],
      markets: r.markets as string[],
      naceSections: r.nace_sections as string[],
      supportMeasures: r.support_measures as string[],
      capacityPerMonth: r.capacity_per_month as number,
      introductionsThisMonth: r.this_month as number,
      absentFrom: r.absent_from_text as string | null,
      absentTo: r.absent_to_text as string | null,
      active: r.active as boolean,
      consentToContact: r.consent_to_contact as boolean,
      consentRecordedAt: r.consent_recorded_at as Date | null,
      hasAccount: r.user_id !== null,
      termsVersion: r.terms_version as string | null,
      termsAcceptedAt: r.terms_accepted_at as Date | null,
      leftAt: r.left_at as Date | null,
      createdAt: r.created_at as Date,
      updatedAt: r.updated_at as Date,
      version: r.version as number,
    }));
  }
}

const emailTaken = (): InvalidInputError =>
  new InvalidInputError([
    { field: 'email', message: 'An expert with this email address exists already', code: 'taken' },
  ]);

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function snapshot(e: Expert): Record<string, unknown> & UpdateExpertDto {
  return {
    name: e.name,
    organisation: e.organisation,
    email: e.email,
    phone: e.phone,
    languages: e.languages,
    expertise: e.expertise,
    markets: e.markets,
    naceSections: e.naceSections,
    supportMeasures: e.supportMeasures,
    capacityPerMonth: e.capacityPerMonth,
    absentFrom: e.absentFrom,
    absentTo: e.absentTo,
    active: e.active,
    consentToContact: e.consentToContact,
  };
}
