import { csrfSync } from 'csrf-sync';
import type { Request } from 'express';

/** Synchroniser tokens kept in the server-side session; sent back in `_csrf` (forms) or `x-csrf-token`. */
export const csrf = csrfSync({
  getTokenFromRequest: (req: Request) => {
    const header = req.headers['x-csrf-token'];
    if (typeof header === 'string' && header) return header;
    const body = req.body as Record<string, unknown> | undefined;
    return typeof body?._csrf === 'string' ? body._csrf : undefined;
  },
});

/** The session's token, created on first use (so anonymous visitors get a session only on pages with forms). */
export function csrfTokenFor(req: Request): string {
  return csrf.generateToken(req, false);
}
