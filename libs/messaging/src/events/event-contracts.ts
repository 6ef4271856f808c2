/**
 * Every domain event the outbox carries: its name, the payload it is written with, its version, and
 * whether a worker handler is expected. `OutboxService.add` and `@HandlesEvent` are typed by this map, so
 * publishing an unknown event or a payload of the wrong shape does not compile.
 *
 * Adding an event: add its payload here and its contract in EVENT_CONTRACTS. Changing a payload in a way
 * an existing handler could misread: bump its version (handlers see `event.version`). An event nobody
 * handles says so (`handlers: 'none'` with the reason); the relay stamps it processed at once. Any other
 * event waits unpublished until a worker with a handler for it takes it, so during a rolling update an
 * old worker never swallows an event only the new release handles.
 *
 * Payloads are plain data (ids, codes, ISO dates): this lib imports no domain lib.
 */
export interface EventPayloads {
  /** enrolment: an eligible enrolment opened a case (advisers assigns it). */
  'case.opened': {
    caseId: string;
    companyId: string;
    companyName: string;
    enrolmentId: string;
    smeUserId: string;
    stage: string;
    region: string;
    sector: string;
    naceSection: string;
    targetMarkets: string[];
    helpWanted: string[];
    language: string;
  };
  /** advisers: an adviser took the case (its follow-ups are written in the same transaction). */
  'case.assigned': {
    caseId: string;
    assignmentId: string;
    adviserId: string;
    method: string;
    assignedAt: string;
  };
  /** cases: a case was closed with a reason (its adviser, reminders and SME are dealt with in the same transaction). */
  'case.closed': {
    caseId: string;
    companyId: string;
    reason: string;
    stage: string;
    adviserId: string | null;
    closedById: string | null;
    closedAt: string;
  };
  /** cases: a closed case was reopened (given back to its adviser or assigned in the same transaction). */
  'case.reopened': {
    caseId: string;
    reason: string;
    previousAdviserId: string | null;
    reopenedById: string | null;
  };
  /** advisers: no adviser has room for the case (officers are notified in the same transaction). */
  'case.unassigned': { caseId: string; region: string; sector: string };
  /** advisers: an interaction was logged on the case. */
  'interaction.logged': {
    caseId: string;
    interactionId: string;
    adviserId: string | null;
    loggedById: string;
    kind: string;
    occurredOn: string;
    firstContact: boolean;
    nextStep: string | null;
    nextStepDue: string | null;
  };
  /** readiness: an audit was submitted and scored. */
  'audit.completed': {
    auditId: string;
    kind: string;
    questionnaireVersion: number;
    overall: number;
    stage: string;
    flaggedForReview: boolean;
    readyForNextStage: boolean;
    stageChanged: boolean;
  };
  /** progress: an export outcome was recorded. */
  'outcome.recorded': {
    outcomeId: string;
    kind: string;
    country: string | null;
    valueMinor: number | null;
    currency: string | null;
    occurredOn: string;
    confirmed: boolean;
  };
  /** progress: the case's export stage changed. */
  'stage.changed': {
    from: string;
    to: string;
    cause: string;
    reason: string | null;
    transitionId: string;
    refType: string | null;
    refId: string | null;
  };
  /** training: a module was booked (or a waitlisted place confirmed). */
  'training.booked': {
    caseId: string;
    bookingId: string;
    moduleCode: string;
    sessionId: string | null;
    dueAt: string;
    recommendationId: string | null;
  };
  /** training: a booking was cancelled. */
  'training.cancelled': { caseId: string; bookingId: string; moduleCode: string };
  /** training: a module was completed. */
  'training.completed': {
    caseId: string;
    bookingId: string;
    moduleId: string;
    moduleCode: string;
    recommendationId: string | null;
    completedAt: string;
    certificateCode: string | null;
  };
  /** enrolment: an ineligible applicant appealed. */
  'enrolment.appealed': { enrolmentId: string; companyId: string | null; userId: string };
  /** enrolment: a duplicate company was merged into another. */
  'company.merged': { fromCompanyId: string; intoCompanyId: string; caseIds: string[] };
  /** reporting: a row-level export was requested (the worker writes the file). */
  'report_export.requested': { exportId: string };
  /** follow-ups: a reminder step was planned (the worker queues its delayed job). */
  'follow-up.scheduled': { followUpId: string; step: number; dueAt: string };
  /** follow-ups: a follow-up was closed (the worker drops its pending jobs). */
  'follow-up.closed': { followUpId: string; outcome: 'done' | 'cancelled' };
  /** webhooks: an admin asked for a recorded delivery to be sent again (the worker queues it). */
  'webhook_delivery.replayed': { deliveryId: string; replay: number };
  /** messaging: a notification row was written (the relay queues its email delivery itself). */
  'notification.created': { notificationId: string };
}

export type EventName = keyof EventPayloads;

/** A handler is expected (the event waits for a worker that has one), or nobody handles it, and why. */
export type EventContract = { version: number } & (
  { handlers: 'expected' } | { handlers: 'none'; reason: string }
);

/** Version 1 of an event a worker handles: it waits until a worker that declares a handler takes it. */
const HANDLED: EventContract = { version: 1, handlers: 'expected' };

/** Version 1 of an event nobody handles: kept in the outbox for the record, for the reason given. */
const recordOnly = (why: string): EventContract => ({
  version: 1,
  handlers: 'none',
  reason: `kept for the record; ${why}`,
});

export const EVENT_CONTRACTS: { readonly [K in EventName]: EventContract } = {
  'case.opened': HANDLED,
  'case.assigned': recordOnly('the assignment schedules its follow-ups in its own transaction'),
  // The assignment, reminders, SME notice and survey change in the closing transaction; webhooks fan it out.
  'case.closed': HANDLED,
  'case.reopened': recordOnly('the case is given back or assigned in the same transaction'),
  'case.unassigned': recordOnly('officers are notified in the same transaction'),
  'interaction.logged': recordOnly('the follow-ups it settles change in the same transaction'),
  'audit.completed': HANDLED,
  'outcome.recorded': HANDLED,
  'stage.changed': HANDLED,
  'training.booked': recordOnly('its overdue reminder is scheduled in the same transaction'),
  'training.cancelled': recordOnly('its reminder is closed in the same transaction'),
  'training.completed': HANDLED,
  'enrolment.appealed': recordOnly('appeals are worked from the review queue'),
  'company.merged': recordOnly('the merge moves its cases in the same transaction'),
  'report_export.requested': HANDLED,
  'follow-up.scheduled': HANDLED,
  'follow-up.closed': HANDLED,
  'notification.created': HANDLED,
  'webhook_delivery.replayed': HANDLED,
};

export function isEventName(type: string): type is EventName {
  return Object.prototype.hasOwnProperty.call(EVENT_CONTRACTS, type);
}

/** The event types a handler is expected for, and those nobody handles (stamped processed at once). */
export function eventTypesBy(handlers: EventContract['handlers']): EventName[] {
  return (Object.keys(EVENT_CONTRACTS) as EventName[]).filter(
    (t) => EVENT_CONTRACTS[t].handlers === handlers,
  );
}
