import { Case, CasesService, type AssigneeChange } from '@app/cases';
import { User } from '@app/identity';
import type { Contact, LanguageCode } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { StaleCaseError } from '../advisers.errors';
import { AdviserProfile } from '../entities/adviser-profile.entity';
import { AssignmentEndReason, CaseAssignment } from '../entities/case-assignment.entity';
import { CaseWork } from '../entities/case-work.entity';
import { ensureCaseWork, ensureCaseWorkMany } from '../caseload/ensure-case-work';
import type { AdviserCandidate } from './score-advisers';

/** The two company facts assignment uses: its sector for scoring, its name for the reminder. */
export interface CompanyFacts {
  naceSection: string;
  legalName: string;
}

/** An active adviser as scoring reads them, with whom a reminder goes to. */
export type CandidateWithContact = AdviserCandidate & { contact: Contact };

/**
 * What assignment reads and writes, every method in the caller's transaction: the case rows (through
 * @app/cases), the advisers' loads, the assignments and the case's working row. No choices are made here.
 */
@Injectable()
export class AssignmentRepository {
  constructor(private readonly cases: CasesService) {}

  lockCase(m: EntityManager, caseId: string): Promise<Case | null> {
    return this.cases.lock(m, caseId);
  }

  lockCases(m: EntityManager, caseIds: readonly string[]): Promise<Case[]> {
    return this.cases.lockMany(m, caseIds);
  }

  /** Version-guarded write of the two case columns assignment decides; the rows are locked, so they match. */
  async setAssignees(m: EntityManager, changes: readonly AssigneeChange[]): Promise<void> {
    const [stale] = await this.cases.setAssignees(m, changes);
    if (stale) throw new StaleCaseError(stale.id, stale.version, {});
  }

  openAssignment(m: EntityManager, caseId: string): Promise<CaseAssignment | null> {
    return m.getRepository(CaseAssignment).findOneBy({ caseId, endedAt: IsNull() });
  }

  /** The adviser's profile, its row locked until commit. */
  lockProfile(m: EntityManager, adviserId: string): Promise<AdviserProfile | null> {
    return m
      .getRepository(AdviserProfile)
      .findOne({ where: { userId: adviserId }, lock: { mode: 'pessimistic_write' } });
  }

  profile(m: EntityManager, adviserId: string): Promise<AdviserProfile | null> {
    return m.getRepository(AdviserProfile).findOneBy({ userId: adviserId });
  }

  work(m: EntityManager, caseId: string): Promise<CaseWork | null> {
    return m.getRepository(CaseWork).findOneBy({ caseId });
  }

  ensureWork(m: EntityManager, kase: Case, language?: string): Promise<CaseWork> {
    return ensureCaseWork(m, kase, language);
  }

  ensureWorks(m: EntityManager, items: readonly { kase: Case; language?: string }[]): Promise<CaseWork[]> {
    return ensureCaseWorkMany(m, items);
  }

  /** The ids of the cases the adviser works now, in id order. */
  async openCaseIds(m: EntityManager, adviserId: string): Promise<string[]> {
    const rows = (await m.query(
      `SELECT case_id FROM case_assignments WHERE adviser_id = $1 AND ended_at IS NULL ORDER BY case_id`,
      [adviserId],
    )) as { case_id: string }[];
    return rows.map((r) => r.case_id);
  }

  /** Case id → the advisers who declined it. */
  async declinedBy(m: EntityManager, caseIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = (await m.query(
      `SELECT DISTINCT case_id, adviser_id FROM case_assignments
        WHERE case_id = ANY($1::uuid[]) AND end_reason = 'declined'`,
      [caseIds],
    )) as { case_id: string; adviser_id: string }[];
    const declined = new Map<string, string[]>(caseIds.map((id) => [id, []]));
    for (const r of rows) declined.get(r.case_id)?.push(r.adviser_id);
    return declined;
  }

  async companyOf(m: EntityManager, kase: Case): Promise<CompanyFacts | null> {
    return (await this.companiesOf(m, [kase.companyId])).get(kase.companyId) ?? null;
  }

  async companiesOf(m: EntityManager, companyIds: string[]): Promise<Map<string, CompanyFacts>> {
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
  async candidates(m: EntityManager, options: { lock?: boolean } = {}): Promise<CandidateWithContact[]> {
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

  /**
   * Takes one of the adviser's places with a conditional update (under the row lock, so two assignments
   * can never both take the last place): false when that would exceed capacity or they became unavailable
   * meanwhile. `skipLocked`: give up at once if another transaction holds the row.
   */
  async takeSlot(m: EntityManager, adviserId: string, today: string, skipLocked = false): Promise<boolean> {
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

  /** Raises each adviser's load by how often they are named, whatever their capacity (the caller checked it). */
  async addLoad(m: EntityManager, adviserIds: readonly string[]): Promise<void> {
    await m.query(
      `UPDATE adviser_profiles p SET active_cases = p.active_cases + x.n, last_assigned_at = now()
         FROM (SELECT id, count(*)::int AS n FROM unnest($1::uuid[]) AS id GROUP BY id) AS x
        WHERE p.user_id = x.id`,
      [adviserIds],
    );
  }

  /** Writes the new assignments in one multi-row INSERT; TypeORM copies back the id and started_at. */
  async insertAssignments(
    m: EntityManager,
    assignments: Partial<CaseAssignment>[],
  ): Promise<CaseAssignment[]> {
    const repo = m.getRepository(CaseAssignment);
    const created = assignments.map((a) => repo.create(a));
    await repo.insert(created);
    return created;
  }

  /** Closes the case's open assignment and gives the adviser the place back. */
  async endAssignment(
    m: EntityManager,
    kase: Case,
    adviserId: string,
    end: { reason: AssignmentEndReason; note: string; endedById: string | null },
  ): Promise<void> {
    const ended = (await m.query(
      `UPDATE case_assignments SET ended_at = now(), end_reason = $2, end_note = $3, ended_by_id = $4
        WHERE case_id = $1 AND ended_at IS NULL`,
      [kase.id, end.reason, end.note, end.endedById],
    )) as [unknown[], number];
    // No open spell (e.g. a case closed twice over a race): no place to give back.
    if (ended[1] === 0) return;
    await m.query(
      `UPDATE adviser_profiles SET active_cases = GREATEST(active_cases - 1, 0) WHERE user_id = $1`,
      [adviserId],
    );
  }

  /**
   * Marks that officers were told the case waits unassigned; the time it was marked, or null when they
   * were told already since it last had an adviser.
   */
  async claimUnassignedNotice(m: EntityManager, caseId: string): Promise<Date | null> {
    const claimed = (await m.query(
      `UPDATE case_work SET unassigned_notified_at = now()
        WHERE case_id = $1 AND unassigned_notified_at IS NULL RETURNING unassigned_notified_at`,
      [caseId],
    )) as [{ unassigned_notified_at: Date }[], number];
    return claimed[1] === 1 ? claimed[0][0].unassigned_notified_at : null;
  }

  /** Forgets that officers were told, so the next "nobody has capacity" for this case tells them again. */
  async resetUnassignedNotice(m: EntityManager, caseId: string): Promise<void> {
    await m.query(`UPDATE case_work SET unassigned_notified_at = NULL WHERE case_id = $1`, [caseId]);
  }

  async nameOf(m: EntityManager, userId: string): Promise<string | null> {
    const user = await m.getRepository(User).findOneBy({ id: userId });
    return user?.name ?? null;
  }

  activeOfficers(m: EntityManager): Promise<User[]> {
    return m.getRepository(User).find({ where: { role: 'officer', active: true }, take: 50 });
  }
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
