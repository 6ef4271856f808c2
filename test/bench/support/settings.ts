/** Knobs of one `npm run bench` run; defaults give a ~3 minute run on a 2-core machine. */
export interface BenchSettings {
  /** Measured rounds per benchmark (after one warm-up round). */
  rounds: number;
  /** Seconds of load per HTTP round. */
  durationSeconds: number;
  warmupSeconds: number;
  /** Concurrent autocannon connections. */
  connections: number;
  coldStartRounds: number;
  /** Jobs per round of the queue benchmarks. */
  queueJobs: number;
  queueConcurrency: number;
  /** Jobs per addBulk call of the bare Bull ceiling. */
  queueBatchSize: number;
  skipBuild: boolean;
  /** Write V8 CPU profiles of the api and worker to .data/bench-profiles (see docs/benchmarks.md). */
  cpuProf: boolean;
  /** Run only the benchmarks with these names (all when empty). */
  only: string[];
  /** Cases in the seeded data set the data benchmarks run on (npm run bench:seed's generator). */
  cases: number;
  /** Length of the soak benchmark (run only with `--only soak`), warm-up included. */
  minutes: number;
}

export const DEFAULT_SETTINGS: BenchSettings = {
  rounds: 3,
  durationSeconds: 5,
  warmupSeconds: 3,
  connections: 50,
  coldStartRounds: 5,
  queueJobs: 5000,
  // As config/follow-ups.yaml's concurrency (20) and config/messaging.yaml's relay batches (500).
  queueConcurrency: 20,
  queueBatchSize: 500,
  skipBuild: false,
  cpuProf: false,
  only: [],
  cases: 100_000,
  minutes: 10,
};

const USAGE = `usage: npm run bench -- [--rounds N] [--duration S] [--warmup S] [--connections N]
       [--cold-start-rounds N] [--queue-jobs N] [--queue-concurrency N] [--queue-batch N] [--skip-build] [--cpu-prof] [--only name,name] [--cases N] [--minutes N]`;

function positiveInt(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a whole number of at least 1\n${USAGE}`);
  return n;
}

/** The flags that take a whole number of at least 1, and the setting each one sets. */
const COUNT_FLAGS: Record<string, keyof BenchSettings & CountSetting> = {
  '--rounds': 'rounds',
  '--duration': 'durationSeconds',
  '--warmup': 'warmupSeconds',
  '--connections': 'connections',
  '--cold-start-rounds': 'coldStartRounds',
  '--queue-jobs': 'queueJobs',
  '--queue-concurrency': 'queueConcurrency',
  '--queue-batch': 'queueBatchSize',
  '--cases': 'cases',
  '--minutes': 'minutes',
};
type CountSetting = {
  [K in keyof BenchSettings]: BenchSettings[K] extends number ? K : never;
}[keyof BenchSettings];

/** Parses `npm run bench -- …` arguments; unknown flags stop the run with the usage text. */
export function parseSettings(argv: string[]): BenchSettings {
  const settings: BenchSettings = { ...DEFAULT_SETTINGS, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const next = (): string | undefined => argv[++i];
    const count = Object.hasOwn(COUNT_FLAGS, flag) ? COUNT_FLAGS[flag] : undefined;
    if (count) settings[count] = positiveInt(flag, next());
    else if (flag === '--skip-build') settings.skipBuild = true;
    else if (flag === '--cpu-prof') settings.cpuProf = true;
    else if (flag === '--only') settings.only = (next() ?? '').split(',').filter(Boolean);
    else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  return settings;
}
