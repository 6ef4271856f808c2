import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDatabase, LocalPostgres, startLocalPostgres } from './local-postgres';
import { LocalRedis, startLocalRedis } from './local-redis';
import { removeStaleRunFolders } from './private-dirs';

export interface Services {
  /** URL of the application database (created if missing). */
  databaseUrl: string;
  /** URL of the server's maintenance database, for creating and dropping databases. */
  adminDatabaseUrl: string;
  redisUrl: string;
  /** What this call started itself (nothing when both URLs were given). */
  started: string[];
  stop(): Promise<void>;
}

/**
 * Uses `DATABASE_URL` / `REDIS_URL` when given; otherwise starts project-local servers under
 * `<dataRoot>/<scope>/`. Stops only what it started.
 */
export async function ensureServices(options: {
  dataRoot: string;
  scope: string;
  database: string;
  env?: NodeJS.ProcessEnv;
  ephemeral?: boolean;
}): Promise<Services> {
  const env = options.env ?? process.env;
  const base = join(options.dataRoot, options.scope);
  await removeStaleRunFolders(options.dataRoot);
  const started: string[] = [];
  let postgres: LocalPostgres | undefined;
  let redis: LocalRedis | undefined;
  try {
    let databaseUrl = env.DATABASE_URL;
    let adminDatabaseUrl: string;
    if (databaseUrl) {
      const admin = new URL(databaseUrl);
      admin.pathname = '/postgres';
      adminDatabaseUrl = admin.toString();
    } else {
      postgres = await startLocalPostgres({ dataDir: join(base, 'postgres'), ephemeral: options.ephemeral });
      if (!postgres.reused) started.push(`PostgreSQL on 127.0.0.1:${postgres.port}`);
      await ensureDatabase(postgres.adminUrl, options.database);
      databaseUrl = postgres.urlFor(options.database);
      adminDatabaseUrl = postgres.adminUrl;
    }
    let redisUrl = env.REDIS_URL;
    if (!redisUrl) {
      redis = await startLocalRedis({ dir: join(base, 'redis') });
      if (!redis.reused) started.push(`Redis on 127.0.0.1:${redis.port}`);
      redisUrl = redis.url;
    }
    const stopAll = async (): Promise<void> => {
      await redis?.stop();
      await postgres?.stop();
      if (options.ephemeral && started.length > 0) rmSync(base, { recursive: true, force: true });
    };
    return { databaseUrl, adminDatabaseUrl, redisUrl, started, stop: stopAll };
  } catch (error) {
    await redis?.stop().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    throw error;
  }
}
