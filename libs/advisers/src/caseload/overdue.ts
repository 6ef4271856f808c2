import { OPEN_FOLLOW_UP_STATUSES } from '@app/follow-ups';

/** The follow-up statuses that still wait for their condition, as an SQL list. */
export const OPEN_STATUSES_SQL = OPEN_FOLLOW_UP_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * "Overdue" means an open follow-up past its deadline, read from the follow-ups lib's table (its exported
 * entity): the one definition used by caseload rows, the overdue filter, the counts and the officers'
 * load table.
 */
export const OVERDUE_SQL = (caseId: string): string =>
  `EXISTS (SELECT 1 FROM follow_up f WHERE f.case_id = ${caseId}
             AND f.status IN (${OPEN_STATUSES_SQL}) AND f.deadline_at < now())`;

/** The cases with at least one overdue follow-up, for joining when counting many cases at once. */
export const OVERDUE_CASES_SQL = `SELECT DISTINCT f.case_id FROM follow_up f
  WHERE f.status IN (${OPEN_STATUSES_SQL}) AND f.deadline_at < now()`;
