import { EntityManager } from 'typeorm';
import { FollowUp, OPEN_FOLLOW_UP_STATUSES } from './follow-up.entity';

export const TASK_STATUS_FILTERS = ['open', 'all'] as const;
export type TaskStatusFilter = (typeof TASK_STATUS_FILTERS)[number];

/** Tasks listed at most, on the page and in the API alike. */
export const STAFF_TASKS_LIMIT = 200;

/**
 * "Your tasks": the follow-ups assigned to this staff member and those escalated to them as the officer,
 * earliest deadline first. The one query behind `/tasks` and `GET /api/v1/follow-ups`, so both list the
 * same tasks. `open` keeps the ones still waiting for their condition; `all` adds the closed ones
 * assigned to them (an escalation is only theirs while it is open).
 */
export function staffTasks(
  manager: EntityManager,
  actorId: string,
  status: TaskStatusFilter,
): Promise<FollowUp[]> {
  const qb = manager
    .getRepository(FollowUp)
    .createQueryBuilder('f')
    .where(
      `(f.assignee_id = :me OR (f.status = 'escalated' AND f.recipients -> 'officer' ->> 'userId' = :meText))`,
      { me: actorId, meText: actorId },
    )
    .orderBy('f.deadline_at', 'ASC')
    .addOrderBy('f.id', 'ASC')
    .limit(STAFF_TASKS_LIMIT);
  if (status === 'open') qb.andWhere('f.status IN (:...open)', { open: OPEN_FOLLOW_UP_STATUSES as string[] });
  return qb.getMany();
}
