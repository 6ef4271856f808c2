import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allErrorCodes, ERROR_CODES, NOT_FOUND_ENTITIES } from './error-codes';

const ROOT = join(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const ERRORS = 'DomainError|ConflictError|UnprocessableError|ForbiddenError';
/** A quoted code or entity; a template literal with `${…}` parts becomes a pattern. */
const ARG = String.raw`\s*(?:'([^']+)'|` + '`([^`]+)`)';

/**
 * The codes the code base can throw, read from its sources: the first argument of a DomainError (or of a
 * subclass's `super`), NotFoundError's entity, and the entities the 404s of RecordIdPipe, the signed-link
 * forms and the policy's denials name. A code built from a template (`adviser.${reason}`) is a pattern.
 */
function thrownCodes(): { codes: Set<string>; patterns: RegExp[] } {
  const codes = new Set<string>();
  const patterns: RegExp[] = [];
  const add = (literal: string | undefined, template: string | undefined, suffix = ''): void => {
    if (literal) codes.add(literal + suffix);
    else if (template) {
      const source = template
        .split(/\$\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[a-z_]+');
      patterns.push(new RegExp(`^${source}${suffix.replace('.', '\\.')}$`));
    }
  };
  const files = [...sources(join(ROOT, 'libs')), ...sources(join(ROOT, 'apps'))];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const extendsNotFound = /extends NotFoundError\b/.test(text);
    const extendsError = new RegExp(`extends (?:${ERRORS}|NotFoundError)\\b`).test(text);
    for (const m of text.matchAll(new RegExp(`new (?:${ERRORS})\\(${ARG}`, 'g'))) add(m[1], m[2]);
    for (const m of text.matchAll(new RegExp(`new NotFoundError\\(${ARG}`, 'g')))
      add(m[1], m[2], '.not_found');
    for (const m of text.matchAll(new RegExp(`new RecordIdPipe\\(${ARG}`, 'g')))
      add(m[1], m[2], '.not_found');
    if (extendsError)
      for (const m of text.matchAll(/\bsuper\(\s*(?:'([a-z_.]+)'|`([a-z_.]+\$\{[^`]+)`)/g))
        add(m[1], m[2], extendsNotFound && m[1] && !m[1].includes('.') ? '.not_found' : '');
    // Signed-link pages (`entity: 'survey'`) and the policy's resources (`type: 'case'`) answer 404s by name.
    if (/SignedLinkPages|SignedLinkForm/.test(text))
      for (const m of text.matchAll(/\bentity: '([a-z_]+)'/g)) codes.add(`${m[1]}.not_found`);
    if (/policy/.test(file) || /\bcaseRecord\(/.test(text))
      for (const m of text.matchAll(/(?:type: |caseRecord\([^;]*?)'([a-z_]+)'(?=[,)\s])/g))
        if (NOT_FOUND_ENTITIES.includes(m[1] as never)) codes.add(`${m[1]}.not_found`);
  }
  codes.delete('validation_failed.not_found');
  // Set by the one filter, not thrown: invalid DTOs and an unreachable database.
  codes.add('validation_failed');
  codes.add('service_busy');
  return { codes, patterns };
}

describe('error codes', () => {
  const { codes, patterns } = thrownCodes();
  const registered = new Set(allErrorCodes());

  it('finds the codes in the sources (so the checks below check something)', () => {
    expect(codes.size).toBeGreaterThan(80);
    expect(codes).toContain('case.not_found');
    expect(codes).toContain('training.session_full');
    expect(patterns.map(String)).toContain(String(/^data_protection\.[a-z_]+$/));
  });

  it('lists every code the code base throws', () => {
    expect([...codes].filter((code) => !registered.has(code)).sort()).toEqual([]);
    const unmatched = patterns.filter((p) => ![...registered].some((code) => p.test(code)));
    expect(unmatched.map(String)).toEqual([]);
  });

  it('lists no code that nothing throws', () => {
    const unused = [...registered].filter((code) => !codes.has(code) && !patterns.some((p) => p.test(code)));
    expect(unused).toEqual([]);
  });

  it('gives every code a meaning and keeps the names stable in form', () => {
    for (const [code, meaning] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[a-z_]+(\.[a-z_]+)?$/);
      expect(meaning.length).toBeGreaterThan(5);
    }
    expect(new Set(NOT_FOUND_ENTITIES).size).toBe(NOT_FOUND_ENTITIES.length);
  });
});
