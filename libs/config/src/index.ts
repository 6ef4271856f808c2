export { AppConfig, NODE_ENVS, LOG_LEVELS, SECRET_SETTINGS, networkList, parseCidr } from './app-config';
export type { NodeEnv } from './app-config';
export { ConfigModule } from './config.module';
export { ConfigError } from './config.errors';
export { loadConfig, readRawSettings } from './load-config';
export { loadRulesFile, readRulesYaml, withIntegerOverrides } from './rules-file';
export { configDir, projectRoot } from './config-dir';
export { IntRange } from './int-range';
export { ValidateNestedObject } from './validate-nested-object';
