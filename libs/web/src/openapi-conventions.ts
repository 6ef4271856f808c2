import { allErrorCodes } from '@app/errors';
import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtension, ApiHeader, ApiOkResponse, type OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;
const PROBLEM_REF = '#/components/schemas/Problem';

/**
 * RFC 9457 problem details as ProblemDetailsFilter writes them: `code` is the stable machine code (one of
 * the registry in @app/errors, listed in docs/api.md), `errors` the field list of a 400/422. Some problems
 * carry extra members (e.g. `retryAfter`).
 */
export const PROBLEM_SCHEMA: Json = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: {
      type: 'string',
      example: 'urn:problem:validation_failed',
      description: '`urn:problem:<code>`, or `about:blank` when the status says it all',
    },
    title: { type: 'string', example: 'Bad Request', description: 'The HTTP reason phrase' },
    status: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
    detail: { type: 'string', example: 'The request has invalid fields' },
    instance: { type: 'string', example: '/api/v1/cases?limit=0', description: 'The request path' },
    requestId: { type: 'string', example: 'b1f0c6de-3b8a-4c71-9a49-0f3f5f1d2c77' },
    code: {
      type: 'string',
      enum: allErrorCodes(),
      example: 'validation_failed',
      description: 'Stable error code: one of these, never reused with another meaning (docs/api.md)',
    },
    errors: {
      type: 'array',
      description: 'The fields at fault (400 validation, some 422 rules)',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string', example: 'company.registrationNumber' },
          message: { type: 'string', example: 'registrationNumber must be 8 characters' },
          code: { type: 'string', example: 'isLength' },
        },
      },
    },
  },
  additionalProperties: true,
};

const REASONS: Record<string, string> = {
  '400': 'Invalid request: malformed JSON, unknown or invalid fields, query or headers (`validation_failed`)',
  '401': 'No valid bearer token',
  '403': 'Authenticated, but not allowed to do this (CSRF or a rule about who may act)',
  '404': 'No such record, or not one the caller may see (never 403 for records of others)',
  '409': 'Conflicts with the current state: a stale version (send the ETag you saw) or a request in flight',
  '410': 'Gone: the link or token has expired or was used already',
  '413': 'The body is larger than 100 kB (any route: bodies are read before routing)',
  '415': 'The body is not JSON (any route: bodies are read before routing)',
  '422': 'Well-formed, but a business rule refuses it (the `code` says which)',
  '429': 'Too many requests: wait for Retry-After seconds',
  '500': 'Unexpected error (logged with the requestId)',
  '503':
    'The database is busy or out of reach (`service_busy`), or a report is being prepared in the background (`report.being_prepared`): retry after Retry-After seconds',
};

const RETRY_AFTER = {
  description: 'Seconds to wait before trying again',
  schema: { type: 'integer', minimum: 0 },
};

const ETAG = {
  required: true,
  description: 'The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change',
  schema: { type: 'string', example: '"7"' },
};

const problem = (status: string): Json => ({
  description: REASONS[status] ?? 'Error',
  ...(status === '429' || status === '503' ? { headers: { 'Retry-After': RETRY_AFTER } } : {}),
  content: { 'application/problem+json': { schema: { $ref: PROBLEM_REF } } },
});

/** Adds error statuses to the operation beyond those the conventions add (e.g. 429 on a throttled route). */
export const ApiProblems = (...statuses: number[]): MethodDecorator & ClassDecorator =>
  ApiExtension('x-problems', statuses);

/** The route reads If-Match (the record version the change is based on; a stale one is a 409). */
export const ApiConditional = (): MethodDecorator & ClassDecorator =>
  ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The version from the ETag you read, e.g. `"7"` (or the `version` body field)',
    schema: { type: 'string', maxLength: 20, example: '"7"' },
  });

/** A 200 whose body is a file of one of these media types (an attachment). */
export const ApiFile = (description: string, ...mediaTypes: string[]): MethodDecorator & ClassDecorator =>
  ApiOkResponse({
    description,
    content: Object.fromEntries(mediaTypes.map((m) => [m, { schema: { type: 'string', format: 'binary' } }])),
  });

/** The success answer carries the record's version in ETag (checked by the e2e contract: required). */
export const ApiETag = (): MethodDecorator & ClassDecorator => ApiExtension('x-etag', true);

/** Answers one record of `type` (200) with its version in ETag. */
export const ApiRecord = (type: Type<unknown>): MethodDecorator =>
  applyDecorators(ApiETag(), ApiOkResponse({ type }));

/** Changes a record based on the version in If-Match and answers it (200) with its new version in ETag. */
export const ApiRecordChange = (type: Type<unknown>): MethodDecorator =>
  applyDecorators(ApiETag(), ApiConditional(), ApiOkResponse({ type }));

const WRITES = ['post', 'put', 'patch', 'delete'];

/** `CasesController_logInteraction` → `Log interaction (cases)`, for operations without an @ApiOperation. */
function summaryOf(operationId: string | undefined, method: string, path: string): string {
  const match = /^(\w+?)Controller_(\w+)$/.exec(operationId ?? '');
  if (!match) return `${method.toUpperCase()} ${path}`;
  const words = match[2].replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const area = match[1].replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return `${words[0].toUpperCase()}${words.slice(1)} (${area})`;
}

/**
 * The conventions every /api/v1 operation shares, written into the served document: the Problem schema and
 * the error responses an operation can give (problem+json), Retry-After, ETag and Location headers.
 * An operation's own error responses win. See docs/api.md.
 */
export function documentApiConventions(document: OpenAPIObject): OpenAPIObject {
  const doc = document as unknown as {
    paths: Record<string, Record<string, Json>>;
    components?: { schemas?: Json; responses?: Json };
  };
  const shared: Json = {};
  for (const status of Object.keys(REASONS)) shared[`Problem${status}`] = problem(status);
  doc.components = {
    ...doc.components,
    schemas: { ...doc.components?.schemas, Problem: PROBLEM_SCHEMA },
    responses: { ...doc.components?.responses, ...shared },
  };
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!['get', ...WRITES].includes(method)) continue;
      const responses = (op.responses ?? {}) as Record<string, Json>;
      const params = (op.parameters ?? []) as { in: string; name: string }[];
      // Every route needs the bearer token but those marked @Public() (the guard is global).
      op.security = op['x-public'] ? [] : [{ bearer: [] }];
      const secured = !op['x-public'];
      op.summary ??= summaryOf(op.operationId as string | undefined, method, path);
      // Bodies are read (and refused: too large, not JSON) before any route, so 413 and 415 apply to all.
      const statuses = new Set<string>(['400', '413', '415', '500', '503']);
      if (secured) ['401', '403', '404'].forEach((s) => statuses.add(s));
      if (params.some((p) => p.in === 'path')) statuses.add('404');
      if (WRITES.includes(method)) ['409', '422'].forEach((s) => statuses.add(s));
      for (const s of (op['x-problems'] as number[] | undefined) ?? []) statuses.add(String(s));
      for (const status of statuses)
        responses[status] ??= { $ref: `#/components/responses/Problem${status}` };
      for (const [status, response] of Object.entries(responses)) {
        if (!/^2/.test(status)) continue;
        const headers = { ...(response.headers as Json | undefined) };
        if (op['x-etag']) headers.ETag = ETAG;
        if (status === '201' && method === 'post')
          headers.Location ??= {
            description: 'Where the created record is read, when it has its own address',
            schema: { type: 'string', format: 'uri-reference' },
          };
        if (params.some((p) => p.name.toLowerCase() === 'idempotency-key'))
          headers['Idempotent-Replayed'] = {
            description: '`true` when this is the stored answer to an earlier request with the same key',
            schema: { type: 'string', enum: ['true'] },
          };
        if (Object.keys(headers).length) response.headers = headers;
      }
      delete op['x-problems'];
      delete op['x-public'];
      delete op['x-etag'];
      op.responses = responses;
    }
  }
  return document;
}
