import { freePort } from '@app/local-services';
import { Benchmark, BenchContext, BenchmarkResult, Measurement, verdict } from '../bench.types';
import { RunningProcess, startNodeProcess } from '../support/app-processes';
import { startHelloServer } from '../support/hello-server';
import { peakRssMb } from '../support/peak-rss';
import { latencySummary, median } from '../support/stats';

/** Issue 29: the api under 3 s; the worker keeps issue 10's 5 s. */
const TARGET_MS = { api: 3000, worker: 5000 };

type Starter = (round: string) => Promise<RunningProcess>;

/**
 * Starts a fresh process per subject per round and times spawn → first 200 from its ready path. Subjects
 * alternate within each round, so a busy spell on the shared machine hits them alike.
 */
async function coldStarts(
  context: BenchContext,
  subjects: { subject: string; start: Starter }[],
): Promise<Measurement[]> {
  const times = subjects.map(() => [] as number[]);
  const rss = subjects.map(() => [] as number[]);
  // The first start of each also warms the file-system cache; it is not counted.
  for (const { start } of subjects) await (await start('warm-up')).stop();
  for (let round = 1; round <= context.settings.coldStartRounds; round++) {
    for (const [i, { subject, start }] of subjects.entries()) {
      const running = await start(String(round));
      times[i].push(running.startupMs);
      rss[i].push(peakRssMb(running.pid) ?? 0);
      await running.stop();
      context.log(
        `  round ${round}/${context.settings.coldStartRounds} ${subject}: ${Math.round(running.startupMs)} ms`,
      );
    }
  }
  return subjects.map(({ subject }, i) => ({
    subject,
    ...latencySummary(times[i]),
    peakRssMb: median(rss[i]),
    samples: times[i].length,
  }));
}

/** Cold start of a production api and worker process to /health/ready (Postgres and Redis answer). */
export const coldStartBenchmark: Benchmark = {
  name: 'cold-start',
  title: 'Cold start to /health/ready',
  targets: ['api cold start to /health/ready < 3 s', 'worker cold start to /health/ready < 5 s'],
  unavailableReason: async () => undefined,
  async run(context): Promise<BenchmarkResult> {
    const { app } = context;
    const appProcess =
      (kind: 'api' | 'worker'): Starter =>
      async (round) => {
        const port = await freePort();
        return startNodeProcess({
          name: `cold-start-${kind}-${round}`,
          args: [`dist/apps/${kind}/main.js`],
          env: { ...app.env, [kind === 'api' ? 'PORT' : 'WORKER_PORT']: String(port) },
          port,
          readyPath: '/health/ready',
          cwd: app.root,
          logDir: app.logDir,
        });
      };
    const [api, worker, ceiling] = await coldStarts(context, [
      { subject: 'app: api process', start: appProcess('api') },
      { subject: 'app: worker process', start: appProcess('worker') },
      {
        subject: 'reference: bare node:http hello',
        start: (round) => startHelloServer(app, `cold-start-hello-${round}`),
      },
    ]);
    // Every round must meet the target, not just the typical one.
    const check = (m: Measurement, name: 'api' | 'worker') => {
      const slowest = m.p99Ms ?? Infinity;
      return {
        target: `${name} cold start to /health/ready < ${TARGET_MS[name] / 1000} s (slowest of ${m.samples})`,
        actual: `${(slowest / 1000).toFixed(2)} s`,
        verdict: verdict(slowest < TARGET_MS[name]),
      };
    };
    return {
      name: this.name,
      title: this.title,
      status: 'measured',
      method:
        `node dist/apps/<app>/main.js spawned ${context.settings.coldStartRounds} times (api, worker and the ` +
        'reference taking turns) after one uncounted warm-up start each; time from spawn to the first 200 ' +
        'from /health/ready (polled every 10 ms)',
      app: [api, worker],
      ceiling: [ceiling],
      targets: [check(api, 'api'), check(worker, 'worker')],
      notes: [
        'Issue 10 names no ceiling for cold start; the bare node:http start shows what Node alone costs.',
      ],
    };
  },
};
