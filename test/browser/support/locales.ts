import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Language = 'en' | 'es' | 'de';
export const LANGUAGES: Language[] = ['en', 'es', 'de'];

const cache = new Map<Language, Record<string, unknown>>();

function locale(lang: Language): Record<string, unknown> {
  let loaded = cache.get(lang);
  if (!loaded) {
    const file = join(__dirname, '..', '..', '..', 'libs', 'web', 'locales', `${lang}.json`);
    loaded = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    cache.set(lang, loaded);
  }
  return loaded;
}

/**
 * The app's own wording for a key ("start.title"), read from libs/web/locales, so journeys find buttons
 * and headings by what users see without copying translations into the tests.
 */
export function text(lang: Language, key: string): string {
  const found = lookup(locale(lang), key.split('.'));
  if (typeof found !== 'string') throw new Error(`no "${key}" text in libs/web/locales/${lang}.json`);
  return found;
}

/** Nested lookup that, like i18next, also finds keys that contain dots ("password.tooShort"). */
function lookup(node: unknown, parts: string[]): unknown {
  if (parts.length === 0) return node;
  if (typeof node !== 'object' || node === null) return undefined;
  for (let take = 1; take <= parts.length; take++) {
    const key = parts.slice(0, take).join('.');
    if (key in node) {
      const found = lookup((node as Record<string, unknown>)[key], parts.slice(take));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
