import type { BenchmarkResult, Measurement, Verdict } from '../bench.types';
import type { ProfileShare } from './profile-summary';

export interface MachineDescription {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
  loadAverageBefore: number[];
  loadAverageAfter?: number[];
}

export interface ProfileReport {
  process: string;
  file: string;
  busyMs: number;
  shares: ProfileShare[];
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  machine: MachineDescription;
  settings: Record<string, unknown>;
  results: BenchmarkResult[];
  /** With --cpu-prof: where each app process spent its busy time over the whole run. */
  profiles?: ProfileReport[];
}

function loads(values: number[] | undefined): string {
  return values ? values.map((l) => l.toFixed(2)).join(' ') : '—';
}

function ms(value: number | undefined): string {
  if (value === undefined) return '—';
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  return `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ms`;
}

function rate(m: Measurement): string {
  return m.throughput ? `${m.throughput.value.toLocaleString('en-GB')} ${m.throughput.unit}` : '—';
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  return rows.map((row) =>
    row
      .map((cell, col) => cell.padEnd(widths[col]))
      .join('  ')
      .trimEnd(),
  );
}

function measurementRows(measurements: Measurement[]): string[][] {
  return measurements.map((m) => [
    m.subject,
    ms(m.medianMs),
    ms(m.p95Ms),
    ms(m.p99Ms),
    rate(m),
    m.errors === undefined ? '—' : String(m.errors),
    m.peakRssMb === undefined ? '—' : `${m.peakRssMb.toFixed(0)} MB`,
    String(m.samples),
  ]);
}

/** Every target of the run with its verdict, in table order. */
export function targetSummary(
  results: BenchmarkResult[],
): { verdict: Verdict; target: string; actual: string }[] {
  return results.flatMap((r) => {
    if (r.status === 'measured') return r.targets;
    const actual = r.status === 'failed' ? `benchmark failed: ${r.error}` : r.reason;
    return r.targets.map((target) => ({ verdict: 'NOT AVAILABLE YET' as Verdict, target, actual }));
  });
}

/** The human-readable report printed at the end of `npm run bench`. */
export function formatReport(report: BenchReport): string {
  const { machine } = report;
  const out: string[] = [
    '',
    `Benchmarks ${report.startedAt} — ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, ` +
      `Node ${machine.node}, load average before ${loads(machine.loadAverageBefore)}, after ${loads(machine.loadAverageAfter)}`,
  ];
  for (const result of report.results) {
    out.push('', `== ${result.title} [${result.name}] ==`);
    if (result.status === 'not-available') {
      out.push(`NOT AVAILABLE YET: ${result.reason}`);
      continue;
    }
    if (result.status === 'failed') {
      out.push(`FAILED: ${result.error}`);
      continue;
    }
    out.push(`method: ${result.method}`);
    const header = ['subject', 'median', 'p95', 'p99', 'throughput', 'errors', 'peak RSS', 'samples'];
    out.push(...table([header, ...measurementRows(result.app), ...measurementRows(result.ceiling)]));
    if (result.ratio) out.push(`ratio: ${result.ratio.label} = ${result.ratio.percent} %`);
    for (const note of result.notes) out.push(`note: ${note}`);
  }
  for (const profile of report.profiles ?? []) {
    out.push(
      '',
      `== CPU profile: ${profile.process}, ${profile.busyMs} ms busy over the run (${profile.file}) ==`,
    );
    out.push(profile.shares.map((s) => `${s.owner} ${s.percent} %`).join(', '));
  }
  const targets = targetSummary(report.results);
  out.push('', '== Targets (issues 10 and 29) ==');
  out.push(
    ...table([['verdict', 'target', 'measured'], ...targets.map((t) => [t.verdict, t.target, t.actual])]),
  );
  const count = (v: Verdict) => targets.filter((t) => t.verdict === v).length;
  out.push(
    '',
    `${count('MET')} met, ${count('NOT MET')} not met, ${count('NOT AVAILABLE YET')} not available yet.`,
  );
  return out.join('\n');
}
