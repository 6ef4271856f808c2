import type { JobOptions, Queue } from 'bull';

/**
 * Adds a job under a fixed id unless a live one (waiting, delayed, active, paused) already has it. A
 * finished job with that id (kept by removeOnComplete/removeOnFail) is removed first, because Bull
 * ignores an add whose id it still holds. Returns true when a job was added.
 */
export async function ensureJob<T>(
  queue: Queue<T>,
  name: string,
  data: T,
  jobId: string,
  options: JobOptions = {},
  /** Due now: a job still delayed (its delay computed before the due time moved) runs at once. */
  promoteIfDelayed = false,
): Promise<boolean> {
  const existing = await queue.getJob(jobId);
  if (existing) {
    const state = await existing.getState();
    if (state === 'delayed' && promoteIfDelayed) {
      await existing.promote().catch(() => undefined);
      return true;
    }
    if (state !== 'completed' && state !== 'failed' && (state as string) !== 'stuck') return false;
    await existing.remove().catch(() => undefined);
  }
  await queue.add(name, data, { ...options, jobId });
  return true;
}

/** Rejects after `ms` so a call towards an unreachable Redis cannot hang its caller. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]);
}

/** Whether the queue's command connection is up (Bull queues commands while it is not). */
export function queueReady(queue: Queue): boolean {
  return (queue.client as { status?: string }).status === 'ready';
}
