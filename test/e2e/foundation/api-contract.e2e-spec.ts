import { allErrorCodes } from '@app/errors';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { type Json } from '../../support/http';
import { startTestApi, type TestApi } from '../../support/test-api';

jest.setTimeout(120_000);

/**
 * The object properties that are free-form on purpose: `additionalProperties: true` and a description that
 * says so. Any other `type: object` must name its properties (or type its values with additionalProperties).
 */
const FREE_FORM_OBJECTS = [
  // Audit trail: each action records the fields it changed, so the snapshot has no one shape.
  'AuditEventResponse.before',
  'AuditEventResponse.after',
  // Company activity: the payload of a timeline entry, email or record, with fields of its own per kind.
  'ActivityItemResponse.data',
];

/** `type: object` schemas that say nothing of their members, as `<where>.<property>` (or a JSON pointer). */
function bareObjects(node: unknown, where: string, found: Map<string, Json>): Map<string, Json> {
  if (Array.isArray(node)) node.forEach((n, i) => bareObjects(n, `${where}/${i}`, found));
  if (!node || typeof node !== 'object' || Array.isArray(node)) return found;
  const schema = node as Json;
  const typedValues =
    typeof schema.additionalProperties === 'object' && Object.keys(schema.additionalProperties).length > 0;
  const composed = ['$ref', 'allOf', 'anyOf', 'oneOf'].some((k) => k in schema);
  if (schema.type === 'object' && !schema.properties && !typedValues && !composed) found.set(where, schema);
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'example' || key === 'examples') continue;
    const name = /^\/components\/schemas\/(\w+)\/properties$/.exec(where)?.[1];
    bareObjects(value, name ? `${name}.${key}` : `${where}/${key}`, found);
  }
  return found;
}

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * The served OpenAPI document is the API's contract: it lints with Redocly's recommended rules with no
 * error, it describes every /api/v1 route the app registers (and no route that is not there), and every
 * operation documents its success answer and its problem+json errors. (Each e2e suite's answers are
 * checked against it by test/support/api-contract.ts.)
 */
describe('the OpenAPI document', () => {
  let api: TestApi;
  let doc: Json;

  beforeAll(async () => {
    api = await startTestApi();
    doc = (await (await fetch(`${api.url}/api/docs-json`)).json()) as Json;
  });
  afterAll(() => api?.close());

  it('lints with Redocly (recommended rules) with no error', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: '/openapi.json',
      config,
    });
    const errors = problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`);
    expect(errors).toEqual([]);
  });

  it('describes exactly the /api/v1 routes the app registers', () => {
    const router = (api.app.getHttpAdapter().getInstance() as { router: { stack: RouteLayer[] } }).router;
    const registered = new Set<string>();
    for (const layer of router.stack) {
      if (!layer.route?.path.startsWith('/api/v1/')) continue;
      for (const method of Object.keys(layer.route.methods))
        registered.add(`${method.toUpperCase()} ${layer.route.path.replace(/:(\w+)/g, '{$1}')}`);
    }
    const documented = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>))
      for (const method of Object.keys(item))
        if (['get', 'post', 'put', 'patch', 'delete'].includes(method))
          documented.add(`${method.toUpperCase()} ${path}`);
    expect(registered.size).toBeGreaterThan(50);
    expect([...registered].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !registered.has(r))).toEqual([]);
  });

  it('gives every operation a success answer, problem+json errors and its security', () => {
    const missing: string[] = [];
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
      for (const [method, op] of Object.entries(item as Record<string, Json>)) {
        const statuses = Object.keys(op.responses as Json);
        const id = `${method.toUpperCase()} ${path}`;
        if (!statuses.some((s) => /^2/.test(s))) missing.push(`${id}: no 2xx`);
        for (const status of ['400', '500', '503'])
          if (!statuses.includes(status)) missing.push(`${id}: no ${status}`);
        if (!Array.isArray(op.security)) missing.push(`${id}: no security`);
        if (op.security.length && !statuses.includes('401')) missing.push(`${id}: no 401`);
      }
    }
    expect(missing).toEqual([]);
    const problem = doc.components.responses.Problem422.content['application/problem+json'].schema;
    expect(problem).toEqual({ $ref: '#/components/schemas/Problem' });
    expect(Object.keys(doc.components.schemas.Problem.properties as Json)).toEqual(
      expect.arrayContaining([
        'type',
        'title',
        'status',
        'detail',
        'instance',
        'code',
        'requestId',
        'errors',
      ]),
    );
    // A problem's `code` is one of the registry's (libs/errors/src/error-codes.ts), so answers are checked.
    expect(doc.components.schemas.Problem.properties.code.enum).toEqual(allErrorCodes());
    // The public routes need no token; the KPI report documents its filters one by one.
    expect(doc.paths['/api/v1/auth/token'].post.security).toEqual([]);
    const kpiQuery = (doc.paths['/api/v1/reports/kpis'].get.parameters as Json[]).map((p) => p.name);
    expect(kpiQuery).toEqual(expect.arrayContaining(['from', 'to', 'region', 'sector', 'adviserId']));
  });

  it('types every object it can: only the listed free-form properties are bare objects', () => {
    const sample = {
      components: { schemas: { X: { type: 'object', properties: { a: { type: 'object' } } } } },
    };
    expect([...bareObjects(sample, '', new Map()).keys()]).toEqual(['X.a']);
    const bare = bareObjects(doc, '', new Map());
    expect([...bare.keys()].sort()).toEqual([...FREE_FORM_OBJECTS].sort());
    for (const name of FREE_FORM_OBJECTS) {
      expect(bare.get(name)).toMatchObject({ additionalProperties: true });
      expect(String(bare.get(name)?.description)).toMatch(/free-form/i);
    }
    // The export's answer says what it was asked with, in the terms of the KPI filters.
    const filters = doc.components.schemas.ReportExportResponse.properties.filters as Json;
    expect(JSON.stringify(filters)).toContain('#/components/schemas/ReportExportFilters');
    expect(Object.keys(doc.components.schemas.ReportExportFilters.properties as Json)).toEqual(
      expect.arrayContaining(['format', 'from', 'to', 'region', 'sector', 'adviserId', 'includeContact']),
    );
  });

  it('checks answers against it: an undocumented status or a body off its schema is a violation', () => {
    const { contract } = api;
    const body = Buffer.from(JSON.stringify({ type: 'about:blank', title: 'Teapot', status: 418 }));
    const json = { 'content-type': 'application/problem+json' };
    expect(contract.check('GET', '/api/v1/me', 418, json, body)).toEqual([
      'status 418 is not documented for GET /api/v1/me',
    ]);
    const bad = Buffer.from(JSON.stringify({ title: 'Not Found', status: '404' }));
    expect(contract.check('GET', '/api/v1/cases/abc', 404, json, bad).join()).toMatch(
      /does not match the documented schema: .*type/,
    );
    expect(
      contract.check(
        'GET',
        '/api/v1/cases/abc',
        404,
        json,
        Buffer.from(JSON.stringify({ ...JSON.parse(body.toString()), status: 404 })),
      ),
    ).toEqual([]);
  });
});
