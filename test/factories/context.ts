import type { AuditContext } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import type { INestApplicationContext } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What a factory needs of a running app: its services (a TestApi's `app`, or any Nest context). */
export interface FactoryApp {
  app: INestApplicationContext;
}

/** The audit context of a factory's write, as the person it acts for (null: the system). */
export const factoryContext = (actorId: string | null): AuditContext => ({
  actorId,
  requestId: 'test-factory',
});

/** One transaction through the app's UnitOfWork, as services expect their callers to start one. */
export function inTransaction<T>(api: FactoryApp, work: (m: EntityManager) => Promise<T>): Promise<T> {
  return api.app.get(UnitOfWork).run(work);
}
