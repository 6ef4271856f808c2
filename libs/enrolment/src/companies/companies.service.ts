import { AuditContext, AuditLogService, auditFields } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { ConflictError, InvalidInputError, type FieldError } from '@app/errors';
import { PageCursors } from '@app/web';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type {
  ActivityQueryDto,
  CompanySearchQueryDto,
  ContactDto,
  UpdateCompanyDto,
} from '../dto/company.dto';
import { CompanyContact } from '../entities/company-contact.entity';
import { Company, type SocialProfile } from '../entities/company.entity';
import { checkVatNumber, normaliseRegistrationNumber } from '../domain/normalise';
import type { ActingUser } from '../enrolment-records';
import { EnrolmentRules } from '../rules/enrolment-rules';
import type {
  CompanyCaseResponse,
  CompanyResponse,
  CompanySearchHitResponse,
  ContactResponse,
} from '../dto/company.responses';
import { CompanyAccess } from './company-access';
import { CompanyContacts, contactFields } from './company-contacts';

/**
 * A company, its contacts and cases, and a search hit, as the API answers them and the pages show them: the
 * response schemas are their one definition.
 */
export type ContactView = ContactResponse;

export type CompanyCaseView = CompanyCaseResponse;

export type CompanyView = CompanyResponse;

export type CompanySearchHit = CompanySearchHitResponse;

export interface ActivityItem {
  at: string;
  /** `timeline` (a case's event), `email` (a message the service sent), `record` (a change to the company). */
  source: 'timeline' | 'email' | 'record';
  kind: string;
  caseId: string | null;
  actorName: string | null;
  data: Record<string, unknown>;
}

export interface ActivityPage {
  items: ActivityItem[];
  nextCursor?: string;
}

export function toContactView(c: CompanyContact): ContactView {
  const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);
  return {
    id: c.id,
    ...contactFields(c),
    invitedAt: iso(c.invitedAt),
    invitationAcceptedAt: iso(c.invitationAcceptedAt),
    archivedAt: iso(c.archivedAt),
    version: c.version,
  };
}

/** The company's details the audit trail shows before and after a correction. */
const auditable = (c: Company): Record<string, unknown> =>
  auditFields(c, [
    'legalName',
    'tradingName',
    'registrationNumber',
    'vatNumber',
    'region',
    'postcode',
    'naceCode',
    'employees',
    'website',
    'socialProfiles',
  ]);

/** Upper-case with one space before the last three characters (UK style) when long enough. */
export function normalisePostcode(raw: string): string {
  const compact = raw.toUpperCase().replace(/[\s-]+/g, '');
  return compact.length > 4 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

export class CompanyVersionConflictError extends ConflictError {
  constructor(currentVersion: number) {
    super('company.version_conflict', 'This company has changed since you loaded it', { currentVersion });
  }
}

const SEARCH_PAGE = 25;

/**
 * The company as one record for staff: its identity, contacts, every case, one activity feed across them,
 * the staff search, and staff corrections. Access is CompanyAccess's (PolicyService).
 */
@Injectable()
export class CompaniesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: CompanyAccess,
    private readonly contacts: CompanyContacts,
    private readonly audit: AuditLogService,
    private readonly rules: EnrolmentRules,
    private readonly cursors: PageCursors,
  ) {}

  async get(actor: ActingUser, id: string): Promise<CompanyView> {
    return this.uow.run(async (m) => this.view(m, await this.access.find(m, actor, 'see', id)));
  }

  /** The company if the actor may change it (officers, its advisers); 404 otherwise. */
  async getWorkable(actor: ActingUser, id: string): Promise<CompanyView> {
    return this.uow.run(async (m) => this.view(m, await this.access.find(m, actor, 'work', id)));
  }

  /** Whether the actor may correct the company and its contacts (pages showing the links). */
  async mayWork(actor: ActingUser, id: string): Promise<boolean> {
    return this.uow.run(async (m) => {
      const company = await m.findOneBy(Company, { id });
      return company ? this.access.mayWork(m, actor, company) : false;
    });
  }

  async view(m: EntityManager, company: Company): Promise<CompanyView> {
    const contacts = await this.contacts.list(m, company.id);
    const cases = (await m.query(
      `SELECT c.id, c.status, c.stage, c.region, c.opened_at, c.closed_at, c.closure_reason,
              u.name AS adviser_name, e.user_id AS enrolment_user_id
         FROM cases c
         LEFT JOIN users u ON u.id = c.assigned_adviser_id
         LEFT JOIN enrolments e ON e.id = c.enrolment_id
        WHERE c.company_id = $1
        ORDER BY (c.status = 'closed'), c.opened_at DESC, c.id`,
      [company.id],
    )) as {
      id: string;
      status: string;
      stage: string;
      region: string;
      opened_at: Date;
      closed_at: Date | null;
      closure_reason: string | null;
      adviser_name: string | null;
      enrolment_user_id: string | null;
    }[];
    const mergedFrom = (await m.query(
      `SELECT id, legal_name AS "legalName" FROM companies WHERE merged_into_id = $1 ORDER BY legal_name, id`,
      [company.id],
    )) as { id: string; legalName: string }[];
    return {
      id: company.id,
      legalName: company.legalName,
      tradingName: company.tradingName,
      registrationNumber: company.registrationNumber,
      registrationCountry: company.registrationCountry,
      vatNumber: company.vatNumber,
      region: company.region,
      postcode: company.postcode,
      naceCode: company.naceCode,
      naceSection: company.naceSection,
      employees: company.employees,
      website: company.website,
      socialProfiles: company.socialProfiles ?? [],
      status: company.status,
      prospectSource: company.prospectSource,
      mergedIntoId: company.mergedIntoId,
      mergedFrom,
      contacts: contacts.map(toContactView),
      cases: cases.map((c) => ({
        id: c.id,
        status: c.status,
        stage: c.stage,
        region: c.region,
        openedAt: new Date(c.opened_at).toISOString(),
        closedAt: c.closed_at ? new Date(c.closed_at).toISOString() : null,
        closureReason: c.closure_reason,
        adviserName: c.adviser_name,
        enrolmentUserId: c.enrolment_user_id,
      })),
      createdAt: new Date(company.createdAt).toISOString(),
      version: company.version,
    };
  }

  /**
   * Staff search: `q` matches legal and trading names fuzzily (pg_trgm) or as a substring, a registration or
   * VAT number exactly (normalised), the start of a postcode, or a contact's email exactly; `region` filters.
   * An adviser finds the companies it may see. Ordered by name, paged with the one cursor format.
   */
  async search(
    actor: ActingUser,
    query: CompanySearchQueryDto,
  ): Promise<{ items: CompanySearchHit[]; nextCursor?: string }> {
    return this.uow.run(async (m) => {
      const q = query.q?.trim() || null;
      const list = `companies:${q ?? ''}:${query.region ?? ''}`;
      const after = query.cursor ? this.cursors.decode(list, query.cursor, ['text', 'uuid']) : null;
      const regions = await this.access.visibleRegions(m, actor);
      await m.query(`SELECT set_config('pg_trgm.similarity_threshold', '0.3', true)`);
      const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      const rows = (await m.query(
        `SELECT co.id, co.legal_name, co.trading_name, co.registration_number, co.vat_number, co.region,
                co.postcode, co.status, lower(co.legal_name) AS sort_name,
                (SELECT count(*) FROM cases c WHERE c.company_id = co.id AND c.status <> 'closed')::int AS open_cases
           FROM companies co
          WHERE co.merged_into_id IS NULL
            AND ($2::text IS NULL OR co.region = $2::text)
            AND ($1::text IS NULL
                 OR co.legal_name % $1::text OR co.trading_name % $1::text
                 OR co.legal_name ILIKE $3::text OR co.trading_name ILIKE $3::text
                 OR co.registration_number = $4::text OR co.vat_number = $5::text
                 OR ($6::text IS NOT NULL AND replace(co.postcode, ' ', '') LIKE $6::text || '%')
                 OR EXISTS (SELECT 1 FROM company_contacts cc
                             WHERE cc.company_id = co.id AND lower(cc.email) = lower($1::text)))
            AND ($7::text = 'officer'
                 OR co.created_by_id = $8::uuid
                 OR co.region = ANY($9::text[])
                 OR EXISTS (SELECT 1 FROM cases c WHERE c.company_id = co.id AND c.assigned_adviser_id = $8::uuid))
            AND ($10::text IS NULL OR (lower(co.legal_name), co.id) > ($10::text, $11::uuid))
          ORDER BY lower(co.legal_name), co.id
          LIMIT ${SEARCH_PAGE + 1}`,
        [
          q,
          query.region ?? null,
          like,
          q ? normaliseRegistrationNumber(q) : null,
          q ? q.toUpperCase().replace(/[\s.-]/g, '') : null,
          // A postcode's start: letters and digits only (nothing LIKE would read as a wildcard).
          q && /^[A-Za-z0-9 -]{2,12}$/.test(q) ? q.toUpperCase().replace(/[\s-]/g, '') : null,
          actor.role,
          actor.id,
          regions,
          after?.[0] ?? null,
          after?.[1] ?? null,
        ],
      )) as {
        id: string;
        legal_name: string;
        trading_name: string | null;
        registration_number: string;
        vat_number: string | null;
        region: string;
        postcode: string | null;
        status: Company['status'];
        sort_name: string;
        open_cases: number;
      }[];
      const page = rows.slice(0, SEARCH_PAGE);
      const items = page.map((r) => ({
        id: r.id,
        legalName: r.legal_name,
        tradingName: r.trading_name,
        registrationNumber: r.registration_number,
        vatNumber: r.vat_number,
        region: r.region,
        postcode: r.postcode,
        status: r.status,
        openCases: r.open_cases,
      }));
      if (rows.length <= SEARCH_PAGE) return { items };
      const last = page[page.length - 1];
      return { items, nextCursor: this.cursors.encode(list, [last.sort_name, last.id]) };
    });
  }

  /**
   * A staff correction (officers, the company's advisers): only the fields sent change; `version` (If-Match)
   * must be the one read; one audit row with the fields before and after.
   */
  async update(
    actor: ActingUser,
    id: string,
    input: UpdateCompanyDto,
    version: number | undefined,
    context: AuditContext,
  ): Promise<CompanyView> {
    return this.uow.run(async (m) => {
      const company = await this.access.find(m, actor, 'work', id, true);
      // A correction overwrites: it must say which version it was based on (asked after access: 404 first).
      if (version === undefined)
        throw new InvalidInputError([
          {
            field: 'version',
            message: 'Send the company version (If-Match header or version field)',
            code: 'required',
          },
        ]);
      if (company.version !== version) throw new CompanyVersionConflictError(company.version);
      const errors: FieldError[] = [];
      const change: Partial<Company> = {};
      if (input.legalName !== undefined) change.legalName = input.legalName.trim();
      if (input.tradingName !== undefined) change.tradingName = input.tradingName?.trim() || null;
      if (input.registrationNumber !== undefined) {
        change.registrationNumber = normaliseRegistrationNumber(input.registrationNumber);
        const taken = await m.findOne(Company, {
          where: {
            registrationNumber: change.registrationNumber,
            registrationCountry: company.registrationCountry,
          },
        });
        if (taken && taken.id !== company.id)
          errors.push({
            field: 'registrationNumber',
            message: 'Another company has this registration number: merge them instead',
            code: 'taken',
          });
      }
      if (input.vatNumber !== undefined) {
        if (input.vatNumber === null) change.vatNumber = null;
        else {
          const vat = checkVatNumber(input.vatNumber, company.registrationCountry);
          if (!vat.ok)
            errors.push({ field: 'vatNumber', message: 'Enter a valid VAT number', code: 'format' });
          change.vatNumber = vat.normalised;
        }
      }
      if (input.region !== undefined) {
        if (!this.rules.region(input.region))
          errors.push({ field: 'region', message: 'Choose a region from the list', code: 'unknown' });
        change.region = input.region;
      }
      if (input.postcode !== undefined)
        change.postcode = input.postcode ? normalisePostcode(input.postcode) : null;
      if (input.naceCode !== undefined) {
        const nace = this.rules.naceEntry(input.naceCode);
        if (!nace) errors.push({ field: 'naceCode', message: 'Enter a NACE Rev. 2 code', code: 'unknown' });
        else {
          change.naceCode = input.naceCode;
          change.naceSection = nace.section;
        }
      }
      if (input.employees !== undefined) change.employees = input.employees;
      if (input.website !== undefined) change.website = input.website;
      if (input.socialProfiles !== undefined) change.socialProfiles = input.socialProfiles as SocialProfile[];
      if (errors.length) throw new InvalidInputError(errors);
      const before = auditable(company);
      Object.assign(company, change);
      const saved = await this.audit.saveAudited(m, Company, company, {
        action: 'company.corrected',
        entityType: 'company',
        before,
        snapshot: auditable,
        context,
      });
      return this.view(m, saved);
    });
  }

  async addContact(
    actor: ActingUser,
    id: string,
    input: ContactDto,
    context: AuditContext,
    manager?: EntityManager,
  ): Promise<ContactView> {
    const add = async (m: EntityManager): Promise<ContactView> => {
      const company = await this.access.find(m, actor, 'work', id, true);
      return toContactView(await this.contacts.add(m, company.id, input, context));
    };
    // In the caller's transaction when it passes one (an Idempotency-Key request), else in its own.
    return manager ? add(manager) : this.uow.run(add);
  }

  async contact(actor: ActingUser, id: string, contactId: string): Promise<ContactView> {
    return this.uow.run(async (m) => {
      const company = await this.access.find(m, actor, 'see', id);
      return toContactView(await this.contacts.find(m, company.id, contactId));
    });
  }

  async editContact(
    actor: ActingUser,
    id: string,
    contactId: string,
    input: ContactDto,
    version: number | undefined,
    context: AuditContext,
  ): Promise<ContactView> {
    return this.onContact(actor, id, contactId, (m, contact) =>
      this.contacts.edit(m, contact, input, version, context),
    );
  }

  async archiveContact(
    actor: ActingUser,
    id: string,
    contactId: string,
    version: number | undefined,
    context: AuditContext,
  ): Promise<ContactView> {
    return this.onContact(actor, id, contactId, (m, contact) =>
      this.contacts.archive(m, contact, version, context),
    );
  }

  /** A change to one contact of a company the actor may work (404 otherwise), in one transaction. */
  private onContact(
    actor: ActingUser,
    id: string,
    contactId: string,
    change: (m: EntityManager, contact: CompanyContact) => Promise<CompanyContact>,
  ): Promise<ContactView> {
    return this.uow.run(async (m) => {
      const company = await this.access.find(m, actor, 'work', id, true);
      return toContactView(await change(m, await this.contacts.find(m, company.id, contactId)));
    });
  }

  /**
   * One feed across the company's cases, newest first: their timeline events (interactions, audits, stage
   * changes, outcomes, bookings and certificates, closures), the emails sent about them or the company, and
   * the changes to the company and its contacts. Keyset-paged on (time, key) with the one cursor format.
   */
  async activity(actor: ActingUser, id: string, query: ActivityQueryDto): Promise<ActivityPage> {
    return this.uow.run(async (m) => {
      const company = await this.access.find(m, actor, 'see', id);
      const limit = query.limit ?? 25;
      const list = `company-activity:${company.id}`;
      const after = query.cursor ? this.cursors.decode(list, query.cursor, ['timestamp', 'text']) : null;
      const rows = (await m.query(
        `WITH cs AS (SELECT id FROM cases WHERE company_id = $1),
              related AS (SELECT $1::uuid AS id UNION SELECT id FROM companies WHERE merged_into_id = $1),
              feed AS (
                SELECT date_trunc('milliseconds', t.occurred_at) AS at, 't:' || t.id AS key, 'timeline' AS source,
                       t.kind, t.case_id, t.actor_id, t.data
                  FROM case_timeline_events t WHERE t.case_id IN (SELECT id FROM cs)
                UNION ALL
                SELECT date_trunc('milliseconds', n.created_at), 'n:' || n.id, 'email', n.kind, n.case_id, NULL,
                       jsonb_build_object('subject', n.subject, 'to', n.recipient_email, 'status', n.status,
                                          'language', n.language)
                  FROM notification n
                 WHERE n.case_id IN (SELECT id FROM cs) OR n.idempotency_key LIKE 'company:' || $1 || ':%'
                UNION ALL
                SELECT date_trunc('milliseconds', a.occurred_at), 'a:' || lpad(a.id::text, 19, '0'), 'record',
                       a.action, NULL, a.actor_id, jsonb_build_object('before', a.before, 'after', a.after)
                  FROM audit_event a
                 WHERE a.action NOT LIKE 'access.%'
                   AND ((a.entity_type = 'company' AND a.entity_id IN (SELECT id::text FROM related))
                    OR (a.entity_type = 'company_contact'
                        AND a.entity_id IN (SELECT id::text FROM company_contacts WHERE company_id = $1)))
              )
         SELECT f.at, f.key, f.source, f.kind, f.case_id, f.data, u.name AS actor_name
           FROM feed f LEFT JOIN users u ON u.id = f.actor_id
          WHERE $2::timestamptz IS NULL OR (f.at, f.key COLLATE "C") < ($2::timestamptz, $3::text COLLATE "C")
          ORDER BY f.at DESC, f.key COLLATE "C" DESC
          LIMIT $4`,
        [company.id, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
      )) as {
        at: Date;
        key: string;
        source: ActivityItem['source'];
        kind: string;
        case_id: string | null;
        data: Record<string, unknown> | null;
        actor_name: string | null;
      }[];
      const page = rows.slice(0, limit);
      const items = page.map((r) => ({
        at: new Date(r.at).toISOString(),
        source: r.source,
        kind: r.kind,
        caseId: r.case_id,
        actorName: r.actor_name,
        data: r.data ?? {},
      }));
      if (rows.length <= limit) return { items };
      const last = page[page.length - 1];
      return { items, nextCursor: this.cursors.encode(list, [new Date(last.at).toISOString(), last.key]) };
    });
  }
}
