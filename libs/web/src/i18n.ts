import { projectRoot } from '@app/config';
import i18next, { i18n, TFunction } from 'i18next';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const LANGUAGES = ['en', 'es', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';
/** Each language's own name, for the language switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español', de: 'Deutsch' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

let instance: i18n | undefined;

/** The translations: one JSON file per language in `libs/web/locales/`, loaded once, synchronously. */
export function translations(): i18n {
  if (instance) return instance;
  const dir = join(projectRoot(), 'libs', 'web', 'locales');
  const resources = Object.fromEntries(
    LANGUAGES.map((lang) => [
      lang,
      { translation: JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8')) },
    ]),
  );
  const created = i18next.createInstance();
  void created.init({
    resources,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    interpolation: { escapeValue: false }, // Nunjucks autoescapes on output
    returnNull: false,
  });
  instance = created;
  return created;
}

export function translator(lang: Language): TFunction {
  return translations().getFixedT(lang);
}
