import { projectRoot } from '@app/config';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, TestApi } from '../../support/test-api';
import { readArchive } from './support/archive';
import { Person, personWithDataEverywhere } from './support/person.factory';

// Each command is a fresh ts-node process: seconds each on a loaded machine.
jest.setTimeout(300_000);

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
    cwd: projectRoot(),
    env: { ...process.env, NODE_ENV: 'test' },
    encoding: 'utf8',
    timeout: 110_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const changeLines = (output: string): string[] =>
  output.split('\n').filter((l) => /^ {2}(update|delete) /.test(l));

describe('cli: sar, erase and retention as child processes', () => {
  let api: TestApi;
  let person: Person;
  let dir: string;

  beforeAll(async () => {
    api = await startTestApi(); // sets DATABASE_URL, REDIS_URL and REDIS_PREFIX, which the children inherit
    person = await personWithDataEverywhere(api);
    dir = mkdtempSync(join(tmpdir(), 'dp-cli-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await api.close();
  });

  it('writes the subject access archive and an audit row', async () => {
    const out = join(dir, 'sar.zip');
    const result = cli('sar', '--email', person.email, '--out', out);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Subject access archive written to ${out}`);
    expect(result.stdout).toMatch(/ {2}cases: 1/);
    const { json } = readArchive(readFileSync(out));
    expect(json.records.cases.map((c) => c.id)).toEqual([person.caseId]);
    expect(json.queuedJobs).toHaveLength(1);
    const requestId = /request ([0-9a-f-]{36})/.exec(result.stdout)![1];
    const audit = await api.dataSource.query(
      `SELECT actor_id, request_id FROM audit_event WHERE action = 'data_protection.access_requested' AND entity_id = $1`,
      [requestId],
    );
    expect(audit).toEqual([{ actor_id: null, request_id: 'cli' }]);
  });

  it('erases with --simulate listing exactly what the real run then changes', async () => {
    const refused = cli('erase', '--email', person.email, '--reason', 'asked in writing', '--simulate');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/confirmOpenCase: .*open case/);

    const args = ['erase', '--email', person.email, '--reason', 'asked in writing', '--confirm-open-case'];
    const simulated = cli(...args, '--simulate');
    expect(simulated.status).toBe(0);
    expect(simulated.stdout).toMatch(/^Simulation: erasure would make \d+ change\(s\)/);
    const [{ email }] = await api.dataSource.query('SELECT email FROM users WHERE id = $1', [person.id]);
    expect(email).toBe(person.email);

    const real = cli(...args);
    expect(real.status).toBe(0);
    expect(real.stdout).toMatch(/^Erased: \d+ change\(s\)/);
    expect(changeLines(real.stdout)).toEqual(changeLines(simulated.stdout));
    expect(changeLines(real.stdout).length).toBeGreaterThan(10);
    const [after] = await api.dataSource.query('SELECT email, active FROM users WHERE id = $1', [person.id]);
    expect(after).toEqual({
      email: expect.stringMatching(/^erased-[0-9a-f]{16}@erased\.invalid$/),
      active: false,
    });
  });

  it('runs retention with --simulate and for real, logging counts per rule', () => {
    const simulated = cli('retention', '--simulate');
    expect(simulated.status).toBe(0);
    expect(simulated.stdout).toMatch(/^Simulation: retention would make \d+ change\(s\)\./);
    expect(simulated.stdout).toMatch(/ {2}sessions: \d+/);
    const real = cli('retention');
    expect(real.status).toBe(0);
    expect(changeLines(real.stdout)).toEqual(changeLines(simulated.stdout));
  });

  it('refuses a missing --email with the usage, writing nothing', async () => {
    const before = await api.dataSource.query('SELECT count(*)::int AS n FROM data_protection_request');
    const result = cli('sar');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('missing --email');
    expect(result.stderr).toContain('usage: npm run cli');
    expect(await api.dataSource.query('SELECT count(*)::int AS n FROM data_protection_request')).toEqual(
      before,
    );
  });
});
