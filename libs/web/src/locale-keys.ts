import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every leaf key of a locale file, `a.b.c`. */
export function leafKeys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object'
      ? leafKeys(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

/** A plural form (`count_one`, `count_other`) is the key `count` as the code uses it. */
export function baseKey(key: string): string {
  return key.replace(/_(zero|one|two|few|many|other)$/, '');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|njk)$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

export interface KeyUse {
  /**
   * Keys the code names in full: any key-shaped literal of a template, and of TypeScript the first
   * argument of `t(…)` / `translator(lang)(…)` (other key-shaped literals there are event names and codes).
   */
  keys: Set<string>;
  /** Every key-shaped literal, in a translation call or not: `'identity.nav.caseload'` handed to `t` later. */
  mentioned: Set<string>;
  /** Keys the code builds from a prefix: `t("advisers.kinds." + k)`, `` t(`dataProtection.archive.${key}`) ``. */
  prefixes: Set<string>;
}

/**
 * The translation keys the code uses: string literals in the code's `.ts` and `.njk` files that are keys
 * of one of the locale's top-level sections, and every literal prefix the code completes at run time.
 */
export function keysUsedIn(dirs: string[], sections: string[]): KeyUse {
  const section = `(?:${sections.join('|')})`;
  const key = `${section}(?:\\.[A-Za-z0-9_-]+)+`;
  const literal = new RegExp(`["'\`](${key})["'\`]`, 'g');
  const called = new RegExp(`(?:\\bt|\\))\\(\\s*\\[?\\s*["'\`](${key})["'\`]\\s*[,)\\]]`, 'g');
  const prefix = new RegExp(
    `["'\`](${section}(?:\\.[A-Za-z0-9_-]+)*)(?:\\.["'\`]|\\.\\$\\{|["'\`]\\s*[+~])`,
    'g',
  );
  const keys = new Set<string>();
  const mentioned = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of dirs.flatMap(sourceFiles)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(literal)) {
      mentioned.add(match[1]);
      const completed = /^\s*[+~]/.test(text.slice((match.index ?? 0) + match[0].length));
      if (file.endsWith('.njk') && !completed) keys.add(match[1]);
    }
    for (const match of text.matchAll(called)) keys.add(match[1]);
    for (const match of text.matchAll(prefix)) prefixes.add(match[1]);
  }
  return { keys, mentioned, prefixes };
}
