import { Db } from '@app/database';
import { Entity, PrimaryColumn } from 'typeorm';

/**
 * An adviser's specialisms and capacity, managed by officers. Keyed by the adviser's user id. `activeCases`
 * is the load counter that assignment raises with a conditional update (`WHERE active_cases < capacity`),
 * so two assignments at once can never push an adviser over capacity.
 */
@Entity('adviser_profiles')
export class AdviserProfile {
  /** The adviser's `users.id`. */
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @Db.Text({ array: true, default: () => "'{}'" }) regions!: string[];

  /**
   * Regions whose cases this adviser may also see, read-only (cover and supervision), granted by an officer.
   * Their own caseload and what they may change are unaffected.
   */
  @Db.Text({ array: true, default: () => "'{}'" }) visibleRegions!: string[];

  /** NACE Rev. 2 section letters (A–U). */
  @Db.Text({ array: true, default: () => "'{}'" }) naceSections!: string[];

  /** ISO 3166-1 alpha-2 markets the adviser knows. */
  @Db.Text({ array: true, default: () => "'{}'" }) markets!: string[];

  /** Languages the adviser works in (en, es, de). */
  @Db.Text({ array: true, default: () => "'{}'" }) languages!: string[];

  /** Maximum active cases. */
  @Db.Integer() capacity!: number;

  @Db.Integer({ default: 0 }) activeCases!: number;

  /** Inclusive absence dates in the programme's time zone; an open end means "until further notice". */
  @Db.Date({ nullable: true }) absentFrom!: string | null;

  @Db.Date({ nullable: true }) absentTo!: string | null;

  @Db.Boolean({ default: true }) active!: boolean;

  @Db.Timestamp({ nullable: true }) lastAssignedAt!: Date | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;

  @Db.Version() version!: number;
}
