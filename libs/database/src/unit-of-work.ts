import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

/** Postgres codes worth one more try: serialization failure and deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);

export interface UnitOfWorkOptions {
  isolation?: IsolationLevel;
  /** Extra attempts after a serialization failure or deadlock (default 3). */
  retries?: number;
}

/**
 * The one way to run a transaction here. Services that must join a caller's transaction take an
 * `EntityManager` parameter; callers that start one use `run()`. The audit row and any outbox rows are
 * written with the same manager, so they commit or roll back with the change itself.
 */
@Injectable()
export class UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>, options: UnitOfWorkOptions = {}): Promise<T> {
    const retries = options.retries ?? 3;
    for (let attempt = 0; ; attempt++) {
      try {
        return options.isolation
          ? await this.dataSource.transaction(options.isolation, work)
          : await this.dataSource.transaction(work);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= retries || !code || !RETRYABLE.has(code)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 * 2 ** attempt + Math.random() * 10));
      }
    }
  }
}
