import { Db } from '@app/database';
import { Entity, Index, ManyToOne } from 'typeorm';
import { User } from './user.entity';

/** A bearer token for machine clients. Only its SHA-256 is stored; the token itself is shown once. */
@Entity('api_tokens')
export class ApiToken {
  @Db.UuidPrimaryKey() id!: string;

  @Index('api_tokens_user_id_idx')
  @Db.Uuid()
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user?: User;

  @Index('api_tokens_token_hash_key', { unique: true })
  @Db.Char({ length: 64 })
  tokenHash!: string;

  @Db.CreatedAt() createdAt!: Date;

  @Db.Timestamp() expiresAt!: Date;

  @Db.Timestamp({ nullable: true }) revokedAt!: Date | null;
}
