import type { Benchmark } from '../bench.types';
import { assignmentBenchmark } from './assignment.benchmark';
import { caseloadBenchmark } from './caseload.benchmark';
import { coldStartBenchmark } from './cold-start.benchmark';
import { enrolmentSubmitBenchmark } from './enrolment-submit.benchmark';
import { exportBenchmark } from './export.benchmark';
import { followUpPipelineBenchmark } from './follow-up-pipeline.benchmark';
import { healthThroughputBenchmark } from './health-throughput.benchmark';
import { kpiBenchmark } from './kpi.benchmark';
import { pipelineBenchmark } from './pipeline.benchmark';
import { soakBenchmark } from './soak.benchmark';

/** Every benchmark of issue 10, in the order they run and print. */
export const BENCHMARKS: Benchmark[] = [
  healthThroughputBenchmark,
  followUpPipelineBenchmark,
  caseloadBenchmark,
  pipelineBenchmark,
  assignmentBenchmark,
  kpiBenchmark,
  exportBenchmark,
  enrolmentSubmitBenchmark,
  // Last: it starts and stops many processes, which would disturb the others' measurements.
  coldStartBenchmark,
  // Only with `--only soak` (10 minutes by default).
  soakBenchmark,
];
