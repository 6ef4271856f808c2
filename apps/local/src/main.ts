import 'reflect-metadata';
import { bootstrapApi } from '../../api/src/main';
import { bootstrapWorker } from '../../worker/src/main';
import { loadConfig } from '@app/config';
import { runMigrations } from '@app/database';
import { describeStartupFailure, StartupError } from '@app/local-services';
import { choosePorts, isLoopback, localUrl } from './local-address';
import { onShutdown, useLocalServices } from './local-run';
import { DEMO_PASSWORD, DEMO_SEEDS, formatLogins, runDemoSeed } from '../../cli/src/seeds';

/**
 * `npm start`: the whole service on one machine with one command. Uses DATABASE_URL / REDIS_URL when
 * set, otherwise starts Postgres and Redis under .data/dev; migrates; runs api and worker in this process.
 * Listens on 127.0.0.1 unless HOST says otherwise, and loads the demo accounts (whose password the README
 * prints) only there, or when DEMO_DATA=true says so explicitly.
 */
async function main(): Promise<void> {
  const started = Date.now();
  process.env.NODE_ENV ??= 'development';
  process.env.HOST ||= '127.0.0.1';
  process.env.LOG_FORMAT ||= process.stdout.isTTY ? 'pretty' : 'json';
  const { host } = await choosePorts();
  const demoAllowed = isLoopback(host) || process.env.DEMO_DATA === 'true';

  const services = await useLocalServices('dev', 'sme_dev');
  for (const line of services.started) console.log(`Started ${line}`);
  const config = loadConfig();
  const applied = await runMigrations(config);
  if (applied.length) console.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
  const demo = await runDemoSeed(DEMO_SEEDS, { load: demoAllowed });
  if (!demoAllowed && !demo.seeded && demo.demoAccountsPresent) {
    await services.stop();
    throw new StartupError(
      `This database holds the demo accounts, whose password is published in the README, and HOST=${host} would let anyone on the network sign in with them.`,
      'Start on 127.0.0.1 (unset HOST), or set DEMO_DATA=true to accept that.',
    );
  }
  const worker = await bootstrapWorker({ handleSignals: false });
  const api = await bootstrapApi({ handleSignals: false });
  onShutdown(async () => {
    await api.close();
    await worker.close();
    await services.stop();
  });
  const url = localUrl(host, (api.getHttpServer().address() as { port: number }).port);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\nSME Export Programme is running at ${url} (ready in ${seconds}s)`);
  if (config.APP_BASE_URL !== url) console.log(`Links in emails and PDFs use ${config.APP_BASE_URL}`);
  const workerUrl = localUrl(host, (worker.getHttpServer().address() as { port: number }).port);
  console.log(`API docs: ${url}/api/docs   Worker health: ${workerUrl}/health`);
  if (!isLoopback(host)) console.log(`Listening on ${host}: reachable from other machines on this network.`);
  // Demo mode only: known passwords for the demo accounts (runDemoSeed never seeds in production).
  if (demo.seeded) console.log(`\nDemo data loaded. Demo sign-ins:\n${formatLogins(demo.logins)}`);
  else if (demo.demoAccountsPresent)
    console.log(
      `\nDemo sign-ins: admin@demo.example, officer1@demo.example, adviser1@demo.example, sme1@demo.example … (password ${DEMO_PASSWORD})`,
    );
  else if (!demoAllowed)
    console.log(
      `\nNo demo data: HOST=${host} is not loopback. Create accounts with "npm run cli -- create-user".`,
    );
  console.log('Press Ctrl+C to stop.');
}

main().catch((error: unknown) => {
  console.error(describeStartupFailure(error));
  process.exit(1);
});
