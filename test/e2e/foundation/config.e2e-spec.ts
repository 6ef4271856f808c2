import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/** Runs the real api entry point as a process and collects what it prints and how it exits. */
function runApi(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', join(root, 'apps', 'api', 'main.ts')],
      { cwd: root, env: { ...process.env, TS_NODE_SWC: 'true', NODE_ENV: 'test', PORT: '0', ...env } },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('start-up configuration', () => {
  it('stops with a message naming a malformed DATABASE_URL', async () => {
    const { code, output } = await runApi({
      DATABASE_URL: 'mysql//wrong',
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    });
    expect(code).toBe(1);
    expect(output).toContain('DATABASE_URL');
    expect(output).toContain('must be a URL starting with postgres://');
    expect(output).not.toMatch(/\n\s+at /);
  });
});
