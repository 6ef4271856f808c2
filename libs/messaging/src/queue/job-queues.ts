import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { JobQueue } from './job-queue';

/**
 * Every queue handle this process holds, by name: the queue board shows them, tests inspect them, and
 * shutdown closes the ones this process consumes once the work that feeds them has stopped.
 */
@Injectable()
export class JobQueues implements OnApplicationShutdown {
  /** Handles in the order they were made; a queue read by one module and consumed by another has two. */
  private readonly handles: JobQueue<object>[] = [];

  /** @internal called by each queue's provider (JobQueuesModule.register). */
  add<T extends object>(queue: JobQueue<T>): JobQueue<T> {
    this.handles.push(queue as JobQueue<object>);
    return queue;
  }

  /** A handle on the named queue (the consuming one when this process consumes it). */
  get<T extends object = Record<string, unknown>>(name: string): JobQueue<T> {
    const named = this.handles.filter((q) => q.name === name);
    const queue = named.find((q) => q.isConsumed) ?? named[0];
    if (!queue) throw new Error(`no queue "${name}" is registered in this process`);
    return queue as unknown as JobQueue<T>;
  }

  /** One handle per queue name, in the order the queues were declared. */
  all(): JobQueue<object>[] {
    const names = [...new Set(this.handles.map((q) => q.name))];
    return names.map((name) => this.get(name));
  }

  /** Stops taking jobs and waits for the active ones (Postgres must still be there): the worker's last step. */
  async closeConsumed(): Promise<void> {
    await Promise.all(this.handles.map((q) => q.stop(q.isConsumed)));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.handles.map((q) => q.stop(false)));
  }
}
