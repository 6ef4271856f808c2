import { NotFoundError } from '@app/errors';
import { Intent, PolicyService, Resource } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isUuid } from '@app/web';
import { Company } from '../entities/company.entity';
import type { ActingUser } from '../enrolment-records';

/**
 * Loads a company and the facts PolicyService decides on for the company record (staff only): officers
 * every company, an adviser the companies of its cases and the prospects it recorded, read-only those of
 * the regions an officer widened its view to. Anyone else gets 404, audited when the company exists.
 */
@Injectable()
export class CompanyAccess {
  constructor(private readonly policy: PolicyService) {}

  async find(
    m: EntityManager,
    actor: ActingUser,
    intent: Intent,
    id: string,
    lock = false,
  ): Promise<Company> {
    const company = isUuid(id)
      ? await m.findOne(Company, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' } } : {}) })
      : null;
    if (!company) throw new NotFoundError('company', id);
    const resource: Resource = {
      kind: 'company',
      type: 'company',
      id: company.id,
      adviserIds: actor.role === 'adviser' ? await this.advisersOf(m, company) : [],
      region: company.region,
    };
    const adviserRegions = await this.visibleRegions(m, actor);
    await this.policy.assert(actor, intent, resource, { adviserRegions });
    return company;
  }

  /** Whether the actor may change the company (for pages deciding what to show); never audited. */
  async mayWork(m: EntityManager, actor: ActingUser, company: Company): Promise<boolean> {
    return this.policy.allows(actor, 'work', {
      kind: 'company',
      type: 'company',
      id: company.id,
      adviserIds: actor.role === 'adviser' ? await this.advisersOf(m, company) : [],
      region: company.region,
    });
  }

  /** Regions an officer has widened this adviser's view to (empty for everyone else). */
  async visibleRegions(m: EntityManager, actor: ActingUser): Promise<string[]> {
    if (actor.role !== 'adviser') return [];
    const rows = (await m.query(`SELECT visible_regions FROM adviser_profiles WHERE user_id = $1`, [
      actor.id,
    ])) as { visible_regions: string[] }[];
    return rows[0]?.visible_regions ?? [];
  }

  /** The advisers of the company's cases, past and present, and the one who recorded it as a prospect. */
  private async advisersOf(m: EntityManager, company: Company): Promise<string[]> {
    const rows = (await m.query(
      `SELECT DISTINCT assigned_adviser_id AS id FROM cases WHERE company_id = $1 AND assigned_adviser_id IS NOT NULL`,
      [company.id],
    )) as { id: string }[];
    const ids = rows.map((r) => r.id);
    if (company.createdById) ids.push(company.createdById);
    return ids;
  }
}
