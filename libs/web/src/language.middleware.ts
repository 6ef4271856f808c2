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
 * `?lang=` belongs to every page, not to any one form: it is taken off a page's URL before routing, so a
 * page's query DTO never sees it (the API's URLs keep it: API clients choose with Accept-Language).
 */
function withoutLangParameter(url: string): string {
  const [path, query] = url.split(/\?(.*)/s, 2);
  if (query === undefined) return url;
  const params = new URLSearchParams(query);
  if (!params.has('lang')) return url;
  params.delete('lang');
  const rest = params.toString();
  return rest ? `${path}?${rest}` : path;
}

/**
 * Puts `lang` on the request and, for pages (not the API, /health or /metrics, which render none), on
 * everything a page renders with (`t`, `lang`, the switcher links).
 */
export function useLanguage(req: Request, res: Response, lang: Language): void {
  req.lang = lang;
  if (isMachineRequest(req)) return;
  res.locals.lang = lang;
  res.locals.htmlLang = lang;
  res.locals.t = translator(lang);
  res.locals.languageLinks = languageLinks(req, lang);
}

/**
 * Sets `req.lang`, `res.locals.lang`/`htmlLang`, `res.locals.t` and the language switcher links, and
 * `req.langChosen` when the visitor chose a language with `?lang=` (the identity middleware then keeps
 * it on the signed-in account, or uses the account's language when nothing was chosen).
 */
export function languageMiddleware(req: Request, res: Response, next: NextFunction): void {
  const { lang, fromQuery } = chooseLanguage(req);
  if (fromQuery) {
    res.cookie(COOKIE, lang, { maxAge: ONE_YEAR_MS, sameSite: 'lax', httpOnly: true, path: '/' });
  }
  req.langChosen = fromQuery;
  if (!req.path.startsWith('/api/')) req.url = withoutLangParameter(req.url);
  useLanguage(req, res, lang);
  next();
}
