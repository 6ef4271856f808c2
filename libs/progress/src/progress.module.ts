import { AdvisersCoreModule } from '@app/advisers';
import { CasesModule } from '@app/cases';
import { CaseTimelineModule } from '@app/case-timeline';
import { FollowUpsModule } from '@app/follow-ups';
import { MessagingModule } from '@app/messaging';
import { Module } from '@nestjs/common';
import { ProgressController } from './progress.controller';
import { ProgressPagesController } from './progress.pages.controller';
import { ProgressService } from './progress.service';
import { STAGE_RULES } from './progress.tokens';
import { loadStageRules } from './rules/stage-rules';

/**
 * Export stage and its history, outcomes and milestones (config/stage-rules.yaml, loaded at start-up), without
 * routes: what another lib's services (and the worker) may import.
 */
@Module({
  imports: [AdvisersCoreModule, CasesModule, CaseTimelineModule, FollowUpsModule, MessagingModule],
  providers: [ProgressService, { provide: STAGE_RULES, useFactory: () => loadStageRules() }],
  exports: [ProgressService, STAGE_RULES],
})
export class ProgressCoreModule {}

/** The api's side of progress: its routes, over ProgressCoreModule. */
@Module({
  imports: [
    ProgressCoreModule,
    AdvisersCoreModule,
    CasesModule,
    CaseTimelineModule,
    FollowUpsModule,
    MessagingModule,
  ],
  controllers: [ProgressController, ProgressPagesController],
  exports: [ProgressCoreModule],
})
export class ProgressModule {}
