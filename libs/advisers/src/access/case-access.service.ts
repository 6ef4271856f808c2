import { Case } from '@app/cases';
import { NotFoundError } from '@app/errors';
import { Intent, PolicyService, Resource, type Actor } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '@app/web';

/** A case with the facts PolicyService decides on (see CaseAccessService.findWithFacts). */
export interface CaseFacts {
  case: Case;
  resource: Extract<Resource, { kind: 'case' }>;
  /** Regions an officer has widened this adviser's view to (empty for everyone else). */
  adviserRegions: string[];
}

/**
 * Loads a case and the facts identity's PolicyService decides on, the one place other libs ask "may this
 * person see / work this case?" (for the case itself and its records: audits, bookings, outcomes). Anyone
 * who may not gets NotFoundError (404): we never reveal that a case exists. A refusal of a case that does
 * exist is a denial and is audited.
 */
@Injectable()
export class CaseAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
  ) {}

  /** The case if the actor may do `intent` with it (PolicyService's intents), else 404. */
  async find(actor: Actor, intent: Intent, caseId: string, manager?: EntityManager): Promise<Case> {
    const found = await this.load(caseId, manager);
    if (!found) throw new NotFoundError('case', caseId);
    // Facts only widen access: ask without the ones that cost a query first.
    const resource = this.describe(found);
    if (this.policy.allows(actor, intent, resource)) return found;
    const ownerIds = actor.role === 'sme' ? await this.ownerIds(found, manager) : [];
    const adviserRegions = await this.visibleRegions(actor, manager);
    await this.policy.assert(actor, intent, { ...resource, ownerIds }, { adviserRegions });
    return found;
  }

  /**
   * The case and all its facts (its owners, the regions an adviser was let see), if the actor may do
   * `intent` with it, else 404: for a lib that then asks PolicyService about one of the case's records.
   */
  async findWithFacts(
    actor: Actor,
    intent: Intent,
    caseId: string,
    manager?: EntityManager,
  ): Promise<CaseFacts> {
    const found = await this.find(actor, intent, caseId, manager);
    const ownerIds = actor.role === 'sme' ? await this.ownerIds(found, manager) : [];
    const adviserRegions = await this.visibleRegions(actor, manager);
    return { case: found, resource: { ...this.describe(found), ownerIds }, adviserRegions };
  }

  /**
   * The SME whose company it is, the assigned adviser, officers, and (read-only) an adviser an officer has
   * let see the case's region. Admins run accounts, not cases.
   */
  findVisibleCase(actor: Actor, caseId: string, manager?: EntityManager): Promise<Case> {
    return this.find(actor, 'see', caseId, manager);
  }

  /** Those who may change the case: its assigned adviser and officers. */
  findWorkableCase(actor: Actor, caseId: string, manager?: EntityManager): Promise<Case> {
    return this.find(actor, 'work', caseId, manager);
  }

  /**
   * For what an SME does on its own case and staff do on the cases they work (an audit, a booking, an
   * outcome): the SME must own it, staff must work it (seeing it through a region is not enough).
   */
  findCaseToActOn(actor: Actor, caseId: string, manager?: EntityManager): Promise<Case> {
    return this.find(actor, 'act', caseId, manager);
  }

  /** Whether the actor may change a case already loaded: a question for pages, never audited. */
  mayWork(actor: Actor, found: Case): boolean {
    return this.policy.allows(actor, 'work', this.describe(found));
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

  /** The case's facts, without its owners (a query; only an SME's answer needs them). */
  private describe(found: Case): Extract<Resource, { kind: 'case' }> {
    return {
      kind: 'case',
      type: 'case',
      id: found.id,
      ownerIds: [],
      assignedAdviserId: found.assignedAdviserId,
      region: found.region,
    };
  }

  /** The case with no access check, for answering after a change the actor was allowed to make. */
  async load(caseId: string, manager?: EntityManager): Promise<Case | null> {
    if (!isUuid(caseId)) return null;
    return (manager ?? this.dataSource.manager).getRepository(Case).findOneBy({ id: caseId });
  }

  /**
   * The SME user whose enrolment opened the case. Not the company's other contacts: after two records of a
   * company are merged, each SME still sees only the case it enrolled (and its bookings, audits, outcomes).
   */
  private async ownerIds(found: Case, manager?: EntityManager): Promise<string[]> {
    const rows = (await (manager ?? this.dataSource.manager).query(
      `SELECT e.user_id AS id FROM enrolments e WHERE e.id = $1 AND e.user_id IS NOT NULL`,
      [found.enrolmentId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }
}
