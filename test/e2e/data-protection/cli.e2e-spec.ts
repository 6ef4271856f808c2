import { projectRoot } from '@app/config';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataProtectionService } from '@app/data-protection';
import { describeCliError, runCli } from '../../../apps/cli/src/main';
import { createUser } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import { readArchive } from './support/archive';
import { Person, personWithDataEverywhere } from './support/person.factory';

// The child process (the last test) is a fresh ts-node process: seconds on a loaded machine.
jest.setTimeout(300_000);

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run cli -- …` as a child process: what the operator types, exit code and all. */
function cliProcess(...args: string[]): CliResult {
  const result = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
    cwd: projectRoot(),
    env: { ...process.env, NODE_ENV: 'test' },
    encoding: 'utf8',
    timeout: 110_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The same command in this process: `runCli` and `describeCliError` are all the entry point (apps/cli/main.ts)
 * wraps, printing the output (exit 0) or the error's one line (exit 1). The last test proves that wrapping
 * through a real child process once; the others need no ts-node start-up of their own.
 */
async function cli(...args: string[]): Promise<CliResult> {
  try {
    return { status: 0, stdout: `${await runCli(args)}\n`, stderr: '' };
  } catch (error) {
    return { status: 1, stdout: '', stderr: `${describeCliError(error)}\n` };
  }
}

const changeLines = (output: string): string[] =>
  output.split('\n').filter((l) => /^ {2}(update|delete) /.test(l));

describe('cli: sar, erase and retention', () => {
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

  it('records a subject access request naming who ran it, and writes the archive once a second person approved it', async () => {
    const { user: officer } = await createUser(api, 'officer');
    const requested = await cli(
      'sar',
      '--email',
      person.email,
      '--reason',
      'Letter of 3 March',
      '--as',
      officer.email,
    );
    expect(requested.stderr).not.toMatch(/error/i);
    expect(requested.status).toBe(0);
    const requestId = /request ([0-9a-f-]{36})/.exec(requested.stdout)![1];
    expect(requested.stdout).toContain(`/admin/data-protection/requests/${requestId}`);
    const audit = await api.dataSource.query(
      `SELECT actor_id, request_id FROM audit_event WHERE action = 'data_protection.access_requested' AND entity_id = $1`,
      [requestId],
    );
    expect(audit).toEqual([{ actor_id: officer.id, request_id: expect.stringMatching(/^cli:.+@.+/) }]);

    const out = join(dir, 'sar.zip');
    const early = await cli('sar', '--request', requestId, '--as', officer.email, '--out', out);
    expect(early.status).toBe(1);
    expect(early.stderr).toContain('second officer or admin approves');

    const { user: admin } = await createUser(api, 'admin');
    await api.app.get(DataProtectionService).approve(requestId, null, admin, { actorId: admin.id });
    const written = await cli('sar', '--request', requestId, '--as', officer.email, '--out', out);
    expect(written.status).toBe(0);
    expect(written.stdout).toContain(`Subject access archive written to ${out}`);
    const { json } = readArchive(readFileSync(out));
    expect(json.records.cases.map((c) => c.id)).toEqual([person.caseId]);
    expect(json.queuedJobs).toHaveLength(1);
  });

  it('erase --simulate lists the changes; erase records a request that erases nothing until a second person approves', async () => {
    const { user: officer } = await createUser(api, 'officer');
    const refused = await cli('erase', '--email', person.email, '--reason', 'asked in writing', '--simulate');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/confirmOpenCase: .*open case/);

    const args = ['erase', '--email', person.email, '--reason', 'asked in writing', '--confirm-open-case'];
    const simulated = await cli(...args, '--simulate');
    expect(simulated.status).toBe(0);
    expect(simulated.stdout).toMatch(/^Simulation: erasure would make \d+ change\(s\)/);
    expect(changeLines(simulated.stdout).length).toBeGreaterThan(10);

    const requested = await cli(...args, '--as', officer.email);
    expect(requested.status).toBe(0);
    expect(requested.stdout).toMatch(
      /^Erasure request [0-9a-f-]{36} recorded: approving it will make \d+ change\(s\)/,
    );
    const requestId = /request ([0-9a-f-]{36})/.exec(requested.stdout)![1];
    // The listing is the simulation's, plus the pseudonym in the request's own record.
    expect(changeLines(requested.stdout).sort()).toEqual(
      [
        ...changeLines(simulated.stdout),
        `  update data_protection_request ${requestId} subject_email`,
      ].sort(),
    );
    const [still] = await api.dataSource.query('SELECT email, active FROM users WHERE id = $1', [person.id]);
    expect(still).toEqual({ email: person.email, active: true });

    const { user: admin } = await createUser(api, 'admin');
    await api.app.get(DataProtectionService).approve(requestId, null, admin, { actorId: admin.id });
    const [after] = await api.dataSource.query('SELECT email, active FROM users WHERE id = $1', [person.id]);
    expect(after).toEqual({
      email: expect.stringMatching(/^erased-[0-9a-f]{16}@erased\.invalid$/),
      active: false,
    });
  });

  it('refuses to act for anyone but an active officer or admin, and an officer erasing a staff account', async () => {
    const sme = await createUser(api, 'sme');
    const { user: officer } = await createUser(api, 'officer');
    const adviser = await createUser(api, 'adviser');
    const before = await api.dataSource.query('SELECT count(*)::int AS n FROM data_protection_request');
    const asSme = await cli('sar', '--email', adviser.user.email, '--reason', 'x', '--as', sme.user.email);
    expect(asSme.status).toBe(1);
    expect(asSme.stderr).toContain('--as must name an active officer or admin account');
    const staff = await cli(
      'erase',
      '--email',
      adviser.user.email,
      '--reason',
      'Left',
      '--as',
      officer.email,
    );
    expect(staff.status).toBe(1);
    expect(staff.stderr).toContain('Only an admin may request or approve erasing a staff account');
    expect(await api.dataSource.query('SELECT count(*)::int AS n FROM data_protection_request')).toEqual(
      before,
    );
  });

  it('runs retention with --simulate and for real, logging counts per rule', async () => {
    const simulated = await cli('retention', '--simulate');
    expect(simulated.status).toBe(0);
    expect(simulated.stdout).toMatch(/^Simulation: retention would make \d+ change\(s\)\./);
    expect(simulated.stdout).toMatch(/ {2}sessions: \d+/);
    const real = await cli('retention');
    expect(real.status).toBe(0);
    expect(changeLines(real.stdout)).toEqual(changeLines(simulated.stdout));
  });

  it('refuses a missing --email with the usage, writing nothing', async () => {
    const before = await api.dataSource.query('SELECT count(*)::int AS n FROM data_protection_request');
    const result = cliProcess('sar');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('missing --email');
    expect(result.stderr).toContain('usage: npm run cli');
    expect(await api.dataSource.query('SELECT count(*)::int AS n FROM data_protection_request')).toEqual(
      before,
    );
  });
});
