import type { BenchSettings } from './support/settings';
import type { AppProcesses } from './support/app-processes';

/** One measured subject (the app, or the ceiling it is compared with). Times in ms, memory in MB. */
export interface Measurement {
  subject: string;
  medianMs?: number;
  p95Ms?: number;
  p99Ms?: number;
  throughput?: { value: number; unit: string };
  peakRssMb?: number;
  errors?: number;
  samples: number;
}

/** A target (issue 10 or 29), checked against a figure measured in this run. */
export type Verdict = 'MET' | 'NOT MET' | 'NOT AVAILABLE YET';

export interface TargetCheck {
  target: string;
  actual: string;
  verdict: Verdict;
}

export function verdict(met: boolean): Verdict {
  return met ? 'MET' : 'NOT MET';
}

export type BenchmarkResult =
  | {
      name: string;
      title: string;
      status: 'measured';
      method: string;
      app: Measurement[];
      ceiling: Measurement[];
      /** app ÷ ceiling, in percent, for the figure the issue compares. */
      ratio?: { label: string; percent: number };
      targets: TargetCheck[];
      notes: string[];
    }
  | {
      name: string;
      title: string;
      status: 'not-available';
      reason: string;
      /** Targets the issue sets for this benchmark, reported as not checked. */
      targets: string[];
    }
  | { name: string; title: string; status: 'failed'; error: string; targets: string[] };

/** What every benchmark gets: the running app and the settings of this run. */
export interface BenchContext {
  settings: BenchSettings;
  app: AppProcesses;
  /** Postgres URL of the bench database (migrated) and Redis URL of the bench Redis. */
  databaseUrl: string;
  redisUrl: string;
  log(line: string): void;
}

/** One benchmark module in test/bench/benchmarks/. */
export interface Benchmark {
  name: string;
  title: string;
  /** Its targets (issues 10 and 29), in words (shown when the benchmark cannot run yet). */
  targets: string[];
  /** Left out of a plain `npm run bench` (too long): runs only when named in `--only`. */
  onlyWhenAsked?: boolean;
  /** A reason when the feature under test does not exist yet; undefined when it can run. */
  unavailableReason(context: BenchContext): Promise<string | undefined>;
  run(context: BenchContext): Promise<BenchmarkResult>;
}
