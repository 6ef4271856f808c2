import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '../role';

@Entity('users')
@Index('users_email_lower_key', { synchronize: false }) // unique on lower(email): see the migration
// Staff look-ups by role (the officer an escalation goes to, officers told of an unassigned case) among
// every SME account; the partial index holds only active users.
@Index('ix_users_active_role', ['role', 'createdAt'], { where: '"active"' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-case; unique case-insensitively (unique index on lower(email) in the migration). */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  /** argon2id PHC string; never selected unless asked for explicitly. */
  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /**
   * The language the person last chose with the language switcher (`en`, `es`, `de`): pages use it once
   * signed in, on any device, and emails to them are written in it. Null until they choose.
   */
  @Column({ type: 'varchar', length: 2, nullable: true })
  language!: 'en' | 'es' | 'de' | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;
}
