import { PageCursors } from '@app/web';
import { AuditLogModule } from '@app/audit-log';
import { CasesModule } from '@app/cases';
import { CaseTimelineModule } from '@app/case-timeline';
import { EnrolmentRulesModule } from '@app/enrolment';
import { FollowUpsModule } from '@app/follow-ups';
import { PolicyModule } from '@app/identity';
import { MessagingModule } from '@app/messaging';
import { Module } from '@nestjs/common';
import { CaseAccessService } from './access/case-access.service';
import { AssignmentRules } from './assignment/assignment-rules';
import { AssignmentRecorder } from './assignment/assignment-recorder';
import { AssignmentRepository } from './assignment/assignment.repository';
import { AssignmentService } from './assignment/assignment.service';
import { CaseOpenedHandler } from './assignment/case-opened.handler';
import { CaseLifecycleListenerService } from './closure/case-lifecycle.listener';
import { CaseDetailsService } from './caseload/case-details.service';
import { CaseloadService } from './caseload/caseload.service';
import { ReadinessScoreHandler } from './caseload/readiness-score.handler';
import { InteractionsService } from './interactions/interactions.service';
import { AdviserProfilesService } from './profiles/adviser-profiles.service';

/**
 * The advisers domain without HTTP: what the worker imports (the `case.opened` handler) and what the api
 * module builds on. Rules files are loaded once at start-up, so a bad one stops the process.
 */
@Module({
  imports: [
    AuditLogModule,
    CasesModule,
    CaseTimelineModule,
    EnrolmentRulesModule,
    FollowUpsModule,
    MessagingModule,
    PolicyModule,
  ],
  providers: [
    { provide: AssignmentRules, useFactory: () => AssignmentRules.load() },
    CaseAccessService,
    AssignmentRepository,
    AssignmentRecorder,
    AssignmentService,
    CaseOpenedHandler,
    CaseLifecycleListenerService,
    ReadinessScoreHandler,
    AdviserProfilesService,
    InteractionsService,
    CaseloadService,
    CaseDetailsService,
    PageCursors,
  ],
  exports: [
    CasesModule,
    CaseTimelineModule,
    CaseAccessService,
    PolicyModule,
    AssignmentService,
    AdviserProfilesService,
    InteractionsService,
    CaseloadService,
    CaseDetailsService,
    EnrolmentRulesModule,
  ],
})
export class AdvisersCoreModule {}
