import type { OpenAPIObject } from '@nestjs/swagger';
import { WEBHOOK_EVENTS, type WebhookEventType } from './domain/webhook-events';

type Schema = Record<string, unknown>;

const uuid = { type: 'string', format: 'uuid' };
const code = (example: string, description?: string): Schema => ({
  type: 'string',
  example,
  ...(description ? { description } : {}),
});

/** The `data` of each event, as WebhookData in domain/webhook-events.ts has it. */
const DATA: Record<WebhookEventType, Schema> = {
  'case.opened': {
    type: 'object',
    additionalProperties: false,
    required: [
      'caseId',
      'companyId',
      'enrolmentId',
      'stage',
      'region',
      'sector',
      'naceSection',
      'targetMarkets',
      'helpWanted',
      'language',
    ],
    properties: {
      caseId: uuid,
      companyId: uuid,
      enrolmentId: uuid,
      stage: code('non_exporter', 'Export stage at opening'),
      region: code('north_east'),
      sector: code('C10', 'NACE Rev. 2 code'),
      naceSection: code('C'),
      targetMarkets: { type: 'array', items: code('DE', 'ISO 3166-1 alpha-2') },
      helpWanted: { type: 'array', items: code('market_research') },
      language: { type: 'string', enum: ['en', 'es', 'de'] },
    },
  },
  'case.closed': {
    type: 'object',
    additionalProperties: false,
    required: ['caseId', 'companyId', 'reason', 'stage', 'adviserId', 'closedAt'],
    properties: {
      caseId: uuid,
      companyId: uuid,
      reason: code('support-completed', 'Closure reason code (config/case-closure.yaml)'),
      stage: code('proactive_exporter', 'Export stage at closure'),
      adviserId: { ...uuid, nullable: true, description: "The case's adviser as the closing left it" },
      closedAt: { type: 'string', format: 'date-time' },
    },
  },
  'stage.changed': {
    type: 'object',
    additionalProperties: false,
    required: ['caseId', 'from', 'to', 'cause', 'transitionId', 'refType', 'refId'],
    properties: {
      caseId: uuid,
      from: code('passive_exporter'),
      to: code('proactive_exporter'),
      cause: code('audit', 'What moved it: an audit, an outcome, an adviser’s decision'),
      transitionId: uuid,
      refType: { type: 'string', nullable: true, example: 'readiness_audit' },
      refId: { type: 'string', nullable: true, example: null },
    },
  },
};

const SUMMARY: Record<WebhookEventType, string> = {
  'case.opened': 'An eligible enrolment opened a case',
  'case.closed': 'A case was closed with a reason',
  'stage.changed': "A case's export stage changed",
};

const schemaName = (type: WebhookEventType): string =>
  `Webhook${type
    .split(/[._-]/)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('')}`;

function bodySchema(type: WebhookEventType): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'type', 'version', 'occurredAt', 'data'],
    properties: {
      id: { ...uuid, description: 'The event id; equals the Webhook-Id header. De-duplicate on it.' },
      type: { type: 'string', enum: [type] },
      version: { type: 'integer', minimum: 1, description: "The event contract's version" },
      occurredAt: { type: 'string', format: 'date-time' },
      data: DATA[type],
    },
  };
}

const HEADERS: Schema[] = [
  {
    name: 'webhook-id',
    in: 'header',
    required: true,
    description: 'The event id: the same on every retry and replay of this event (de-duplicate on it)',
    schema: uuid,
  },
  {
    name: 'webhook-timestamp',
    in: 'header',
    required: true,
    description: 'Unix seconds when this attempt was signed; refuse one far from your clock',
    schema: { type: 'string', pattern: '^[0-9]+$' },
  },
  {
    name: 'webhook-signature',
    in: 'header',
    required: true,
    description:
      '`v1,` + base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>` under the endpoint ' +
      'secret (the base64 after `whsec_`), as in the Standard Webhooks specification',
    schema: { type: 'string', pattern: '^v1,[A-Za-z0-9+/=]+( v1,[A-Za-z0-9+/=]+)*$' },
  },
];

/**
 * Adds the event payloads to the served document: a schema per event under components, and one operation
 * per event in `webhooks` (OpenAPI 3.1) or, for the 3.0 document @nestjs/swagger writes by default,
 * `x-webhooks` (the extension Redoc and Redocly read). A receiver answers 2xx to acknowledge; anything
 * else, or no answer within the timeout, is retried with exponential backoff.
 */
export function documentWebhooks(document: OpenAPIObject): OpenAPIObject {
  const schemas: Record<string, Schema> = { ...(document.components?.schemas ?? {}) } as Record<
    string,
    Schema
  >;
  const operations: Record<string, Schema> = {};
  for (const type of WEBHOOK_EVENTS) {
    const name = schemaName(type);
    schemas[name] = bodySchema(type);
    operations[type] = {
      post: {
        operationId: `webhook_${type.replace(/\W/g, '_')}`,
        summary: SUMMARY[type],
        tags: ['webhooks'],
        // The receiver checks the signature headers; no bearer token is sent.
        security: [],
        parameters: HEADERS,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
        },
        responses: {
          '2XX': { description: 'Acknowledged: not sent again (unless an admin replays it)' },
          default: { description: 'Not acknowledged: retried with exponential backoff' },
        },
      },
    };
  }
  const key = document.openapi.startsWith('3.0') ? 'x-webhooks' : 'webhooks';
  return {
    ...document,
    components: { ...document.components, schemas: schemas as never },
    [key]: operations,
  } as OpenAPIObject;
}
