import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SmtpPeer } from './smtp-peer';
import { stopChild } from './stop-child';

export interface RunningProcess {
  name: string;
  pid: number;
  /** http://127.0.0.1:<port> */
  url: string;
  /** ms from spawn to the first 200 from the ready path. */
  startupMs: number;
  stop(): Promise<void>;
}

/** The production api and worker under test, and how to start more of them (cold-start rounds). */
export interface AppProcesses {
  api: RunningProcess;
  worker: RunningProcess;
  /** The SMTP server the worker delivers notification emails to. */
  smtp: SmtpPeer;
  /** Environment the app processes run with (production mode, bench Postgres/Redis). */
  env: NodeJS.ProcessEnv;
  root: string;
  logDir: string;
}

const READY_TIMEOUT_MS = 60_000;

async function answers200(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}

/**
 * Spawns `node <script>` with `env`, output appended to `<logDir>/<name>.log` (a production process logs
 * to stdout; a file keeps the harness from buffering it), and waits until `readyPath` answers 200.
 */
export async function startNodeProcess(options: {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  readyPath: string;
  cwd: string;
  logDir: string;
}): Promise<RunningProcess> {
  mkdirSync(options.logDir, { recursive: true });
  const logFile = join(options.logDir, `${options.name}.log`);
  const fd = openSync(logFile, 'a');
  const started = performance.now();
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const url = `http://127.0.0.1:${options.port}`;
  const ready = `${url}${options.readyPath}`;
  while (!(await answers200(ready))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${options.name} exited (${child.exitCode ?? child.signalCode}) before ready:\n${tail(logFile)}`,
      );
    }
    if (performance.now() - started > READY_TIMEOUT_MS) {
      await stopChild(child);
      throw new Error(`${options.name} not ready after ${READY_TIMEOUT_MS / 1000} s:\n${tail(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const startupMs = performance.now() - started;
  return { name: options.name, pid: child.pid ?? -1, url, startupMs, stop: () => stopChild(child) };
}
