import { projectRoot } from '@app/config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from './i18n';
import { baseKey, keysUsedIn, leafKeys } from './locale-keys';

const root = projectRoot();
const locale = (lang: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(root, 'libs', 'web', 'locales', `${lang}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
const files = Object.fromEntries(LANGUAGES.map((lang) => [lang, locale(lang)]));
const keysOf = (lang: string): Set<string> => new Set(leafKeys(files[lang]).map(baseKey));
const sections = Object.keys(files.en);
const used = keysUsedIn([join(root, 'libs'), join(root, 'apps')], sections);

/**
 * Keys looked up from values only known at run time, beyond the literal prefixes the code shows:
 * `pageErrors` words a field error as `<section>.errors.<field>.<code>` or `<section>.errors.<code>`.
 */
const COMPUTED = [/^[A-Za-z]+\.errors\./, /^[A-Za-z]+\.[A-Za-z]+\.errors\./];

describe('locale files', () => {
  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has exactly the keys of en', (lang) => {
    const en = keysOf('en');
    const other = keysOf(lang);
    expect({ missing: [...en].filter((k) => !other.has(k)) }).toEqual({ missing: [] });
    expect({ extra: [...other].filter((k) => !en.has(k)) }).toEqual({ extra: [] });
  });

  it.each(LANGUAGES)('%s has every key the code names', (lang) => {
    const keys = keysOf(lang);
    const tree = files[lang];
    const isSection = (key: string): boolean =>
      key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree) instanceof Object;
    const missing = [...used.keys].filter((key) => !keys.has(key) && !isSection(key));
    expect(missing).toEqual([]);
  });

  it('has no key the code never uses', () => {
    const prefixes = [...used.prefixes];
    // A key inside a list or section the code takes whole (`returnObjects`) is used with it.
    const ancestors = (key: string): string[] =>
      key.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'));
    const unused = [...keysOf('en')].filter(
      (key) =>
        !ancestors(key).some((k) => used.keys.has(k) || used.mentioned.has(k)) &&
        !prefixes.some((p) => key.startsWith(p)) &&
        !COMPUTED.some((pattern) => pattern.test(key)),
    );
    expect(unused).toEqual([]);
  });

  it('fills every placeholder the same in every language', () => {
    const placeholders = (text: unknown): string[] =>
      [...String(text).matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();
    const at = (lang: string, key: string): unknown =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], files[lang]);
    const differing = leafKeys(files.en).filter((key) =>
      LANGUAGES.some(
        (lang) =>
          at(lang, key) !== undefined &&
          placeholders(at(lang, key)).join() !== placeholders(at('en', key)).join(),
      ),
    );
    expect(differing).toEqual([]);
  });
});
