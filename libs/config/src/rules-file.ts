import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from './parse-yaml';
import { configDir } from './config-dir';
import { ConfigError } from './config.errors';

function flatten(errors: ValidationError[], prefix = ''): { setting: string; message: string }[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ setting: path, message }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** Each rules file's text and its parsed YAML, so a file several modules load is parsed once per process. */
const parsedFiles = new Map<string, { text: string; parsed: unknown }>();

/**
 * The YAML of `file`, parsed once per process while its text stays the same (nace.yaml alone took
 * 0.2–0.3 s to parse, and several modules load the same files). Each caller gets its own copy, so nothing
 * one module does to its rules can reach another's.
 */
function parseYamlFile(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  let cached = parsedFiles.get(file);
  if (cached?.text !== text) {
    cached = { text, parsed: parseYaml(text) };
    parsedFiles.set(file, cached);
  }
  return structuredClone(cached.parsed);
}

/** A rules file's YAML as plain data, without validation (for a lib that reads another lib's file). */
export function readRulesYaml(relativePath: string, env: NodeJS.ProcessEnv = process.env): unknown {
  return parseYamlFile(join(configDir(env), relativePath));
}

/**
 * Loads one programme-rules file from `config/` (e.g. `eligibility.yaml`) and validates it against a
 * class-validator class. Any problem throws a `ConfigError` naming the file and the field path, so a bad
 * rule stops start-up instead of misbehaving later.
 */
export function loadRulesFile<T extends object>(
  relativePath: string,
  shape: ClassConstructor<T>,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const file = join(configDir(env), relativePath);
  let parsed: unknown;
  try {
    parsed = parseYamlFile(file);
  } catch (error) {
    throw new ConfigError(
      [{ setting: relativePath, message: (error as Error).message }],
      `config/${relativePath}`,
    );
  }
  const instance = plainToInstance(shape, parsed ?? {});
  const errors = validateSync(instance, {
    forbidUnknownValues: true,
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  if (errors.length > 0) throw new ConfigError(flatten(errors), `config/${relativePath}`);
  return instance;
}

/**
 * Integer tuning settings: defaults from a rules file, each overridable by an environment variable. `names`
 * gives each field its variable, or several (the first one set wins, so a renamed variable keeps working
 * under its old name). A value that is not an integer or breaks the class's rules throws a ConfigError
 * naming the variable.
 */
export function withIntegerOverrides<T extends object>(
  shape: ClassConstructor<T>,
  fromFile: object | undefined,
  names: Record<string, string | readonly string[]>,
  source: string,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const overrides: Record<string, number> = {};
  const used: Record<string, string> = {};
  for (const [key, candidates] of Object.entries(names)) {
    const list: readonly string[] = typeof candidates === 'string' ? [candidates] : candidates;
    used[key] = list[0];
    const name = list.find((n) => env[n] !== undefined && env[n] !== '');
    if (!name) continue;
    const raw = env[name]!.trim();
    used[key] = name;
    overrides[key] = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  }
  const instance = plainToInstance(shape, { ...fromFile, ...overrides });
  const errors = validateSync(instance, { forbidUnknownValues: true });
  if (errors.length > 0)
    throw new ConfigError(
      errors.map((e) => ({
        setting: used[e.property] ?? e.property,
        message: Object.values(e.constraints ?? {}).join('; '),
      })),
      source,
    );
  return instance;
}
