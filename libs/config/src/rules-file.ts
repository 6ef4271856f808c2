import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { configDir } from './config-dir';
import { ConfigError } from './config.errors';

function flatten(errors: ValidationError[], prefix = ''): { setting: string; message: string }[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ setting: path, message }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
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
    parsed = parse(readFileSync(file, 'utf8'));
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
