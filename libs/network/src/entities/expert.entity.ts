import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';

/**
 * Someone who gives time to the programme (an export champion, a mentor, a social-media practitioner, a
 * staff specialist, a partner adviser), managed by officers and admins. Not a user account: experts are
 * reached by email, through signed links. Their contact details are only ever shown to an SME once they
 * accept an introduction.
 */
@Entity('experts')
@Index('uq_experts_email', ['email'], { unique: true })
export class Expert {
  @Db.UuidPrimaryKey() id!: string;

  @Db.Text() name!: string;

  @Db.Text({ default: '' }) organisation!: string;

  /** Lower case; one expert per address. */
  @Db.Text() email!: string;

  @Db.Text({ nullable: true }) phone!: string | null;

  /** Languages they work in (en, es, de); emails go in the first. */
  @Db.Text({ array: true, default: () => "'{}'" }) languages!: string[];

  /** Readiness heading codes they can help with (EXPERTISE_HEADINGS). */
  @Db.Text({ array: true, default: () => "'{}'" }) expertise!: string[];

  /** ISO 3166-1 alpha-2 markets they know. */
  @Db.Text({ array: true, default: () => "'{}'" }) markets!: string[];

  /** NACE Rev. 2 section letters (A–U). */
  @Db.Text({ array: true, default: () => "'{}'" }) naceSections!: string[];

  /** Support measure codes of config/support-measures.yaml they can give. */
  @Db.Text({ array: true, default: () => "'{}'" }) supportMeasures!: string[];

  /** Introductions they are willing to take a month. */
  @Db.Integer() capacityPerMonth!: number;

  /** Inclusive absence dates in the programme's time zone; an open end means "until further notice". */
  @Db.Date({ nullable: true }) absentFrom!: string | null;

  @Db.Date({ nullable: true }) absentTo!: string | null;

  @Db.Boolean({ default: true }) active!: boolean;

  /** Whether they agreed to be contacted about introductions; never asked without it. */
  @Db.Boolean({ default: false }) consentToContact!: boolean;

  /** When that consent was last given (null while not given). */
  @Db.Timestamp({ nullable: true }) consentRecordedAt!: Date | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;

  @Db.Version() version!: number;
}
