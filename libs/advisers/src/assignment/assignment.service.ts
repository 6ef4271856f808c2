import { AuditContext } from '@app/audit-log';
import { Case, type CaseClosedFacts, type CaseReopenedFacts } from '@app/cases';
import { AppConfig } from '@app/config';
import { NotFoundError, UnprocessableError } from '@app/errors';
import { localDate } from '@app/time';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AdviserNotFoundError, AdviserUnavailableError, StaleCaseError } from '../advisers.errors';
import { AdviserProfile } from '../entities/adviser-profile.entity';
import { AssignmentEndReason, CaseAssignment } from '../entities/case-assignment.entity';
import { CaseWork } from '../entities/case-work.entity';
import { planAssignments } from './assignment-planner';
import { AssignmentRecorder, KnownForStart, StartContext } from './assignment-recorder';
import { AssignmentRepository, CompanyFacts } from './assignment.repository';
import { AssignmentRules } from './assignment-rules';
import { AdviserCandidate, CaseNeeds, isAbsentOn, scoreAdviser, ScoredAdviser } from './score-advisers';

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

interface AutoOptions extends StartContext {
  /** Advisers never to pick (e.g. the one whose cases are being redistributed). */
  exclude?: string[];
  language?: string;
}

export interface RedistributionResult {
  moved: { caseId: string; adviserId: string }[];
  unassigned: string[];
}

/** An adviser chosen for a locked case, ready to be written. */
interface Start {
  kase: Case;
  chosen: ScoredAdviser;
  runnersUp: ScoredAdviser[];
  known: KnownForStart;
}

/**
 * Chooses and changes who works a case: the steps of each action, with the choice made by
 * `planAssignments`, the rows read and written by `AssignmentRepository` and what follows (audit,
 * timeline, reminders, events, notifications) by `AssignmentRecorder`. Every path locks the case row
 * first (`FOR UPDATE`), so deliveries of the same event and officer actions on one case run one after
 * another; the adviser's load goes up with a conditional update that can never exceed capacity, whatever
 * runs at the same time.
 */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly rules: AssignmentRules,
    private readonly config: AppConfig,
    private readonly repository: AssignmentRepository,
    private readonly recorder: AssignmentRecorder,
  ) {}

  /** Automatic assignment of a newly opened (or returned) case; a case that already has an adviser keeps it. */
  async autoAssign(m: EntityManager, caseId: string, options: AutoOptions): Promise<AssignOutcome> {
    const kase = await this.repository.lockCase(m, caseId);
    if (!kase) return { outcome: 'not_open', warnings: [] };
    if (kase.assignedAdviserId)
      return {
        outcome: 'already_assigned',
        assignment: await this.repository.openAssignment(m, caseId),
        warnings: [],
      };
    if (kase.status !== 'awaiting_assignment') return { outcome: 'not_open', warnings: [] };
    const work = await this.repository.ensureWork(m, kase, options.language);
    const company = await this.repository.companyOf(m, kase);
    const declined = (await this.repository.declinedBy(m, [caseId])).get(caseId) ?? [];
    const today = this.today();
    const candidates = await this.repository.candidates(m);
    const [{ ranked }] = planAssignments(
      [
        {
          caseId,
          needs: needsOf(kase, work, company),
          declinedBy: [...declined, ...(options.exclude ?? [])],
        },
      ],
      candidates,
      this.rules.weights,
      { today, now: new Date() },
    );
    const contacts = new Map(candidates.map((c) => [c.adviserId, c.contact]));
    // First pass: skip an adviser whose row another assignment holds right now (cases opened together
    // spread over the best few instead of queueing on one row); second pass: wait for it after all.
    for (const skipLocked of [true, false]) {
      for (let i = 0; i < ranked.length; i++) {
        if (!(await this.repository.takeSlot(m, ranked[i].adviserId, today, skipLocked))) continue;
        const runnersUp = ranked.slice(i + 1, i + 1 + this.rules.runnersUp);
        const [assignment] = await this.start(
          m,
          [
            {
              kase,
              chosen: ranked[i],
              runnersUp,
              known: { work, adviser: contacts.get(ranked[i].adviserId), companyName: company?.legalName },
            },
          ],
          options,
        );
        return { outcome: 'assigned', assignment, warnings: [] };
      }
    }
    await this.leaveUnassigned(m, kase, options.context);
    return { outcome: 'unassigned', warnings: [] };
  }

  /**
   * Automatic assignment of a batch of opened cases in one transaction (the worker gathers the
   * `case.opened` events in flight). The choice is the one `autoAssign` would make case after case (both
   * go through `planAssignments`), in a fixed number of statements: the cases are locked in id order, then
   * every active adviser's row (in id order too), so the loads counted here are the loads committed and no
   * adviser passes capacity. A case that already has an adviser keeps it; a case named twice is assigned
   * once. Answers in the requests' order.
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
    const locked = await this.repository.lockCases(m, ids);
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
    const works = await this.repository.ensureWorks(m, waiting);
    const companies = await this.repository.companiesOf(
      m,
      waiting.map((w) => w.kase.companyId),
    );
    const declined = await this.repository.declinedBy(
      m,
      waiting.map((w) => w.kase.id),
    );
    const candidates = await this.repository.candidates(m, { lock: true });
    const contacts = new Map(candidates.map((c) => [c.adviserId, c.contact]));
    const plans = planAssignments(
      waiting.map(({ kase }, i) => ({
        caseId: kase.id,
        needs: needsOf(kase, works[i], companies.get(kase.companyId) ?? null),
        declinedBy: declined.get(kase.id) ?? [],
      })),
      candidates,
      this.rules.weights,
      { today: this.today(), now: new Date() },
    );
    const starts: Start[] = [];
    plans.forEach(({ ranked }, i) => {
      const { kase } = waiting[i];
      if (!ranked[0]) return;
      starts.push({
        kase,
        chosen: ranked[0],
        runnersUp: ranked.slice(1, 1 + this.rules.runnersUp),
        known: {
          work: works[i],
          adviser: contacts.get(ranked[0].adviserId),
          companyName: companies.get(kase.companyId)?.legalName,
        },
      });
    });
    if (starts.length > 0) {
      await this.repository.addLoad(
        m,
        starts.map((s) => s.chosen.adviserId),
      );
      await this.start(m, starts, { method: 'automatic', context });
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
    const kase = await this.repository.lockCase(m, caseId);
    if (!kase) throw new NotFoundError('case', caseId);
    this.checkVersion(kase, input.expectedVersion);
    if (kase.status === 'closed') throw new UnprocessableError('case.closed', 'The case is closed');
    const profile = await this.repository.lockProfile(m, adviserId);
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
    await this.repository.addLoad(m, [adviserId]);
    const work = await this.repository.ensureWork(m, kase);
    const company = await this.repository.companyOf(m, kase);
    const scored = scoreAdviser(needsOf(kase, work, company), toCandidate(profile), this.rules.weights);
    const [assignment] = await this.start(
      m,
      [{ kase, chosen: scored, runnersUp: [], known: { work, companyName: company?.legalName } }],
      { method: 'officer', context: input.context, reason: input.reason },
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
    const kase = await this.repository.lockCase(m, caseId);
    if (!kase || kase.assignedAdviserId !== adviserId) throw new NotFoundError('case', caseId);
    this.checkVersion(kase, input.expectedVersion);
    const work = await this.repository.work(m, caseId);
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
    const profile = await this.repository.profile(m, adviserId);
    if (!profile) throw new AdviserNotFoundError(adviserId);
    const open = await this.repository.openCaseIds(m, adviserId);
    const result: RedistributionResult = { moved: [], unassigned: [] };
    for (const caseId of open) {
      const kase = await this.repository.lockCase(m, caseId);
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
    await this.recorder.redistributed(
      m,
      adviserId,
      {
        activeCases: open.length,
        moved: result.moved.length,
        unassigned: result.unassigned.length,
        note: input.note,
      },
      input.context,
    );
    return result;
  }

  /**
   * The case closed (CaseClosureService, same transaction): the adviser's spell ends and their place is
   * free. The case keeps naming them, so they still see it and can reopen it.
   */
  async closed(m: EntityManager, facts: CaseClosedFacts): Promise<void> {
    const adviserId = facts.kase.assignedAdviserId;
    if (!adviserId) return;
    await this.repository.endAssignment(m, facts.kase, adviserId, {
      reason: 'closed',
      note: facts.reason,
      endedById: facts.context.actorId,
    });
  }

  /**
   * The case reopened (same transaction): back to the adviser who had it when they still have a place
   * (active, present, under capacity), else the automatic assignment runs as for a new case.
   */
  async reopened(m: EntityManager, facts: CaseReopenedFacts): Promise<AssignOutcome> {
    const { kase, previousAdviserId, context, reason } = facts;
    if (previousAdviserId && (await this.repository.takeSlot(m, previousAdviserId, this.today()))) {
      const profile = await this.repository.profile(m, previousAdviserId);
      if (profile) {
        const work = await this.repository.ensureWork(m, kase);
        const company = await this.repository.companyOf(m, kase);
        const scored = scoreAdviser(needsOf(kase, work, company), toCandidate(profile), this.rules.weights);
        const [assignment] = await this.start(
          m,
          [{ kase, chosen: scored, runnersUp: [], known: { work, companyName: company?.legalName } }],
          { method: 'reopened', context, reason },
        );
        return { outcome: 'assigned', assignment, warnings: [] };
      }
    }
    return this.autoAssign(m, kase.id, { method: 'automatic', context, reason });
  }

  private checkVersion(kase: Case, expected?: number): void {
    if (expected !== undefined && expected !== kase.version)
      throw new StaleCaseError(kase.id, expected, { currentVersion: kase.version });
  }

  /** Writes the assignments of locked cases (each once), then their audit, timeline, reminder and event rows. */
  private async start(m: EntityManager, starts: Start[], how: StartContext): Promise<CaseAssignment[]> {
    const assignments = await this.repository.insertAssignments(
      m,
      starts.map(({ kase, chosen, runnersUp }) => ({
        caseId: kase.id,
        adviserId: chosen.adviserId,
        method: how.method,
        assignedById: how.method === 'automatic' ? null : how.context.actorId,
        reason: how.reason ?? null,
        score: chosen.score,
        breakdown: chosen.breakdown,
        runnersUp,
      })),
    );
    const previous = starts.map((s) => s.kase.assignedAdviserId);
    await this.repository.setAssignees(
      m,
      starts.map((s) => ({ kase: s.kase, status: 'active' as const, assignedAdviserId: s.chosen.adviserId })),
    );
    await this.recorder.started(
      m,
      starts.map((s, i) => ({ ...s, assignment: assignments[i], previousAdviserId: previous[i] })),
      how,
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
    await this.repository.endAssignment(m, kase, adviserId, { reason, note, endedById: context.actorId });
    await this.repository.setAssignees(m, [{ kase, status: 'awaiting_assignment', assignedAdviserId: null }]);
    await this.recorder.ended(m, kase, adviserId, { reason, note, context });
    // Remember the adviser so the next "nobody has capacity" for this case tells officers again.
    await this.repository.resetUnassignedNotice(m, kase.id);
  }

  /** Nobody can take it: it waits in the officers' queue, and officers are told once. */
  private async leaveUnassigned(m: EntityManager, kase: Case, context: AuditContext): Promise<void> {
    const round = await this.repository.claimUnassignedNotice(m, kase.id);
    if (round) await this.recorder.leftUnassigned(m, kase, round, context);
  }

  private today(): string {
    return localDate(new Date(), this.config.PROGRAMME_TIME_ZONE);
  }
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
