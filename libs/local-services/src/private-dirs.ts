import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  chownSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { redisServerOf } from './local-redis';
import type { ServiceAccount } from './service-account';

let chosenRoot: string | undefined;

/**
 * Where a root-run server keeps what its unprivileged account must reach: `LOCAL_SERVICES_DIR` when set,
 * else `/var/lib/sme-export-programme` (root-owned, world-enterable), or the same name under the temp folder
 * when /var/lib is read-only.
 */
export function privateRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LOCAL_SERVICES_DIR) return resolve(env.LOCAL_SERVICES_DIR);
  if (chosenRoot) return chosenRoot;
  for (const candidate of ['/var/lib/sme-export-programme', join(tmpdir(), 'sme-export-programme')]) {
    try {
      mkdirSync(candidate, { recursive: true, mode: 0o755 });
      accessSync(candidate, constants.W_OK);
      chosenRoot = candidate;
      return candidate;
    } catch {
      // read-only or not ours: try the next
    }
  }
  throw new Error('Neither /var/lib nor the temp folder is writable');
}

function clustersRoot(): string {
  const root = join(privateRoot(), 'clusters');
  mkdirSync(root, { recursive: true, mode: 0o755 });
  chmodSync(root, 0o755);
  return root;
}

function isLink(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
}

function linkTarget(path: string): string | undefined {
  return isLink(path) ? readlinkSync(path) : undefined;
}

/**
 * The folder the server really keeps its data in, given the one the project asked for (`.data/<scope>/postgres`).
 *
 * - A normal user: the folder asked for.
 * - Root: the account the server runs as usually cannot enter the project, so the data goes to a folder of
 *   its own under {@link privateRoot} (mode 0700, owned by the account), and the folder asked for becomes a
 *   symbolic link to it. The link is the record: delete `.data/` and the next start begins afresh (the old
 *   folder is removed by {@link removeOrphanClusters}). A cluster made in place by an earlier version is
 *   used where it is.
 */
export function serverDataDir(requested: string, account: ServiceAccount | undefined): string {
  const wanted = resolve(requested);
  if (!account) return wanted;
  if (!isLink(wanted) && existsSync(join(wanted, 'PG_VERSION'))) return wanted;
  const current = linkTarget(wanted);
  if (current && existsSync(current)) return current;
  if (current) rmSync(wanted, { force: true }); // its cluster is gone

  const cluster = join(clustersRoot(), randomBytes(6).toString('hex'));
  const data = join(cluster, 'data');
  mkdirSync(cluster, { mode: 0o755 });
  writeFileSync(join(cluster, 'owner'), `${wanted}\n`);
  mkdirSync(data, { mode: 0o700 });
  chownSync(data, account.uid, account.gid);
  mkdirSync(dirname(wanted), { recursive: true });
  rmSync(wanted, { recursive: true, force: true }); // an empty folder left by an earlier failed start
  symlinkSync(data, wanted);
  return data;
}

/** Removes the server's data, and the link to it when there is one. */
export function removeServerData(requested: string, dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
  if (isLink(requested)) rmSync(requested, { force: true });
  const cluster = dirname(dataDir);
  if (existsSync(join(cluster, 'owner'))) rmSync(cluster, { recursive: true, force: true });
}

/**
 * Clusters under {@link privateRoot} whose project link is gone (the project or its `.data/` was deleted, or a
 * killed test run's folder was cleaned up) and whose server is not running.
 */
export function removeOrphanClusters(): void {
  const root = join(privateRoot(), 'clusters');
  if (!existsSync(root)) return;
  for (const id of readdirSync(root)) {
    const cluster = join(root, id);
    const data = join(cluster, 'data');
    let owner: string;
    try {
      owner = readFileSync(join(cluster, 'owner'), 'utf8').trim();
    } catch {
      continue; // being created right now, or not ours
    }
    if (linkTarget(owner) === data) continue;
    if (postmasterPid(data) !== undefined) continue; // leave a running server alone
    rmSync(cluster, { recursive: true, force: true });
  }
}

/** The pid of the server running on this data folder, if one is. */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Throwaway folders (`test-<pid>`, `reliability-<pid>-…`) left under `.data/` by runs that were killed before
 * they could clean up, with the servers such a run left running (a test run killed by pid, not by Ctrl+C,
 * which reaches its servers too): they are stopped first. Folders of runs still going are kept.
 */
export async function removeStaleRunFolders(dataRoot: string): Promise<void> {
  if (!existsSync(dataRoot)) return;
  for (const name of readdirSync(dataRoot)) {
    const pid = /^(?:test|reliability|bench-run)-(\d+)(?:-|$)/.exec(name)?.[1];
    if (!pid || isAlive(Number(pid))) continue;
    const folder = join(dataRoot, name);
    const link = join(folder, 'postgres');
    const target = linkTarget(link);
    await stopLeftServers(target ?? link, join(folder, 'redis', 'redis.pid'));
    if (target) removeServerData(link, target);
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Stops the PostgreSQL running on `postgresData` (immediate shutdown: its data is thrown away next) and the
 * redis-server of `redisPidFile`, each only if the pid still belongs to such a server, and waits for them to go.
 */
async function stopLeftServers(postgresData: string, redisPidFile: string): Promise<void> {
  const left: [number, NodeJS.Signals][] = [];
  const postgres = postmasterPid(postgresData);
  if (postgres && argumentsOf(postgres).includes(postgresData)) left.push([postgres, 'SIGQUIT']);
  const redis = redisServerOf(redisPidFile);
  if (redis) left.push([redis.pid, 'SIGTERM']);
  for (const [pid, signal] of left) {
    try {
      process.kill(pid, signal);
    } catch {
      // gone already, or not ours to stop
    }
  }
  for (let waited = 0; waited < 5000 && left.some(([pid]) => isAlive(pid)); waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100));
}

/** A process's command line as /proc has it (arguments separated by NULs), or '' once it is gone. */
function argumentsOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}
