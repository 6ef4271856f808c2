import { loadConfig } from '@app/config';
import { runMigrations } from '@app/database';
import { useLocalServices } from '../../local/src/local-run';

/**
 * With DATABASE_URL set (production, CI, a running `npm start` you point it at) the CLI uses that
 * database. Without it, like the migration commands, it starts the local development Postgres under
 * .data/dev and migrates it, so `npm run cli` works on a fresh checkout. Stop `npm start` first in that
 * case: both would want the same data directory.
 */
export async function withCliServices<T>(work: () => Promise<T>): Promise<T> {
  process.env.NODE_ENV ??= 'development';
  if (process.env.DATABASE_URL) {
    // Only the data-protection commands read Redis (queued job payloads); the configuration requires it.
    process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
    return work();
  }
  const services = await useLocalServices('dev', 'sme_dev');
  try {
    await runMigrations(loadConfig());
    return await work();
  } finally {
    await services.stop();
  }
}
