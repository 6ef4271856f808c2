import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';

/**
 * Someone who gives time to the programme (an export champion, a mentor, a social-media practitioner, a
 * staff specialist, a partner adviser), managed by officers and admins. Reached by email, through signed
 * links; once they accept an invitation (the programme's terms) they also have an `expert` account of their
 * own (`userId`) to answer requests, keep their profile, pause or leave. Their contact details are only
 * ever shown to an SME once they accept an introduction.
 */
@Entity('experts')
@Index('uq_experts_email', ['email'], { unique: true })
@Index('uq_experts_user', ['userId'], { unique: true, where: 'user_id IS NOT NULL' })
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

  /** Their `expert` account, once they accepted an invitation (no foreign key: identity owns users). */
  @Db.Uuid({ nullable: true }) userId!: string | null;

  /** The version of the programme's terms they accepted, and when (null until they accept one). */
  @Db.Text({ nullable: true }) termsVersion!: string | null;

  @Db.Timestamp({ nullable: true }) termsAcceptedAt!: Date | null;

  /** When they left the programme themselves: profile inactive, consent withdrawn, account deactivated. */
  @Db.Timestamp({ nullable: true }) leftAt!: Date | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;

  @Db.Version() version!: number;
}
