import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * `npm run check`: every static check, as many at once as the machine has cores. Each one is a single
 * process that keeps one core busy (tsc, eslint, prettier…), so on two cores the whole takes about half as
 * long as one after another (139 s → about 75 s here). Longest first, so the lanes end together; each
 * check's output is kept and printed with its result, a failure's in full.
 */
const CHECKS: readonly string[][] = [
  ['typecheck'],
  ['build:smoke'],
  ['format:check'],
  ['lint'],
  ['deps:check'],
  ['api:client', '--', '--check'],
  ['migration:check'],
  ['tables:check'],
  ['docs:map', '--', '--check'],
];

interface Outcome {
  name: string;
  code: number;
  seconds: number;
  output: string;
}

function runCheck(args: readonly string[]): Promise<Outcome> {
  const started = performance.now();
  const name = args.join(' ').replace(' -- ', ' ');
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    const finish = (code: number, extra = ''): void =>
      resolve({
        name,
        code,
        seconds: (performance.now() - started) / 1000,
        output: Buffer.concat(chunks).toString('utf8') + extra,
      });
    child.on('error', (error) => finish(1, `could not start npm: ${error.message}\n`));
    child.on('close', (code, signal) => finish(code ?? 1, signal ? `stopped by ${signal}\n` : ''));
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  const lanes = Math.max(1, Math.min(availableParallelism(), CHECKS.length));
  const queue = [...CHECKS];
  const failed: Outcome[] = [];
  const lane = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const outcome = await runCheck(next);
      const mark = outcome.code === 0 ? 'ok    ' : 'FAILED';
      console.log(`${mark} ${outcome.name} (${outcome.seconds.toFixed(1)} s)`);
      if (outcome.code === 0) continue;
      failed.push(outcome);
      for (const line of outcome.output.trimEnd().split('\n')) console.log(`  │ ${line}`);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (failed.length === 0) {
    console.log(`All ${CHECKS.length} checks passed in ${seconds} s (${lanes} at a time).`);
    return;
  }
  console.error(
    `${failed.length} of ${CHECKS.length} checks failed: ${failed.map((f) => f.name).join(', ')}.`,
  );
  process.exitCode = 1;
}

void main();
