import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { readLibMap } from './lib-map';

/** One write found in the code: `UPDATE cases …` in libs/progress, or `m.save(Case, …)`. */
export interface SqlWrite {
  /** INSERT, UPDATE, DELETE or TRUNCATE in SQL; the method, e.g. `save()`, for a TypeORM call. */
  verb: string;
  /** The table written, or `${…}` when the SQL builds the table name at run time. */
  table: string;
  file: string;
  line: number;
}

/** A write of a table that the writing lib does not own (or of a table the scanner cannot name). */
export interface ForeignWrite extends SqlWrite {
  writer: string;
  owner: string | undefined;
}

/** A write the check lets through although another lib owns the table, with the reason (table-writes-allowed.ts). */
export interface AllowedWrite {
  writer: string;
  /** The file the write is in: an entry never covers code written later elsewhere in the lib. */
  file: string;
  /** A table, or `${…}` for SQL that builds the table name at run time. */
  table: string;
  reason: string;
}

export const DYNAMIC_TABLE = '${…}';

const IDENT = String.raw`(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?`;
const WRITES: { verb: string; pattern: RegExp }[] = [
  { verb: 'INSERT', pattern: new RegExp(String.raw`\bINSERT\s+INTO\s+${IDENT}`, 'gi') },
  // `DO UPDATE SET` (an upsert) and `FOR UPDATE [OF x]` (a row lock) name no table: the owner check ignores
  // any word that is not a table.
  { verb: 'UPDATE', pattern: new RegExp(String.raw`\bUPDATE\s+(?:ONLY\s+)?${IDENT}`, 'gi') },
  { verb: 'DELETE', pattern: new RegExp(String.raw`\bDELETE\s+FROM\s+(?:ONLY\s+)?${IDENT}`, 'gi') },
];
const TRUNCATE =
  /\bTRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?((?:"?[a-z_][a-z0-9_.]*"?\s*,\s*)*"?[a-z_][a-z0-9_.]*"?)/gi;
/** A write whose table is an interpolation: `UPDATE ${table} SET …`. */
const DYNAMIC = /\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+(?:ONLY\s+)?\$\{…\}/gi;

/** The text of every string and template literal in `source` (a template's placeholders read `${…}`). */
function sqlStrings(path: string, source: string): { text: string; line: number }[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.ES2022, true);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node))
      text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(DYNAMIC_TABLE);
    if (text !== undefined)
      found.push({ text, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 });
    node.forEachChild(visit);
  };
  visit(file);
  return found;
}

/** Every INSERT / UPDATE / DELETE / TRUNCATE in the strings of one source file, with the table it names. */
export function findSqlWrites(file: string, source: string, tables: ReadonlySet<string>): SqlWrite[] {
  const writes: SqlWrite[] = [];
  for (const { text, line } of sqlStrings(file, source)) {
    const at = (index: number): number => line + text.slice(0, index).split('\n').length - 1;
    for (const { verb, pattern } of WRITES)
      for (const match of text.matchAll(pattern)) {
        const table = match[1].toLowerCase();
        if (tables.has(table)) writes.push({ verb, table, file, line: at(match.index) });
      }
    for (const match of text.matchAll(TRUNCATE))
      for (const name of match[1].split(',')) {
        const table = name
          .trim()
          .replace(/"/g, '')
          .replace(/^public\./, '')
          .toLowerCase();
        if (tables.has(table)) writes.push({ verb: 'TRUNCATE', table, file, line: at(match.index) });
      }
    for (const match of text.matchAll(DYNAMIC))
      writes.push({
        verb: match[1].split(/\s/)[0].toUpperCase(),
        table: DYNAMIC_TABLE,
        file,
        line: at(match.index),
      });
  }
  return writes;
}

const ORM_WRITES = new Set([
  'save',
  'insert',
  'update',
  'upsert',
  'delete',
  'remove',
  'softDelete',
  'softRemove',
  'restore',
  'increment',
  'decrement',
  'clear',
  'into',
]);

/** Entity class name → its table, for every `@Entity` class in `sources`. */
export function entityTables(sources: ReadonlyMap<string, string>): Map<string, string> {
  const tables = new Map<string, string>();
  for (const [path, source] of sources) {
    if (!source.includes('@Entity')) continue;
    const file = ts.createSourceFile(path, source, ts.ScriptTarget.ES2022, true);
    file.forEachChild(function visit(node): void {
      if (ts.isClassDeclaration(node) && node.name) {
        for (const d of ts.getDecorators(node) ?? []) {
          const call = d.expression;
          if (
            !ts.isCallExpression(call) ||
            !ts.isIdentifier(call.expression) ||
            call.expression.text !== 'Entity'
          )
            continue;
          const [arg] = call.arguments;
          const name = node.name.text;
          tables.set(
            name,
            arg && ts.isStringLiteralLike(arg)
              ? arg.text
              : name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase(),
          );
        }
      }
      node.forEachChild(visit);
    });
  }
  return tables;
}

/**
 * TypeORM writes that name their entity in the call: `m.save(Case, …)`, `m.update(Case, …)`,
 * `m.getRepository(Case).update(…)`, `qb.insert().into(Case)`. A repository kept in a variable first is
 * not followed.
 */
export function findOrmWrites(
  file: string,
  source: string,
  entities: ReadonlyMap<string, string>,
): SqlWrite[] {
  const parsed = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const writes: SqlWrite[] = [];
  const entityOf = (expr: ts.Expression | undefined): string | undefined =>
    expr && ts.isIdentifier(expr) ? entities.get(expr.text) : undefined;
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ORM_WRITES.has(node.expression.name.text)
    ) {
      const target = node.expression.expression;
      const table =
        entityOf(node.arguments[0]) ??
        (ts.isCallExpression(target) &&
        ts.isPropertyAccessExpression(target.expression) &&
        target.expression.name.text === 'getRepository'
          ? entityOf(target.arguments[0])
          : undefined);
      if (table)
        writes.push({
          verb: `${node.expression.name.text}()`,
          table,
          file,
          line: parsed.getLineAndCharacterOfPosition(node.getStart(parsed)).line + 1,
        });
    }
    node.forEachChild(visit);
  };
  visit(parsed);
  return writes;
}

/**
 * The writes in `sources` (path → text, paths relative to the repository) of tables another lib owns, less
 * the allowed ones. A file under `libs/<lib>/` writes as `<lib>`; one under `apps/<app>/` as `apps/<app>`,
 * which owns no table.
 */
export function foreignWrites(
  sources: ReadonlyMap<string, string>,
  owners: ReadonlyMap<string, string>,
  allowed: readonly AllowedWrite[] = [],
): ForeignWrite[] {
  const tables = new Set(owners.keys());
  const entities = entityTables(sources);
  const result: ForeignWrite[] = [];
  for (const [file, source] of sources) {
    const [top, name] = file.split('/');
    const writer = top === 'libs' ? name : `${top}/${name}`;
    for (const write of [...findSqlWrites(file, source, tables), ...findOrmWrites(file, source, entities)]) {
      const owner = owners.get(write.table);
      if (owner === writer) continue;
      if (allowed.some((a) => a.writer === writer && a.file === file && a.table === write.table)) continue;
      result.push({ ...write, writer, owner });
    }
  }
  return result.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** Table → the lib whose `@Entity` declares it. */
export function tableOwners(root: string): Map<string, string> {
  const owners = new Map<string, string>();
  for (const lib of readLibMap(root))
    for (const table of lib.tables) {
      const other = owners.get(table);
      if (other) throw new Error(`table ${table} has an @Entity in both libs/${other} and libs/${lib.name}`);
      owners.set(table, lib.name);
    }
  return owners;
}

/** The production sources the check reads: every non-test .ts file under libs/ and apps/. */
export function productionSources(root: string): Map<string, string> {
  const sources = new Map<string, string>();
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        if (entry !== 'node_modules') visit(path);
      } else if (entry.endsWith('.ts') && !/\.(spec|e2e-spec|d)\.ts$/.test(entry))
        sources.set(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8'));
    }
  };
  for (const top of ['libs', 'apps']) if (existsSync(join(root, top))) visit(join(root, top));
  return sources;
}
