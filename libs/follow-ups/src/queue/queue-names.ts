/** The Bull queues. Names are part of Redis keys (`<prefix>:bull:<name>:…`), so renaming one orphans its jobs. */
export const EVENTS_QUEUE = 'events';
export const FOLLOW_UPS_QUEUE = 'follow-ups';
export const NOTIFICATIONS_QUEUE = 'notifications';
export const ALL_QUEUES = [EVENTS_QUEUE, FOLLOW_UPS_QUEUE, NOTIFICATIONS_QUEUE] as const;

/** Job names inside those queues. */
export const DISPATCH_EVENT_JOB = 'dispatch';
export const FIRE_FOLLOW_UP_JOB = 'fire';
export const DELIVER_NOTIFICATION_JOB = 'deliver';
