import { AuditContext, AuditLogService } from '@app/audit-log';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Company } from '../entities/company.entity';
import { DuplicateFlag, DuplicateReason } from '../entities/duplicate-flag.entity';
import { Enrolment, EnrolmentStatus } from '../entities/enrolment.entity';
import { AlreadyEnrolledError, CompanyAlreadyEnrolledError } from '../enrolment.errors';
import type { ActingUser } from '../enrolment-records';
import { EnrolmentRules } from '../rules/enrolment-rules';
import { CompanyContacts } from './company-contacts';
import { User } from '@app/identity';

/** Enrolments that hold a company's place in the programme: a second one for the same company is refused. */
const LIVE_STATUSES: EnrolmentStatus[] = ['submitted', 'eligible', 'appealed'];

/**
 * The company records submissions create and refresh, and the near duplicates an officer judges (their
 * decisions are DuplicateFlagsService's). Runs in the submission's transaction.
 */
@Injectable()
export class CompanyRegistry {
  constructor(
    private readonly rules: EnrolmentRules,
    private readonly audit: AuditLogService,
    private readonly contacts: CompanyContacts,
  ) {}

  /**
   * The company this submission is for. Same normalised registration number and country = same company:
   * if it already holds a live enrolment the submission is refused (the SME is told whom to contact);
   * otherwise (an earlier attempt was ineligible or withdrawn) the company record is refreshed.
   */
  async register(m: EntityManager, actor: ActingUser, e: Enrolment, context: AuditContext): Promise<Company> {
    const existing = await m.findOne(Company, {
      where: { registrationNumber: e.registrationNumber!, registrationCountry: e.registrationCountry! },
      lock: { mode: 'pessimistic_write' },
    });
    if (existing) {
      const live = await m.findOne(Enrolment, {
        where: { companyId: existing.id, status: In(LIVE_STATUSES) },
        order: { submittedAt: 'DESC' },
      });
      if (live) {
        if (live.userId === actor.id) throw new AlreadyEnrolledError(live.id);
        throw new CompanyAlreadyEnrolledError(this.rules.settings.programmeContactEmail);
      }
    }
    const company = existing ?? m.create(Company, { primaryContactId: actor.id, mergedIntoId: null });
    const before = existing ? { ...existing } : null;
    Object.assign(company, {
      legalName: e.legalName!,
      tradingName: e.tradingName,
      registrationNumber: e.registrationNumber!,
      registrationCountry: e.registrationCountry!,
      vatNumber: e.vatNumber,
      region: e.region!,
      naceCode: e.naceCode!,
      naceSection: e.naceSection!,
      employees: e.employees!,
      turnoverMinor: e.turnoverMinor!,
      balanceSheetMinor: e.balanceSheetMinor,
      currency: e.currency!,
      yearFounded: e.yearFounded,
      website: e.website,
      socialProfiles: e.socialProfiles ?? [],
      primaryContactId: actor.id,
      // A prospect staff recorded is enrolled once its contact submits.
      status: 'enrolled',
    });
    const saved = await m.save(Company, company);
    await this.audit.record(m, {
      action: existing ? 'company.updated' : 'company.created',
      entityType: 'company',
      entityId: saved.id,
      before,
      after: { ...saved },
      context,
    });
    // The SME who submits is one of the company's contacts (its primary one when it has none).
    const user = await m.findOneBy(User, { id: actor.id });
    if (user)
      await this.contacts.linkUser(
        m,
        saved.id,
        user,
        e.language === 'es' || e.language === 'de' ? e.language : 'en',
        e.consentEvaluationContact === true,
        context,
      );
    return saved;
  }

  /**
   * Near duplicates, for an officer to judge: another company with the same VAT number, or a very similar
   * legal name (pg_trgm similarity at or above the configured threshold) in the same region.
   */
  async flagNearDuplicates(
    m: EntityManager,
    company: Company,
    enrolment: Enrolment,
    context: AuditContext,
  ): Promise<DuplicateFlag[]> {
    const threshold = this.rules.settings.nameSimilarityThreshold;
    // `%` uses the GIN trigram index; the threshold applies to this transaction only.
    await m.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(threshold)]);
    const matches: { id: string; similarity: number; same_vat: boolean }[] = await m.query(
      `SELECT id, similarity(legal_name, $2) AS similarity, (vat_number IS NOT NULL AND vat_number = $3) AS same_vat
         FROM companies
        WHERE id <> $1 AND merged_into_id IS NULL
          AND ((vat_number IS NOT NULL AND vat_number = $3) OR (region = $4 AND legal_name % $2))
        ORDER BY similarity DESC
        LIMIT 20`,
      [company.id, company.legalName, company.vatNumber, company.region],
    );
    const flags: DuplicateFlag[] = [];
    for (const match of matches) {
      const reason: DuplicateReason = match.same_vat ? 'same_vat' : 'similar_name';
      const flag = await m.save(
        DuplicateFlag,
        m.create(DuplicateFlag, {
          companyId: company.id,
          enrolmentId: enrolment.id,
          matchCompanyId: match.id,
          reason,
          similarity: Number(match.similarity),
          status: 'open',
        }),
      );
      await this.audit.record(m, {
        action: 'duplicate_flag.raised',
        entityType: 'duplicate_flag',
        entityId: flag.id,
        before: null,
        after: {
          companyId: flag.companyId,
          matchCompanyId: flag.matchCompanyId,
          reason,
          similarity: flag.similarity,
        },
        context,
      });
      flags.push(flag);
    }
    return flags;
  }
}
