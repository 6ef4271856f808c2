import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';

/**
 * A self-registration waiting for its email address to be confirmed. The account (a `users` row) is
 * created only when someone follows the link sent to that address, so registering never reveals whether
 * an address already has an account, and nobody can hold an account in someone else's name. One per
 * address (registering again replaces it); expired rows are deleted by the next registration.
 */
@Entity('pending_registrations')
export class PendingRegistration {
  @Db.UuidPrimaryKey() id!: string;

  /** Lower-case, like users.email. */
  @Index('uq_pending_registrations_email', { unique: true })
  @Db.Varchar({ length: 254 })
  email!: string;

  @Db.Varchar({ length: 200 }) name!: string;

  /** argon2id of the password chosen at registration; becomes the account's. */
  @Db.Varchar({ length: 255 }) passwordHash!: string;

  /** SHA-256 (hex) of the link's token; the token itself is only in the email. */
  @Index('uq_pending_registrations_token', { unique: true })
  @Db.Char({ length: 64 })
  tokenHash!: string;

  @Db.CreatedAt() createdAt!: Date;

  @Index('ix_pending_registrations_expires')
  @Db.Timestamp()
  expiresAt!: Date;
}
