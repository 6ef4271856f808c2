import { projectRoot } from '@app/config';
import { ensureServices } from '@app/local-services';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** What a test run does first (test/setup/global-setup.ts), in a process of its own that then stays. */
const START_AND_STAY = `
  require('@app/local-services')
    .ensureServices({ dataRoot: process.argv[1], scope: 'test-' + process.pid, database: 'postgres', ephemeral: true })
    .then(() => { console.log('started'); setInterval(() => undefined, 1000); });
`;

/**
 * A test run killed by its pid (a CI time limit, `kill -9`; Ctrl+C reaches its servers as well) leaves its
 * PostgreSQL and Redis running. The next start of anything that uses the local services stops them and
 * removes their folder, since the run named in the folder is gone.
 */
describe('servers left running by a killed test run', () => {
  const dataRoot = mkdtempSync(join(tmpdir(), 'left-servers-'));
  afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

  it('are stopped, and their folder removed, by the next start', async () => {
    // No DATABASE_URL or REDIS_URL: the run starts its own servers, as `npm test` does on a bare machine.
    const { DATABASE_URL: _database, REDIS_URL: _redis, ...inherited } = process.env;
    const env = { ...inherited, TS_NODE_SWC: 'true' };
    const run = spawn(
      process.execPath,
      ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', '-e', START_AND_STAY, dataRoot],
      { cwd: projectRoot(), env, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      run.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('started') && resolve());
      run.on('exit', (code) => reject(new Error(`the run exited before its servers started (${code})`)));
    });
    const folder = join(dataRoot, `test-${run.pid}`);
    const postgresPid = Number(
      readFileSync(join(folder, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    const redisPid = Number(readFileSync(join(folder, 'redis', 'redis.pid'), 'utf8').split(/\s+/)[0]);
    const exited = new Promise((resolve) => run.once('exit', resolve));
    run.kill('SIGKILL');
    await exited;
    try {
      expect([alive(postgresPid), alive(redisPid)]).toEqual([true, true]);

      // A start with both URLs given starts nothing of its own, but still clears what dead runs left.
      const next = await ensureServices({
        dataRoot,
        scope: 'dev',
        database: 'postgres',
        env: { DATABASE_URL: 'postgres://127.0.0.1:1/unused', REDIS_URL: 'redis://127.0.0.1:1' },
      });
      expect(next.started).toEqual([]);
      expect([alive(postgresPid), alive(redisPid)]).toEqual([false, false]);
      expect(existsSync(folder)).toBe(false);
    } finally {
      for (const pid of [postgresPid, redisPid]) if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
  }, 120_000);
});
