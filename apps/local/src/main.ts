import 'reflect-metadata';
import { bootstrapApi } from '../../api/src/main';
import { bootstrapWorker } from '../../worker/src/main';
import { loadConfig } from '@app/config';
import { runMigrations } from '@app/database';
import { isPortInUse } from '@app/local-services';
import { onShutdown, useLocalServices } from './local-run';
import { DEMO_PASSWORD, DEMO_SEEDS, formatLogins, runDemoSeed } from '../../cli/src/seeds';

/**
 * `npm start`: the whole service on one machine with one command. Uses DATABASE_URL / REDIS_URL when
 * set, otherwise starts Postgres and Redis under .data/dev; migrates; runs api and worker in this process.
 */
async function main(): Promise<void> {
  const started = Date.now();
  process.env.NODE_ENV ??= 'development';
  const services = await useLocalServices('dev', 'sme_dev');
  for (const line of services.started) console.log(`Started ${line}`);
  const config = loadConfig();
  for (const [name, port] of [
    ['PORT', config.PORT],
    ['WORKER_PORT', config.WORKER_PORT],
  ] as const) {
    if (await isPortInUse(port)) {
      await services.stop();
      throw new Error(
        `Port ${port} is already in use. Stop what uses it, or run with ${name}=<another port>.`,
      );
    }
  }
  const applied = await runMigrations(config);
  if (applied.length) console.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
  const demo = await runDemoSeed(DEMO_SEEDS);
  const worker = await bootstrapWorker({ handleSignals: false });
  const api = await bootstrapApi({ handleSignals: false });
  onShutdown(async () => {
    await api.close();
    await worker.close();
    await services.stop();
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\nSME Export Programme is running at ${config.APP_BASE_URL} (ready in ${seconds}s)`);
  console.log(
    `API docs: ${config.APP_BASE_URL}/api/docs   Worker health: http://localhost:${config.WORKER_PORT}/health`,
  );
  // Demo mode only: known passwords for the demo accounts (runDemoSeed never seeds in production).
  if (demo.seeded) console.log(`\nDemo data loaded. Demo sign-ins:\n${formatLogins(demo.logins)}`);
  else if (demo.demoAccountsPresent)
    console.log(
      `\nDemo sign-ins: admin@demo.example, officer1@demo.example, adviser1@demo.example, sme1@demo.example … (password ${DEMO_PASSWORD})`,
    );
  console.log('Press Ctrl+C to stop.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
