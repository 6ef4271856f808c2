import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Company } from './company.entity';

export const CONTACT_LANGUAGES = ['en', 'es', 'de'] as const;
export type ContactLanguage = (typeof CONTACT_LANGUAGES)[number];

/**
 * A person at a company the programme talks to. A company has several; at most one live (not archived)
 * contact is primary, and emails about the company's cases go to it in its language. The SME account that
 * enrolled is linked to its contact (`userId`); a contact staff added may have no account yet (a prospect's
 * invited contact, until the invitation is accepted).
 */
@Entity('company_contacts')
@Index('uq_company_contacts_primary', ['companyId'], {
  unique: true,
  where: 'is_primary AND archived_at IS NULL',
})
@Index('ix_company_contacts_user', ['userId'])
// Staff search by contact email (lower(email)); an expression index, created in its migration.
@Index('ix_company_contacts_lower_email', { synchronize: false })
export class CompanyContact {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_company_contacts_company')
  @Column({ type: 'uuid' })
  companyId!: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'fk_company_contacts_company' })
  company?: Company;

  /** The SME account of this person, once they have one. */
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'text' })
  name!: string;

  /** Their job title or role at the company. */
  @Column({ type: 'text', nullable: true })
  jobRole!: string | null;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 2, default: 'en' })
  preferredLanguage!: ContactLanguage;

  @Column({ type: 'boolean', default: false })
  isPrimary!: boolean;

  /** Whether they agreed to be contacted by the programme. */
  @Column({ type: 'boolean', default: false })
  consentToContact!: boolean;

  /** A prospect's contact: when the invitation to create an account went out, and when it was accepted. */
  @Column({ type: 'timestamptz', nullable: true })
  invitedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  invitationAcceptedAt!: Date | null;

  /** Archived contacts stay in the history; they are never deleted. */
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ type: 'integer' })
  version!: number;
}
