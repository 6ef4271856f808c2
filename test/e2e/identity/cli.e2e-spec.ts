import { projectRoot } from '@app/config';
import { spawnSync } from 'node:child_process';
import { describeCliError, runCli } from '../../../apps/cli/src/main';
import { DEMO_PASSWORD, formatLogins, runDemoSeed } from '../../../apps/cli/src/seeds';
import { identitySeed } from '../../../apps/cli/src/seeds/identity.seed';
import { useSuiteDatabase } from '../../support/test-env';

describe('cli: create-user and seed-demo', () => {
  const suite = useSuiteDatabase();

  const roles = async (): Promise<Record<string, number>> => {
    const rows = (await suite.db.query('SELECT role, count(*)::int AS n FROM users GROUP BY role')).rows as {
      role: string;
      n: number;
    }[];
    return Object.fromEntries(rows.map((r) => [r.role, r.n]));
  };

  it('seeds the demo accounts once, into an empty database, with their audit rows', async () => {
    // The identity seed alone: other domains' seeds are tested in their own suites.
    const outcome = await runDemoSeed([identitySeed]);
    if (!outcome.seeded) throw new Error(outcome.reason);
    const output = formatLogins(outcome.logins);
    expect(output).toContain('admin@demo.example');
    expect(output).toContain(DEMO_PASSWORD);
    expect(await roles()).toEqual({ admin: 1, officer: 2, adviser: 6, sme: 4 });
    const audited = await suite.db.query(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'user.created'",
    );
    expect(audited.rows[0].n).toBe(13);
    expect(await runCli(['seed-demo'])).toMatch(/not loaded: the database already has users/);
    expect(await roles()).toEqual({ admin: 1, officer: 2, adviser: 6, sme: 4 });
  }, 60_000);

  it('creates a staff account with a given password', async () => {
    const output = await runCli([
      'create-user',
      '--role',
      'officer',
      '--email',
      'New.Officer@Agency.example',
      '--name',
      'New Officer',
      '--password',
      'officer passphrase 9',
    ]);
    expect(output).toMatch(/Created officer new\.officer@agency\.example/);
    expect(output).not.toContain('officer passphrase 9');
    const { rows } = await suite.db.query(
      "SELECT role, password_hash FROM users WHERE email = 'new.officer@agency.example'",
    );
    expect(rows[0].role).toBe('officer');
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses bad input with a message naming the problem, and writes nothing', async () => {
    const before = await roles();
    const bad = async (argv: string[]): Promise<string> => {
      try {
        await runCli(argv);
      } catch (error) {
        return describeCliError(error);
      }
      throw new Error('expected a failure');
    };
    expect(await bad(['create-user', '--role', 'king', '--email', 'k@x.example', '--name', 'K'])).toMatch(
      /--role must be one of/,
    );
    expect(await bad(['create-user', '--role', 'admin', '--email', 'k@x.example'])).toMatch(/missing --name/);
    // An expert's account comes with their invitation (profile, terms accepted), never from the CLI.
    expect(
      await bad([
        'create-user',
        '--role',
        'expert',
        '--email',
        'e@x.example',
        '--name',
        'E',
        '--password',
        'long enough password',
      ]),
    ).toMatch(/experts get their account by accepting an invitation/);
    expect(
      await bad([
        'create-user',
        '--role',
        'admin',
        '--email',
        'k@x.example',
        '--name',
        'K',
        '--password',
        'short',
      ]),
    ).toMatch(/password: .*12 characters/);
    expect(
      await bad([
        'create-user',
        '--role',
        'admin',
        '--email',
        'ADMIN@demo.example',
        '--name',
        'K',
        '--password',
        'long enough password',
      ]),
    ).toMatch(/already exists/);
    expect(await bad(['frobnicate'])).toMatch(/unknown command/);
    expect(await roles()).toEqual(before);
  });

  it('refuses to seed demo data in production', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      NODE_ENV: 'production',
      SESSION_SECRET: 'a-production-secret-of-at-least-32-characters',
    });
    try {
      expect(await runCli(['seed-demo'])).toMatch(/never loaded in production/);
    } finally {
      process.env = saved;
    }
  });

  it('runs as `npm run cli`, printing a generated password once', () => {
    const result = spawnSync(
      'npm',
      [
        'run',
        '--silent',
        'cli',
        '--',
        'create-user',
        '--role',
        'adviser',
        '--email',
        'gen@agency.example',
        '--name',
        'Gen Erated',
      ],
      {
        cwd: projectRoot(),
        env: { ...process.env, NODE_ENV: 'test' },
        encoding: 'utf8',
        timeout: 110_000,
      },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Created adviser gen@agency\.example/);
    expect(result.stdout).toMatch(/Password \(shown once, store it safely\): \S{16,}/);
  }, 120_000); // ts-node start-up alone takes seconds on a loaded machine
});
