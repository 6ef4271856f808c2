import type { Pool } from 'pg';
import type { Measurement } from '../bench.types';
import { latencySummary, median } from './stats';

/** One SQL statement as a service sent it, captured to be replayed from bare `pg`. */
export interface Statement {
  sql: string;
  params: unknown[];
}

export interface BareSqlRound {
  latencies: number[];
  completed: number;
  seconds: number;
  errors: number;
}

/**
 * A ceiling round: the statements in a loop from bare `pg` for `seconds`, one loop per connection, one
 * after another or all at once (`together`, as a service that sends them with Promise.all).
 */
export async function bareSqlRound(
  pool: Pool,
  statements: Statement[],
  options: { connections: number; seconds: number; together?: boolean },
): Promise<BareSqlRound> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const once = async (): Promise<void> => {
    if (options.together) await Promise.all(statements.map((s) => pool.query(s.sql, s.params)));
    else for (const s of statements) await pool.query(s.sql, s.params);
  };
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await once();
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  return { latencies, completed: latencies.length, seconds: (performance.now() - started) / 1000, errors };
}

/** The ceiling's figures over its rounds: pooled latencies, the median round's rate in pages/s. */
export function bareSqlMeasurement(subject: string, rounds: BareSqlRound[]): Measurement {
  const latencies = rounds.flatMap((r) => r.latencies);
  return {
    subject,
    ...latencySummary(latencies),
    throughput: {
      value: Math.round(median(rounds.map((r) => r.completed / r.seconds)) ?? 0),
      unit: 'pages/s',
    },
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    samples: latencies.length,
  };
}
