import { AuditLogModule } from '@app/audit-log';
import { CasesModule } from '@app/cases';
import { CaseTimelineModule } from '@app/case-timeline';
import { FollowUpsModule } from '@app/follow-ups';
import { MessagingModule } from '@app/messaging';
import { Module } from '@nestjs/common';
import { ProgressService } from '../progress.service';
import { STAGE_RULES } from '../progress.tokens';
import { loadStageRules } from '../rules/stage-rules';
import { StageChangedNotifier } from './stage-changed.notifier';
import { StageReevaluationHandler } from './stage-reevaluation.handler';

/** The worker's side of progress: stage re-evaluation and the SME's stage-change email. No controllers. */
@Module({
  imports: [AuditLogModule, CasesModule, CaseTimelineModule, FollowUpsModule, MessagingModule],
  providers: [
    ProgressService,
    { provide: STAGE_RULES, useFactory: () => loadStageRules() },
    StageReevaluationHandler,
    StageChangedNotifier,
  ],
})
export class ProgressWorkerModule {}
