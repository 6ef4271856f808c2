import { AuditLogService } from '@app/audit-log';
import { Case } from '@app/cases';
import { NotFoundError } from '@app/errors';
import type { Actor } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '@app/web';

/**
 * Record-level access to cases, the one place other libs ask "may this person see / work this case?".
 * Anyone who may not gets NotFoundError (404): we never reveal that a case exists. A refusal of a case
 * that does exist is a denial and is audited (DESIGN §6), as identity's PolicyService does.
 */
@Injectable()
export class CaseAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
  ) {}

  /**
   * The SME whose company it is, the assigned adviser, officers, and (read-only) an adviser an officer has
   * let see the case's region. Admins run accounts, not cases.
   */
  async findVisibleCase(actor: Actor, caseId: string, manager?: EntityManager): Promise<Case> {
    const found = await this.load(caseId, manager);
    if (!found) throw new NotFoundError('case', caseId);
    if (this.mayWork(actor, found)) return found;
    if (actor.role === 'sme' && (await this.smeOwns(actor.id, found, manager))) return found;
    if (actor.role === 'adviser' && (await this.seesRegion(actor.id, found.region, manager))) return found;
    return this.deny(actor, found);
  }

  /** Regions an officer has widened this adviser's view to (empty for everyone else). */
  async visibleRegions(actor: Actor, manager?: EntityManager): Promise<string[]> {
    if (actor.role !== 'adviser') return [];
    const rows = (await (manager ?? this.dataSource.manager).query(
      `SELECT visible_regions FROM adviser_profiles WHERE user_id = $1`,
      [actor.id],
    )) as { visible_regions: string[] }[];
    return rows[0]?.visible_regions ?? [];
  }

  private async seesRegion(
    adviserId: string,
    region: string | null,
    manager?: EntityManager,
  ): Promise<boolean> {
    if (!region) return false;
    const rows = (await (manager ?? this.dataSource.manager).query(
      `SELECT 1 FROM adviser_profiles WHERE user_id = $1 AND $2 = ANY(visible_regions)`,
      [adviserId, region],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Those who may change the case: its assigned adviser and officers. */
  async findWorkableCase(actor: Actor, caseId: string, manager?: EntityManager): Promise<Case> {
    const found = await this.load(caseId, manager);
    if (!found) throw new NotFoundError('case', caseId);
    if (this.mayWork(actor, found)) return found;
    return this.deny(actor, found);
  }

  /**
   * For what an SME does on its own case and staff do on the cases they work (an audit, a booking, an
   * outcome): the SME must own it, staff must work it (seeing it through a region is not enough).
   */
  findCaseToActOn(actor: Actor, caseId: string, manager?: EntityManager): Promise<Case> {
    return actor.role === 'sme'
      ? this.findVisibleCase(actor, caseId, manager)
      : this.findWorkableCase(actor, caseId, manager);
  }

  /** Whether the actor may change a case already loaded: a question for pages, never audited. */
  mayWork(actor: Actor, found: Case): boolean {
    return actor.role === 'officer' || (actor.role === 'adviser' && found.assignedAdviserId === actor.id);
  }

  /**
   * Writes the denial outside the caller's transaction (the 404 rolls that back) and throws the 404.
   * Same row as PolicyService's: `access.denied` on the record, with the caller's role.
   */
  private async deny(actor: Actor, found: Case): Promise<never> {
    await this.audit.recordDenial({
      entityType: 'case',
      entityId: found.id,
      after: { role: actor.role },
      context: { actorId: actor.id },
    });
    throw new NotFoundError('case', found.id);
  }

  private async load(caseId: string, manager?: EntityManager): Promise<Case | null> {
    if (!isUuid(caseId)) return null;
    return (manager ?? this.dataSource.manager).getRepository(Case).findOneBy({ id: caseId });
  }

  /** The company's primary contact, or the SME user whose enrolment opened the case. */
  private async smeOwns(userId: string, found: Case, manager?: EntityManager): Promise<boolean> {
    const rows = (await (manager ?? this.dataSource.manager).query(
      `SELECT 1 FROM companies co WHERE co.id = $1 AND co.primary_contact_id = $3
        UNION ALL
       SELECT 1 FROM enrolments e WHERE e.id = $2 AND e.user_id = $3
        LIMIT 1`,
      [found.companyId, found.enrolmentId, userId],
    )) as unknown[];
    return rows.length > 0;
  }
}
