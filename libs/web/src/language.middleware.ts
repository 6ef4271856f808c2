import type { NextFunction, Request, Response } from 'express';
import { DEFAULT_LANGUAGE, isLanguage, Language, LANGUAGE_NAMES, LANGUAGES, translator } from './i18n';
import { isMachineRequest } from './page-requests';

const COOKIE = 'lang';
const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

function fromAcceptLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.split('=')[1]) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.lang).find(isLanguage);
}

/** The request's language: `?lang=` (remembered in a cookie), then the cookie, then Accept-Language. */
export function chooseLanguage(req: Request): { lang: Language; fromQuery: boolean } {
  const query = req.query.lang;
  if (isLanguage(query)) return { lang: query, fromQuery: true };
  const cookie = (req.cookies as Record<string, string> | undefined)?.[COOKIE];
  if (isLanguage(cookie)) return { lang: cookie, fromQuery: false };
  return { lang: fromAcceptLanguage(req.headers['accept-language']) ?? DEFAULT_LANGUAGE, fromQuery: false };
}

/** Links to the same page in each language, for the GOV.UK language navigation component. */
export function languageLinks(
  req: Request,
  current: Language,
): { text: string; href: string; lang: string; current: boolean }[] {
  return LANGUAGES.map((lang) => {
    const url = new URL(req.originalUrl, 'http://localhost');
    url.searchParams.set('lang', lang);
    return {
      text: LANGUAGE_NAMES[lang],
      href: `${url.pathname}${url.search}`,
      lang,
      current: lang === current,
    };
  });
}

/**
 * Sets `req.lang` and, for pages (not the API, /health or /metrics, which render none), `res.locals.lang`/
 * `htmlLang`, `res.locals.t` and the language switcher links.
 */
export function languageMiddleware(req: Request, res: Response, next: NextFunction): void {
  const { lang, fromQuery } = chooseLanguage(req);
  if (fromQuery) {
    res.cookie(COOKIE, lang, { maxAge: ONE_YEAR_MS, sameSite: 'lax', httpOnly: true, path: '/' });
  }
  req.lang = lang;
  if (isMachineRequest(req)) return next();
  res.locals.lang = lang;
  res.locals.htmlLang = lang;
  res.locals.t = translator(lang);
  res.locals.languageLinks = languageLinks(req, lang);
  next();
}
