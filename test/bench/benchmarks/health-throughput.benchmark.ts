import { Benchmark, BenchmarkResult, verdict } from '../bench.types';
import { startHelloServer } from '../support/hello-server';
import { measureHttpRounds } from '../support/http-rounds';
import { ratioPercent } from '../support/stats';

/** GET /health on the production api against a bare node:http hello server on the same machine. */
export const healthThroughputBenchmark: Benchmark = {
  name: 'health',
  title: 'GET /health throughput',
  targets: [],
  unavailableReason: async () => undefined,
  async run(context): Promise<BenchmarkResult> {
    const { settings, app } = context;
    const hello = await startHelloServer(app);
    try {
      const [api, ceiling] = await measureHttpRounds(context, [
        { subject: 'app: api GET /health', url: `${app.api.url}/health`, pid: app.api.pid },
        { subject: 'ceiling: bare node:http hello', url: hello.url, pid: hello.pid },
      ]);
      return {
        name: this.name,
        title: this.title,
        status: 'measured',
        method:
          `autocannon in its own process, ${settings.connections} connections on loopback, ` +
          `${settings.rounds} rounds × ${settings.durationSeconds} s after a ${settings.warmupSeconds} s warm-up`,
        app: [api],
        ceiling: [ceiling],
        ratio: {
          label: 'api req/s ÷ bare node:http req/s',
          percent: ratioPercent(api.throughput?.value ?? 0, ceiling.throughput?.value ?? 0),
        },
        // Issue 10 sets no target for /health; a failed request is still a failure.
        targets: [
          {
            target: 'GET /health answers every request with 2xx',
            actual: `${api.errors} errors in ${api.samples} requests`,
            verdict: verdict(api.errors === 0),
          },
        ],
        notes: [],
      };
    } finally {
      await hello.stop();
    }
  },
};
