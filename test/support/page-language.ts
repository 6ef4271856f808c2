import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseKey, leafKeys } from '@app/web';

export type Lang = 'en' | 'es' | 'de';
export const LANGS: Lang[] = ['en', 'es', 'de'];

type Tree = Record<string, unknown>;
const locale = (lang: Lang): Tree =>
  JSON.parse(readFileSync(join(__dirname, '../../libs/web/locales', `${lang}.json`), 'utf8')) as Tree;
const files: Record<Lang, Tree> = { en: locale('en'), es: locale('es'), de: locale('de') };
const at = (tree: Tree, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);

/** The top-level sections of the locale files: a key shown raw starts with one of them. */
const SECTIONS = Object.keys(files.en);
const RAW_KEY = new RegExp(`\\b(?:${SECTIONS.join('|')})\\.[A-Za-z_]+(?:\\.[A-Za-z0-9_-]+)+\\b`);

/**
 * English UI sentences that must not appear on a Spanish or German page: every English text of the
 * locale (placeholders cut out, so the fixed words around them count) of three words or more that the
 * other language words differently.
 */
function englishSentences(lang: Lang): string[] {
  const sentences = new Set<string>();
  for (const key of leafKeys(files.en)) {
    const english = at(files.en, key);
    if (typeof english !== 'string') continue;
    const own = at(files[lang], key) ?? at(files[lang], baseKey(key));
    for (const part of english.split(/\{\{[^}]*\}\}|<[^>]*>/)) {
      const words = part.trim();
      if (words.split(/\s+/).length < 3 || words.length < 16) continue;
      if (typeof own === 'string' && own.includes(words)) continue;
      sentences.add(words);
    }
  }
  return [...sentences];
}
const ENGLISH: Record<Lang, string[]> = { en: [], es: englishSentences('es'), de: englishSentences('de') };

const MONTHS_EN =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';

/**
 * The visible text of a page in its own language: no tags, scripts or styles, nor any element marked as
 * written in another language (`lang="…"`: a stored message in its recipient's language, the language
 * switcher's links); entities decoded, spaces collapsed.
 */
export function visibleText(html: string, lang: Lang = 'en'): string {
  const body = html.replace(/^[\s\S]*?<body/i, '<body');
  return body
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(new RegExp(`<(\\w+)\\b[^>]*\\blang="(?!${lang}")[^"]*"[^>]*>[\\s\\S]*?<\\/\\1>`, 'g'), ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What is wrong with a page shown in `lang`: the wrong `<html lang>`, and its content's problems.
 */
export function languageProblems(html: string, lang: Lang): string[] {
  const htmlLang = /<html[^>]*\blang="([^"]+)"/.exec(html)?.[1];
  return [
    ...(htmlLang === lang ? [] : [`<html lang="${htmlLang}">`]),
    ...contentLanguageProblems(html, lang),
  ];
}

/**
 * What is wrong with the words of a page shown in `lang`: a raw key, a placeholder left in, a raw ISO
 * timestamp, and on a Spanish or German page an English UI sentence, an English date or an English
 * thousands separator.
 */
export function contentLanguageProblems(html: string, lang: Lang): string[] {
  const problems: string[] = [];
  const text = visibleText(html, lang);
  const raw = RAW_KEY.exec(text);
  if (raw) problems.push(`raw key "${raw[0]}"`);
  const placeholder = /\{\{[^}]*\}\}/.exec(text);
  if (placeholder) problems.push(`placeholder "${placeholder[0]}"`);
  const iso = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.exec(text); // with seconds: typed examples have none
  if (iso) problems.push(`ISO timestamp "${iso[0]}"`);
  if (lang !== 'en') {
    for (const english of ENGLISH[lang].filter((sentence) => text.includes(sentence)).slice(0, 10))
      problems.push(`English text "${english}"`);
    const date = new RegExp(`\\b\\d{1,2} (?:${MONTHS_EN}) \\d{4}\\b`).exec(text);
    if (date) problems.push(`English date "${date[0]}"`);
    const number = /(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])/.exec(text);
    if (number) problems.push(`English number "${number[0]}"`);
  }
  return problems;
}
