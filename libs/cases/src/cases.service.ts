import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { Stage } from './domain/stage';
import { Case, type CaseStatus } from './entities/case.entity';

/** What a new case starts with (an eligible enrolment of a company). */
export interface OpenCase {
  companyId: string;
  enrolmentId: string;
  stage: Stage;
  region: string;
  sector: string;
}

/** Who works a case now: the status and adviser `CasesService.setAssignees` writes. */
export interface AssigneeChange {
  kase: Case;
  status: CaseStatus;
  assignedAdviserId: string | null;
}

/**
 * The one place a case's columns change. Every method runs in the caller's transaction (its EntityManager),
 * so the caller's audit, timeline and outbox rows commit or roll back with the change. Each write is
 * guarded by the version the caller read and raises it: a write that finds another version changes nothing
 * and says so, and the caller answers with its own "the case changed" error. The caller's audit row records
 * the change; this service writes only the case row.
 */
@Injectable()
export class CasesService {
  /** Opens a case awaiting assignment. */
  open(m: EntityManager, input: OpenCase): Promise<Case> {
    return m.save(Case, m.create(Case, { ...input, status: 'awaiting_assignment' }));
  }

  /** The case, its row locked until the caller's transaction ends (`FOR UPDATE`); null when there is none. */
  lock(m: EntityManager, caseId: string): Promise<Case | null> {
    return m.getRepository(Case).findOne({ where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
  }

  /** The cases that exist among `caseIds`, locked in id order (so two batches cannot deadlock). */
  lockMany(m: EntityManager, caseIds: readonly string[]): Promise<Case[]> {
    return m
      .getRepository(Case)
      .find({ where: { id: In([...caseIds]) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  }

  /** Moves the case to `stage`. The new version, or null when the case is no longer at `kase.version`. */
  async setStage(m: EntityManager, kase: Pick<Case, 'id' | 'version'>, stage: Stage): Promise<number | null> {
    const result = (await m.query(
      `UPDATE cases SET stage = $3, version = version + 1 WHERE id = $1 AND version = $2 RETURNING version`,
      [kase.id, kase.version, stage],
    )) as [{ version: number }[], number];
    return result[1] === 1 ? result[0][0].version : null;
  }

  /**
   * Sets status and adviser of each case in one statement, each guarded by its `kase.version`. Each case
   * written gets its new status, adviser and version copied back; returns the cases that were not written
   * because their version had moved on (empty when every one was).
   */
  async setAssignees(m: EntityManager, changes: readonly AssigneeChange[]): Promise<Case[]> {
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
    const stale: Case[] = [];
    for (const { kase, status, assignedAdviserId } of changes) {
      const version = versions.get(kase.id);
      if (version === undefined) {
        stale.push(kase);
        continue;
      }
      kase.version = version;
      kase.status = status;
      kase.assignedAdviserId = assignedAdviserId;
    }
    return stale;
  }

  /** The company's cases, their rows locked until the caller's transaction ends. */
  lockForCompany(m: EntityManager, companyId: string): Promise<Case[]> {
    return m.getRepository(Case).find({ where: { companyId }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Moves the case to another company (a duplicate company merged into the one it matched). The new
   * version, copied into `kase` with the company, or null when the case is no longer at `kase.version`.
   */
  async setCompany(m: EntityManager, kase: Case, companyId: string): Promise<number | null> {
    const result = (await m.query(
      `UPDATE cases SET company_id = $3, version = version + 1 WHERE id = $1 AND version = $2 RETURNING version`,
      [kase.id, kase.version, companyId],
    )) as [{ version: number }[], number];
    if (result[1] !== 1) return null;
    kase.companyId = companyId;
    kase.version = result[0][0].version;
    return kase.version;
  }

  /**
   * Closes the case: status `closed` with the reason, summary, who and when. The adviser stays on the row
   * (whose case it was, for reopening); stage and everything else are kept. The new version, copied into
   * `kase` with the closure, or null when the case is no longer at `kase.version`.
   */
  async setClosed(
    m: EntityManager,
    kase: Case,
    closure: { reason: string; summary: string; closedById: string | null },
  ): Promise<number | null> {
    const result = (await m.query(
      `UPDATE cases SET status = 'closed', closed_at = now(), closure_reason = $3, closure_summary = $4,
              closed_by_id = $5, version = version + 1
        WHERE id = $1 AND version = $2 RETURNING version, closed_at`,
      [kase.id, kase.version, closure.reason, closure.summary, closure.closedById],
    )) as [{ version: number; closed_at: Date }[], number];
    if (result[1] !== 1) return null;
    Object.assign(kase, {
      status: 'closed',
      closedAt: result[0][0].closed_at,
      closureReason: closure.reason,
      closureSummary: closure.summary,
      closedById: closure.closedById,
      version: result[0][0].version,
    });
    return kase.version;
  }

  /**
   * Reopens a closed case: it awaits assignment again, without an adviser (the caller assigns it), and
   * the last closure's columns are cleared (the audit and timeline keep it). The new version, copied into
   * `kase`, or null when the case is no longer at `kase.version`.
   */
  async setReopened(m: EntityManager, kase: Case): Promise<number | null> {
    const result = (await m.query(
      `UPDATE cases SET status = 'awaiting_assignment', assigned_adviser_id = NULL, closed_at = NULL,
              closure_reason = NULL, closure_summary = NULL, closed_by_id = NULL, version = version + 1
        WHERE id = $1 AND version = $2 AND status = 'closed' RETURNING version`,
      [kase.id, kase.version],
    )) as [{ version: number }[], number];
    if (result[1] !== 1) return null;
    Object.assign(kase, {
      status: 'awaiting_assignment',
      assignedAdviserId: null,
      closedAt: null,
      closureReason: null,
      closureSummary: null,
      closedById: null,
      version: result[0][0].version,
    });
    return kase.version;
  }

  /**
   * Raises the version alone, for a change to the case kept in another lib's rows (an interaction, the
   * case summary) that must still conflict with a concurrent edit of the case. The new version, or null
   * when the case is no longer at `kase.version`.
   */
  async touch(m: EntityManager, kase: Pick<Case, 'id' | 'version'>): Promise<number | null> {
    const result = (await m.query(
      `UPDATE cases SET version = version + 1 WHERE id = $1 AND version = $2 RETURNING version`,
      [kase.id, kase.version],
    )) as [{ version: number }[], number];
    return result[1] === 1 ? result[0][0].version : null;
  }
}
