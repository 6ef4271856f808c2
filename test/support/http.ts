/** A parsed JSON body for assertions. Tests index freely into it; `expect` does the checking. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertion targets, not typed code
export type Json = Record<string, any>;

export async function readJson(res: Response): Promise<Json> {
  return (await res.json()) as Json;
}

/**
 * A JSON API caller for the test api: `call(method, path, token, body?)` answers the status and the parsed
 * body (`{}` for a 204). Pass a getter, since the api starts in beforeAll.
 */
export function jsonCaller(
  url: () => string,
): (method: string, path: string, token: string, body?: unknown) => Promise<{ status: number; json: Json }> {
  return async (method, path, token, body) => {
    const res = await fetch(`${url()}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: res.status === 204 ? {} : await readJson(res) };
  };
}
