import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** What one lib owns and uses, read from its source. */
export interface LibFacts {
  name: string;
  /** Tables of its entities (`@Entity('name')`). */
  tables: string[];
  /** Events it writes to the outbox (`type: '<event>'` in its code). */
  publishes: string[];
  /** Events it has a worker handler for (`@HandlesEvent(...)`). */
  handles: string[];
  /** Route prefixes of its controllers and how many routes each has. */
  routes: { prefix: string; count: number }[];
  /** The other libs it imports (`@app/<name>`). */
  uses: string[];
}

const HTTP_METHODS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Head', 'Options']);

/** Every non-test TypeScript file under `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return entry.endsWith('.ts') && !entry.endsWith('.spec.ts') && !entry.endsWith('.d.ts') ? [path] : [];
  });
}

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** A decorator's name and arguments (`@Get('x')` → Get, ['x']). */
function decoratorCall(node: ts.Node): { name: string; args: readonly ts.Expression[] } | undefined {
  if (!ts.isDecorator(node)) return undefined;
  const expr = node.expression;
  if (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression))
    return { name: expr.expression.text, args: expr.arguments };
  if (ts.isIdentifier(expr)) return { name: expr.text, args: [] };
  return undefined;
}

/** `const NAME = 'text'` at the top of a file, so `type: NAME` can be read as the text it stands for. */
function stringConstants(file: ts.SourceFile, into: Map<string, string>): void {
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || !d.initializer) continue;
      let init = d.initializer;
      if (ts.isAsExpression(init) || ts.isSatisfiesExpression(init)) init = init.expression;
      if (ts.isStringLiteralLike(init)) into.set(d.name.text, init.text);
    }
  }
}

function textOf(expr: ts.Expression | undefined, constants: Map<string, string>): string | undefined {
  if (!expr) return undefined;
  if (ts.isStringLiteralLike(expr)) return expr.text;
  if (ts.isIdentifier(expr)) return constants.get(expr.text);
  if (ts.isObjectLiteralExpression(expr)) {
    const path = expr.properties.find(
      (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'path',
    );
    return textOf(path?.initializer, constants);
  }
  return undefined;
}

/** The event names of EVENT_CONTRACTS in libs/messaging (the keys of the contract map). */
export function eventNames(root: string): Set<string> {
  const file = parse(join(root, 'libs/messaging/src/events/event-contracts.ts'));
  const names = new Set<string>();
  walk(file, (node) => {
    if (
      ts.isVariableDeclaration(node) &&
      node.name.getText() === 'EVENT_CONTRACTS' &&
      node.initializer &&
      ts.isObjectLiteralExpression(node.initializer)
    )
      for (const p of node.initializer.properties)
        if (p.name && (ts.isStringLiteral(p.name) || ts.isIdentifier(p.name))) names.add(p.name.text);
  });
  return names;
}

const snakeCase = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
const joinPath = (...parts: string[]): string =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');

/** A class's members and those it inherits that it does not override (base classes found by name). */
function withInherited(
  node: ts.ClassDeclaration,
  classes: Map<string, ts.ClassDeclaration>,
): ts.ClassElement[] {
  const members = [...node.members];
  const names = new Set(members.map((m) => m.name?.getText()).filter((n) => n !== undefined));
  const heritage = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  const base =
    heritage && ts.isIdentifier(heritage.expression) ? classes.get(heritage.expression.text) : undefined;
  if (base && base !== node)
    for (const member of withInherited(base, classes))
      if (!member.name || !names.has(member.name.getText())) members.push(member);
  return members;
}

/**
 * The part of a route a reader looks for: the controller's path when it names something (`/training/admin`),
 * else the route's first segment (`/tasks`; `/api/v1/cases` under a bare `api/v1` controller).
 */
function routePrefix(controllerPath: string, routePath: string): string {
  const base = joinPath(controllerPath);
  if (base !== '/' && base !== '/api' && base !== '/api/v1') return base;
  const segments = joinPath(controllerPath, routePath).split('/').filter(Boolean);
  return joinPath(...segments.slice(0, segments[0] === 'api' ? 3 : 1));
}

/** Reads every lib under `root/libs`. */
export function readLibMap(root: string): LibFacts[] {
  const events = eventNames(root);
  const libsDir = join(root, 'libs');
  const libs = readdirSync(libsDir)
    .filter((name) => statSync(join(libsDir, name, 'src')).isDirectory())
    .sort();
  const files = new Map(libs.map((lib) => [lib, sourceFiles(join(libsDir, lib, 'src')).map(parse)]));
  const constants = new Map<string, string>();
  for (const parsed of files.values()) for (const file of parsed) stringConstants(file, constants);
  // Classes by name, so a controller's routes include those it inherits (SignedLinkPagesController).
  const classes = new Map<string, ts.ClassDeclaration>();
  for (const parsed of files.values())
    for (const file of parsed)
      walk(file, (node) => {
        if (ts.isClassDeclaration(node) && node.name) classes.set(node.name.text, node);
      });

  return libs.map((lib) => {
    const tables = new Set<string>();
    const publishes = new Set<string>();
    const handles = new Set<string>();
    const uses = new Set<string>();
    const routes = new Map<string, number>();
    for (const file of files.get(lib)!) {
      for (const statement of file.statements)
        if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) {
          const from = statement.moduleSpecifier;
          const match = from && ts.isStringLiteral(from) ? /^@app\/([^/]+)/.exec(from.text) : null;
          if (match && match[1] !== lib) uses.add(match[1]);
        }
      walk(file, (node) => {
        if (ts.isClassDeclaration(node)) {
          const decorators = (ts.getDecorators(node) ?? []).map(decoratorCall).filter((d) => d !== undefined);
          const entity = decorators.find((d) => d.name === 'Entity');
          if (entity) tables.add(textOf(entity.args[0], constants) ?? snakeCase(node.name?.text ?? ''));
          const controller = decorators.find((d) => d.name === 'Controller');
          if (controller) {
            const base = textOf(controller.args[0], constants) ?? '';
            for (const member of withInherited(node, classes)) {
              for (const d of (ts.canHaveDecorators(member) ? (ts.getDecorators(member) ?? []) : []).map(
                decoratorCall,
              )) {
                if (!d || !HTTP_METHODS.has(d.name)) continue;
                const prefix = routePrefix(base, textOf(d.args[0], constants) ?? '');
                routes.set(prefix, (routes.get(prefix) ?? 0) + 1);
              }
            }
          }
        }
        const call = decoratorCall(node);
        if (call?.name === 'HandlesEvent')
          for (const arg of call.args) {
            const name = textOf(arg, constants);
            if (name && events.has(name)) handles.add(name);
          }
        if (ts.isPropertyAssignment(node) && node.name.getText() === 'type') {
          const name = textOf(node.initializer, constants);
          if (name && events.has(name)) publishes.add(name);
        }
      });
    }
    return {
      name: lib,
      tables: [...tables].sort(),
      publishes: [...publishes].sort(),
      handles: [...handles].sort(),
      routes: [...routes]
        .map(([prefix, count]) => ({ prefix, count }))
        .sort((a, b) => a.prefix.localeCompare(b.prefix)),
      uses: [...uses].sort(),
    };
  });
}

const code = (items: string[]): string => (items.length ? items.map((i) => `\`${i}\``).join(', ') : '—');

/** The README's table of libs (Markdown, before Prettier aligns it). */
export function renderLibMap(libs: LibFacts[]): string {
  const rows = libs.map((lib) =>
    [
      `\`${lib.name}\``,
      code(lib.tables),
      code(lib.publishes),
      code(lib.handles),
      lib.routes.length ? lib.routes.map((r) => `\`${r.prefix}\` (${r.count})`).join(', ') : '—',
      code(lib.uses),
    ].join(' | '),
  );
  return [
    '| lib | tables it owns | events it publishes | events it handles | routes (how many) | libs it may use (`@app/…`) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

export const MAP_START =
  '<!-- lib-map:start (npm run docs:map writes this table; npm run check compares it) -->';
export const MAP_END = '<!-- lib-map:end -->';

/** `readme` with the text between the markers replaced by `table`; throws when the markers are missing. */
export function withLibMap(readme: string, table: string): string {
  const start = readme.indexOf(MAP_START);
  const end = readme.indexOf(MAP_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${MAP_START} … ${MAP_END} section`);
  return `${readme.slice(0, start + MAP_START.length)}\n\n${table}\n\n${readme.slice(end)}`;
}
