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

/** The case's records of one kind, newest first, for anyone who may see the case (else 404). */
export async function caseRecords<T extends CaseRecord>(
  access: CaseAccessService,
  manager: EntityManager,
  entity: EntityTarget<T>,
  actor: Actor,
  caseId: string,
): Promise<T[]> {
  await access.findVisibleCase(actor, caseId);
  return manager.getRepository(entity).find({
    where: { caseId } as FindOptionsWhere<T>,
    order: { createdAt: 'DESC', id: 'ASC' } as FindOptionsOrder<T>,
  });
}

/** One record if the actor may do `intent` with its case; 404 (`<name>.not_found`) otherwise. */
export async function caseRecord<T extends CaseRecord>(
  access: CaseAccessService,
  manager: EntityManager,
  entity: EntityTarget<T>,
  name: string,
  actor: Actor,
  intent: 'see' | 'work',
  id: string,
): Promise<T> {
  const found = isUuid(id)
    ? await manager.getRepository(entity).findOneBy({ id } as FindOptionsWhere<T>)
    : null;
  if (!found) throw new NotFoundError(name, id);
  await access.find(actor, intent, found.caseId, manager);
  return found;
}
