/**
 * Messaging's own Bull queues. Names are part of Redis keys (`<prefix>:bull:<name>:…`), so renaming one
 * orphans its jobs.
 */
export const EVENTS_QUEUE = 'events';
export const NOTIFICATIONS_QUEUE = 'notifications';

/** Job names inside those queues. */
export const DISPATCH_EVENT_JOB = 'dispatch';
export const DELIVER_NOTIFICATION_JOB = 'deliver';
