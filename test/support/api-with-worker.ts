import { startInProcessWorker, type InProcessWorker } from '../e2e/follow-ups/support/in-process-worker';
import { SmtpPeer } from '../e2e/follow-ups/support/smtp-peer';
import { startTestApi, type TestApi } from './test-api';

/** What startApiWithWorker gives a suite: the api, the worker on its database, and the SMTP peer it mails. */
export interface ApiWithWorker {
  api: TestApi;
  worker: InProcessWorker;
  /** The real SMTP server every email the worker sends arrives at (`smtp.to(address)`). */
  smtp: SmtpPeer;
  /** Stops the worker, then the api (dropping the database), then the SMTP peer. */
  close(): Promise<void>;
}

/**
 * For a suite that follows a change through to the email it causes: an SMTP peer, the real api
 * (startTestApi) and the real worker in this process on the api's database and Redis prefix (relay,
 * consumers, follow-up sweep), sending to that peer. `env`: more of the worker's settings. Call `close()`
 * in afterAll; a start that fails half-way stops what it had started.
 */
export async function startApiWithWorker(
  options: { env?: Record<string, string> } = {},
): Promise<ApiWithWorker> {
  const smtp = new SmtpPeer();
  let api: TestApi | undefined;
  let worker: InProcessWorker | undefined;
  const close = async (): Promise<void> => {
    await worker?.close();
    await api?.close();
    await smtp.stop();
  };
  try {
    await smtp.start();
    api = await startTestApi();
    worker = await startInProcessWorker({
      database: api.database,
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), ...options.env },
    });
    return { api, worker, smtp, close };
  } catch (error) {
    await close();
    throw error;
  }
}
