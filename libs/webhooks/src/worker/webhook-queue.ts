/** The Bull queue of deliveries (its name is part of Redis keys: renaming it orphans queued jobs). */
export const WEBHOOKS_QUEUE = 'webhooks';
export const DELIVER_WEBHOOK_JOB = 'deliver';
export const WEBHOOKS_SWEEP_JOB = 'sweep';

export interface DeliverWebhookJob {
  deliveryId: string;
}

/** One job per delivery and replay: a second enqueue of the same work while it is queued adds nothing. */
export function deliveryJobId(deliveryId: string, replay: number): string {
  return `webhook:${deliveryId}:${replay}`;
}
