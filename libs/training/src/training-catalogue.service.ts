import { AuditContext, AuditLogService, auditFields } from '@app/audit-log';
import { InvalidInputError, NotFoundError } from '@app/errors';
import { isTimeZone } from '@app/time';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { TRAINING_RULES, type TrainingRules } from './config/training-rules';
import { needsSession } from './domain/training-formats';
import { CreateModuleDto, UpdateModuleDto } from './dto/module.dto';
import { CreateSessionDto } from './dto/create-session.dto';
import { TrainingModuleEntity } from './entities/training-module.entity';
import { TrainingSession } from './entities/training-session.entity';
import { TrainingErrors } from './training.errors';

/**
 * Adds config modules whose code is not in the table yet. Existing rows are left alone: once seeded,
 * officers own the catalogue. ON CONFLICT makes concurrent start-ups of several processes harmless.
 */
export async function syncCatalogue(manager: EntityManager, rules: TrainingRules): Promise<number> {
  let added = 0;
  for (const m of rules.catalogue.modules) {
    const rows = (await manager.query(
      `INSERT INTO training_module (code, title, summary, format, completion_criterion, pass_mark, duration_minutes,
                                    level, barriers, question_ids, prerequisites, platforms, assessment, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [
        m.code,
        JSON.stringify(m.title),
        JSON.stringify(m.summary),
        m.format,
        m.completion,
        m.completion === 'assessment' ? (m.passMark ?? rules.settings.defaultAssessmentPassMark) : null,
        m.durationMinutes,
        m.level,
        m.barriers,
        m.questions,
        m.prerequisites,
        m.platforms,
        m.assessment ? JSON.stringify(m.assessment) : null,
      ],
    )) as unknown[];
    added += rows.length;
  }
  return added;
}

export interface SessionWithSeats extends TrainingSession {
  booked: number;
  waitlisted: number;
  seatsLeft: number;
}

/** The module catalogue and its sessions: read by everyone signed in, changed by officers. */
@Injectable()
export class TrainingCatalogueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TRAINING_RULES) private readonly rules: TrainingRules,
    private readonly audit: AuditLogService,
  ) {}

  /** Adds config modules missing from the table (see syncCatalogue). */
  syncFromConfig(manager: EntityManager = this.dataSource.manager): Promise<number> {
    return syncCatalogue(manager, this.rules);
  }

  list(options: { includeRetired?: boolean } = {}): Promise<TrainingModuleEntity[]> {
    return this.dataSource.getRepository(TrainingModuleEntity).find({
      where: options.includeRetired ? {} : { retiredAt: IsNull() },
      order: { level: 'ASC', code: 'ASC' },
    });
  }

  async byCode(
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TrainingModuleEntity> {
    const found = await manager.getRepository(TrainingModuleEntity).findOneBy({ code });
    if (!found) throw new NotFoundError('training_module', code);
    return found;
  }

  /** Upcoming sessions (not started yet) with their seat counts. */
  async upcomingSessions(moduleId: string, now: Date = new Date()): Promise<SessionWithSeats[]> {
    return this.sessionsWithSeats('s.module_id = $1 AND s.starts_at > $2', [moduleId, now]);
  }

  async allSessions(moduleId: string): Promise<SessionWithSeats[]> {
    return this.sessionsWithSeats('s.module_id = $1', [moduleId]);
  }

  async session(sessionId: string): Promise<SessionWithSeats> {
    const [found] = await this.sessionsWithSeats('s.id = $1', [sessionId]);
    if (!found) throw new NotFoundError('training_session', sessionId);
    return found;
  }

  private async sessionsWithSeats(where: string, params: unknown[]): Promise<SessionWithSeats[]> {
    const rows = (await this.dataSource.query(
      `SELECT s.id,
              count(b.id) FILTER (WHERE b.status IN ('booked', 'completed', 'no_show'))::int AS booked,
              count(b.id) FILTER (WHERE b.status = 'waitlisted')::int AS waitlisted
         FROM training_session s LEFT JOIN training_booking b ON b.session_id = s.id
        WHERE ${where}
        GROUP BY s.id`,
      params,
    )) as { id: string; booked: number; waitlisted: number }[];
    if (rows.length === 0) return [];
    const sessions = await this.dataSource
      .getRepository(TrainingSession)
      .createQueryBuilder('s')
      .whereInIds(rows.map((r) => r.id))
      .orderBy('s.starts_at', 'ASC')
      .getMany();
    const counts = new Map(rows.map((r) => [r.id, r]));
    return sessions.map((s) => {
      const c = counts.get(s.id)!;
      return Object.assign(s, {
        booked: c.booked,
        waitlisted: c.waitlisted,
        seatsLeft: Math.max(0, s.capacity - c.booked),
      });
    });
  }

  async create(
    manager: EntityManager,
    dto: CreateModuleDto,
    context: AuditContext,
  ): Promise<TrainingModuleEntity> {
    const criterion = needsSession(dto.format) ? 'attendance' : (dto.completionCriterion ?? 'assessment');
    if (!needsSession(dto.format) && criterion === 'attendance')
      throw new InvalidInputError([
        {
          field: 'completionCriterion',
          message: 'A self-paced module is completed by an assessment or a sign-off',
          code: 'isIn',
        },
      ]);
    const exists = await manager.getRepository(TrainingModuleEntity).existsBy({ code: dto.code });
    if (exists) throw TrainingErrors.duplicateModuleCode(dto.code);
    const repo = manager.getRepository(TrainingModuleEntity);
    const saved = await repo.save(
      repo.create({
        code: dto.code,
        title: { ...dto.title },
        summary: { ...dto.summary },
        format: dto.format,
        completionCriterion: criterion,
        passMark:
          criterion === 'assessment' ? (dto.passMark ?? this.rules.settings.defaultAssessmentPassMark) : null,
        durationMinutes: dto.durationMinutes,
        level: dto.level,
        barriers: dto.barriers ?? [],
        questionIds: dto.questionIds ?? [],
        prerequisites: dto.prerequisites ?? [],
        platforms: dto.platforms ?? [],
        assessment: null,
        retiredAt: null,
      }),
    );
    await this.audit.record(manager, {
      action: 'training_module.created',
      entityType: 'training_module',
      entityId: saved.id,
      after: moduleSnapshot(saved),
      context,
    });
    return saved;
  }

  async update(
    manager: EntityManager,
    code: string,
    dto: UpdateModuleDto,
    context: AuditContext,
  ): Promise<TrainingModuleEntity> {
    const repo = manager.getRepository(TrainingModuleEntity);
    const found = await repo.findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
    if (!found) throw new NotFoundError('training_module', code);
    const before = moduleSnapshot(found);
    if (dto.title) found.title = { ...dto.title };
    if (dto.summary) found.summary = { ...dto.summary };
    if (dto.durationMinutes !== undefined) found.durationMinutes = dto.durationMinutes;
    if (dto.level) found.level = dto.level;
    if (dto.passMark !== undefined && found.completionCriterion === 'assessment')
      found.passMark = dto.passMark;
    if (dto.barriers) found.barriers = dto.barriers;
    if (dto.questionIds) found.questionIds = dto.questionIds;
    if (dto.prerequisites) found.prerequisites = dto.prerequisites.filter((p) => p !== code);
    if (dto.platforms) found.platforms = dto.platforms;
    if (dto.retired === true && !found.retiredAt) found.retiredAt = new Date();
    if (dto.retired === false) found.retiredAt = null;
    const saved = await repo.save(found);
    const action =
      dto.retired === true && !before.retiredAt
        ? 'training_module.retired'
        : dto.retired === false && before.retiredAt
          ? 'training_module.restored'
          : 'training_module.updated';
    await this.audit.record(manager, {
      action,
      entityType: 'training_module',
      entityId: saved.id,
      before,
      after: moduleSnapshot(saved),
      context,
    });
    return saved;
  }

  async addSession(
    manager: EntityManager,
    code: string,
    dto: CreateSessionDto,
    context: AuditContext,
    now: Date = new Date(),
  ): Promise<TrainingSession> {
    const module = await this.byCode(code, manager);
    if (!needsSession(module.format)) throw TrainingErrors.sessionForSelfPaced();
    if (module.retiredAt) throw TrainingErrors.moduleRetired(code);
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    const problems = [];
    if (startsAt <= now)
      problems.push({
        field: 'startsAt',
        message: 'A session cannot start in the past: give a future start',
        code: 'training.starts_in_past',
      });
    if (endsAt <= startsAt)
      problems.push({
        field: 'endsAt',
        message: 'The end must be after the start',
        code: 'training.ends_before_start',
      });
    if (!isTimeZone(dto.timeZone))
      problems.push({
        field: 'timeZone',
        message: 'Give an IANA time zone such as Europe/London',
        code: 'isTimeZone',
      });
    if (!dto.location && !dto.joinUrl)
      problems.push({
        field: 'location',
        message: 'Give a location or a joining link',
        code: 'training.location_required',
      });
    if (problems.length) throw new InvalidInputError(problems);
    const repo = manager.getRepository(TrainingSession);
    const saved = await repo.save(
      repo.create({
        moduleId: module.id,
        startsAt,
        endsAt,
        timeZone: dto.timeZone,
        capacity: dto.capacity,
        location: dto.location ?? null,
        joinUrl: dto.joinUrl ?? null,
        language: dto.language,
      }),
    );
    await this.audit.record(manager, {
      action: 'training_session.created',
      entityType: 'training_session',
      entityId: saved.id,
      after: {
        moduleCode: code,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        capacity: dto.capacity,
        timeZone: dto.timeZone,
        language: dto.language,
      },
      context,
    });
    return saved;
  }
}

/** A module's fields in its audit rows (the trail writes `retiredAt` as an ISO string). */
const moduleSnapshot = (m: TrainingModuleEntity): Record<string, unknown> =>
  auditFields(m, [
    'code',
    'title',
    'summary',
    'format',
    'completionCriterion',
    'passMark',
    'durationMinutes',
    'level',
    'barriers',
    'questionIds',
    'prerequisites',
    'platforms',
    'retiredAt',
  ]);
