import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NextFunction, Request, Response } from 'express';

type Json = Record<string, unknown>;

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  /** Literal segments first, so `/cases/unassigned` wins over `/cases/{id}`. */
  params: number;
  responses: Record<string, Json>;
}

/**
 * Operations that still answer a JSON body their document does not describe (no response schema yet),
 * listed so the debt is visible: an operation here is checked for its status and headers only, one not
 * here must document the schema of every JSON body it answers. Remove lines as the responses get DTOs.
 */
export const BODY_NOT_YET_DOCUMENTED = new Set<string>([]);

export interface ContractViolation {
  request: string;
  status: number;
  problem: string;
}

/**
 * OpenAPI 3.0's `nullable` as JSON Schema, which ajv reads without exceptions: `type: [t, 'null']` (and
 * `null` among an `enum`), or `anyOf [schema, null]` for a nullable `allOf`/`$ref`.
 */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json))
    out[key] = key === 'example' || key === 'examples' ? value : toJsonSchema(value);
  if (out.nullable !== true) return out;
  delete out.nullable;
  if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]).filter((v) => v !== null), null];
  const composed = ['allOf', 'anyOf', 'oneOf', '$ref'].some((k) => k in out);
  if (typeof out.type === 'string' && !composed) return { ...out, type: [out.type, 'null'] };
  return { anyOf: [out, { type: 'null' }] };
}

const escape = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** What checking against one document needs, compiled once per process and shared by its test apis. */
interface CompiledDocument {
  ajv: Ajv;
  operations: Operation[];
  /** ajv validators by schema pointer, compiled when an answer first needs one. */
  validators: Map<string, ValidateFunction>;
}

const compiledDocuments = new WeakMap<Json, CompiledDocument>();

function compileDocument(document: Json): CompiledDocument {
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  for (const format of ['binary', 'uri-reference']) ajv.addFormat(format, true);
  ajv.addSchema(toJsonSchema(document) as Json, 'openapi');
  const operations: Operation[] = [];
  const paths = document.paths as Record<string, Record<string, Json>>;
  for (const [template, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const source = template
        .split('/')
        .map((s) => (/^\{\w+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/');
      operations.push({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${source}$`),
        params: (template.match(/\{/g) ?? []).length,
        responses: (op.responses ?? {}) as Record<string, Json>,
      });
    }
  }
  operations.sort((a, b) => a.params - b.params);
  return { ajv, operations, validators: new Map() };
}

/**
 * Checks answers of the api against the OpenAPI document it serves: the status is documented for the
 * operation (or `2XX`/`default`), the content type is a documented one, the JSON body matches the
 * documented schema (ajv, OpenAPI 3.0 `nullable` included), and documented required headers are there.
 * Each test api has its own contract (its own violations); apis given the same document object share its
 * compiled schemas.
 */
export class ApiContract {
  private readonly ajv: Ajv;
  private readonly operations: Operation[];
  private readonly compiled: Map<string, ValidateFunction>;
  readonly violations: ContractViolation[] = [];

  constructor(private readonly document: Json) {
    let compiled = compiledDocuments.get(document);
    if (!compiled) {
      compiled = compileDocument(document);
      compiledDocuments.set(document, compiled);
    }
    this.ajv = compiled.ajv;
    this.operations = compiled.operations;
    this.compiled = compiled.validators;
  }

  find(method: string, path: string): Operation | undefined {
    return this.operations.find((o) => o.method === method && o.pattern.test(path));
  }

  private resolve(response: Json): Json {
    const ref = response.$ref as string | undefined;
    if (!ref) return response;
    const name = ref.replace('#/components/responses/', '');
    return ((this.document.components as Json).responses as Record<string, Json>)[name];
  }

  /** The problems with one answer; none when it is what the document says. */
  check(
    method: string,
    path: string,
    status: number,
    headers: Record<string, string | string[] | number | undefined>,
    body: Buffer,
  ): string[] {
    const op = this.find(method, path);
    if (!op) return [];
    const code = String(status);
    const key = [code, `${code[0]}XX`, 'default'].find((k) => op.responses[k]);
    if (!key) return [`status ${status} is not documented for ${op.method} ${op.template}`];
    const response = this.resolve(op.responses[key]);
    const problems: string[] = [];
    for (const [name, header] of Object.entries((response.headers ?? {}) as Record<string, Json>)) {
      if (header.required && headers[name.toLowerCase()] === undefined)
        problems.push(`header ${name} is documented as required but missing`);
    }
    const content = response.content as Record<string, Json> | undefined;
    const type = String(headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    if (!content) {
      if (body.length > 0 && !BODY_NOT_YET_DOCUMENTED.has(`${op.method} ${op.template}`))
        problems.push(`a ${type || 'body'} answer where the document describes none (${key})`);
      return problems;
    }
    if (body.length === 0 && status !== 204) {
      // A documented body that did not come (HEAD-like answers are not sent by the api).
      return [...problems, `no body, but the document describes ${Object.keys(content).join(', ')}`];
    }
    const mediaKey = Object.keys(content).find(
      (m) => m === type || m === '*/*' || (m.endsWith('/*') && type.startsWith(m.slice(0, -1))),
    );
    if (!mediaKey)
      return [...problems, `content type ${type} is not one of ${Object.keys(content).join(', ')}`];
    if (!/json$/.test(mediaKey) || !content[mediaKey].schema) return problems;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return [...problems, 'the body is not JSON'];
    }
    const pointer = `openapi#/paths/${escape(op.template)}/${op.method.toLowerCase()}/responses/${key}/content/${escape(mediaKey)}/schema`;
    const ref = op.responses[key].$ref as string | undefined;
    const schemaRef = ref
      ? `openapi#/components/responses/${ref.split('/').pop()}/content/${escape(mediaKey)}/schema`
      : pointer;
    let validate = this.compiled.get(schemaRef);
    if (!validate) {
      validate = this.ajv.compile({ $ref: schemaRef });
      this.compiled.set(schemaRef, validate);
    }
    if (!validate(parsed)) {
      const errors = (validate.errors ?? [])
        .slice(0, 5)
        .map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''}`.trim());
      problems.push(`body does not match the documented schema: ${errors.join('; ')}`);
    }
    return problems;
  }

  /**
   * Express middleware: records every /api/v1 answer and checks it when it is sent. Mount it before
   * everything else so it sees the final status, headers and bytes.
   */
  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      if (!req.path.startsWith('/api/v1/')) return next();
      const chunks: Buffer[] = [];
      let size = 0;
      const keep = (chunk: unknown, encoding?: unknown): void => {
        if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
        const buffer = Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(
              chunk as string,
              typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
            );
        size += buffer.length;
        if (size <= 5_000_000) chunks.push(buffer);
      };
      const write = res.write.bind(res) as (...args: unknown[]) => boolean;
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      res.write = ((...args: unknown[]) => {
        keep(args[0], args[1]);
        return write(...args);
      }) as Response['write'];
      res.end = ((...args: unknown[]) => {
        keep(args[0], args[1]);
        return end(...args);
      }) as Response['end'];
      const method = req.method;
      const path = req.path;
      const url = req.originalUrl;
      res.on('finish', () => {
        if (size > 5_000_000) return;
        try {
          const problems = this.check(method, path, res.statusCode, res.getHeaders(), Buffer.concat(chunks));
          for (const problem of problems)
            this.violations.push({ request: `${method} ${url}`, status: res.statusCode, problem });
        } catch (error) {
          this.violations.push({
            request: `${method} ${url}`,
            status: res.statusCode,
            problem: String(error),
          });
        }
      });
      next();
    };
  }

  /** Throws listing every answer that broke the contract (called when a test api closes), one line per
   * kind of break (operation, status, problem) with an example request and how often it happened. */
  assertNoViolations(): void {
    if (this.violations.length === 0) return;
    const kinds = new Map<string, { example: string; count: number }>();
    for (const v of this.violations) {
      const [method, url] = v.request.split(' ');
      const op = this.find(method, url.split('?')[0]);
      const key = `${op ? `${op.method} ${op.template}` : v.request} → ${v.status}: ${v.problem.replace(/\/items\/\d+/g, '/items/N')}`;
      const kind = kinds.get(key) ?? { example: v.request, count: 0 };
      kind.count += 1;
      kinds.set(key, kind);
    }
    const lines = [...kinds.entries()]
      .map(([key, { example, count }]) => `  ${key} (${count}×, e.g. ${example.slice(0, 120)})`)
      .join('\n');
    throw new Error(`${this.violations.length} answer(s) of the api broke its OpenAPI document:\n${lines}`);
  }
}
