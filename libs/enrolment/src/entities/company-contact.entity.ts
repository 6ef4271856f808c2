import { Db } from '@app/database';
import { Entity, Index } from 'typeorm';
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
  @Db.UuidPrimaryKey() id!: string;

  @Index('ix_company_contacts_company')
  @Db.Uuid()
  companyId!: string;

  @Db.References(() => Company, { fk: 'fk_company_contacts_company', onDelete: 'CASCADE' })
  company?: Company;

  /** The SME account of this person, once they have one. */
  @Db.Uuid({ nullable: true }) userId!: string | null;

  @Db.Text() name!: string;

  /** Their job title or role at the company. */
  @Db.Text({ nullable: true }) jobRole!: string | null;

  @Db.Text() email!: string;

  @Db.Text({ nullable: true }) phone!: string | null;

  @Db.Varchar({ length: 2, default: 'en' }) preferredLanguage!: ContactLanguage;

  @Db.Boolean({ default: false }) isPrimary!: boolean;

  /** Whether they agreed to be contacted by the programme. */
  @Db.Boolean({ default: false }) consentToContact!: boolean;

  /** A prospect's contact: when the invitation to create an account went out, and when it was accepted. */
  @Db.Timestamp({ nullable: true }) invitedAt!: Date | null;

  @Db.Timestamp({ nullable: true }) invitationAcceptedAt!: Date | null;

  /** Archived contacts stay in the history; they are never deleted. */
  @Db.Timestamp({ nullable: true }) archivedAt!: Date | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;

  @Db.Version() version!: number;
}
