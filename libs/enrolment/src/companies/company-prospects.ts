import { AuditContext, AuditLogService } from '@app/audit-log';
import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { ConflictError, InvalidInputError, NotFoundError, UnprocessableError } from '@app/errors';
import { EmailTakenError, PolicyService, UsersService } from '@app/identity';
import { NotificationService } from '@app/messaging';
import { formatDate } from '@app/time';
import { Injectable } from '@nestjs/common';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { EntityManager, IsNull } from 'typeorm';
import { normaliseRegistrationNumber } from '../domain/normalise';
import type { AcceptInvitationDto, CreateProspectDto } from '../dto/company.dto';
import { CompanyContact } from '../entities/company-contact.entity';
import { Company } from '../entities/company.entity';
import { Enrolment } from '../entities/enrolment.entity';
import type { ActingUser } from '../enrolment-records';
import { EnrolmentRules } from '../rules/enrolment-rules';
import { normalisePostcode } from './companies.service';
import { CompanyContacts } from './company-contacts';

/** How long an invitation link works. */
const INVITATION_DAYS = 30;
const DAY_MS = 86_400_000;

/** The company staff want to record is registered already: open it instead. */
export class CompanyExistsError extends ConflictError {
  constructor(companyId: string) {
    super('company.exists', 'A company with this registration number is already recorded', { companyId });
  }
}

/** What the invitation page shows before the contact accepts. */
export interface InvitationView {
  contactName: string;
  email: string;
  companyName: string;
  language: string;
  expiresAt: string;
}

/**
 * Staff start a case for a company they met (event, referral, phone): they record the company as a
 * prospect, its contact, and a draft enrolment on its behalf with the answers they noted; the contact gets
 * an email with a signed, expiring link to create an account, check the answers and give consent. Until
 * the draft is submitted the company is a prospect: no case, not counted as enrolled.
 */
@Injectable()
export class CompanyProspects {
  private readonly key: Buffer;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: PolicyService,
    private readonly contacts: CompanyContacts,
    private readonly users: UsersService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLogService,
    private readonly rules: EnrolmentRules,
    private readonly config: AppConfig,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', config.SESSION_SECRET, '', 'sme-company-invitation-v1', 32));
  }

  async create(
    actor: ActingUser & { name?: string },
    input: CreateProspectDto,
    context: AuditContext,
    manager?: EntityManager,
  ): Promise<{ companyId: string; enrolmentId: string; contactId: string }> {
    if (!this.policy.can(actor, 'companies.create'))
      await this.policy.deny(actor, { type: 'company', id: 'new' });
    const nace = this.rules.naceEntry(input.naceCode);
    const errors = [];
    if (!this.rules.region(input.region))
      errors.push({ field: 'region', message: 'Choose a region from the list', code: 'unknown' });
    if (!nace) errors.push({ field: 'naceCode', message: 'Enter a NACE Rev. 2 code', code: 'unknown' });
    if (errors.length) throw new InvalidInputError(errors);
    const registrationNumber = normaliseRegistrationNumber(input.registrationNumber);
    const registrationCountry = input.registrationCountry.toUpperCase();
    // In the caller's transaction when it passes one (an Idempotency-Key request), else in its own.
    const run = <T>(work: (m: EntityManager) => Promise<T>): Promise<T> =>
      manager ? work(manager) : this.uow.run(work);
    return run(async (m) => {
      const existing = await m.findOneBy(Company, { registrationNumber, registrationCountry });
      if (existing) throw new CompanyExistsError(existing.mergedIntoId ?? existing.id);
      const company = await m.save(
        Company,
        m.create(Company, {
          legalName: input.legalName.trim(),
          tradingName: input.tradingName?.trim() || null,
          registrationNumber,
          registrationCountry,
          vatNumber: null,
          region: input.region,
          postcode: input.postcode ? normalisePostcode(input.postcode) : null,
          naceCode: input.naceCode,
          naceSection: nace!.section,
          employees: input.employees,
          // Not known until the contact answers; the submission refreshes the company from the answers.
          turnoverMinor: 0,
          balanceSheetMinor: null,
          currency: this.rules.currencies[0] ?? 'EUR',
          yearFounded: null,
          website: input.website ?? null,
          socialProfiles: [],
          primaryContactId: null,
          mergedIntoId: null,
          status: 'prospect',
          prospectSource: input.source,
          createdById: actor.id,
        }),
      );
      await this.audit.record(m, {
        action: 'company.prospect_recorded',
        entityType: 'company',
        entityId: company.id,
        before: null,
        after: {
          legalName: company.legalName,
          registrationNumber,
          region: company.region,
          source: input.source,
        },
        context,
      });
      const now = new Date();
      const contact = await this.contacts.add(
        m,
        company.id,
        { ...input.contact, isPrimary: true, invitedAt: now },
        context,
      );
      const enrolment = await m.save(
        Enrolment,
        m.create(Enrolment, {
          userId: null,
          createdById: actor.id,
          companyId: company.id,
          status: 'draft',
          legalName: company.legalName,
          tradingName: company.tradingName,
          registrationNumber,
          registrationCountry,
          region: company.region,
          naceCode: company.naceCode,
          naceSection: company.naceSection,
          employees: company.employees,
          website: company.website,
          language: contact.preferredLanguage,
        }),
      );
      await this.audit.record(m, {
        action: 'enrolment.started_for_prospect',
        entityType: 'enrolment',
        entityId: enrolment.id,
        before: null,
        after: { companyId: company.id, createdById: actor.id, status: 'draft' },
        context,
      });
      await this.invite(m, company, contact, actor.name ?? '', now);
      return { companyId: company.id, enrolmentId: enrolment.id, contactId: contact.id };
    });
  }

  /** The invitation a link names, if it is genuine, unexpired and not used yet; otherwise 404. */
  async invitation(token: string): Promise<InvitationView> {
    return this.uow.run(async (m) => {
      const { contact, company, expiresAt } = await this.open(m, token);
      return {
        contactName: contact.name,
        email: contact.email,
        companyName: company.legalName,
        language: contact.preferredLanguage,
        expiresAt: expiresAt.toISOString(),
      };
    });
  }

  /**
   * The contact accepts: an SME account for them (their email, the password they chose), linked to their
   * contact, the company and the draft staff started, with their consent to be contacted. They then sign
   * in, check the answers and submit as any SME does.
   */
  async accept(token: string, input: AcceptInvitationDto, context: AuditContext): Promise<{ email: string }> {
    const peek = await this.invitation(token);
    const prepared = await this.users.prepare(
      { email: peek.email, name: input.name, role: 'sme', password: input.password },
      peek.language === 'es' || peek.language === 'de' ? peek.language : 'en',
    );
    return this.uow.run(async (m) => {
      const { contact, company } = await this.open(m, token, true);
      let user;
      try {
        user = await this.users.createWithHash(m, prepared, context);
      } catch (error) {
        if (error instanceof EmailTakenError)
          throw new UnprocessableError(
            'invitation.email_taken',
            'An account with this email address exists already: sign in, or ask your adviser to invite another address',
            [
              {
                field: 'name',
                message: 'An account with this email address exists already',
                code: 'email_taken',
              },
            ],
          );
        throw error;
      }
      const acting = { ...context, actorId: user.id };
      const before = {
        userId: contact.userId,
        invitationAcceptedAt: null,
        consentToContact: contact.consentToContact,
      };
      contact.userId = user.id;
      contact.invitationAcceptedAt = new Date();
      contact.consentToContact = input.consentToContact;
      await m.save(CompanyContact, contact);
      await this.audit.record(m, {
        action: 'company_contact.invitation_accepted',
        entityType: 'company_contact',
        entityId: contact.id,
        before,
        after: {
          userId: user.id,
          invitationAcceptedAt: contact.invitationAcceptedAt,
          consentToContact: true,
        },
        context: acting,
      });
      await m.update(Company, { id: company.id }, { primaryContactId: user.id });
      await this.audit.record(m, {
        action: 'company.contact_account_linked',
        entityType: 'company',
        entityId: company.id,
        before: { primaryContactId: company.primaryContactId },
        after: { primaryContactId: user.id },
        context: acting,
      });
      const drafts = await m.find(Enrolment, {
        where: { companyId: company.id, userId: IsNull(), status: 'draft' },
        lock: { mode: 'pessimistic_write' },
      });
      for (const draft of drafts) {
        await m.update(Enrolment, { id: draft.id }, { userId: user.id });
        await this.audit.record(m, {
          action: 'enrolment.owner_linked',
          entityType: 'enrolment',
          entityId: draft.id,
          before: { userId: null },
          after: { userId: user.id },
          context: acting,
        });
      }
      return { email: user.email };
    });
  }

  /** The signed link: `<contact id>.<expiry, ms>.<mac>`, base64url; only this service can make one. */
  token(contactId: string, expiresAt: Date): string {
    const payload = `${contactId}.${expiresAt.getTime()}`;
    return `${Buffer.from(payload).toString('base64url')}.${this.mac(payload)}`;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url').slice(0, 32);
  }

  private async invite(
    m: EntityManager,
    company: Company,
    contact: CompanyContact,
    adviserName: string,
    now: Date,
  ): Promise<void> {
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY_MS);
    await this.notifications.notify(m, {
      idempotencyKey: `company:${company.id}:invitation:${contact.id}`,
      kind: 'company-invitation.sme',
      recipient: {
        userId: null,
        email: contact.email,
        name: contact.name,
        language: contact.preferredLanguage,
      },
      values: {
        companyName: company.legalName,
        adviserName,
        link: `${this.config.APP_BASE_URL}/invitations/${this.token(contact.id, expiresAt)}?lang=${contact.preferredLanguage}`,
        expiresOn: formatDate(expiresAt, this.config.PROGRAMME_TIME_ZONE, contact.preferredLanguage),
      },
    });
  }

  private async open(
    m: EntityManager,
    token: string,
    lock = false,
  ): Promise<{ contact: CompanyContact; company: Company; expiresAt: Date }> {
    const refuse = (): never => {
      throw new NotFoundError('invitation', 'link');
    };
    const [encoded, mac] = typeof token === 'string' ? token.split('.') : [];
    if (!encoded || !mac || encoded.length > 200) return refuse();
    const payload = Buffer.from(encoded, 'base64url').toString('utf8');
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refuse();
    const [contactId, expiry] = payload.split('.');
    const expiresAt = new Date(Number(expiry));
    if (!(expiresAt.getTime() > Date.now())) return refuse();
    const contact = await m.findOne(CompanyContact, {
      where: { id: contactId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!contact || contact.archivedAt || contact.invitationAcceptedAt || contact.userId) return refuse();
    const company = await m.findOneBy(Company, { id: contact.companyId });
    if (!company) return refuse();
    return { contact, company, expiresAt };
  }
}
