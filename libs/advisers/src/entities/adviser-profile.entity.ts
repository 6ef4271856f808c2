import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

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

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  regions!: string[];

  /**
   * Regions whose cases this adviser may also see, read-only (cover and supervision), granted by an officer.
   * Their own caseload and what they may change are unaffected.
   */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  visibleRegions!: string[];

  /** NACE Rev. 2 section letters (A–U). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  naceSections!: string[];

  /** ISO 3166-1 alpha-2 markets the adviser knows. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  markets!: string[];

  /** Languages the adviser works in (en, es, de). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages!: string[];

  /** Maximum active cases. */
  @Column({ type: 'integer' })
  capacity!: number;

  @Column({ type: 'integer', default: 0 })
  activeCases!: number;

  /** Inclusive absence dates in the programme's time zone; an open end means "until further notice". */
  @Column({ type: 'date', nullable: true })
  absentFrom!: string | null;

  @Column({ type: 'date', nullable: true })
  absentTo!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  lastAssignedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ type: 'integer' })
  version!: number;
}
