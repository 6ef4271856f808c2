import { AuditContext, AuditLogService } from '@app/audit-log';
import { CaseTimelineService, type TimelineEntry } from '@app/case-timeline';
import { AppConfig } from '@app/config';
import { Case, Company } from '@app/enrolment';
import { NotFoundError, UnprocessableError } from '@app/errors';
import { CaseFollowUps } from '@app/follow-ups';
import { NotificationService, OutboxService, type Contact, type LanguageCode } from '@app/messaging';
import { User } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { AdviserNotFoundError, AdviserUnavailableError, StaleCaseError } from '../advisers.errors';
import { AdviserProfile } from '../entities/adviser-profile.entity';
import { AssignmentEndReason, AssignmentMethod, CaseAssignment } from '../entities/case-assignment.entity';
import { CaseWork } from '../entities/case-work.entity';
import { ensureCaseWork, ensureCaseWorkMany } from '../caseload/ensure-case-work';
import { localDate } from '@app/time';
import { AssignmentRules } from './assignment-rules';
import {
  AdviserCandidate,
  CaseNeeds,
  isAbsentOn,
  rankAdvisers,
  scoreAdviser,
  ScoredAdviser,
} from './score-advisers';

export type AssignOutcome =
  | { outcome: 'assigned'; assignment: CaseAssignment; warnings: string[] }
  | { outcome: 'already_assigned'; assignment: CaseAssignment | null; warnings: string[] }
  | { outcome: 'unassigned'; warnings: string[] }
  | { outcome: 'not_open'; warnings: string[] };

/** One `case.opened` delivery for `autoAssignMany`. */
export interface AutoAssignRequest {
  caseId: string;
  /** The SME's language, from the event (the case's working row keeps it). */
  language?: string;
}

interface AutoOptions {
  method: AssignmentMethod;
  context: AuditContext;
  /** Advisers never to pick (e.g. the one whose cases are being redistributed). */
  exclude?: string[];
  reason?: string | null;
  language?: string;
}

export interface RedistributionResult {
  moved: { caseId: string; adviserId: string }[];
  unassigned: string[];
}

/**
 * Chooses and changes who works a case. Every path locks the case row first (`FOR UPDATE`), so deliveries
 * of the same event and officer actions on one case run one after another; the adviser's load goes up with
 * a conditional update that can never exceed capacity, whatever runs at the same time.
 */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly rules: AssignmentRules,
    private readonly config: AppConfig,
    private readonly audit: AuditLogService,
    private readonly timeline: CaseTimelineService,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationService,
    private readonly caseFollowUps: CaseFollowUps,
  ) {}

  /** Automatic assignment of a newly opened (or returned) case; a case that already has an adviser keeps it. */
  async autoAssign(m: EntityManager, caseId: string, options: AutoOptions): Promise<AssignOutcome> {
    const kase = await this.lockCase(m, caseId);
    if (!kase) return { outcome: 'not_open', warnings: [] };
    if (kase.assignedAdviserId) {
      const open = await m.getRepository(CaseAssignment).findOneBy({ caseId, endedAt: IsNull() });
      return { outcome: 'already_assigned', assignment: open, warnings: [] };
    }
    if (kase.status !== 'awaiting_assignment') return { outcome: 'not_open', warnings: [] };
    const work = await this.ensureWork(m, kase, options.language);
    const company = await this.companyOf(m, kase);
    const declined = (await m.query(
      `SELECT DISTINCT adviser_id FROM case_assignments WHERE case_id = $1 AND end_reason = 'declined'`,
      [caseId],
    )) as { adviser_id: string }[];
    const today = this.today();
    const candidates = await this.candidates(m);
    const { ranked } = rankAdvisers(needsOf(kase, work, company), candidates, this.rules.weights, {
      today,
      declinedBy: [...declined.map((d) => d.adviser_id), ...(options.exclude ?? [])],
    });
    const contacts = new Map(candidates.map((c) => [c.adviserId, c.contact]));
    // First pass: skip an adviser whose row another assignment holds right now (cases opened together
    // spread over the best few instead of queueing on one row); second pass: wait for it after all.
    for (const skipLocked of [true, false]) {
      for (let i = 0; i < ranked.length; i++) {
        if (!(await this.takeSlot(m, ranked[i].adviserId, today, skipLocked))) continue;
        const runnersUp = ranked.slice(i + 1, i + 1 + this.rules.runnersUp);
        const assignment = await this.start(m, kase, ranked[i], runnersUp, options, {
          work,
          adviser: contacts.get(ranked[i].adviserId),
          companyName: company?.legalName,
        });
        return { outcome: 'assigned', assignment, warnings: [] };
      }
    }
    await this.leaveUnassigned(m, kase, options.context);
    return { outcome: 'unassigned', warnings: [] };
  }

  /**
   * Automatic assignment of a batch of opened cases in one transaction (the worker gathers the
   * `case.opened` events in flight). The choice is the one `autoAssign` would make case after case, in a
   * fixed number of statements: the cases are locked in id order, then every active adviser's row (in id
   * order too), so the loads counted here are the loads committed and no adviser passes capacity. A case
   * that already has an adviser keeps it; a case named twice is assigned once. Answers in the requests'
   * order.
   */
  async autoAssignMany(
    m: EntityManager,
    requests: readonly AutoAssignRequest[],
    context: AuditContext,
  ): Promise<AssignOutcome['outcome'][]> {
    // Each case once, with the language of its first delivery.
    const languages = new Map<string, string | undefined>();
    for (const { caseId, language } of requests) if (!languages.has(caseId)) languages.set(caseId, language);
    const ids = [...languages.keys()];
    const locked = await m
      .getRepository(Case)
      .find({ where: { id: In(ids) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    const byId = new Map(locked.map((c) => [c.id, c]));
    const outcomes = new Map<string, AssignOutcome['outcome']>();
    const waiting: { kase: Case; language?: string }[] = [];
    // The same checks, in the same order, as `autoAssign`.
    for (const id of ids) {
      const kase = byId.get(id);
      if (!kase) outcomes.set(id, 'not_open');
      else if (kase.assignedAdviserId) outcomes.set(id, 'already_assigned');
      else if (kase.status !== 'awaiting_assignment') outcomes.set(id, 'not_open');
      else waiting.push({ kase, language: languages.get(id) });
    }
    if (waiting.length > 0) await this.assignWaiting(m, waiting, context, outcomes);
    const answered = new Set<string>();
    return requests.map(({ caseId }) => {
      const outcome = outcomes.get(caseId) ?? 'not_open';
      // The same case twice in one batch: the second delivery finds it assigned, as it would one by one.
      const repeat = answered.has(caseId) && outcome === 'assigned';
      answered.add(caseId);
      return repeat ? 'already_assigned' : outcome;
    });
  }

  private async assignWaiting(
    m: EntityManager,
    waiting: { kase: Case; language?: string }[],
    context: AuditContext,
    outcomes: Map<string, AssignOutcome['outcome']>,
  ): Promise<void> {
    const caseIds = waiting.map((w) => w.kase.id);
    const works = await ensureCaseWorkMany(m, waiting);
    const companies = await this.companiesOf(
      m,
      waiting.map((w) => w.kase.companyId),
    );
    const declined = (await m.query(
      `SELECT case_id, adviser_id FROM case_assignments WHERE case_id = ANY($1::uuid[]) AND end_reason = 'declined'`,
      [caseIds],
    )) as { case_id: string; adviser_id: string }[];
    const today = this.today();
    const candidates = await this.candidates(m, { lock: true });
    const byAdviser = new Map(candidates.map((c) => [c.adviserId, c]));
    const starts: Start[] = [];
    let assignedAt = Date.now();
    waiting.forEach(({ kase }, i) => {
      const company = companies.get(kase.companyId) ?? null;
      const { ranked } = rankAdvisers(needsOf(kase, works[i], company), candidates, this.rules.weights, {
        today,
        declinedBy: declined.filter((d) => d.case_id === kase.id).map((d) => d.adviser_id),
      });
      const best = ranked[0] ? byAdviser.get(ranked[0].adviserId) : undefined;
      if (!best) return;
      // The next case of the batch sees this one's load, and the tie-break sees who was given one last.
      best.activeCases++;
      best.lastAssignedAt = new Date(++assignedAt);
      starts.push({
        kase,
        chosen: ranked[0],
        runnersUp: ranked.slice(1, 1 + this.rules.runnersUp),
        known: { work: works[i], adviser: best.contact, companyName: company?.legalName },
      });
    });
    if (starts.length > 0) {
      await m.query(
        `UPDATE adviser_profiles p SET active_cases = p.active_cases + x.n, last_assigned_at = now()
           FROM (SELECT id, count(*)::int AS n FROM unnest($1::uuid[]) AS id GROUP BY id) AS x
          WHERE p.user_id = x.id`,
        [starts.map((s) => s.chosen.adviserId)],
      );
      await this.startMany(m, starts, { method: 'automatic', context });
    }
    for (const start of starts) outcomes.set(start.kase.id, 'assigned');
    for (const { kase } of waiting) {
      if (outcomes.has(kase.id)) continue;
      await this.leaveUnassigned(m, kase, context);
      outcomes.set(kase.id, 'unassigned');
    }
  }

  /** An officer assigns or reassigns a case to a named adviser, with a reason. */
  async assignTo(
    m: EntityManager,
    caseId: string,
    adviserId: string,
    input: { reason: string; expectedVersion?: number; context: AuditContext },
  ): Promise<AssignOutcome> {
    const kase = await this.lockCase(m, caseId);
    if (!kase) throw new NotFoundError('case', caseId);
    this.checkVersion(kase, input.expectedVersion);
    if (kase.status === 'closed') throw new UnprocessableError('case.closed', 'The case is closed');
    const profile = await m
      .getRepository(AdviserProfile)
      .findOne({ where: { userId: adviserId }, lock: { mode: 'pessimistic_write' } });
    if (!profile) throw new AdviserNotFoundError(adviserId);
    if (!profile.active) throw new AdviserUnavailableError('inactive');
    if (isAbsentOn(profile, this.today())) throw new AdviserUnavailableError('absent', profile.absentTo);
    if (kase.assignedAdviserId === adviserId)
      throw new UnprocessableError(
        'assignment.same_adviser',
        'The case is already assigned to this adviser',
        [{ field: 'adviserId', message: 'Choose a different adviser', code: 'assignment.same_adviser' }],
      );
    const warnings: string[] = [];
    if (profile.activeCases >= profile.capacity) warnings.push('adviser.over_capacity');
    if (kase.assignedAdviserId) await this.end(m, kase, 'reassigned', input.reason, input.context);
    await m.query(
      `UPDATE adviser_profiles SET active_cases = active_cases + 1, last_assigned_at = now() WHERE user_id = $1`,
      [adviserId],
    );
    const work = await this.ensureWork(m, kase);
    const company = await this.companyOf(m, kase);
    const scored = scoreAdviser(needsOf(kase, work, company), toCandidate(profile), this.rules.weights);
    const assignment = await this.start(
      m,
      kase,
      scored,
      [],
      { method: 'officer', context: input.context, reason: input.reason },
      { work, companyName: company?.legalName },
    );
    return { outcome: 'assigned', assignment, warnings };
  }

  /** The assigned adviser hands a new case back; it goes to the next best adviser, never to them again. */
  async decline(
    m: EntityManager,
    caseId: string,
    adviserId: string,
    input: { reason: string; expectedVersion?: number; context: AuditContext },
  ): Promise<AssignOutcome> {
    const kase = await this.lockCase(m, caseId);
    if (!kase || kase.assignedAdviserId !== adviserId) throw new NotFoundError('case', caseId);
    this.checkVersion(kase, input.expectedVersion);
    const work = await m.getRepository(CaseWork).findOneBy({ caseId });
    if (work?.firstContactOn)
      throw new UnprocessableError(
        'assignment.decline_after_contact',
        'A case can be declined only before first contact; ask an officer to reassign it',
      );
    await this.end(m, kase, 'declined', input.reason, input.context);
    return this.autoAssign(m, caseId, { method: 'automatic', context: input.context });
  }

  /** Moves every active case of an adviser (absent, leaving) to others by the same scoring, with a handover note. */
  async redistribute(
    m: EntityManager,
    adviserId: string,
    input: { note: string; context: AuditContext },
  ): Promise<RedistributionResult> {
    const profile = await m.getRepository(AdviserProfile).findOneBy({ userId: adviserId });
    if (!profile) throw new AdviserNotFoundError(adviserId);
    const open = (await m.query(
      `SELECT case_id FROM case_assignments WHERE adviser_id = $1 AND ended_at IS NULL ORDER BY case_id`,
      [adviserId],
    )) as { case_id: string }[];
    const result: RedistributionResult = { moved: [], unassigned: [] };
    for (const { case_id: caseId } of open) {
      const kase = await this.lockCase(m, caseId);
      if (!kase || kase.assignedAdviserId !== adviserId) continue;
      await this.end(m, kase, 'redistributed', input.note, input.context);
      const outcome = await this.autoAssign(m, caseId, {
        method: 'redistributed',
        context: input.context,
        exclude: [adviserId],
        reason: input.note,
      });
      if (outcome.outcome === 'assigned')
        result.moved.push({ caseId, adviserId: outcome.assignment.adviserId });
      else result.unassigned.push(caseId);
    }
    await this.audit.record(m, {
      action: 'adviser.redistributed',
      entityType: 'adviser_profile',
      entityId: adviserId,
      before: { activeCases: open.length },
      after: { moved: result.moved.length, unassigned: result.unassigned.length, note: input.note },
      context: input.context,
    });
    return result;
  }

  private async lockCase(m: EntityManager, caseId: string): Promise<Case | null> {
    return m.getRepository(Case).findOne({ where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
  }

  private checkVersion(kase: Case, expected?: number): void {
    if (expected !== undefined && expected !== kase.version)
      throw new StaleCaseError(kase.id, expected, { currentVersion: kase.version });
  }

  /** Raises the adviser's load unless that would exceed capacity or they became unavailable meanwhile. */
  /**
   * Takes one of the adviser's places with a conditional update (under the row lock, so two assignments
   * can never both take the last place). `skipLocked`: give up at once if another transaction holds the row.
   */
  private async takeSlot(
    m: EntityManager,
    adviserId: string,
    today: string,
    skipLocked = false,
  ): Promise<boolean> {
    const rows = (await m.query(
      `UPDATE adviser_profiles
          SET active_cases = active_cases + 1, last_assigned_at = now()
        WHERE user_id = (SELECT p.user_id FROM adviser_profiles p WHERE p.user_id = $1
                            FOR UPDATE${skipLocked ? ' SKIP LOCKED' : ''})
          AND active AND active_cases < capacity
          AND NOT (COALESCE(absent_from, '-infinity'::date) <= $2::date
                   AND $2::date <= COALESCE(absent_to, 'infinity'::date)
                   AND (absent_from IS NOT NULL OR absent_to IS NOT NULL))
        RETURNING user_id`,
      [adviserId, today],
    )) as [unknown[], number];
    return rows[1] === 1;
  }

  private async start(
    m: EntityManager,
    kase: Case,
    chosen: ScoredAdviser,
    runnersUp: ScoredAdviser[],
    options: AutoOptions,
    known: KnownForStart,
  ): Promise<CaseAssignment> {
    return (await this.startMany(m, [{ kase, chosen, runnersUp, known }], options))[0];
  }

  /** Writes the assignments of locked cases (each once) with their audit, timeline, reminder and event rows. */
  private async startMany(
    m: EntityManager,
    starts: Start[],
    options: AutoOptions,
  ): Promise<CaseAssignment[]> {
    const repo = m.getRepository(CaseAssignment);
    const assignments = starts.map(({ kase, chosen, runnersUp }) =>
      repo.create({
        caseId: kase.id,
        adviserId: chosen.adviserId,
        method: options.method,
        assignedById: options.method === 'automatic' ? null : options.context.actorId,
        reason: options.reason ?? null,
        score: chosen.score,
        breakdown: chosen.breakdown,
        runnersUp,
      }),
    );
    // One multi-row INSERT; TypeORM copies the generated id and started_at back into each entity.
    await repo.insert(assignments);
    const previous = starts.map((s) => s.kase.assignedAdviserId);
    await this.setCases(
      m,
      starts.map((s) => ({ kase: s.kase, status: 'active' as const, assignedAdviserId: s.chosen.adviserId })),
    );
    await this.audit.recordMany(
      m,
      starts.map(({ kase, chosen }, i) => ({
        action: 'case.assigned',
        entityType: 'case',
        entityId: kase.id,
        before: { assignedAdviserId: previous[i], status: 'awaiting_assignment' },
        after: {
          assignedAdviserId: chosen.adviserId,
          status: 'active',
          method: options.method,
          score: chosen.score,
        },
        context: options.context,
      })),
    );
    const timeline: TimelineEntry[] = [];
    for (const [i, { kase, chosen, known }] of starts.entries())
      timeline.push({
        caseId: kase.id,
        kind: 'assignment.started',
        actorId: options.context.actorId,
        data: {
          adviserId: chosen.adviserId,
          adviserName: known.adviser ? known.adviser.name : await this.nameOf(m, chosen.adviserId),
          method: options.method,
          score: chosen.score,
          breakdown: chosen.breakdown,
          reason: options.reason ?? null,
        },
        refType: 'case_assignment',
        refId: assignments[i].id,
      });
    await this.timeline.recordMany(m, timeline);
    await this.caseFollowUps.assignedMany(
      m,
      starts.map(({ kase, chosen, known }, i) => ({
        kase,
        assignmentId: assignments[i].id,
        adviserId: chosen.adviserId,
        startedAt: assignments[i].startedAt,
        officerId: options.method === 'automatic' ? null : options.context.actorId,
        contacted: Boolean(known.work.firstContactOn),
        assignee: known.adviser,
        companyName: known.companyName,
      })),
    );
    await this.outbox.addMany(
      m,
      starts.map(({ kase, chosen }, i) => ({
        type: 'case.assigned',
        aggregateType: 'case',
        aggregateId: kase.id,
        payload: {
          caseId: kase.id,
          assignmentId: assignments[i].id,
          adviserId: chosen.adviserId,
          method: options.method,
          assignedAt: assignments[i].startedAt.toISOString(),
        },
      })),
    );
    return assignments;
  }

  /** Closes the open assignment, gives the adviser the slot back and returns the case to the pool. */
  private async end(
    m: EntityManager,
    kase: Case,
    reason: AssignmentEndReason,
    note: string,
    context: AuditContext,
  ): Promise<void> {
    const adviserId = kase.assignedAdviserId;
    if (!adviserId) return;
    await m.query(
      `UPDATE case_assignments SET ended_at = now(), end_reason = $2, end_note = $3, ended_by_id = $4
        WHERE case_id = $1 AND ended_at IS NULL`,
      [kase.id, reason, note, context.actorId],
    );
    await m.query(
      `UPDATE adviser_profiles SET active_cases = GREATEST(active_cases - 1, 0) WHERE user_id = $1`,
      [adviserId],
    );
    await this.setCase(m, kase, { status: 'awaiting_assignment', assignedAdviserId: null });
    await this.audit.record(m, {
      action: `assignment.${reason}`,
      entityType: 'case',
      entityId: kase.id,
      before: { assignedAdviserId: adviserId, status: 'active' },
      after: { assignedAdviserId: null, status: 'awaiting_assignment', note },
      context,
    });
    await this.timeline.record(m, {
      caseId: kase.id,
      kind: `assignment.${reason}`,
      actorId: context.actorId,
      data: { adviserId, adviserName: await this.nameOf(m, adviserId), note },
    });
    await this.caseFollowUps.released(m, kase.id, `assignment ${reason}`);
    // Remember the adviser so the next "nobody has capacity" for this case tells officers again.
    await m.query(`UPDATE case_work SET unassigned_notified_at = NULL WHERE case_id = $1`, [kase.id]);
  }

  /** Version-guarded write of the two case columns this lib owns; the row is locked, so it always matches. */
  private async setCase(
    m: EntityManager,
    kase: Case,
    change: { status: Case['status']; assignedAdviserId: string | null },
  ): Promise<void> {
    await this.setCases(m, [{ kase, ...change }]);
  }

  private async setCases(
    m: EntityManager,
    changes: { kase: Case; status: Case['status']; assignedAdviserId: string | null }[],
  ): Promise<void> {
    const result = (await m.query(
      `UPDATE cases c SET status = x.status, assigned_adviser_id = x.adviser_id, version = c.version + 1
         FROM unnest($1::uuid[], $2::int[], $3::text[], $4::uuid[]) AS x(id, version, status, adviser_id)
        WHERE c.id = x.id AND c.version = x.version
        RETURNING c.id, c.version`,
      [
        changes.map((c) => c.kase.id),
        changes.map((c) => c.kase.version),
        changes.map((c) => c.status),
        changes.map((c) => c.assignedAdviserId),
      ],
    )) as [{ id: string; version: number }[], number];
    const versions = new Map(result[0].map((r) => [r.id, r.version]));
    for (const { kase, status, assignedAdviserId } of changes) {
      const version = versions.get(kase.id);
      if (version === undefined) throw new StaleCaseError(kase.id, kase.version, {});
      kase.version = version;
      kase.status = status;
      kase.assignedAdviserId = assignedAdviserId;
    }
  }

  /** Nobody can take it: it waits in the officers' queue, and officers are told once. */
  private async leaveUnassigned(m: EntityManager, kase: Case, context: AuditContext): Promise<void> {
    const claimed = (await m.query(
      `UPDATE case_work SET unassigned_notified_at = now()
        WHERE case_id = $1 AND unassigned_notified_at IS NULL RETURNING unassigned_notified_at`,
      [kase.id],
    )) as [{ unassigned_notified_at: Date }[], number];
    if (claimed[1] !== 1) return;
    // One notification per officer per time the case fell into the queue.
    const round = claimed[0][0].unassigned_notified_at.toISOString();
    await this.timeline.record(m, {
      caseId: kase.id,
      kind: 'assignment.unassigned',
      actorId: context.actorId,
    });
    await this.outbox.add(m, {
      type: 'case.unassigned',
      aggregateType: 'case',
      aggregateId: kase.id,
      payload: { caseId: kase.id, region: kase.region, sector: kase.sector },
    });
    const officers = await m.getRepository(User).find({ where: { role: 'officer', active: true }, take: 50 });
    const company = await m.getRepository(Company).findOneBy({ id: kase.companyId });
    for (const officer of officers) {
      await this.notifications.notify(m, {
        idempotencyKey: `case-unassigned:${kase.id}:${officer.id}:${round}`,
        kind: 'case-unassigned.officer',
        recipient: {
          userId: officer.id,
          email: officer.email,
          name: officer.name,
          language: officer.language ?? 'en',
        },
        caseId: kase.id,
        values: { companyName: company?.legalName ?? '', caseId: kase.id },
        fallbackTemplate: 'generic.escalate',
      });
    }
  }

  private ensureWork(m: EntityManager, kase: Case, language?: string): Promise<CaseWork> {
    return ensureCaseWork(m, kase, language);
  }

  /** The two company facts assignment uses: its sector for scoring, its name for the reminder. */
  private async companyOf(m: EntityManager, kase: Case): Promise<CompanyFacts | null> {
    return (await this.companiesOf(m, [kase.companyId])).get(kase.companyId) ?? null;
  }

  private async companiesOf(m: EntityManager, companyIds: string[]): Promise<Map<string, CompanyFacts>> {
    const rows = (await m.query(
      `SELECT id, nace_section, legal_name FROM companies WHERE id = ANY($1::uuid[])`,
      [companyIds],
    )) as { id: string; nace_section: string; legal_name: string }[];
    return new Map(rows.map((r) => [r.id, { naceSection: r.nace_section, legalName: r.legal_name }]));
  }

  /**
   * Every active adviser with what scoring reads and whom a reminder goes to, in one statement of plain
   * rows (this runs once per opened case, or batch of them, against every adviser). `lock`: hold every
   * adviser row (in id order) until commit, so the loads read are the loads the batch writes onto.
   */
  private async candidates(
    m: EntityManager,
    options: { lock?: boolean } = {},
  ): Promise<CandidateWithContact[]> {
    const rows = (await m.query(
      `SELECT p.user_id, p.regions, p.nace_sections, p.markets, p.languages, p.capacity, p.active_cases,
              p.absent_from::text AS absent_from, p.absent_to::text AS absent_to, p.last_assigned_at,
              u.name, u.email, u.language
         FROM adviser_profiles p JOIN users u ON u.id = p.user_id
        WHERE p.active${options.lock ? ' ORDER BY p.user_id FOR UPDATE OF p' : ''}`,
    )) as CandidateRow[];
    return rows.map((r) => ({
      adviserId: r.user_id,
      regions: r.regions,
      naceSections: r.nace_sections,
      markets: r.markets,
      languages: r.languages,
      capacity: r.capacity,
      activeCases: r.active_cases,
      active: true,
      absentFrom: r.absent_from,
      absentTo: r.absent_to,
      lastAssignedAt: r.last_assigned_at,
      contact: { userId: r.user_id, email: r.email, name: r.name, language: r.language ?? 'en' },
    }));
  }

  private async nameOf(m: EntityManager, userId: string): Promise<string | null> {
    const user = await m.getRepository(User).findOneBy({ id: userId });
    return user?.name ?? null;
  }

  private today(): string {
    return localDate(new Date(), this.config.PROGRAMME_TIME_ZONE);
  }
}

interface CompanyFacts {
  naceSection: string;
  legalName: string;
}

interface CandidateRow {
  user_id: string;
  regions: string[];
  nace_sections: string[];
  markets: string[];
  languages: string[];
  capacity: number;
  active_cases: number;
  absent_from: string | null;
  absent_to: string | null;
  last_assigned_at: Date | null;
  name: string;
  email: string;
  language: LanguageCode | null;
}

type CandidateWithContact = AdviserCandidate & { contact: Contact };

/** What the caller of `start` has already read, so the assignment's rows are written without reading again. */
interface KnownForStart {
  work: CaseWork;
  /** The chosen adviser's name and address, when the caller read them with the candidates. */
  adviser?: Contact;
  companyName?: string;
}

/** An adviser chosen for a locked case, ready to be written. */
interface Start {
  kase: Case;
  chosen: ScoredAdviser;
  runnersUp: ScoredAdviser[];
  known: KnownForStart;
}

function needsOf(kase: Case, work: CaseWork, company: CompanyFacts | null): CaseNeeds {
  return {
    region: kase.region,
    naceSection: company?.naceSection ?? '',
    targetMarkets: work.targetMarkets,
    language: work.language,
  };
}

function toCandidate(p: AdviserProfile): AdviserCandidate {
  return {
    adviserId: p.userId,
    regions: p.regions,
    naceSections: p.naceSections,
    markets: p.markets,
    languages: p.languages,
    capacity: p.capacity,
    activeCases: p.activeCases,
    active: p.active,
    absentFrom: p.absentFrom,
    absentTo: p.absentTo,
    lastAssignedAt: p.lastAssignedAt,
  };
}
