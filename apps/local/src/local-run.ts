import { projectRoot } from '@app/config';
import { ensureServices, Services } from '@app/local-services';
import { join } from 'node:path';

/**
 * Finds or starts Postgres and Redis for a local command (`scope` keeps dev, drift-check and bench data
 * apart under `.data/`) and puts their URLs into the environment before any configuration is read.
 */
export async function useLocalServices(
  scope: string,
  database: string,
  ephemeral = false,
): Promise<Services> {
  const services = await ensureServices({
    dataRoot: join(projectRoot(), '.data'),
    scope,
    database,
    ephemeral,
  });
  process.env.DATABASE_URL = services.databaseUrl;
  process.env.REDIS_URL = services.redisUrl;
  return services;
}

/** Runs `stop` once on SIGINT/SIGTERM/SIGHUP (Ctrl+C, a process manager, the terminal closing), then exits. */
export function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received: stopping...`);
    stop()
      .catch((error: unknown) => console.error(error))
      .finally(() => process.exit(0));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, handler);
}
