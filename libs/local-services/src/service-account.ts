import { spawnSync } from 'node:child_process';
import { StartupError } from './startup-error';

/** The unprivileged account a server runs as when this process is root. */
export interface ServiceAccount {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

/** PostgreSQL refuses to run as root; as root we run it as this system account. */
const ACCOUNT = 'postgres';

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function idOf(flag: '-u' | '-g', name: string): number | undefined {
  const found = spawnSync('id', [flag, name], { encoding: 'utf8' });
  const id = Number(found.stdout.trim());
  return found.status === 0 && Number.isInteger(id) ? id : undefined;
}

/**
 * Undefined for a normal user (servers run as that user). As root: the `postgres` system account,
 * created (no home, no login shell) when the machine has none.
 */
export function serviceAccount(): ServiceAccount | undefined {
  if (!isRoot()) return undefined;
  if (idOf('-u', ACCOUNT) === undefined) {
    const created = spawnSync(
      'useradd',
      [
        '--system',
        '--user-group',
        '--no-create-home',
        '--home-dir',
        '/nonexistent',
        '--shell',
        '/usr/sbin/nologin',
        ACCOUNT,
      ],
      { encoding: 'utf8' },
    );
    if (created.status !== 0 && idOf('-u', ACCOUNT) === undefined)
      throw new StartupError(
        `PostgreSQL cannot run as root and the "${ACCOUNT}" system account could not be created (${(created.stderr || created.error?.message || '').trim()}).`,
        `Create it with "useradd --system --user-group ${ACCOUNT}", run as a normal user, or set DATABASE_URL to a PostgreSQL you already run.`,
      );
  }
  const uid = idOf('-u', ACCOUNT);
  const gid = idOf('-g', ACCOUNT);
  if (uid === undefined || gid === undefined)
    throw new StartupError(`Could not look up the "${ACCOUNT}" system account.`, 'Check "id postgres".');
  return { name: ACCOUNT, uid, gid };
}
