import type { EventName, EventPayloads } from '@app/messaging';

/**
 * The domain events an integrator may subscribe to, each with the body `data` it is delivered with. Only
 * ids, codes and dates go out (no names, emails or free text: a receiver asks the API for more, under its
 * own token), so a delivery row never holds personal data that erasure would have to find.
 * Adding one: an event of the messaging registry (EventPayloads), its `data` here, and its schema in
 * webhooks.openapi.ts.
 */
export const WEBHOOK_EVENTS = [
  'case.opened',
  'case.closed',
  'stage.changed',
] as const satisfies readonly EventName[];
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export function isWebhookEvent(type: string): type is WebhookEventType {
  return (WEBHOOK_EVENTS as readonly string[]).includes(type);
}

export interface WebhookData {
  /** The event's payload without the names and the SME's account (the personal part). */
  'case.opened': Pick<
    EventPayloads['case.opened'],
    | 'caseId'
    | 'companyId'
    | 'enrolmentId'
    | 'stage'
    | 'region'
    | 'sector'
    | 'naceSection'
    | 'targetMarkets'
    | 'helpWanted'
    | 'language'
  >;
  /** Who closed it stays out (a person); the adviser's id is a record id an integrator may look up. */
  'case.closed': Pick<
    EventPayloads['case.closed'],
    'caseId' | 'companyId' | 'reason' | 'stage' | 'adviserId' | 'closedAt'
  >;
  'stage.changed': {
    caseId: string;
    from: string;
    to: string;
    cause: string;
    transitionId: string;
    refType: string | null;
    refId: string | null;
  };
}

/** What goes out for one outbox event: its public part only. */
export function webhookData<K extends WebhookEventType>(
  type: K,
  aggregateId: string,
  payload: EventPayloads[K],
): WebhookData[K] {
  const build: { [T in WebhookEventType]: (p: EventPayloads[T]) => WebhookData[T] } = {
    'case.opened': (p) => ({
      caseId: p.caseId,
      companyId: p.companyId,
      enrolmentId: p.enrolmentId,
      stage: p.stage,
      region: p.region,
      sector: p.sector,
      naceSection: p.naceSection,
      targetMarkets: p.targetMarkets,
      helpWanted: p.helpWanted,
      language: p.language,
    }),
    'case.closed': (p) => ({
      caseId: p.caseId,
      companyId: p.companyId,
      reason: p.reason,
      stage: p.stage,
      adviserId: p.adviserId,
      closedAt: p.closedAt,
    }),
    'stage.changed': (p) => ({
      caseId: aggregateId,
      from: p.from,
      to: p.to,
      cause: p.cause,
      transitionId: p.transitionId,
      refType: p.refType,
      refId: p.refId,
    }),
  };
  return (build[type] as (p: EventPayloads[K]) => WebhookData[K])(payload);
}

/** The JSON body of every delivery (the signature covers it byte for byte). */
export interface WebhookBody<K extends WebhookEventType = WebhookEventType> {
  /** The event's id: the same in every delivery and retry of this event (and in `Webhook-Id`). */
  id: string;
  type: K;
  /** The event's contract version. */
  version: number;
  occurredAt: string;
  data: WebhookData[K];
}
