import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError } from 'class-validator';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from './parse-yaml';
import { AppConfig, NODE_ENVS, SECRET_SETTINGS } from './app-config';
import { configDir } from './config-dir';
import { ConfigError } from './config.errors';

type RawSettings = Record<string, unknown>;

function readYaml(file: string): RawSettings {
  if (!existsSync(file)) return {};
  const parsed = parseYaml(readFileSync(file, 'utf8'));
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError([{ setting: file, message: 'must be a mapping of SETTING: value' }], file);
  }
  return parsed as RawSettings;
}

/** Every setting AppConfig declares (from its validation decorators: some have no default value). */
const SETTING_NAMES = [
  ...new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(AppConfig, '', true, false)
      .map((m) => m.propertyName),
  ),
];

/**
 * The merged settings before validation: `config/default.yaml` < `config/<NODE_ENV>.yaml` < environment.
 * Only names `AppConfig` knows are taken from the environment.
 */
export function readRawSettings(env: NodeJS.ProcessEnv = process.env): RawSettings {
  const dir = configDir(env);
  const defaults = readYaml(join(dir, 'default.yaml'));
  const nodeEnv = env.NODE_ENV ?? (defaults.NODE_ENV as string | undefined) ?? 'development';
  const perEnv = (NODE_ENVS as readonly string[]).includes(nodeEnv)
    ? readYaml(join(dir, `${nodeEnv}.yaml`))
    : {};
  const fromEnv: RawSettings = {};
  for (const name of SETTING_NAMES) {
    const value = env[name];
    if (value !== undefined && value !== '') fromEnv[name] = value;
  }
  return { ...defaults, ...perEnv, ...fromEnv };
}

function describe(errors: ValidationError[], raw: RawSettings): { setting: string; message: string }[] {
  return errors.map((e) => {
    const given = raw[e.property];
    const shown =
      given === undefined
        ? 'it is not set'
        : SECRET_SETTINGS.has(e.property)
          ? 'the value given is hidden'
          : `got ${JSON.stringify(given)}`;
    const reasons = Object.values(e.constraints ?? {}).join('; ');
    return { setting: e.property, message: `${reasons} (${shown})` };
  });
}

/** Reads and validates every setting; throws `ConfigError` naming each missing or malformed one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = readRawSettings(env);
  const config = plainToInstance(AppConfig, raw, { enableImplicitConversion: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigError(describe(errors, raw));
  return config;
}
