/** A parsed JSON body for assertions. Tests index freely into it; `expect` does the checking. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertion targets, not typed code
export type Json = Record<string, any>;

export async function readJson(res: Response): Promise<Json> {
  return (await res.json()) as Json;
}

/**
 * A JSON API caller for the test api: `call(method, path, token, body?, headers?)` answers the status, the
 * parsed body (`{}` for a 204) and the ETag. Pass a getter, since the api starts in beforeAll.
 */
export function jsonCaller(
  url: () => string,
): (
  method: string,
  path: string,
  token: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; json: Json; etag: string | null }> {
  return async (method, path, token, body, headers = {}) => {
    const res = await fetch(`${url()}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: res.status,
      json: res.status === 204 ? {} : await readJson(res),
      etag: res.headers.get('etag'),
    };
  };
}

const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * `fetch` with the body read at once, for tests that look only at the status and headers. A response left
 * unread keeps its socket open (undici stops reading, so the server's close is never seen), and that open
 * socket keeps the jest worker alive after the file has ended.
 */
export async function fetchRead(url: string, init?: RequestInit): Promise<Response> {
  const res = await fetch(url, init);
  const body = await res.arrayBuffer();
  return new Response(NO_BODY.has(res.status) ? null : body, {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
  });
}
