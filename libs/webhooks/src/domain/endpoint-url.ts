/** Why an endpoint URL is refused, or null when it may be used. */
export type EndpointUrlProblem = 'invalid' | 'https_required' | 'credentials' | null;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * An endpoint is an absolute `https:` URL without user:password. Plain `http:` is allowed only to this
 * machine (127.0.0.1, localhost, ::1) and only outside production, so a developer or a test can run a local
 * receiver; in production every delivery is encrypted.
 */
export function endpointUrlProblem(value: string, production: boolean): EndpointUrlProblem {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'invalid';
  }
  if (value.length > 2000 || !url.hostname) return 'invalid';
  if (url.username || url.password) return 'credentials';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && !production && LOOPBACK.has(url.hostname)) return null;
  return url.protocol === 'http:' ? 'https_required' : 'invalid';
}
