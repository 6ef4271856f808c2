/** The part of an OpenAPI 3 document the fuzzer reads. */
export interface Schema {
  $ref?: string;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  nullable?: boolean;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  example?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: string;
  /** The path template, e.g. /api/v1/cases/{id}/audits/{auditId}. */
  path: string;
  id: string;
  roles?: string[];
  parameters: Parameter[];
  /** The JSON body's schema, dereferenced at the top; undefined when the operation takes no body. */
  body?: Schema;
}

export interface Document {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Follows `$ref` (and a lone `allOf`, which Nest emits for a described $ref) to the schema it names. */
export function deref(doc: Document, schema: Schema | undefined): Schema {
  let current: Schema = schema ?? {};
  for (let i = 0; i < 20; i++) {
    if (current.$ref) {
      const name = current.$ref.replace('#/components/schemas/', '');
      const target = doc.components?.schemas?.[name];
      if (!target) throw new Error(`unknown schema ${current.$ref}`);
      const { $ref: _ref, ...rest } = current;
      current = { ...target, ...rest };
    } else if (current.allOf?.length === 1) {
      const { allOf, ...rest } = current;
      current = { ...deref(doc, allOf[0]), ...rest };
    } else {
      return current;
    }
  }
  throw new Error('$ref cycle');
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operations(doc: Document): Operation[] {
  const found: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const op = raw as {
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
        'x-roles'?: string[];
      };
      const json = op.requestBody?.content?.['application/json'];
      found.push({
        method: method.toUpperCase(),
        path,
        id: `${method.toUpperCase()} ${path}`,
        roles: op['x-roles'],
        parameters: op.parameters ?? [],
        body: json ? deref(doc, json.schema) : undefined,
      });
    }
  }
  return found;
}
