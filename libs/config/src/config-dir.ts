import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The `config/` folder: `CONFIG_DIR` when set, otherwise the nearest `config/` above the working
 * directory or this file (so it is found from the repo root, from `dist/`, and from tests).
 */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CONFIG_DIR) return resolve(env.CONFIG_DIR);
  for (const start of [process.cwd(), __dirname]) {
    let dir = start;
    for (;;) {
      const candidate = join(dir, 'config', 'default.yaml');
      if (existsSync(candidate)) return join(dir, 'config');
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error('Could not find the config/ folder (config/default.yaml). Set CONFIG_DIR to its path.');
}

/** The repository (or deployment) root: the folder that holds `config/`. */
export function projectRoot(env: NodeJS.ProcessEnv = process.env): string {
  return dirname(configDir(env));
}
