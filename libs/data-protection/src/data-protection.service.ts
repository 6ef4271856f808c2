import { AuditContext, AuditLogService } from '@app/audit-log';
import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { InvalidInputError, NotFoundError } from '@app/errors';
import type { Language } from '@app/web';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataProtectionRequest } from './entities/data-protection-request.entity';
import { applyChanges, Change, listing, planErasure, PlannedChange } from './erasure/erasure-plan';
import { pseudonymsFor } from './erasure/pseudonyms';
import { QueuedJob, QueuedJobsScanner } from './queue/queued-jobs.scanner';
import { buildArchive } from './subject-access/sar-archive';
import { SubjectAccessCollector } from './subject-access/subject-access.collector';
import { resolveSubject, searchableName, Subject } from './subject';

export interface ErasureInput {
  email: string;
  reason?: string | null;
  /** The subject has an open case and the requester confirms erasure anyway (a reason is then required). */
  confirmOpenCase?: boolean;
}

export interface ErasureOutcome {
  requestId: string | null;
  changes: Change[];
  counts: Record<string, number>;
}

const clean = (value: string | null | undefined): string | null => value?.trim() || null;

function countByTable(changes: Change[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of changes) counts[c.table] = (counts[c.table] ?? 0) + 1;
  return counts;
}

/**
 * Subject access and erasure requests. Every request, download and erasure writes an audit row; none of
 * those rows holds the person's data (only ids and counts).
 */
@Injectable()
export class DataProtectionService {
  private readonly logger = new Logger(DataProtectionService.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLogService,
    private readonly collector: SubjectAccessCollector,
    private readonly jobs: QueuedJobsScanner,
    private readonly config: AppConfig,
  ) {}

  /** A subject access request: records it, audits it and returns the archive (zip). */
  async subjectAccess(
    email: string,
    context: AuditContext,
  ): Promise<{ request: DataProtectionRequest; archive: Buffer }> {
    const address = this.requireEmail(email);
    return this.uow.run(async (m) => {
      const subject = await resolveSubject(m, address);
      const data = await this.collector.collect(m, subject);
      const counts = Object.fromEntries(Object.entries(data.records).map(([t, rows]) => [t, rows.length]));
      counts.queued_jobs = data.queuedJobs.length;
      const request = m.create(DataProtectionRequest, {
        kind: 'access',
        status: 'completed',
        subjectEmail: address,
        subjectUserId: subject.userId,
        requestedById: context.actorId,
        result: counts,
        completedAt: new Date(),
      });
      await m.save(request);
      await this.audit.record(m, {
        action: 'data_protection.access_requested',
        entityType: 'data_protection_request',
        entityId: request.id,
        after: { kind: 'access', subjectFound: !!subject.userId, subjectUserId: subject.userId, counts },
        context,
      });
      return { request, archive: await buildArchive(data) };
    });
  }

  /** An SME's own data: the same archive, for the signed-in person only. */
  async ownData(userId: string, context: AuditContext, lang: Language = 'en'): Promise<Buffer> {
    return this.uow.run(async (m) => {
      const [user] = (await m.query('SELECT email FROM users WHERE id = $1', [userId])) as {
        email: string;
      }[];
      if (!user) throw new NotFoundError('user', userId);
      const subject = await resolveSubject(m, user.email, userId);
      const data = await this.collector.collect(m, subject);
      await this.audit.record(m, {
        action: 'data_protection.own_data_downloaded',
        entityType: 'user',
        entityId: userId,
        context,
      });
      return buildArchive(data, lang);
    });
  }

  /** The archive of an earlier access request, built afresh (archives are never stored). */
  async archiveOf(requestId: string, context: AuditContext): Promise<Buffer> {
    return this.uow.run(async (m) => {
      const request = await this.load(m, requestId);
      if (request.kind !== 'access') throw new NotFoundError('data_protection_request', requestId);
      const subject = await resolveSubject(m, request.subjectEmail, request.subjectUserId ?? undefined);
      const data = await this.collector.collect(m, subject);
      await this.audit.record(m, {
        action: 'data_protection.access_downloaded',
        entityType: 'data_protection_request',
        entityId: request.id,
        context,
      });
      return buildArchive(data);
    });
  }

  list(): Promise<DataProtectionRequest[]> {
    return this.uow.run((m) => m.find(DataProtectionRequest, { order: { createdAt: 'DESC' }, take: 200 }));
  }

  find(id: string): Promise<DataProtectionRequest> {
    return this.uow.run((m) => this.load(m, id));
  }

  /** Records an erasure request; it runs only when approved. An open case needs confirmation and a reason. */
  async requestErasure(input: ErasureInput, context: AuditContext): Promise<DataProtectionRequest> {
    const address = this.requireEmail(input.email);
    return this.uow.run(async (m) => {
      const subject = await resolveSubject(m, address);
      if (!subject.userId)
        throw new InvalidInputError([
          { field: 'email', code: 'unknown', message: 'No account has this email address' },
        ]);
      await this.checkOpenCases(m, subject, input);
      const request = m.create(DataProtectionRequest, {
        kind: 'erasure',
        status: 'requested',
        subjectEmail: address,
        subjectUserId: subject.userId,
        requestedById: context.actorId,
        reason: clean(input.reason),
        openCaseConfirmed: !!input.confirmOpenCase,
      });
      await m.save(request);
      await this.audit.record(m, {
        action: 'data_protection.erasure_requested',
        entityType: 'data_protection_request',
        entityId: request.id,
        after: {
          kind: 'erasure',
          subjectUserId: subject.userId,
          openCaseConfirmed: request.openCaseConfirmed,
        },
        context,
      });
      return request;
    });
  }

  /** What approving this request would change, changing nothing. */
  async previewErasure(requestId: string): Promise<Change[]> {
    return this.uow.run(async (m) => {
      const request = await this.load(m, requestId);
      if (request.kind !== 'erasure') throw new NotFoundError('data_protection_request', requestId);
      if (request.status === 'completed') return [];
      const subject = await resolveSubject(m, request.subjectEmail, request.subjectUserId ?? undefined);
      return listing(await this.plan(m, subject));
    });
  }

  /**
   * Approves and carries out an erasure request. A second officer/admin approves; the requester may
   * approve their own request only with a recorded reason. Approving a completed request changes nothing.
   */
  async approveErasure(
    requestId: string,
    decisionReason: string | null | undefined,
    context: AuditContext,
  ): Promise<ErasureOutcome> {
    let jobs: QueuedJob[] = [];
    const outcome = await this.uow.run(async (m) => {
      const request = await m.findOne(DataProtectionRequest, {
        where: { id: requestId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!request || request.kind !== 'erasure')
        throw new NotFoundError('data_protection_request', requestId);
      if (request.status === 'completed')
        return { requestId, changes: [] as Change[], counts: request.result ?? {} };
      const reason = clean(decisionReason);
      if (request.requestedById === context.actorId && !reason)
        throw new InvalidInputError([
          {
            field: 'decisionReason',
            code: 'required',
            message: 'Give a reason for approving your own request',
          },
        ]);
      const subject = await resolveSubject(m, request.subjectEmail, request.subjectUserId ?? undefined);
      const planned = await this.plan(m, subject);
      await applyChanges(m, planned);
      jobs = planned.flatMap((c) => (c.job ? [c.job] : []));
      const changes = listing(planned);
      const counts = countByTable(changes);
      await m.update(
        DataProtectionRequest,
        { id: requestId },
        {
          status: 'completed',
          decidedById: context.actorId,
          decisionReason: reason,
          result: counts,
          completedAt: new Date(),
        },
      );
      await this.audit.record(m, {
        action: 'data_protection.erasure_completed',
        entityType: 'data_protection_request',
        entityId: requestId,
        after: { kind: 'erasure', subjectUserId: subject.userId, changes: changes.length, counts },
        context,
      });
      return { requestId, changes, counts };
    });
    await this.purge(jobs);
    return outcome;
  }

  /**
   * The command-line erasure: request and approval in one step, with the reason recorded. `simulate`
   * returns the same list of changes and changes nothing. Unknown email: nothing to erase (no error).
   */
  async erase(input: ErasureInput & { simulate?: boolean }, context: AuditContext): Promise<ErasureOutcome> {
    const address = this.requireEmail(input.email);
    if (!clean(input.reason))
      throw new InvalidInputError([
        { field: 'reason', code: 'required', message: 'Give the reason for the erasure' },
      ]);
    let jobs: QueuedJob[] = [];
    const outcome = await this.uow.run(async (m) => {
      const subject = await resolveSubject(m, address);
      if (subject.userId) await this.checkOpenCases(m, subject, input);
      const planned = await this.plan(m, subject);
      const changes = listing(planned);
      const counts = countByTable(changes);
      if (input.simulate) return { requestId: null, changes, counts };
      await applyChanges(m, planned);
      jobs = planned.flatMap((c) => (c.job ? [c.job] : []));
      // Created after the changes, already holding the pseudonym: the request never stores the address.
      const request = m.create(DataProtectionRequest, {
        kind: 'erasure',
        status: 'completed',
        subjectEmail: subject.userId ? pseudonymsFor(subject, this.config.SESSION_SECRET).email : 'unknown',
        subjectUserId: subject.userId,
        requestedById: context.actorId,
        reason: clean(input.reason),
        openCaseConfirmed: !!input.confirmOpenCase,
        decidedById: context.actorId,
        result: counts,
        completedAt: new Date(),
      });
      await m.save(request);
      await this.audit.record(m, {
        action: 'data_protection.erasure_completed',
        entityType: 'data_protection_request',
        entityId: request.id,
        after: { kind: 'erasure', subjectUserId: subject.userId, changes: changes.length, counts },
        context,
      });
      return { requestId: request.id, changes, counts };
    });
    await this.purge(jobs);
    return outcome;
  }

  /** The planned changes for a subject (database rows and queued jobs). */
  async plan(m: EntityManager, subject: Subject): Promise<PlannedChange[]> {
    const pseudonyms = pseudonymsFor(subject, this.config.SESSION_SECRET);
    const jobs = subject.userId ? await this.jobs.find(this.needles(subject)) : [];
    return planErasure(m, subject, pseudonyms, jobs);
  }

  private needles(subject: Subject): string[] {
    return [subject.userId, subject.email, searchableName(subject)].filter((n): n is string => !!n);
  }

  /** Queued jobs go after the commit: were the transaction to roll back, no job would be lost for nothing. */
  private async purge(jobs: QueuedJob[]): Promise<void> {
    try {
      await this.jobs.purge(jobs);
    } catch (error) {
      this.logger.error(`Queued jobs not purged (run the erasure again): ${(error as Error).message}`);
    }
  }

  private async checkOpenCases(m: EntityManager, subject: Subject, input: ErasureInput): Promise<void> {
    const [open] = (await m.query(
      `SELECT count(*)::int AS n FROM cases WHERE id = ANY($1::uuid[]) AND status <> 'closed'`,
      [subject.cases],
    )) as { n: number }[];
    if (open.n === 0) return;
    const problems = [];
    if (!input.confirmOpenCase)
      problems.push({
        field: 'confirmOpenCase',
        code: 'required',
        message: `This person has ${open.n} open case(s): confirm that their data is to be erased anyway`,
      });
    if (!clean(input.reason))
      problems.push({
        field: 'reason',
        code: 'required',
        message: 'Give the reason for erasing during an open case',
      });
    if (problems.length) throw new InvalidInputError(problems);
  }

  private async load(m: EntityManager, id: string): Promise<DataProtectionRequest> {
    const request = await m.findOne(DataProtectionRequest, { where: { id } });
    if (!request) throw new NotFoundError('data_protection_request', id);
    return request;
  }

  private requireEmail(email: string | undefined): string {
    const address = email?.trim().toLowerCase() ?? '';
    if (!/^[^@\s]+@[^@\s]+$/.test(address) || address.length > 254)
      throw new InvalidInputError([{ field: 'email', code: 'isEmail', message: 'Enter an email address' }]);
    return address;
  }
}
