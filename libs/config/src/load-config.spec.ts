import { ConfigError } from './config.errors';
import { loadConfig } from './load-config';

const valid = {
  NODE_ENV: 'test',
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/sme_test',
  REDIS_URL: 'redis://127.0.0.1:6379',
};

function problemsOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('takes defaults from config/default.yaml and the per-environment file', () => {
    const config = loadConfig(valid);
    expect(config.PORT).toBe(3000);
    expect(config.SESSION_IDLE_MINUTES).toBe(30);
    expect(config.LOG_LEVEL).toBe('silent'); // config/test.yaml
    expect(config.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('lets environment variables win over the YAML files, converting types', () => {
    const config = loadConfig({ ...valid, PORT: '8080', SMTP_SECURE: 'true', LOG_LEVEL: 'debug' });
    expect(config.PORT).toBe(8080);
    expect(config.SMTP_SECURE).toBe(true);
    expect(config.LOG_LEVEL).toBe('debug');
    expect(loadConfig({ ...valid, SMTP_SECURE: 'false' }).SMTP_SECURE).toBe(false);
    expect(loadConfig({ ...valid, SMTP_SECURE: '0' }).SMTP_SECURE).toBe(false);
    expect(problemsOf({ ...valid, SMTP_SECURE: 'maybe' })).toContain('SMTP_SECURE');
  });

  it('names a malformed DATABASE_URL', () => {
    const message = problemsOf({ ...valid, DATABASE_URL: 'not a url' });
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('postgres://');
    expect(message).not.toContain('REDIS_URL');
  });

  it('names a missing REDIS_URL and a non-numeric PORT together', () => {
    const message = problemsOf({ ...valid, REDIS_URL: undefined, PORT: 'eighty' });
    expect(message).toMatch(/REDIS_URL: .*it is not set/);
    expect(message).toMatch(/PORT: .*"eighty"/);
  });

  it('requires a real SESSION_SECRET in production and never prints it', () => {
    const missing = problemsOf({ ...valid, NODE_ENV: 'production' });
    expect(missing).toMatch(/SESSION_SECRET: .*it is not set/);
    const short = problemsOf({ ...valid, NODE_ENV: 'production', SESSION_SECRET: 'hunter2-short' });
    expect(short).toContain('SESSION_SECRET');
    expect(short).not.toContain('hunter2-short');
  });

  it('rejects an unknown time zone and an unknown NODE_ENV', () => {
    expect(problemsOf({ ...valid, PROGRAMME_TIME_ZONE: 'Mars/Olympus' })).toContain('PROGRAMME_TIME_ZONE');
    expect(problemsOf({ ...valid, NODE_ENV: 'staging' })).toContain('NODE_ENV');
  });
});
