import { fork } from 'node:child_process';
import { join } from 'node:path';

/** One HTTP request of a list (path relative to the task's url). */
export interface HttpRequestSpec {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export type LoadTask =
  | {
      kind: 'http';
      url: string;
      connections: number;
      durationSeconds: number;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      /**
       * Requests sent once each, in order, instead of repeating one request (for requests that can only
       * succeed once, like submitting a draft). The round ends early when the list runs out.
       */
      requests?: HttpRequestSpec[];
    }
  | { kind: 'bull'; redisUrl: string; prefix: string; jobs: number; concurrency: number; batchSize: number }
  | { kind: 'smtp'; port: number; tag: string; messages: number; connections: number };

export interface LoadResult {
  /** Requests answered / jobs completed. */
  completed: number;
  /** Connection errors, timeouts and non-2xx answers / failed jobs. */
  errors: number;
  /** HTTP: the answers among `completed` that were not 2xx, and how many of each status there were. */
  non2xx?: number;
  statuses?: Record<string, number>;
  seconds: number;
  /** Every request's or job's latency in ms. */
  latencies: number[];
  /** Peak RSS (MB) of the load process itself: the bare Bull ceiling runs in it. */
  peakRssMb?: number;
  /** With a request list: every request was sent before the duration was up. */
  exhausted?: boolean;
}

/** Runs one load task in a fresh child process (see load-child.ts) and returns its measurement. */
export function runLoad(task: LoadTask, cwd: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'load-child.ts'), [], {
      cwd,
      execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answered = false;
    child.once('message', (message: { ok: true; result: LoadResult } | { ok: false; error: string }) => {
      answered = true;
      if (message.ok) resolve(message.result);
      else reject(new Error(`load generator failed: ${message.error}`));
    });
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`load generator exited with code ${code} without a result`));
    });
    child.send(task);
  });
}
