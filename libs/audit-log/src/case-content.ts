import type { AuditEvent } from './entities/audit-event.entity';

/**
 * Record types whose audit rows carry what is written about a case: summaries, interaction details, outcome
 * notes and values, stage reasons, assignment notes, readiness answers, recommendation notes, training and
 * feedback. Only people who may read the case (officers, in the audit trail) see those values.
 */
export const CASE_CONTENT_TYPES: ReadonlySet<string> = new Set([
  'case',
  'export_opportunity',
  'export_outcome',
  'export_win',
  'readiness_audit',
  'recommendation',
  'training_booking',
]);

export const CASE_CONTENT = '[case content]';

const hide = (fields: Record<string, unknown> | null): Record<string, unknown> | null =>
  fields && Object.fromEntries(Object.keys(fields).map((key) => [key, CASE_CONTENT]));

/**
 * The row as someone who may not read the case sees it: that the change happened, on which record, by
 * whom, when and to which fields, with every value replaced. Access decisions about a case
 * (`access.denied`) are not case content and stay whole: they are what security monitoring reads.
 */
export function withoutCaseContent(event: AuditEvent): AuditEvent {
  if (!CASE_CONTENT_TYPES.has(event.entityType) || event.action.startsWith('access.')) return event;
  return { ...event, before: hide(event.before), after: hide(event.after) };
}
