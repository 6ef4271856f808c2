import { AuditContext, AuditLogService } from '@app/audit-log';
import { EnrolmentRules } from '@app/enrolment';
import { InvalidInputError, NotFoundError, UnprocessableError } from '@app/errors';
import { User } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AdviserNotFoundError } from '../advisers.errors';
import { OVERDUE_SQL } from '../caseload/overdue';
import { CreateAdviserProfileDto, UpdateAdviserProfileDto } from '../dto/adviser-profile.dto';
import { AdviserProfile } from '../entities/adviser-profile.entity';

export interface AdviserLoadRow {
  userId: string;
  name: string;
  email: string;
  regions: string[];
  visibleRegions: string[];
  naceSections: string[];
  markets: string[];
  languages: string[];
  capacity: number;
  activeCases: number;
  absentFrom: string | null;
  absentTo: string | null;
  active: boolean;
  lastAssignedAt: Date | null;
  /** Active cases whose agreed next step is past its due date. */
  overdue: number;
}

export interface SavedProfile {
  profile: AdviserProfile;
  /** e.g. `adviser.capacity_below_load`: allowed, nothing is lost, but the officer should know. */
  warnings: string[];
}

const FIELDS = [
  'regions',
  'visibleRegions',
  'naceSections',
  'markets',
  'languages',
  'capacity',
  'absentFrom',
  'absentTo',
  'active',
] as const;

/** Officers manage advisers' specialisms, capacity and absences. */
@Injectable()
export class AdviserProfilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
    private readonly enrolmentRules: EnrolmentRules,
  ) {}

  async create(
    m: EntityManager,
    input: CreateAdviserProfileDto,
    context: AuditContext,
  ): Promise<SavedProfile> {
    const user = await m.getRepository(User).findOneBy({ id: input.userId });
    if (!user) throw new NotFoundError('user', input.userId);
    if (user.role !== 'adviser')
      throw new UnprocessableError(
        'adviser.not_an_adviser',
        'Only users with the adviser role can have a profile',
        [{ field: 'userId', message: 'This user is not an adviser', code: 'adviser.not_an_adviser' }],
      );
    this.checkFields(input);
    const repo = m.getRepository(AdviserProfile);
    if (await repo.findOneBy({ userId: input.userId }))
      throw new UnprocessableError('adviser.profile_exists', 'This adviser already has a profile', [
        { field: 'userId', message: 'This adviser already has a profile', code: 'adviser.profile_exists' },
      ]);
    const profile = await repo.save(
      repo.create({
        userId: input.userId,
        regions: input.regions ?? [],
        visibleRegions: input.visibleRegions ?? [],
        naceSections: input.naceSections ?? [],
        markets: input.markets ?? [],
        languages: input.languages ?? [],
        capacity: input.capacity,
        absentFrom: input.absentFrom ?? null,
        absentTo: input.absentTo ?? null,
        active: input.active ?? true,
      }),
    );
    await this.audit.record(m, {
      action: 'adviser_profile.created',
      entityType: 'adviser_profile',
      entityId: profile.userId,
      before: null,
      after: pick(profile),
      context,
    });
    return { profile, warnings: [] };
  }

  async update(
    m: EntityManager,
    userId: string,
    input: UpdateAdviserProfileDto,
    context: AuditContext,
  ): Promise<SavedProfile> {
    const repo = m.getRepository(AdviserProfile);
    const profile = await repo.findOne({ where: { userId }, lock: { mode: 'pessimistic_write' } });
    if (!profile) throw new AdviserNotFoundError(userId);
    const before = pick(profile);
    this.checkFields({ ...before, ...input });
    for (const field of FIELDS)
      if (input[field] !== undefined) Object.assign(profile, { [field]: input[field] });
    const saved = await repo.save(profile);
    await this.audit.record(m, {
      action: 'adviser_profile.updated',
      entityType: 'adviser_profile',
      entityId: userId,
      before,
      after: pick(saved),
      context,
    });
    const warnings = saved.capacity < saved.activeCases ? ['adviser.capacity_below_load'] : [];
    return { profile: saved, warnings };
  }

  async get(userId: string): Promise<AdviserLoadRow> {
    const [row] = await this.loadTable(userId);
    if (!row) throw new AdviserNotFoundError(userId);
    return row;
  }

  /** Adviser accounts that have no profile yet (so cannot receive cases). */
  async advisersWithoutProfile(): Promise<{ id: string; name: string; email: string }[]> {
    return (await this.dataSource.query(
      `SELECT u.id, u.name, u.email FROM users u
        WHERE u.role = 'adviser' AND u.active
          AND NOT EXISTS (SELECT 1 FROM adviser_profiles p WHERE p.user_id = u.id)
        ORDER BY u.name`,
    )) as { id: string; name: string; email: string }[];
  }

  /** The profile as stored, or null (for the edit form). */
  async findProfile(userId: string): Promise<AdviserProfile | null> {
    return this.dataSource.getRepository(AdviserProfile).findOneBy({ userId });
  }

  /** The name and role of a user, to title the profile form. */
  async userOf(userId: string): Promise<{ id: string; name: string; role: string } | null> {
    return this.dataSource
      .getRepository(User)
      .findOne({ where: { id: userId }, select: ['id', 'name', 'role'] });
  }

  /** The officers' load table: every adviser with their active cases against capacity and overdue count. */
  list(): Promise<AdviserLoadRow[]> {
    return this.loadTable();
  }

  private async loadTable(userId?: string): Promise<AdviserLoadRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT p.user_id, u.name, u.email, p.regions, p.visible_regions, p.nace_sections, p.markets, p.languages, p.capacity,
              p.active_cases, to_char(p.absent_from, 'YYYY-MM-DD') AS absent_from,
              to_char(p.absent_to, 'YYYY-MM-DD') AS absent_to, p.active, p.last_assigned_at,
              (SELECT count(*)::int FROM cases c
                WHERE c.assigned_adviser_id = p.user_id AND c.status = 'active'
                  AND ${OVERDUE_SQL('c.id')}) AS overdue
         FROM adviser_profiles p JOIN users u ON u.id = p.user_id
        WHERE ($1::uuid IS NULL OR p.user_id = $1)
        ORDER BY u.name, p.user_id`,
      [userId ?? null],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      userId: r.user_id as string,
      name: r.name as string,
      email: r.email as string,
      regions: r.regions as string[],
      visibleRegions: r.visible_regions as string[],
      naceSections: r.nace_sections as string[],
      markets: r.markets as string[],
      languages: r.languages as string[],
      capacity: r.capacity as number,
      activeCases: r.active_cases as number,
      absentFrom: r.absent_from as string | null,
      absentTo: r.absent_to as string | null,
      active: r.active as boolean,
      lastAssignedAt: r.last_assigned_at as Date | null,
      overdue: r.overdue as number,
    }));
  }

  /** Rules beyond the DTO: known regions, and an absence that ends after it starts. */
  private checkFields(input: UpdateAdviserProfileDto): void {
    const errors = [];
    for (const field of ['regions', 'visibleRegions'] as const)
      for (const region of input[field] ?? [])
        if (!this.enrolmentRules.region(region))
          errors.push({
            field,
            message: `Unknown region "${region}"`,
            code: 'adviser.unknown_region',
          });
    if (input.absentFrom && input.absentTo && input.absentTo < input.absentFrom)
      errors.push({
        field: 'absentTo',
        message: 'The absence must end on or after the day it starts',
        code: 'adviser.absence_order',
      });
    if (errors.length) throw new InvalidInputError(errors);
  }
}

function pick(p: AdviserProfile): Record<string, unknown> & UpdateAdviserProfileDto {
  return {
    regions: p.regions,
    visibleRegions: p.visibleRegions,
    naceSections: p.naceSections,
    markets: p.markets,
    languages: p.languages,
    capacity: p.capacity,
    absentFrom: p.absentFrom,
    absentTo: p.absentTo,
    active: p.active,
  };
}
