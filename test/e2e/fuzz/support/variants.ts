import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { deref, type Document, type Operation, type Parameter, type Schema } from './openapi';

/**
 * Malformed requests built from an operation of the OpenAPI document. A request starts as a plausible one
 * (real path parameters, a body shaped like the schema) and gets one to three mutations. A mutation is
 * *definite* when the document itself says the result is wrong (a wrong type, null where not nullable, a
 * missing required field, a value past its bounds, …) or when it breaks a rule the API keeps for every
 * request (JSON only, at most 32 levels deep, no NUL or lone surrogates, honest Content-Encoding, 100 kB):
 * the answer must then be a 4xx. Other mutations (an unknown query parameter, a long free-text filter)
 * may be accepted; they must still never cause a 5xx.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Numbers JSON.stringify cannot write (1e400 parses to Infinity): spliced into the text afterwards. */
const RAW_NUMBER = '\u0001raw:';

export interface Draft {
  /** Raw (already percent-encoded) value of each path parameter. */
  path: Record<string, string>;
  query: [string, string][];
  headers: Record<string, string>;
  /** The JSON body, or undefined for none. */
  body?: Json;
  /** Serialised body instead of `body` (malformed JSON, a form, …). */
  raw?: Buffer;
  contentType?: string;
  /** Really compress the body with this encoding (and say so). */
  compress?: 'gzip' | 'br' | 'deflate';
  /** A Content-Encoding header that does not match the body. */
  encodingHeader?: string;
  notes: string[];
  definite: boolean;
}

export interface Mutation {
  definite: boolean;
  /** Transport mutations decide how the body is sent; a variant has at most one. */
  transport?: boolean;
  label: string;
  apply(draft: Draft): void;
}

export interface Request {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  notes: string[];
  definite: boolean;
}

// ---------------------------------------------------------------- values that fit a schema

/** A value the schema allows, for building the plausible starting request. */
function sample(doc: Document, input: Schema | undefined, depth = 0): Json {
  const schema = deref(doc, input);
  if (schema.example !== undefined && typeof schema.example !== 'object') return schema.example as Json;
  if (schema.enum?.length) return schema.enum[0] as Json;
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date') return '2025-06-02';
      if (schema.format === 'date-time') return '2027-03-02T10:00:00Z';
      if (schema.format === 'uri') return 'https://example.org/x';
      if (schema.format === 'email') return 'someone@example.org';
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(doc, schema.items, depth + 1));
    default: {
      if (Array.isArray(schema.example)) return schema.example as Json;
      const out: Record<string, Json> = {};
      if (depth < 5)
        for (const key of schema.required ?? []) out[key] = sample(doc, schema.properties?.[key], depth + 1);
      return out;
    }
  }
}

/** Which JSON types the schema accepts (a missing type accepts anything). */
function jsonTypes(schema: Schema): Set<string> | undefined {
  if (!schema.type) return undefined;
  const types = new Set<string>([schema.type === 'integer' ? 'number' : schema.type]);
  if (schema.nullable) types.add('null');
  return types;
}

const typeOf = (value: Json): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/**
 * Values of a JSON type the schema does not accept. HTML forms share the DTOs and can only send text, so
 * the API reads a numeric string as a number, "true"/"false" as booleans and a lone value as a one-item
 * list: those are not wrong types here.
 */
function wrongTypes(schema: Schema): fc.Arbitrary<Json> {
  const accepted = jsonTypes(schema) ?? new Set(['string', 'number', 'boolean', 'array', 'object', 'null']);
  const candidates: fc.Arbitrary<Json>[] = [];
  const itemType = schema.items ? jsonTypes(schema.items) : undefined;
  if (!accepted.has('string') && !(schema.type === 'array' && itemType?.has('string')))
    candidates.push(
      schema.type === 'number' || schema.type === 'integer' || schema.type === 'boolean'
        ? fc.constantFrom('abc', '', ' ', 'null', '1,5', '[]')
        : fc.string({ maxLength: 20 }),
    );
  if (!accepted.has('number') && !(schema.type === 'array' && itemType?.has('number')))
    candidates.push(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })));
  if (!accepted.has('boolean') && !(schema.type === 'array' && itemType?.has('boolean')))
    candidates.push(fc.boolean());
  if (!accepted.has('array'))
    candidates.push(fc.array(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { maxLength: 3 }));
  if (!accepted.has('object') && schema.type !== 'array')
    candidates.push(
      fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, {
        maxKeys: 3,
      }),
    );
  if (schema.type === 'array') candidates.push(fc.constant({ length: 1, 0: 'x' }));
  return fc.oneof(...candidates).filter((v) => !accepted.has(typeOf(v)));
}

/** Deeply nested arrays or objects: past the 32-level cap, or within it (still the wrong shape). */
const deepValue: fc.Arbitrary<{ value: Json; depth: number }> = fc
  .record({
    depth: fc.oneof(fc.integer({ min: 33, max: 3000 }), fc.integer({ min: 6, max: 32 })),
    objects: fc.boolean(),
  })
  .map(({ depth, objects }) => {
    let value: Json = 1;
    for (let i = 0; i < depth; i++) value = objects ? { a: value } : [value];
    return { value, depth };
  });

/** Text PostgreSQL cannot store: NUL or a lone UTF-16 surrogate somewhere in an otherwise fine string. */
const unsafeText: fc.Arbitrary<string> = fc
  .tuple(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff', '\ud800\ud800', 'x\u0000\u0000'),
    fc.string({ maxLength: 12 }),
  )
  .map(([a, bad, b]) => `${a}${bad}${b}`);

const numberString = (value: number | string): string => (typeof value === 'string' ? value : String(value));

/** Numbers out of every sane range (1e400 reaches the server as Infinity), and fractions for integers. */
function hugeNumbers(schema: Schema): fc.Arbitrary<{ value: Json; definite: boolean }> {
  const values: (number | string)[] = [
    1e300,
    -1e300,
    2 ** 63,
    -(2 ** 63),
    2 ** 53 + 2,
    2 ** 31,
    -(2 ** 31) - 1,
    `${RAW_NUMBER}1e400`,
    `${RAW_NUMBER}-1e400`,
  ];
  if (schema.type === 'integer') values.push(0.5, 1.000001, -2.5);
  if (schema.maximum !== undefined) values.push(schema.maximum + 1);
  if (schema.minimum !== undefined) values.push(schema.minimum - 1);
  return fc.constantFrom(...values).map((value) => {
    const numeric = typeof value === 'number' ? value : value.endsWith('-1e400') ? -Infinity : Infinity;
    const definite =
      !Number.isFinite(numeric) ||
      Math.abs(numeric) > 2 ** 53 ||
      (schema.type === 'integer' && !Number.isInteger(numeric)) ||
      (schema.maximum !== undefined && numeric > schema.maximum) ||
      (schema.minimum !== undefined && numeric < schema.minimum);
    return { value: value as Json, definite };
  });
}

// ---------------------------------------------------------------- where in the body

interface Slot {
  /** Keys and array indexes from the body's root. */
  at: (string | number)[];
  schema: Schema;
  required: boolean;
}

/** Every property of the body (nested objects and the first item of arrays included), down to 4 levels. */
function slots(doc: Document, root: Schema): { slots: Slot[]; objects: Slot[] } {
  const found: Slot[] = [];
  const objects: Slot[] = [];
  const walk = (schema: Schema, at: (string | number)[], depth: number): void => {
    if (depth > 4) return;
    const s = deref(doc, schema);
    if (s.type === 'array' && s.items) {
      const items = deref(doc, s.items);
      found.push({ at: [...at, 0], schema: items, required: false });
      walk(items, [...at, 0], depth + 1);
    }
    if (typeof s.additionalProperties === 'object') {
      // A map (question code → answer): one entry, under the key the document's example uses.
      const key = Object.keys((s.example as object | undefined) ?? {})[0] ?? 'key';
      found.push({ at: [...at, key], schema: deref(doc, s.additionalProperties), required: false });
    }
    if (s.properties) {
      objects.push({ at, schema: s, required: true });
      for (const [key, property] of Object.entries(s.properties)) {
        const p = deref(doc, property);
        found.push({ at: [...at, key], schema: p, required: (s.required ?? []).includes(key) });
        walk(p, [...at, key], depth + 1);
      }
    }
  };
  walk(root, [], 0);
  return { slots: found, objects };
}

/** Sets a value at `at`, creating the containers on the way (from the schema's plausible values). */
function setAt(
  doc: Document,
  draft: Draft,
  root: Schema,
  at: (string | number)[],
  value: Json | undefined,
): void {
  if (at.length === 0) {
    draft.body = value;
    return;
  }
  if (typeof draft.body !== 'object' || draft.body === null) draft.body = sample(doc, root);
  let node = draft.body as Record<string | number, Json>;
  let schema = deref(doc, root);
  for (let i = 0; i < at.length - 1; i++) {
    const key = at[i];
    const childSchema = deref(doc, typeof key === 'number' ? schema.items : schema.properties?.[key]);
    const existing = node[key];
    if (typeof existing !== 'object' || existing === null) {
      const fresh = typeof at[i + 1] === 'number' ? [] : sample(doc, childSchema);
      node[key] = typeof fresh === 'object' && fresh !== null ? fresh : {};
    }
    node = node[key] as Record<string | number, Json>;
    schema = childSchema;
  }
  const last = at[at.length - 1];
  // A named key on an array has no place in JSON (JSON.stringify leaves it out), and `length` may throw.
  if (Array.isArray(node) && typeof last === 'string' && !/^\d+$/.test(last)) return;
  if (value === undefined) delete node[last];
  // Assigning `__proto__` would set the prototype instead of writing the key (and an array's `length` may
  // not be redefined, so only that key goes through defineProperty).
  else if (last === '__proto__')
    Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  else node[last] = value;
}

const name = (at: (string | number)[]): string => (at.length ? at.join('.') : 'body');

// ---------------------------------------------------------------- mutations

function mutation(label: string, definite: boolean, apply: (d: Draft) => void, transport = false): Mutation {
  return { label, definite, apply, transport };
}

function bodyMutations(doc: Document, root: Schema): fc.Arbitrary<Mutation>[] {
  const { slots: all, objects } = slots(doc, root);
  const set = (d: Draft, at: (string | number)[], v: Json | undefined) => setAt(doc, d, root, at, v);
  const out: fc.Arbitrary<Mutation>[] = [];
  const withRoot: Slot[] = [{ at: [], schema: root, required: true }, ...all];

  out.push(
    fc
      .constantFrom(...withRoot)
      .chain((slot) =>
        wrongTypes(slot.schema).map((v) =>
          mutation(`${name(slot.at)} = ${JSON.stringify(v)?.slice(0, 60)} (wrong type)`, true, (d) =>
            set(d, slot.at, v),
          ),
        ),
      ),
  );
  const notNullable = all.filter((s) => !s.schema.nullable && s.schema.type);
  if (notNullable.length)
    out.push(
      fc
        .constantFrom(...notNullable)
        .map((s) => mutation(`${name(s.at)} = null`, true, (d) => set(d, s.at, null))),
    );
  const required = all.filter((s) => s.required);
  if (required.length)
    out.push(
      fc
        .constantFrom(...required)
        .map((s) => mutation(`without required ${name(s.at)}`, true, (d) => set(d, s.at, undefined))),
    );
  if (objects.length)
    out.push(
      fc
        .tuple(
          fc.constantFrom(...objects),
          fc.string({ minLength: 1, maxLength: 10 }),
          fc.jsonValue({ maxDepth: 1 }),
        )
        .filter(([o, key]) => !(key in (o.schema.properties ?? {})) && key !== '__proto__')
        .map(([o, key, v]) =>
          mutation(`extra field ${name([...o.at, key])}`, true, (d) => set(d, [...o.at, key], v as Json)),
        ),
    );
  out.push(
    fc
      .tuple(fc.constantFrom(...withRoot), deepValue)
      .map(([s, { value, depth }]) =>
        mutation(`${name(s.at)} nested ${depth} deep`, depth > 32 || s.schema.type !== undefined, (d) =>
          set(d, s.at, value),
        ),
      ),
  );
  const strings = all.filter((s) => s.schema.type === 'string' || !s.schema.type);
  out.push(
    fc
      .tuple(fc.constantFrom(...(strings.length ? strings : withRoot)), unsafeText)
      .map(([s, text]) =>
        mutation(`${name(s.at)} = ${JSON.stringify(text)} (NUL or lone surrogate)`, true, (d) =>
          set(d, s.at.length ? s.at : ['x'], text),
        ),
      ),
  );
  if (objects.length)
    out.push(
      fc
        .tuple(fc.constantFrom(...objects), unsafeText)
        .map(([o, key]) =>
          mutation(`a key ${JSON.stringify(key)} in ${name(o.at)}`, true, (d) => set(d, [...o.at, key], 1)),
        ),
    );
  const numbers = all.filter((s) => s.schema.type === 'number' || s.schema.type === 'integer');
  if (numbers.length)
    out.push(
      fc
        .constantFrom(...numbers)
        .chain((s) =>
          hugeNumbers(s.schema).map(({ value, definite }) =>
            mutation(
              `${name(s.at)} = ${numberString(value as number | string).replace(RAW_NUMBER, '')}`,
              definite,
              (d) => set(d, s.at, value),
            ),
          ),
        ),
    );
  const texts = all.filter((s) => s.schema.type === 'string' && !s.schema.enum);
  if (texts.length)
    out.push(
      fc.tuple(fc.constantFrom(...texts), fc.integer({ min: 1, max: 1000 })).map(([s, extra]) => {
        // Past maxLength, or (without one) past the 100 kB body limit.
        const length = s.schema.maxLength !== undefined ? s.schema.maxLength + extra : 101_000 + extra;
        return mutation(`${name(s.at)} ${length} characters long`, true, (d) =>
          set(d, s.at, 'é'.repeat(length)),
        );
      }),
    );
  const constrained = all.filter(
    (s) =>
      s.schema.enum ||
      s.schema.pattern ||
      ['uuid', 'uri', 'email'].includes(s.schema.format ?? '') ||
      s.schema.format?.startsWith('date'),
  );
  const allowed = (s: Slot, v: string) =>
    (s.schema.enum ?? []).includes(v) ||
    (s.schema.pattern !== undefined && new RegExp(s.schema.pattern).test(v));
  if (constrained.length)
    out.push(
      fc
        .tuple(
          fc.constantFrom(...constrained),
          fc.constantFrom(
            'not-valid',
            'ZZ',
            '2026-13-45',
            '00000000-0000-0000-0000-00000000000g',
            ' ',
            '-x-',
          ),
        )
        .filter(([s, v]) => !allowed(s, v))
        // A blank answer is no answer where forms share the parser: may be accepted.
        .map(([s, v]) =>
          mutation(`${name(s.at)} = ${JSON.stringify(v)} (not allowed)`, v.trim() !== '', (d) =>
            set(d, s.at, v),
          ),
        ),
    );
  return out;
}

/** How the body is sent: lying encodings, wrong media types, broken JSON, oversize, deep or unsafe text. */
function transportMutations(hasBody: boolean): fc.Arbitrary<Mutation>[] {
  const json = (d: Draft): Buffer => serialise(d.body === undefined ? { note: 'x' } : d.body);
  return [
    fc.constantFrom('gzip', 'br', 'deflate', 'GZip').map((encoding) =>
      mutation(
        `Content-Encoding: ${encoding} on an uncompressed body`,
        true,
        (d) => {
          d.raw = json(d);
          d.encodingHeader = encoding;
        },
        true,
      ),
    ),
    fc.constantFrom('compress', 'x-custom', 'identity, gzip', 'zstd', 'gzip;q=1').map((encoding) =>
      mutation(
        `Content-Encoding: ${encoding} (unsupported)`,
        true,
        (d) => {
          d.raw = json(d);
          d.encodingHeader = encoding;
        },
        true,
      ),
    ),
    fc
      .constantFrom(
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=latin1',
        'application/json; charset=utf-16le',
        'application/octet-stream',
      )
      .map((type) =>
        mutation(
          `Content-Type: ${type}`,
          true,
          (d) => {
            d.raw = type.includes('form-urlencoded') ? Buffer.from('note=x&version=1') : json(d);
            d.contentType = type;
          },
          true,
        ),
      ),
    fc
      .constantFrom(
        '{',
        '{"a":1,}',
        "{'a':1}",
        '{"a":NaN}',
        '{"a":undefined}',
        '[1,2',
        '{"a":"\\x41"}',
        '{"a" 1}',
        '\u0000',
        'nul',
        '"text"',
        '42',
        '{}{}',
      )
      .map((text) =>
        mutation(`malformed JSON ${JSON.stringify(text)}`, true, (d) => (d.raw = Buffer.from(text)), true),
      ),
    fc.integer({ min: 0, max: 50_000 }).map((over) =>
      mutation(
        `a body ${102_400 + over + 1} bytes long`,
        true,
        (d) => {
          d.raw = Buffer.from(JSON.stringify({ note: 'y'.repeat(102_400 + over) }));
        },
        true,
      ),
    ),
    deepValue
      .filter(({ depth }) => depth > 32)
      .map(({ value, depth }) =>
        mutation(`a body nested ${depth} deep`, true, (d) => (d.raw = serialise(value)), true),
      ),
    unsafeText.map((text) =>
      mutation(
        `a body holding ${JSON.stringify(text)}`,
        true,
        (d) => (d.raw = serialise({ [hasBody ? 'x' : 'note']: text })),
        true,
      ),
    ),
    fc.constantFrom('gzip', 'br', 'deflate').map((encoding) =>
      // Soft: the same request, really compressed; it must be read like the uncompressed one.
      mutation(
        `compressed with ${encoding}`,
        false,
        (d) => (d.compress = encoding as Draft['compress']),
        true,
      ),
    ),
  ];
}

const PATH_VALUES = (valid: string): string[] => [
  '%00',
  `${valid}%00`,
  randomUUID(),
  'not-a-uuid',
  'x'.repeat(3000),
  '%ZZ',
  '%ED%A0%80',
  '..%2F..%2Fadmin',
  `${valid}%27--`,
  '-1',
  '0',
  '%20',
  `${valid}%0A`,
  '%F0%9F%98%80',
  `${valid.slice(0, -1)}${valid.endsWith('g') ? 'h' : 'g'}`,
  `${valid}x`,
  '1e309',
];

function pathMutations(op: Operation): fc.Arbitrary<Mutation>[] {
  const params = op.parameters.filter((p) => p.in === 'path');
  if (!params.length) return [];
  return [
    fc
      .constantFrom(...params)
      .chain((p) => fc.nat().map((i) => ({ p, i })))
      .map(({ p, i }) =>
        mutation(`path ${p.name} mutated (#${i})`, true, (d) => {
          const values = PATH_VALUES(d.path[p.name]);
          const value = values[i % values.length];
          d.notes.push(`${p.name}=${value.slice(0, 60)}`);
          d.path[p.name] = value;
        }),
      ),
  ];
}

/** Query values the parameter's schema refuses (definite) or might take (soft). */
function queryValues(schema: Schema): fc.Arbitrary<{ value: string; definite: boolean }> {
  // A blank filter is no filter (HTML filter forms send every field), so blanks may be accepted.
  const typed = (values: string[], refused: (v: string) => boolean) =>
    fc
      .constantFrom(...values)
      .map((value) => ({ value, definite: !/^(%20)*$/.test(value) && refused(value) }));
  const numbers = [
    'abc',
    '1.5',
    '-1',
    '',
    '%20',
    '1e400',
    '99999999999999999999',
    '0x10',
    'NaN',
    'Infinity',
    '+1',
    '1,2',
  ];
  if (schema.enum)
    return typed(['not-a-value', '', 'ALL', '%00', 'x'.repeat(300)], (v) => !schema.enum?.includes(v));
  if (schema.type === 'integer' || schema.type === 'number')
    return typed(numbers, (v) => {
      // Whatever Number() reads as a whole number in range (0x10, +1) may be taken; anything else may not.
      const n = Number(v);
      return (
        v.trim() === '' ||
        !Number.isFinite(n) ||
        (schema.type === 'integer' && !Number.isSafeInteger(n)) ||
        (schema.minimum !== undefined && n < schema.minimum) ||
        (schema.maximum !== undefined && n > schema.maximum)
      );
    });
  if (schema.type === 'boolean') return typed(['yes', '2', 'TRUE ', '', '%00', 'null'], () => true);
  if (schema.format === 'uuid') return typed(['not-a-uuid', '%00', '1', ''], (v) => v !== '');
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    return typed(
      ['ZZZZ', '12345', 'a', '-1', '%00', 'x'.repeat(70)],
      (v) => !pattern.test(decodeURIComponent(v)),
    );
  }
  if (schema.format?.startsWith('date'))
    return typed(
      ['2026-13-45', 'yesterday', '-271821-04-20', '+275760-09-13', '99999-01-01', '%00'],
      () => true,
    );
  return fc.oneof(
    typed(['%00', `a%00b`], () => true),
    fc.string({ maxLength: 40 }).map((s) => ({ value: encodeURIComponent(s), definite: false })),
    fc.integer({ min: 201, max: 5000 }).map((n) => ({
      value: 'q'.repeat(n),
      definite: schema.maxLength !== undefined && n > schema.maxLength,
    })),
  );
}

function queryMutations(op: Operation): fc.Arbitrary<Mutation>[] {
  const params = op.parameters.filter((p) => p.in === 'query');
  const required = params.filter((p) => p.required);
  const out: fc.Arbitrary<Mutation>[] = [
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 10 }))
      .filter(([k]) => !params.some((p) => p.name === k))
      .map(([k, v]) =>
        mutation(`unknown query ${JSON.stringify(k)}`, false, (d) =>
          d.query.push([encodeURIComponent(k), encodeURIComponent(v)]),
        ),
      ),
  ];
  if (required.length)
    out.push(
      fc
        .constantFrom(...required)
        .map((p) =>
          mutation(
            `without required query ${p.name}`,
            true,
            (d) => (d.query = d.query.filter(([k]) => k !== p.name)),
          ),
        ),
    );
  if (params.length) {
    out.push(
      fc
        .constantFrom(...params)
        .chain((p: Parameter) =>
          queryValues(p.schema ?? {}).map(({ value, definite }) =>
            mutation(`query ${p.name}=${value.slice(0, 40)}`, definite, (d) => d.query.push([p.name, value])),
          ),
        ),
      fc.constantFrom(...params).map((p) =>
        mutation(
          `query ${p.name} given twice`,
          p.schema?.type !== 'string' || !!p.schema.enum || !!p.schema.format,
          (d) => {
            d.query.push([p.name, 'a'], [p.name, 'b']);
          },
        ),
      ),
    );
  }
  return out;
}

function headerMutations(op: Operation): fc.Arbitrary<Mutation>[] {
  const headers = op.parameters.filter((p) => p.in === 'header');
  const out: fc.Arbitrary<Mutation>[] = [];
  for (const h of headers) {
    out.push(
      fc
        .constantFrom('x'.repeat(300), 'ÿþ', ' ', 'a b c', '"quoted"', '../../x')
        .map((value) =>
          mutation(
            `header ${h.name}: ${value.slice(0, 20)}`,
            false,
            (d) => (d.headers[h.name.toLowerCase()] = value),
          ),
        ),
    );
    if (h.required)
      out.push(
        fc.constant(
          mutation(`without required header ${h.name}`, true, (d) => delete d.headers[h.name.toLowerCase()]),
        ),
      );
  }
  return out;
}

// ---------------------------------------------------------------- assembling requests

function serialise(value: Json): Buffer {
  const text = JSON.stringify(value).replace(/"\\u0001raw:([^"]*)"/g, '$1');
  return Buffer.from(text);
}

const COMPRESS = { gzip: gzipSync, br: brotliCompressSync, deflate: deflateSync };

/** Escapes what may not appear raw in a request line, keeping the `%XX` escapes a mutation chose. */
const raw = (text: string): string =>
  text.replace(/[^A-Za-z0-9\-._~%!$'()*+,;:@/]/g, (c) => encodeURIComponent(c));

export function toRequest(op: Operation, draft: Draft): Request {
  let path = op.path.replace(/\{(\w+)\}/g, (_m, p: string) => raw(draft.path[p]));
  if (draft.query.length) path += `?${draft.query.map(([k, v]) => `${raw(k)}=${raw(v)}`).join('&')}`;
  const headers: Record<string, string> = { accept: 'application/json', ...draft.headers };
  let body: Buffer | undefined = draft.raw ?? (draft.body === undefined ? undefined : serialise(draft.body));
  if (body) {
    headers['content-type'] = draft.contentType ?? 'application/json';
    if (draft.encodingHeader) headers['content-encoding'] = draft.encodingHeader;
    else if (draft.compress) {
      body = COMPRESS[draft.compress](body);
      headers['content-encoding'] = draft.compress;
    }
  }
  return { method: op.method, path, headers, body, notes: draft.notes, definite: draft.definite };
}

export interface Base {
  path: Record<string, string>;
  headers: Record<string, string>;
}

/** The required query parameters, with values their schemas allow. */
function requiredQuery(doc: Document, op: Operation): [string, string][] {
  return op.parameters
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => [p.name, encodeURIComponent(String(sample(doc, p.schema)))]);
}

/**
 * Malformed variants of one operation. Writes always carry at least one definite mutation (applied
 * last, so nothing soft undoes it); reads may carry soft ones only.
 */
export function malformedRequests(doc: Document, op: Operation, base: Base): fc.Arbitrary<Request> {
  const hasBody = op.body !== undefined;
  // Transport mutations are the same for every operation: the operation's own fields get more turns.
  const weigh = (weight: number) => (arbitrary: fc.Arbitrary<Mutation>) => ({ arbitrary, weight });
  const all = [
    ...(op.body ? bodyMutations(doc, op.body) : []).map(weigh(4)),
    ...transportMutations(hasBody).map(weigh(1)),
    ...pathMutations(op).map(weigh(4)),
    ...queryMutations(op).map(weigh(4)),
    ...headerMutations(op).map(weigh(2)),
  ];
  const any = fc.oneof(...all);
  const definite = any.filter((m) => m.definite);
  const start = op.body
    ? fc
        .subarray(Object.keys(op.body.properties ?? {}).filter((k) => !(op.body?.required ?? []).includes(k)))
        .map((optional) => {
          const body = sample(doc, op.body) as Record<string, Json>;
          for (const key of optional) body[key] = sample(doc, op.body?.properties?.[key]);
          return body as Json;
        })
    : fc.constant(undefined);
  const mutations =
    op.method === 'GET'
      ? fc.array(any, { minLength: 1, maxLength: 3 })
      : fc.tuple(fc.array(any, { maxLength: 2 }), definite).map(([soft, last]) => [...soft, last]);
  return fc.tuple(start, mutations).map(([body, list]) => {
    const draft: Draft = {
      path: { ...base.path },
      query: requiredQuery(doc, op),
      headers: { ...base.headers },
      body,
      notes: [],
      definite: false,
    };
    // One transport mutation at most: the last one chosen wins.
    const lastTransport = list.map((m) => m.transport).lastIndexOf(true);
    for (const [i, m] of list.entries()) {
      if (m.transport && i !== lastTransport) continue;
      m.apply(draft);
      draft.notes.push(m.label);
      draft.definite ||= m.definite;
    }
    return toRequest(op, draft);
  });
}

/** Keys every object inherits, which class-transformer drops before the whitelist sees them. */
const INHERITED_KEYS = [
  'prototype',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'fuzzUnknownField',
];

/**
 * Every single-field fault of a write's body, each alone on an otherwise valid request: every property
 * that is not nullable set to null, every required one left out, a few values of a wrong type in each,
 * and an inherited or unknown key in every object. The random variants may miss one field among many in
 * a hundred runs; these do not, so a defect of that kind is found on every run, not one run in ten.
 */
export function singleFieldFaults(doc: Document, op: Operation, base: Base): Request[] {
  if (!op.body) return [];
  const root = op.body;
  const { slots: all, objects } = slots(doc, root);
  const full = (): Json => {
    const body = sample(doc, root) as Record<string, Json>;
    for (const key of Object.keys(root.properties ?? {})) body[key] ??= sample(doc, root.properties?.[key]);
    return body;
  };
  const faults: [string, (string | number)[], Json | undefined][] = [
    ...all.filter((s) => !s.schema.nullable && s.schema.type).map((s) => ['= null', s.at, null] as const),
    ...all.filter((s) => s.required).map((s) => ['left out', s.at, undefined] as const),
    ...all.flatMap((s) =>
      fc
        .sample(wrongTypes(s.schema), { numRuns: 3, seed: 1 })
        .map((v) => [`= ${JSON.stringify(v)}`, s.at, v] as const),
    ),
    ...objects.flatMap((o) => INHERITED_KEYS.map((key) => ['sent', [...o.at, key], 1] as const)),
  ].map(([what, at, value]) => [what, [...at], value]);
  return faults.map(([what, at, value]) => {
    const draft: Draft = {
      path: { ...base.path },
      query: requiredQuery(doc, op),
      headers: { ...base.headers },
      body: full(),
      notes: [`${name(at)} ${what}`],
      definite: true,
    };
    setAt(doc, draft, root, at, value);
    return toRequest(op, draft);
  });
}
