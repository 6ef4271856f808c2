import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * express-session rows. In Postgres rather than Redis so that signed-in work goes on while Redis is down.
 * `userId` lets deactivation end every session of a user at once.
 */
@Entity('user_sessions')
export class UserSession {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  sid!: string;

  @Index('user_sessions_user_id_idx')
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Index('user_sessions_expires_at_idx')
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
