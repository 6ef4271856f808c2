import { AuditContext, AuditLogService } from '@app/audit-log';
import { ConflictError, NotFoundError } from '@app/errors';
import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { CompanyContact, type ContactLanguage } from '../entities/company-contact.entity';
import type { ContactDto } from '../dto/company.dto';

/** Who an email about a company goes to: its primary contact, in their language. */
export interface ContactRecipient {
  userId: string | null;
  email: string;
  name: string;
  language: ContactLanguage;
}

/** The fields of a contact the audit trail shows (and, with its ids and dates, what the API shows). */
export function contactFields(c: CompanyContact) {
  return {
    userId: c.userId,
    name: c.name,
    jobRole: c.jobRole,
    email: c.email,
    phone: c.phone,
    preferredLanguage: c.preferredLanguage,
    isPrimary: c.isPrimary,
    consentToContact: c.consentToContact,
  };
}

function auditable(c: CompanyContact): Record<string, unknown> {
  return { companyId: c.companyId, ...contactFields(c), archivedAt: c.archivedAt };
}

/**
 * The company's primary contact as an email recipient, or null when it has none (or its linked account is
 * deactivated: a deactivated person is not written to). Callers fall back to the SME who enrolled.
 */
export async function primaryContactRecipient(
  m: EntityManager,
  companyId: string,
): Promise<ContactRecipient | null> {
  const rows = (await m.query(
    `SELECT cc.user_id, cc.email, cc.name, cc.preferred_language, u.active
       FROM company_contacts cc LEFT JOIN users u ON u.id = cc.user_id
      WHERE cc.company_id = $1 AND cc.is_primary AND cc.archived_at IS NULL`,
    [companyId],
  )) as {
    user_id: string | null;
    email: string;
    name: string;
    preferred_language: ContactLanguage;
    active: boolean | null;
  }[];
  const row = rows[0];
  if (!row || row.active === false) return null;
  return { userId: row.user_id, email: row.email, name: row.name, language: row.preferred_language };
}

export class ContactVersionConflictError extends ConflictError {
  constructor(currentVersion: number) {
    super('company_contact.version_conflict', 'This contact has changed since you loaded it', {
      currentVersion,
    });
  }
}

/**
 * A company's contacts: staff add, edit and archive them (never delete), each with its audit row; at most
 * one live contact is primary (making one primary demotes the other). Runs in the caller's transaction.
 */
@Injectable()
export class CompanyContacts {
  constructor(private readonly audit: AuditLogService) {}

  list(m: EntityManager, companyId: string): Promise<CompanyContact[]> {
    return m.find(CompanyContact, {
      where: { companyId },
      order: { isPrimary: 'DESC', archivedAt: { direction: 'DESC', nulls: 'FIRST' }, name: 'ASC' },
    });
  }

  async find(m: EntityManager, companyId: string, contactId: string): Promise<CompanyContact> {
    const contact = await m.findOne(CompanyContact, {
      where: { id: contactId, companyId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!contact) throw new NotFoundError('company_contact', contactId);
    return contact;
  }

  async add(
    m: EntityManager,
    companyId: string,
    input: ContactDto & { userId?: string | null; invitedAt?: Date | null },
    context: AuditContext,
  ): Promise<CompanyContact> {
    const hasPrimary = await m.exists(CompanyContact, {
      where: { companyId, isPrimary: true, archivedAt: IsNull() },
    });
    // The first live contact is the primary one whatever was asked: emails need somebody.
    const isPrimary = input.isPrimary === true || !hasPrimary;
    if (isPrimary) await this.demotePrimary(m, companyId, context);
    const contact = await m.save(
      CompanyContact,
      m.create(CompanyContact, {
        companyId,
        userId: input.userId ?? null,
        name: input.name.trim(),
        jobRole: input.jobRole ?? null,
        email: input.email.trim().toLowerCase(),
        phone: input.phone ?? null,
        preferredLanguage: input.preferredLanguage,
        isPrimary,
        consentToContact: input.consentToContact ?? false,
        invitedAt: input.invitedAt ?? null,
        invitationAcceptedAt: null,
        archivedAt: null,
      }),
    );
    await this.audit.record(m, {
      action: 'company_contact.added',
      entityType: 'company_contact',
      entityId: contact.id,
      before: null,
      after: auditable(contact),
      context,
    });
    return contact;
  }

  async edit(
    m: EntityManager,
    contact: CompanyContact,
    input: ContactDto,
    version: number | undefined,
    context: AuditContext,
  ): Promise<CompanyContact> {
    if (contact.archivedAt) throw new NotFoundError('company_contact', contact.id);
    if (version !== undefined && version !== contact.version)
      throw new ContactVersionConflictError(contact.version);
    const before = auditable(contact);
    if (input.isPrimary === true && !contact.isPrimary)
      await this.demotePrimary(m, contact.companyId, context);
    Object.assign(contact, {
      name: input.name.trim(),
      jobRole: input.jobRole ?? null,
      email: input.email.trim().toLowerCase(),
      phone: input.phone ?? null,
      preferredLanguage: input.preferredLanguage,
      // Unticking "primary" does not leave the company without one: choose another contact instead.
      isPrimary: contact.isPrimary || input.isPrimary === true,
      consentToContact: input.consentToContact ?? contact.consentToContact,
    });
    return this.saveAudited(m, contact, 'company_contact.updated', before, context);
  }

  /** Archived: kept in the history, no longer written to; a primary contact hands primary to the next. */
  async archive(
    m: EntityManager,
    contact: CompanyContact,
    version: number | undefined,
    context: AuditContext,
  ): Promise<CompanyContact> {
    if (contact.archivedAt) return contact;
    if (version !== undefined && version !== contact.version)
      throw new ContactVersionConflictError(contact.version);
    const before = auditable(contact);
    const wasPrimary = contact.isPrimary;
    contact.archivedAt = new Date();
    contact.isPrimary = false;
    const saved = await this.saveAudited(m, contact, 'company_contact.archived', before, context);
    if (wasPrimary) {
      const next = await m.findOne(CompanyContact, {
        where: { companyId: contact.companyId, archivedAt: IsNull() },
        order: { createdAt: 'ASC' },
      });
      if (next) await this.setPrimary(m, next, true, context);
    }
    return saved;
  }

  /**
   * The SME account that enrolled (or accepted an invitation) is linked to its contact: the contact with
   * its account or email, else a new one (primary when the company has none).
   */
  async linkUser(
    m: EntityManager,
    companyId: string,
    user: { id: string; name: string; email: string },
    language: ContactLanguage,
    consentToContact: boolean,
    context: AuditContext,
  ): Promise<CompanyContact> {
    const existing =
      (await m.findOne(CompanyContact, { where: { companyId, userId: user.id, archivedAt: IsNull() } })) ??
      (await m
        .getRepository(CompanyContact)
        .createQueryBuilder('c')
        .where('c.company_id = :companyId AND lower(c.email) = lower(:email) AND c.archived_at IS NULL', {
          companyId,
          email: user.email,
        })
        .getOne());
    if (!existing)
      return this.add(
        m,
        companyId,
        {
          name: user.name,
          email: user.email,
          preferredLanguage: language,
          consentToContact,
          userId: user.id,
        },
        context,
      );
    if (existing.userId === user.id && existing.consentToContact === consentToContact) return existing;
    const before = auditable(existing);
    existing.userId = user.id;
    existing.consentToContact = consentToContact || existing.consentToContact;
    return this.saveAudited(m, existing, 'company_contact.linked', before, context);
  }

  /**
   * A merge: every contact of `fromCompanyId` joins `intoCompanyId` (their SME accounts with them); the
   * survivor keeps its primary contact, the merged company's becomes an ordinary one.
   */
  async moveAll(
    m: EntityManager,
    fromCompanyId: string,
    intoCompanyId: string,
    context: AuditContext,
  ): Promise<number> {
    const moving = await m.find(CompanyContact, {
      where: { companyId: fromCompanyId },
      lock: { mode: 'pessimistic_write' },
    });
    const survivorHasPrimary = await m.exists(CompanyContact, {
      where: { companyId: intoCompanyId, isPrimary: true, archivedAt: IsNull() },
    });
    for (const contact of moving) {
      const before = { companyId: contact.companyId, isPrimary: contact.isPrimary };
      const isPrimary = contact.isPrimary && !survivorHasPrimary;
      await m.update(CompanyContact, { id: contact.id }, { companyId: intoCompanyId, isPrimary });
      await this.audit.record(m, {
        action: 'company_contact.moved',
        entityType: 'company_contact',
        entityId: contact.id,
        before,
        after: { companyId: intoCompanyId, isPrimary },
        context,
      });
    }
    return moving.length;
  }

  /** Saves the contact with its audit row: the fields before and after. */
  private async saveAudited(
    m: EntityManager,
    contact: CompanyContact,
    action: string,
    before: Record<string, unknown>,
    context: AuditContext,
  ): Promise<CompanyContact> {
    return this.audit.saveAudited(m, CompanyContact, contact, {
      action,
      entityType: 'company_contact',
      before,
      snapshot: auditable,
      context,
    });
  }

  private async demotePrimary(m: EntityManager, companyId: string, context: AuditContext): Promise<void> {
    const current = await m.findOne(CompanyContact, {
      where: { companyId, isPrimary: true, archivedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (current) await this.setPrimary(m, current, false, context);
  }

  private async setPrimary(
    m: EntityManager,
    contact: CompanyContact,
    isPrimary: boolean,
    context: AuditContext,
  ): Promise<void> {
    await m.update(CompanyContact, { id: contact.id }, { isPrimary, version: contact.version + 1 });
    contact.isPrimary = isPrimary;
    contact.version += 1;
    await this.audit.record(m, {
      action: 'company_contact.updated',
      entityType: 'company_contact',
      entityId: contact.id,
      before: { isPrimary: !isPrimary },
      after: { isPrimary },
      context,
    });
  }
}
