import { UnitOfWork } from '@app/database';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager, QueryFailedError } from 'typeorm';
import { IdempotencyKey } from './entities/idempotency-key.entity';
import { IdempotencyKeyReusedError } from './idempotency.errors';
import { idempotencyKeyOf } from './idempotency-key.decorator';

export interface IdempotentResult {
  status: number;
  body: Record<string, unknown>;
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

/**
 * Runs a creating POST at most once per (user, Idempotency-Key): the answer is stored in the same
 * transaction as what the request created, so a retry gets exactly the first answer and writes nothing.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly uow: UnitOfWork) {}

  async run(
    request: { userId: string; key: string | undefined; operation: string; body: unknown; status: number },
    work: (manager: EntityManager) => Promise<object>,
  ): Promise<IdempotentResult> {
    const { userId, key, operation, status } = request;
    if (key === undefined) {
      const body = await this.uow.run(work);
      return { status, body: plain(body), replayed: false };
    }
    idempotencyKeyOf(key);
    const requestHash = createHash('sha256')
      .update(JSON.stringify(request.body ?? null))
      .digest('hex');
    try {
      return await this.uow.run(async (m) => {
        // Requests with the same key queue here until the first commits, so the second finds the stored
        // answer instead of racing the first into other unique constraints (company, enrolment).
        await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
          `idempotency:${userId}:${key}`,
        ]);
        const stored = await m.findOne(IdempotencyKey, { where: { userId, key } });
        if (stored) return replay(stored, operation, requestHash);
        const body = plain(await work(m));
        await m.save(
          IdempotencyKey,
          m.create(IdempotencyKey, {
            userId,
            key,
            operation,
            requestHash,
            responseStatus: status,
            responseBody: body,
          }),
        );
        return { status, body, replayed: false };
      });
    } catch (error) {
      // Two requests with the same key at once: the loser's transaction rolled back; answer with the winner's.
      if (error instanceof QueryFailedError && (error as { table?: string }).table === 'idempotency_keys') {
        const stored = await this.uow.run((m) => m.findOne(IdempotencyKey, { where: { userId, key } }));
        if (stored) return replay(stored, operation, requestHash);
      }
      throw error;
    }
  }
}

function replay(stored: IdempotencyKey, operation: string, requestHash: string): IdempotentResult {
  if (stored.operation !== operation || stored.requestHash !== requestHash)
    throw new IdempotencyKeyReusedError();
  return { status: stored.responseStatus, body: stored.responseBody, replayed: true };
}

/** The JSON the client sees, so the first answer and its replays are byte-for-byte the same data. */
function plain(value: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
