import { ipLiteral, isPublicAddress } from './public-address';

/** Why an endpoint URL is refused, or null when it may be used. */
export type EndpointUrlProblem = 'invalid' | 'https_required' | 'credentials' | 'private_address' | null;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * An endpoint is an absolute `https:` URL without user:password. Plain `http:` is allowed only to this
 * machine (127.0.0.1, localhost, ::1) and only outside production, so a developer or a test can run a local
 * receiver; in production every delivery is encrypted, and an address written as an IP must be a public one
 * (a host name is checked when a delivery connects: see `guardedLookup`).
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
  const literal = ipLiteral(url.hostname);
  if (production && literal && !isPublicAddress(literal)) return 'private_address';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && !production && LOOPBACK.has(url.hostname)) return null;
  return url.protocol === 'http:' ? 'https_required' : 'invalid';
}
