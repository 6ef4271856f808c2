import { Db } from '@app/database';
import { Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * express-session rows. In Postgres rather than Redis so that signed-in work goes on while Redis is down.
 * `userId` lets deactivation end every session of a user at once.
 */
@Entity('user_sessions')
export class UserSession {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  sid!: string;

  @Index('user_sessions_user_id_idx')
  @Db.Uuid({ nullable: true })
  userId!: string | null;

  @Db.Jsonb() data!: Record<string, unknown>;

  @Index('user_sessions_expires_at_idx')
  @Db.Timestamp()
  expiresAt!: Date;

  @Db.CreatedAt() createdAt!: Date;
}
