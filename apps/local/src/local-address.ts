import { loadConfig } from '@app/config';
import { freePort, isPortInUse, StartupError } from '@app/local-services';

/** 127.0.0.0/8, ::1 and localhost: only this machine can connect. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The URL a person on this machine opens for a server listening on host:port. */
export function localUrl(host: string, port: number): string {
  const shown = isLoopback(host) || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

async function assertFree(port: number, host: string, setting: string): Promise<void> {
  if (await isPortInUse(port, host))
    throw new StartupError(
      `Port ${port} on ${host} is already in use (${setting}).`,
      `Stop what uses it, or start with ${setting}=<another port>.`,
    );
}

/**
 * Settles the addresses before anything starts, and writes them into the environment every process reads:
 * PORT as set (3000 by default, a free one for PORT=0), WORKER_PORT as set or any free port (so a second
 * checkout can run beside the first), and APP_BASE_URL, when not set, as the URL really served, so links in
 * emails and PDFs work. Every other setting is checked here too, before PostgreSQL and Redis start.
 */
export async function choosePorts(env: NodeJS.ProcessEnv = process.env): Promise<{ host: string }> {
  // The servers are not chosen yet: stand-ins let every other setting be checked now.
  const settings = loadConfig({
    ...env,
    DATABASE_URL: env.DATABASE_URL || 'postgres://127.0.0.1/not-started-yet',
    REDIS_URL: env.REDIS_URL || 'redis://127.0.0.1',
  });
  const host = settings.HOST;
  const port = settings.PORT || (await freePort());
  await assertFree(port, host, 'PORT');
  const workerPort = env.WORKER_PORT ? settings.WORKER_PORT : await freePort();
  if (workerPort !== 0) await assertFree(workerPort, host, 'WORKER_PORT');
  env.PORT = String(port);
  env.WORKER_PORT = String(workerPort);
  env.APP_BASE_URL ||= localUrl(host, port);
  return { host };
}
