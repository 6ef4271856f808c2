import { CasesModule } from '@app/cases';
import { CaseTimelineModule } from '@app/case-timeline';
import { IdempotencyModule } from '@app/idempotency';
import { MessagingModule } from '@app/messaging';
import { IdentityCoreModule } from '@app/identity';
import { Module } from '@nestjs/common';
import { PageCursors } from '@app/web';
import { DuplicateFlagsController } from './api/duplicate-flags.controller';
import { CompaniesController } from './api/companies.controller';
import { CaseDuplicateCloser } from './companies/case-duplicate-closer';
import { CompaniesService } from './companies/companies.service';
import { CompanyAccess } from './companies/company-access';
import { CompanyContacts } from './companies/company-contacts';
import { CompanyMerge } from './companies/company-merge';
import { CompanyProspects } from './companies/company-prospects';
import { CompaniesPagesController } from './pages/companies.pages.controller';
import { InvitationPagesController } from './pages/invitation.pages.controller';
import { EnrolmentsController } from './api/enrolments.controller';
import { DuplicateFlagsService } from './duplicate-flags.service';
import { EnrolmentAppeals } from './appeals/enrolment-appeals';
import { CaseOpening } from './case-opening/case-opening';
import { CompanyRegistry } from './companies/company-registry';
import { EnrolmentDrafts } from './drafts/enrolment-drafts';
import { EnrolmentRecords } from './enrolment-records';
import { EnrolmentService } from './enrolment.service';
import { EnrolmentSubmission } from './submission/enrolment-submission';
import { EnrolmentPagesController } from './pages/enrolment-pages.controller';
import { EnrolmentReviewPagesController } from './pages/enrolment-review.pages.controller';
import { HomePagesController } from './pages/home.pages.controller';
import { EnrolmentRulesModule } from './rules/enrolment-rules.module';

/**
 * Companies, enrolment forms, eligibility, duplicates and case opening: the JSON API, the /enrol pages and
 * /home (every role's landing page). The rules come from config/ once, at start-up (a bad file stops the process).
 */
@Module({
  imports: [
    CasesModule,
    MessagingModule,
    CaseTimelineModule,
    IdentityCoreModule,
    IdempotencyModule,
    EnrolmentRulesModule,
  ],
  controllers: [
    HomePagesController,
    EnrolmentsController,
    DuplicateFlagsController,
    EnrolmentPagesController,
    EnrolmentReviewPagesController,
    CompaniesController,
    CompaniesPagesController,
    InvitationPagesController,
  ],
  providers: [
    EnrolmentRecords,
    EnrolmentDrafts,
    CompanyRegistry,
    CaseOpening,
    EnrolmentSubmission,
    EnrolmentAppeals,
    EnrolmentService,
    DuplicateFlagsService,
    CompanyContacts,
    CompanyAccess,
    CompaniesService,
    CompanyProspects,
    CompanyMerge,
    CaseDuplicateCloser,
    PageCursors,
  ],
  exports: [EnrolmentRulesModule, EnrolmentService, CompaniesService],
})
export class EnrolmentModule {}
