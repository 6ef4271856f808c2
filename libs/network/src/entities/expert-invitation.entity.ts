import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';
import { Expert } from './expert.entity';

/**
 * An officer's or admin's invitation of an expert to join the programme: one signed, expiring link per
 * invitation, used once (accepting sets `acceptedAt` in a guarded update). A newer invitation supersedes the
 * older ones, whose links then say they no longer work.
 */
@Entity('expert_invitations')
@Index('ix_expert_invitations_expert', ['expertId', 'createdAt'])
export class ExpertInvitation {
  @Db.UuidPrimaryKey() id!: string;

  @Db.Uuid() expertId!: string;

  @Db.References(() => Expert, { fk: 'fk_expert_invitations_expert', onDelete: 'CASCADE' })
  expert?: Expert;

  /** The officer or admin who sent it. */
  @Db.Uuid() invitedById!: string;

  /** The address it was sent to (the expert's at the time). */
  @Db.Text() email!: string;

  /** The language it was written in (the expert's first). */
  @Db.Text() language!: string;

  @Db.Timestamp() expiresAt!: Date;

  @Db.Timestamp({ nullable: true }) acceptedAt!: Date | null;

  @Db.Timestamp({ nullable: true }) supersededAt!: Date | null;

  @Db.CreatedAt() createdAt!: Date;
}
