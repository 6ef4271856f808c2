import { Benchmark, BenchmarkResult, verdict } from '../bench.types';
import { startBareNestServer, startHelloServer } from '../support/hello-server';
import { measureHttpRounds } from '../support/http-rounds';
import { ratioPercent } from '../support/stats';

const TARGET_PERCENT = 70;

/**
 * GET /health on the production api against two ceilings on the same machine: the smallest NestJS
 * application on the same HTTP adapter (the target, issue 29: ≥ 70 % of it), and bare node:http.
 */
export const healthThroughputBenchmark: Benchmark = {
  name: 'health',
  title: 'GET /health throughput',
  targets: [`GET /health ≥ ${TARGET_PERCENT} % of bare NestJS (Express adapter) req/s`],
  unavailableReason: async () => undefined,
  async run(context): Promise<BenchmarkResult> {
    const { settings, app } = context;
    const hello = await startHelloServer(app);
    const nest = await startBareNestServer(app);
    try {
      const [api, bareNest, ceiling] = await measureHttpRounds(context, [
        { subject: 'app: api GET /health', url: `${app.api.url}/health`, pid: app.api.pid },
        {
          subject: 'ceiling: bare NestJS (Express adapter) hello',
          url: `${nest.url}/health`,
          pid: nest.pid,
        },
        { subject: 'ceiling: bare node:http hello', url: hello.url, pid: hello.pid },
      ]);
      const ofNest = ratioPercent(api.throughput?.value ?? 0, bareNest.throughput?.value ?? 0);
      return {
        name: this.name,
        title: this.title,
        status: 'measured',
        method:
          `autocannon in its own process, ${settings.connections} connections on loopback, ` +
          `${settings.rounds} rounds × ${settings.durationSeconds} s after a ${settings.warmupSeconds} s warm-up`,
        app: [api],
        ceiling: [bareNest, ceiling],
        ratio: { label: 'api req/s ÷ bare NestJS (Express adapter) req/s', percent: ofNest },
        targets: [
          {
            target: `GET /health ≥ ${TARGET_PERCENT} % of bare NestJS (Express adapter) req/s`,
            actual: `${ofNest.toFixed(1)} %`,
            verdict: verdict(ofNest >= TARGET_PERCENT),
          },
          {
            target: 'GET /health answers every request with 2xx',
            actual: `${api.errors} errors in ${api.samples} requests`,
            verdict: verdict(api.errors === 0),
          },
        ],
        notes: [
          `api req/s ÷ bare node:http req/s = ${ratioPercent(
            api.throughput?.value ?? 0,
            ceiling.throughput?.value ?? 0,
          ).toFixed(1)} %; bare NestJS ÷ bare node:http = ${ratioPercent(
            bareNest.throughput?.value ?? 0,
            ceiling.throughput?.value ?? 0,
          ).toFixed(1)} %`,
        ],
      };
    } finally {
      await nest.stop();
      await hello.stop();
    }
  },
};
