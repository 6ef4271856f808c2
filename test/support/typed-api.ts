import type { components, paths } from './api-types';

/**
 * A client typed by the API's own document (test/support/api-types.ts, `npm run api:client`): the path,
 * its parameters, the request body and the success body come from the document, so a test that reads a
 * field the contract no longer has stops compiling.
 */
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type ApiPath = keyof paths;
type Operation<P extends ApiPath, M extends Method> = NonNullable<paths[P][M]>;
type PathsWith<M extends Method> = {
  [P in ApiPath]: paths[P][M] extends undefined ? never : P;
}[ApiPath];

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;
type Responses<O> = O extends { responses: infer R } ? R : never;
/** The JSON body of the operation's 2xx answers. */
export type Success<O> = {
  [S in keyof Responses<O>]: S extends 200 | 201 | 202 ? JsonOf<Responses<O>[S]> : never;
}[keyof Responses<O>];
type RequestBody<O> = O extends { requestBody: { content: { 'application/json': infer B } } }
  ? B
  : O extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B | undefined
    : undefined;
type PathParams<O> = O extends { parameters: { path: infer P } } ? P : never;
type Query<O> = O extends { parameters: { query?: infer Q } } ? Q : never;

export type Problem = components['schemas']['Problem'];
/** A schema of the document by name, e.g. `Schema<'EnrolmentResponse'>`. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];

export interface TypedAnswer<O> {
  status: number;
  headers: Headers;
  /** The body as parsed; use `ok()` or `problem()` for a typed one. */
  raw: unknown;
  /** The success body, typed; throws (with the answer) when the status is not `expected`. */
  ok(expected?: number): Success<O>;
  /** The problem+json body, typed; throws when the status is not `expected`. */
  problem(expected?: number): Problem;
}

export interface TypedRequest<O> {
  path?: PathParams<O>;
  query?: Query<O>;
  body?: RequestBody<O>;
  headers?: Record<string, string>;
}

export function typedApi(url: () => string, token: string) {
  async function call<M extends Method, P extends PathsWith<M>>(
    method: M,
    path: P,
    request: TypedRequest<Operation<P, M>> = {},
  ): Promise<TypedAnswer<Operation<P, M>>> {
    const params = (request.path ?? {}) as Record<string, string>;
    let target = String(path).replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name]));
    const query = Object.entries((request.query ?? {}) as Record<string, unknown>).filter(
      ([, v]) => v !== undefined,
    );
    if (query.length)
      target += `?${new URLSearchParams(query.map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
    const res = await fetch(`${url()}${target}`, {
      method: method.toUpperCase(),
      headers: {
        authorization: `Bearer ${token}`,
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...request.headers,
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
    const text = await res.text();
    const raw: unknown = text ? JSON.parse(text) : undefined;
    const expect = (expected: number | undefined, success: boolean): void => {
      const fine = expected === undefined ? res.ok === success : res.status === expected;
      if (!fine)
        throw new Error(`${method.toUpperCase()} ${target} answered ${res.status}: ${text.slice(0, 500)}`);
    };
    return {
      status: res.status,
      headers: res.headers,
      raw,
      ok: (expected) => {
        expect(expected, true);
        return raw as Success<Operation<P, M>>;
      },
      problem: (expected) => {
        expect(expected, false);
        return raw as Problem;
      },
    };
  }
  return { call };
}
