import type { LanguageCode } from './contact';
import { de } from './templates/de';
import { en } from './templates/en';
import { es } from './templates/es';
import type { TemplateSet } from './templates/template-set';

const SETS: Record<LanguageCode, TemplateSet> = { en, es, de };

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function fill(template: string, values: Record<string, string>, escape: (v: string) => string): string {
  return template.replace(/\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g, (_, key: string) => escape(values[key] ?? ''));
}

/**
 * Renders an email for a template key (`first-contact.assignee`) in a language, as plain text and HTML.
 * A key the language lacks falls back to English, then to the generic reminder/escalation text, so a
 * domain can add a rule before anyone writes its wording.
 */
export function renderEmail(
  key: string,
  language: LanguageCode,
  values: Record<string, string>,
  fallbackKey = 'generic.remind',
): RenderedEmail {
  const set = SETS[language] ?? en;
  const template =
    set.templates[key] ?? en.templates[key] ?? set.templates[fallbackKey] ?? en.templates['generic.remind'];
  const subject = fill(template.subject, values, (v) => v)
    .replace(/\s+/g, ' ')
    .trim();
  const greeting = fill(set.greeting, values, (v) => v);
  const body = fill(template.body, values, (v) => v);
  const open = values.link ? fill(set.open, values, (v) => v) : '';
  const text = [greeting, body, open, '--', set.footer].filter(Boolean).join('\n\n') + '\n';
  const paragraph = (s: string): string => `<p style="margin:0 0 16px">${s}</p>`;
  const html =
    `<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.4;color:#0b0c0c">` +
    paragraph(fill(set.greeting, values, escapeHtml)) +
    paragraph(fill(template.body, values, escapeHtml)) +
    (values.link ? paragraph(`<a href="${escapeHtml(values.link)}">${escapeHtml(values.link)}</a>`) : '') +
    `<hr><p style="font-size:14px;color:#505a5f">${escapeHtml(set.footer)}</p></body></html>`;
  return { subject, text, html };
}

export function hasTemplate(key: string): boolean {
  return key in en.templates;
}
