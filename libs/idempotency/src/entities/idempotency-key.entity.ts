import { Db } from '@app/database';
import { Entity, PrimaryColumn } from 'typeorm';

/**
 * The first answer to a POST sent with an `Idempotency-Key`, stored in the same transaction as what it
 * created, so a retry by the same user gets the same answer and creates nothing new.
 */
@Entity('idempotency_keys')
export class IdempotencyKey {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  /** Method and route, e.g. `POST /api/v1/enrolments`: a key is only replayed on the same operation. */
  @Db.Text() operation!: string;

  /** SHA-256 of the request body, so the same key with a different payload is refused, not replayed. */
  @Db.Text() requestHash!: string;

  @Db.Integer() responseStatus!: number;

  @Db.Jsonb() responseBody!: Record<string, unknown>;

  @Db.CreatedAt() createdAt!: Date;
}
