import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { caseExportSql } from '@app/reporting';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { Benchmark, BenchContext, BenchmarkResult, Measurement, verdict } from '../bench.types';
import { ensureBenchData } from '../support/bench-data';
import { benchToken } from '../support/bench-token';
import { peakRssMb, resetPeakRss, rssMb } from '../support/peak-rss';
import { median } from '../support/stats';

const OFFICER = 'officer-2@bench.example';

interface ExportRun {
  rows: number;
  seconds: number;
  rssGrowthMb?: number;
}

/** One export through the product: POST, the worker writes the file, timed from the row's own stamps. */
async function appExport(
  context: BenchContext,
  bearer: string,
  format: 'csv' | 'xlsx',
  db: Client,
): Promise<ExportRun> {
  const workerPid = context.app.worker.pid;
  resetPeakRss(workerPid);
  const before = rssMb(workerPid);
  const res = await fetch(`${context.app.api.url}/api/v1/reports/exports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify({ format }),
  });
  if (res.status !== 202) throw new Error(`export request answered ${res.status}: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  for (;;) {
    const { rows } = await db.query<{
      status: string;
      rows_written: number;
      seconds: number | null;
    }>(
      `SELECT status, rows_written, extract(epoch FROM finished_at - started_at)::float8 AS seconds
         FROM report_exports WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    if (row.status === 'ready') {
      const peak = peakRssMb(workerPid);
      return {
        rows: row.rows_written,
        seconds: row.seconds ?? Infinity,
        rssGrowthMb: peak !== undefined && before !== undefined ? Math.max(0, peak - before) : undefined,
      };
    }
    if (row.status === 'failed') throw new Error(`export ${id} failed`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The ceiling: Postgres writing the same SELECT as CSV itself (COPY … TO STDOUT), read into a null sink. */
async function copyExport(databaseUrl: string): Promise<ExportRun> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // COPY takes no parameters: every filter is NULL (no filter), as in the app's unfiltered export.
    const sql = caseExportSql(false, 'iso-text')
      .replace(/\$4::text/g, `'UTC'::text`)
      .replace(/\$\d+/g, 'NULL');
    let lines = 0;
    const t0 = performance.now();
    await pipeline(
      client.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER true)`)),
      new Writable({
        write(chunk: Buffer, _enc, done) {
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
          done();
        },
      }),
    );
    return { rows: lines - 1, seconds: (performance.now() - t0) / 1000 };
  } finally {
    await client.end();
  }
}

const rowsPerSecond = (runs: ExportRun[]): number => median(runs.map((r) => r.rows / r.seconds)) ?? 0;
const pct = (part: number, whole: number): number => Math.round((part / whole) * 1000) / 10;

export const exportBenchmark: Benchmark = {
  name: 'export',
  title: '100 000-row CSV and XLSX export (rows/s, peak RSS) vs COPY (SELECT …) TO STDOUT',
  targets: [
    'CSV export ≥ 50 000 rows/s',
    'CSV export: worker peak memory grows < 100 MB',
    'XLSX export ≥ 50 000 rows/s (issue 29)',
    'XLSX export: worker peak memory grows < 100 MB at 100 000 rows (issue 29)',
  ],
  unavailableReason: async () => undefined,
  async run(context: BenchContext): Promise<BenchmarkResult> {
    const { settings, databaseUrl, log } = context;
    await ensureBenchData(context);
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      // Earlier runs' exports would count against the hourly limit.
      await db.query(
        `DELETE FROM report_exports WHERE requested_by = (SELECT id FROM users WHERE email = $1)`,
        [OFFICER],
      );
      const bearer = await benchToken(context.app.api.url, OFFICER);
      const runs: Record<'csv' | 'xlsx' | 'copy', ExportRun[]> = { csv: [], xlsx: [], copy: [] };
      await appExport(context, bearer, 'csv', db); // warm-up
      await copyExport(databaseUrl);
      for (let round = 1; round <= settings.rounds; round++) {
        for (const format of ['csv', 'xlsx'] as const)
          runs[format].push(await appExport(context, bearer, format, db));
        runs.copy.push(await copyExport(databaseUrl));
        log(
          `  round ${round}/${settings.rounds}: CSV ${Math.round(runs.csv[round - 1].rows / runs.csv[round - 1].seconds)} rows/s, ` +
            `XLSX ${Math.round(runs.xlsx[round - 1].rows / runs.xlsx[round - 1].seconds)} rows/s, ` +
            `COPY ${Math.round(runs.copy[round - 1].rows / runs.copy[round - 1].seconds)} rows/s`,
        );
      }
      const measurement = (subject: string, list: ExportRun[]): Measurement => ({
        subject,
        medianMs: median(list.map((r) => r.seconds * 1000)),
        throughput: { value: Math.round(rowsPerSecond(list)), unit: 'rows/s' },
        peakRssMb: list.every((r) => r.rssGrowthMb !== undefined)
          ? Math.max(...list.map((r) => r.rssGrowthMb ?? 0))
          : undefined,
        samples: list.length,
      });
      const csv = measurement(`app: CSV export of ${runs.csv[0].rows} rows (worker, file on disk)`, runs.csv);
      const xlsx = measurement(
        `app: XLSX export of ${runs.xlsx[0].rows} rows (worker, file on disk)`,
        runs.xlsx,
      );
      const copy = measurement('ceiling: COPY (the same SELECT) TO STDOUT as CSV, bare pg client', runs.copy);
      return {
        name: this.name,
        title: this.title,
        status: 'measured',
        method:
          `${settings.cases} cases, no filter; ${settings.rounds} rounds after a warm-up; rows/s from the export row's ` +
          `started/finished stamps (count + stream + file + rename); peak RSS = growth of the worker's VmHWM over its ` +
          `RSS at the start of each export`,
        app: [csv, xlsx],
        ceiling: [copy],
        ratio: {
          label: 'CSV export rows/s ÷ COPY rows/s',
          percent: Math.round((rowsPerSecond(runs.csv) / rowsPerSecond(runs.copy)) * 1000) / 10,
        },
        targets: [
          {
            target: 'CSV export ≥ 50 000 rows/s',
            actual: `${csv.throughput?.value} rows/s`,
            verdict: verdict((csv.throughput?.value ?? 0) >= 50_000),
          },
          {
            target: 'CSV export: worker peak memory grows < 100 MB',
            actual: csv.peakRssMb === undefined ? 'not measurable here' : `${csv.peakRssMb.toFixed(1)} MB`,
            verdict: verdict((csv.peakRssMb ?? Infinity) < 100),
          },
          {
            target: 'XLSX export ≥ 50 000 rows/s (issue 29)',
            actual:
              `${xlsx.throughput?.value} rows/s (${pct(rowsPerSecond(runs.xlsx), rowsPerSecond(runs.csv))} % of CSV, ` +
              `${pct(rowsPerSecond(runs.xlsx), rowsPerSecond(runs.copy))} % of COPY)`,
            verdict: verdict((xlsx.throughput?.value ?? 0) >= 50_000),
          },
          {
            target: 'XLSX export: worker peak memory grows < 100 MB at 100 000 rows (issue 29)',
            actual: xlsx.peakRssMb === undefined ? 'not measurable here' : `${xlsx.peakRssMb.toFixed(1)} MB`,
            verdict: verdict((xlsx.peakRssMb ?? Infinity) < 100 && runs.xlsx[0].rows >= 100_000),
          },
        ],
        notes: [
          'Peak RSS columns here are the growth during the export, not the process total.',
          "XLSX is written by the project's streaming writer (libs/reporting/src/exports/xlsx-rows.ts): sheet XML " +
            'straight into a deflate stream in the zip, inline strings, no shared-strings table.',
        ],
      };
    } finally {
      await db.end();
    }
  },
};
