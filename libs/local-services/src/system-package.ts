import { spawnSync } from 'node:child_process';
import { isRoot } from './service-account';
import { StartupError } from './startup-error';

/** The absolute path of a program on PATH, if any. */
export function which(program: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v "${program}"`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path.startsWith('/') ? path : undefined;
}

/**
 * The first of `programs` found on PATH. When none is, and this is root on a machine with apt-get, installs
 * `aptPackage` (saying so in one line first; apt's own output is shown only if it fails). Otherwise stops
 * with one sentence naming the command to run.
 */
export function ensureProgram(options: {
  programs: string[];
  aptPackage: string;
  what: string;
  otherwise: string;
  log?: (line: string) => void;
}): string {
  const find = (): string | undefined => options.programs.map(which).find(Boolean);
  const existing = find();
  if (existing) return existing;
  const log = options.log ?? console.log;
  if (isRoot() && which('apt-get')) {
    log(`${options.what} is not installed: installing it with apt-get (one time)...`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { encoding: 'utf8', env });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', options.aptPackage], {
      encoding: 'utf8',
      env,
    });
    const installed = find();
    if (install.status === 0 && installed) return installed;
    log(
      `${update.stderr ?? ''}${install.stdout ?? ''}${install.stderr ?? ''}`
        .trim()
        .split('\n')
        .slice(-5)
        .join('\n'),
    );
  }
  throw new StartupError(
    `${options.what} is not installed and could not be installed automatically.`,
    `Run "sudo apt-get install -y ${options.aptPackage}" (Debian/Ubuntu)${options.otherwise ? `, ${options.otherwise}` : ''}.`,
  );
}
