import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';
import type { Role } from '../role';

@Entity('users')
@Index('users_email_lower_key', { synchronize: false }) // unique on lower(email): see the migration
// Staff look-ups by role (the officer an escalation goes to, officers told of an unassigned case) among
// every SME account; the partial index holds only active users.
@Index('ix_users_active_role', ['role', 'createdAt'], { where: '"active"' })
export class User {
  @Db.UuidPrimaryKey() id!: string;

  /** Stored lower-case; unique case-insensitively (unique index on lower(email) in the migration). */
  @Db.Varchar({ length: 254 }) email!: string;

  @Db.Varchar({ length: 200 }) name!: string;

  @Db.Varchar({ length: 20 }) role!: Role;

  /** argon2id PHC string; never selected unless asked for explicitly. */
  @Db.Varchar({ length: 255, select: false }) passwordHash!: string;

  @Db.Boolean({ default: true }) active!: boolean;

  /**
   * The language the person last chose with the language switcher (`en`, `es`, `de`): pages use it once
   * signed in, on any device, and emails to them are written in it. Null until they choose.
   */
  @Db.Varchar({ length: 2, nullable: true }) language!: 'en' | 'es' | 'de' | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;

  @Db.Timestamp({ nullable: true }) deactivatedAt!: Date | null;
}
