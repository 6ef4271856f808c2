import type { CaseAccessService } from '@app/advisers';
import { NotFoundError } from '@app/errors';
import type { Actor } from '@app/identity';
import { isUuid } from '@app/web';
import type { EntityManager, EntityTarget, FindOptionsOrder, FindOptionsWhere } from 'typeorm';

/** A record that belongs to a case (an opportunity, a win): it is seen and changed as its case is. */
interface CaseRecord {
  id: string;
  caseId: string;
  createdAt: Date;
}

/**
 * A service of records that belong to cases (opportunities, wins): the case's records for anyone who may
 * see the case, one record for anyone who may do an intent with its case, 404 (`<name>.not_found`) otherwise.
 */
export abstract class CaseRecordsService<T extends CaseRecord> {
  protected constructor(
    private readonly caseAccess: CaseAccessService,
    private readonly defaultManager: EntityManager,
    private readonly entity: EntityTarget<T>,
    private readonly name: string,
  ) {}

  /** The case's records, newest first, for anyone who may see the case. */
  async listForCase(actor: Actor, caseId: string): Promise<T[]> {
    await this.caseAccess.findVisibleCase(actor, caseId);
    return this.defaultManager.getRepository(this.entity).find({
      where: { caseId } as FindOptionsWhere<T>,
      order: { createdAt: 'DESC', id: 'ASC' } as FindOptionsOrder<T>,
    });
  }

  /** One record if the actor may do `intent` with its case, else 404. */
  async find(
    actor: Actor,
    intent: 'see' | 'work',
    id: string,
    manager: EntityManager = this.defaultManager,
  ): Promise<T> {
    const found = isUuid(id)
      ? await manager.getRepository(this.entity).findOneBy({ id } as FindOptionsWhere<T>)
      : null;
    if (!found) throw new NotFoundError(this.name, id);
    await this.caseAccess.find(actor, intent, found.caseId, manager);
    return found;
  }
}
