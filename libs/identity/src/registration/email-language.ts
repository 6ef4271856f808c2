import type { Request } from 'express';

/** The request's language (page choice or Accept-Language) for emails and password advice. */
export function emailLanguage(req: Request): 'en' | 'es' | 'de' {
  return req.lang === 'es' || req.lang === 'de' ? req.lang : 'en';
}
