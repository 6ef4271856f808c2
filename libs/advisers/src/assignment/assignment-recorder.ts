import { AuditContext, AuditLogService } from '@app/audit-log';
import { Case } from '@app/cases';
import { CaseTimelineService, type TimelineEntry } from '@app/case-timeline';
import { CaseFollowUps } from '@app/follow-ups';
import { NotificationService, OutboxService, type Contact } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AssignmentEndReason, AssignmentMethod, CaseAssignment } from '../entities/case-assignment.entity';
import { CaseWork } from '../entities/case-work.entity';
import { AssignmentRepository } from './assignment.repository';
import type { ScoredAdviser } from './score-advisers';

/** How an assignment came about, as its audit, timeline and event rows tell it. */
export interface StartContext {
  method: AssignmentMethod;
  context: AuditContext;
  reason?: string | null;
}

/** What the caller of a start has already read, so its rows are written without reading again. */
export interface KnownForStart {
  work: CaseWork;
  /** The chosen adviser's name and address, when the caller read them with the candidates. */
  adviser?: Contact;
  companyName?: string;
}

/** An assignment just written, with what its records tell. */
export interface StartedAssignment {
  kase: Case;
  chosen: ScoredAdviser;
  assignment: CaseAssignment;
  /** The adviser the case had before (always null today: a case is released before it is reassigned). */
  previousAdviserId: string | null;
  known: KnownForStart;
}

/**
 * What follows a change of who works a case, in the same transaction: the audit rows, the case timeline,
 * the reminders that start and stop with an assignment, the outbox events and the officers' notifications.
 * It decides nothing and changes no assignment.
 */
@Injectable()
export class AssignmentRecorder {
  constructor(
    private readonly repository: AssignmentRepository,
    private readonly audit: AuditLogService,
    private readonly timeline: CaseTimelineService,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationService,
    private readonly caseFollowUps: CaseFollowUps,
  ) {}

  async started(m: EntityManager, started: readonly StartedAssignment[], how: StartContext): Promise<void> {
    await this.audit.recordMany(
      m,
      started.map(({ kase, chosen, previousAdviserId }) => ({
        action: 'case.assigned',
        entityType: 'case',
        entityId: kase.id,
        before: { assignedAdviserId: previousAdviserId, status: 'awaiting_assignment' },
        after: {
          assignedAdviserId: chosen.adviserId,
          status: 'active',
          method: how.method,
          score: chosen.score,
        },
        context: how.context,
      })),
    );
    const timeline: TimelineEntry[] = [];
    for (const { kase, chosen, known, assignment } of started)
      timeline.push({
        caseId: kase.id,
        kind: 'assignment.started',
        actorId: how.context.actorId,
        data: {
          adviserId: chosen.adviserId,
          adviserName: known.adviser ? known.adviser.name : await this.repository.nameOf(m, chosen.adviserId),
          method: how.method,
          score: chosen.score,
          breakdown: chosen.breakdown,
          reason: how.reason ?? null,
        },
        refType: 'case_assignment',
        refId: assignment.id,
      });
    await this.timeline.recordMany(m, timeline);
    await this.caseFollowUps.assignedMany(
      m,
      started.map(({ kase, chosen, known, assignment }) => ({
        kase,
        assignmentId: assignment.id,
        adviserId: chosen.adviserId,
        startedAt: assignment.startedAt,
        officerId: how.method === 'automatic' ? null : how.context.actorId,
        contacted: Boolean(known.work.firstContactOn),
        assignee: known.adviser,
        companyName: known.companyName,
      })),
    );
    await this.outbox.addMany(
      m,
      started.map(({ kase, chosen, assignment }) => ({
        type: 'case.assigned',
        aggregateType: 'case',
        aggregateId: kase.id,
        payload: {
          caseId: kase.id,
          assignmentId: assignment.id,
          adviserId: chosen.adviserId,
          method: how.method,
          assignedAt: assignment.startedAt.toISOString(),
        },
      })),
    );
  }

  async ended(
    m: EntityManager,
    kase: Case,
    adviserId: string,
    end: { reason: AssignmentEndReason; note: string; context: AuditContext },
  ): Promise<void> {
    const { reason, note, context } = end;
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
      data: { adviserId, adviserName: await this.repository.nameOf(m, adviserId), note },
    });
    await this.caseFollowUps.released(m, kase.id, `assignment ${reason}`);
  }

  /** Nobody can take the case: it waits in the officers' queue; `round` tells this time apart from others. */
  async leftUnassigned(m: EntityManager, kase: Case, round: Date, context: AuditContext): Promise<void> {
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
    const officers = await this.repository.activeOfficers(m);
    const company = await this.repository.companyOf(m, kase);
    // One notification per officer per time the case fell into the queue.
    for (const officer of officers) {
      await this.notifications.notify(m, {
        idempotencyKey: `case-unassigned:${kase.id}:${officer.id}:${round.toISOString()}`,
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

  async redistributed(
    m: EntityManager,
    adviserId: string,
    summary: { activeCases: number; moved: number; unassigned: number; note: string },
    context: AuditContext,
  ): Promise<void> {
    await this.audit.record(m, {
      action: 'adviser.redistributed',
      entityType: 'adviser_profile',
      entityId: adviserId,
      before: { activeCases: summary.activeCases },
      after: { moved: summary.moved, unassigned: summary.unassigned, note: summary.note },
      context,
    });
  }
}
