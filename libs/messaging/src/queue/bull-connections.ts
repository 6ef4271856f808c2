import { BeforeApplicationShutdown, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';

/**
 * Bull does not close connections handed to it through createClient when they are shared (client and
 * subscriber), so this closes them once the queues are closed; otherwise a stopped process keeps sockets.
 */
@Injectable()
export class BullConnections implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly clients = new Set<Redis>();
  /** Each queue's blocking connection: Bull leaves it open on close, and quit() would wait out its block. */
  private readonly blocking = new Set<Redis>();

  track(redis: Redis, kind: 'shared' | 'blocking' = 'shared'): Redis {
    (kind === 'blocking' ? this.blocking : this.clients).add(redis);
    return redis;
  }

  /**
   * Runs before Bull closes its queues. While Redis is unreachable a queue's Lua scripts never load, and
   * queue.close() waits for them forever, so a process could not stop during an outage. Disconnecting the
   * connections that are not ready fails that wait and lets close() finish; ready ones are left for Bull
   * to close after the active job.
   */
  beforeApplicationShutdown(): void {
    for (const client of this.clients) if (client.status !== 'ready') client.disconnect();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const client of this.blocking) if (client.status !== 'end') client.disconnect();
    this.blocking.clear();
    // quit() on a connection that is not ready would wait in the offline queue forever.
    await Promise.all(
      [...this.clients].map((c) =>
        c.status === 'ready'
          ? c.quit().catch(() => c.disconnect())
          : c.status === 'end'
            ? undefined
            : c.disconnect(),
      ),
    );
    this.clients.clear();
  }
}

@Module({ providers: [BullConnections], exports: [BullConnections] })
export class BullConnectionsModule {}
