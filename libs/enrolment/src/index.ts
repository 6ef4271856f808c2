export { EnrolmentRules } from './rules/enrolment-rules';
export { EnrolmentRulesModule } from './rules/enrolment-rules.module';
export type { NaceEntry } from './rules/enrolment-rules';
export { evaluateEligibility } from './domain/eligibility';
export type { EligibilityReason, EligibilityRule, EligibilityOutcome } from './domain/eligibility';
export { provisionalStage } from './domain/stage';
export { normaliseRegistrationNumber, checkVatNumber } from './domain/normalise';
export { Company, SOCIAL_PLATFORMS } from './entities/company.entity';
export { Enrolment, ENROLMENT_STATUSES, BARRIERS } from './entities/enrolment.entity';
export type { EnrolmentStatus, Barrier } from './entities/enrolment.entity';
export { EligibilityResult } from './entities/eligibility-result.entity';
export { DuplicateFlag } from './entities/duplicate-flag.entity';
export { EnrolmentModule } from './enrolment.module';
export { EnrolmentService } from './enrolment.service';
export type { ActingUser } from './enrolment.service';
export type { EnrolmentView } from './enrolment-view';
export { DuplicateFlagsService } from './duplicate-flags.service';
export type { DuplicateFlagView } from './duplicate-flags.service';
export { EnrolmentAnswersDto, CompanyAnswersDto, ExportStatusAnswersDto } from './dto/enrolment-answers.dto';
export { ORDER_ORIGINS } from './entities/enrolment.entity';
export { DUPLICATE_FLAG_STATUSES } from './entities/duplicate-flag.entity';
export { CompanyContact, CONTACT_LANGUAGES } from './entities/company-contact.entity';
export type { ContactLanguage } from './entities/company-contact.entity';
export { COMPANY_STATUSES, PROSPECT_SOURCES } from './entities/company.entity';
export type { CompanyStatus, ProspectSource } from './entities/company.entity';
export { primaryContactRecipient } from './companies/company-contacts';
export type { ContactRecipient } from './companies/company-contacts';
export { CompaniesService } from './companies/companies.service';
export type {
  CompanyView,
  ContactView,
  ActivityItem,
  ActivityPage,
  CompanySearchHit,
} from './companies/companies.service';
