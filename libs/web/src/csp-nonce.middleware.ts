import type { NextFunction, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';

/** A fresh nonce per response for the one inline script GOV.UK's template needs. */
export function cspNonceMiddleware(_req: Request, res: Response, next: NextFunction): void {
  res.locals.cspNonce = randomBytes(16).toString('base64');
  next();
}
