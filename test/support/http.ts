/** A parsed JSON body for assertions. Tests index freely into it; `expect` does the checking. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertion targets, not typed code
export type Json = Record<string, any>;

export async function readJson(res: Response): Promise<Json> {
  return (await res.json()) as Json;
}
