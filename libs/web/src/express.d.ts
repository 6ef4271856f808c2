import type { Language } from './i18n';

declare global {
  namespace Express {
    interface Request {
      /** The language chosen for this request (set by languageMiddleware). */
      lang?: Language;
      /** True when the visitor chose `lang` on this request (`?lang=`). */
      langChosen?: boolean;
    }
  }
}

export {};
