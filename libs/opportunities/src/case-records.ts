import type { CaseAccessService } from '@app/advisers';
import { InvalidInputError, NotFoundError } from '@app/errors';
import type { Actor } from '@app/identity';
import { isUuid } from '@app/web';
import type { EntityManager, EntityTarget, FindOptionsOrder, FindOptionsWhere } from 'typeorm';

/** A record that belongs to a case (an opportunity, a win): it is seen and changed as its case is. */
interface CaseRecord {
  id: string;
  caseId: string;
  createdAt: Date;
  version: number;
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

  /** The 409 a change based on an older `version` gets, carrying the current one. */
  protected abstract versionConflict(current: number): Error;

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

  /**
   * The record, locked in `manager`'s transaction, for a change that overwrites it: 404 for an actor who may
   * not work its case (asked first), then the version it was read at is required and must be the current one.
   */
  protected async lockForChange(
    manager: EntityManager,
    actor: Actor,
    id: string,
    version: number | undefined,
  ): Promise<T> {
    const current = await this.find(actor, 'work', id, manager);
    const locked = await manager.getRepository(this.entity).findOneOrFail({
      where: { id: current.id } as FindOptionsWhere<T>,
      lock: { mode: 'pessimistic_write' },
    });
    if (version === undefined)
      throw new InvalidInputError([
        {
          field: 'version',
          message: `Send the ${this.name.replace(/_/g, ' ')} version (If-Match header or version field)`,
          code: 'required',
        },
      ]);
    if (locked.version !== version) throw this.versionConflict(locked.version);
    return locked;
  }
}
