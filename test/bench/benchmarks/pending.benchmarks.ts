import { Benchmark, BenchmarkResult } from '../bench.types';

/**
 * Benchmarks issue 10 lists whose features other issues build. Each reports, in the table, which targets
 * it will check and why it cannot run yet; the issue that delivers the feature replaces its entry with a
 * real module in this folder.
 */
function pending(name: string, title: string, reason: string, targets: string[]): Benchmark {
  return {
    name,
    title,
    targets,
    unavailableReason: async () => reason,
    async run(): Promise<BenchmarkResult> {
      return { name, title, status: 'not-available', reason, targets };
    },
  };
}

export const pendingBenchmarks: Benchmark[] = [
  pending(
    'enrolment-submit',
    'Enrolment submit (validation + insert + outbox + audit) vs the same inserts from bare pg',
    'needs the enrolment submit API with its audit and outbox rows (enrolment, identity and follow-ups issues)',
    ['enrolment submit ≥ 300 req/s', 'enrolment submit with zero errors'],
  ),
];
