import { CaseTimelineModule } from '@app/case-timeline';
import { IdempotencyModule } from '@app/idempotency';
import { MessagingModule } from '@app/messaging';
import { IdentityCoreModule } from '@app/identity';
import { Module } from '@nestjs/common';
import { DuplicateFlagsController } from './api/duplicate-flags.controller';
import { EnrolmentsController } from './api/enrolments.controller';
import { DuplicateFlagsService } from './duplicate-flags.service';
import { EnrolmentService } from './enrolment.service';
import { EnrolmentPagesController } from './pages/enrolment-pages.controller';
import { EnrolmentReviewPagesController } from './pages/enrolment-review.pages.controller';
import { HomePagesController } from './pages/home.pages.controller';
import { EnrolmentRulesModule } from './rules/enrolment-rules.module';

/**
 * Companies, enrolment forms, eligibility, duplicates and case opening: the JSON API, the /enrol pages and
 * /home (every role's landing page). The rules come from config/ once, at start-up (a bad file stops the process).
 */
@Module({
  imports: [MessagingModule, CaseTimelineModule, IdentityCoreModule, IdempotencyModule, EnrolmentRulesModule],
  controllers: [
    HomePagesController,
    EnrolmentsController,
    DuplicateFlagsController,
    EnrolmentPagesController,
    EnrolmentReviewPagesController,
  ],
  providers: [EnrolmentService, DuplicateFlagsService],
  exports: [EnrolmentRulesModule, EnrolmentService],
})
export class EnrolmentModule {}
