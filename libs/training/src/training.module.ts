import { AdvisersCoreModule } from '@app/advisers';
import { CaseTimelineModule } from '@app/case-timeline';
import { IdempotencyModule } from '@app/idempotency';
import { FollowUpsModule } from '@app/follow-ups';
import { MessagingModule } from '@app/messaging';
import { ReadinessModule } from '@app/readiness';
import { Module } from '@nestjs/common';
import { loadTrainingRules, TRAINING_RULES } from './config/training-rules';
import { CertificatesPagesController } from './controllers/certificates.pages.controller';
import { TrainingAdminPagesController } from './controllers/training-admin.pages.controller';
import { TrainingBookingsController } from './controllers/training-bookings.controller';
import { TrainingModulesController } from './controllers/training-modules.controller';
import { CaseTrainingPagesController } from './controllers/case-training.pages.controller';
import { SmeTrainingPagesController } from './controllers/sme-training.pages.controller';
import { TrainingAssessmentService } from './training-assessment.service';
import { TrainingBookingService } from './training-booking.service';
import { TrainingCatalogueService } from './training-catalogue.service';
import { TrainingCatalogueSync } from './training-catalogue.sync';
import { TrainingCertificateService } from './training-certificate.service';
import { TrainingReportsService } from './training-reports.service';

/**
 * Social-media training: the module catalogue (from config/training-modules.yaml, then officers), sessions,
 * bookings with waitlist, attendance, completion, feedback and certificates. Rules load at start-up, so
 * a bad catalogue stops the process with the file and field named.
 */
@Module({
  imports: [
    AdvisersCoreModule,
    CaseTimelineModule,
    FollowUpsModule,
    MessagingModule,
    ReadinessModule,
    IdempotencyModule,
  ],
  controllers: [
    TrainingModulesController,
    TrainingBookingsController,
    SmeTrainingPagesController,
    CaseTrainingPagesController,
    TrainingAdminPagesController,
    CertificatesPagesController,
  ],
  providers: [
    { provide: TRAINING_RULES, useFactory: () => loadTrainingRules() },
    TrainingCatalogueService,
    TrainingBookingService,
    TrainingAssessmentService,
    TrainingCertificateService,
    TrainingReportsService,
    TrainingCatalogueSync,
  ],
  exports: [
    TrainingCatalogueService,
    TrainingBookingService,
    TrainingCertificateService,
    TrainingReportsService,
  ],
})
export class TrainingModule {}
