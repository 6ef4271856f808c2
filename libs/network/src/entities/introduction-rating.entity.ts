import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';
import { Introduction } from './introduction.entity';

export const RATING_SIDES = ['sme', 'expert'] as const;
export type RatingSide = (typeof RATING_SIDES)[number];

/**
 * One side's answer to "did the introduction help?", asked some weeks after it was accepted: a row per side
 * is written when the question is sent (so it is sent once), and answered once through a signed link (a
 * guarded update on `answered_at IS NULL`: a second click changes nothing).
 */
@Entity('introduction_ratings')
@Index('uq_introduction_ratings_side', ['introductionId', 'side'], { unique: true })
export class IntroductionRating {
  @Db.UuidPrimaryKey() id!: string;

  @Db.Uuid() introductionId!: string;

  @Db.References(() => Introduction, { fk: 'fk_introduction_ratings_introduction', onDelete: 'CASCADE' })
  introduction?: Introduction;

  @Db.Text() side!: RatingSide;

  /** The language the question was written in (the page opens in it). */
  @Db.Text() language!: string;

  /** When the link stops working. */
  @Db.Timestamp() expiresAt!: Date;

  /** 1 (not at all) to 5 (very much); null until answered. */
  @Db.Integer({ nullable: true }) rating!: number | null;

  @Db.Text({ nullable: true }) comment!: string | null;

  @Db.Timestamp({ nullable: true }) answeredAt!: Date | null;

  @Db.CreatedAt() createdAt!: Date;
}
