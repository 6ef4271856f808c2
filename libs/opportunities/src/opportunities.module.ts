import { AdvisersCoreModule } from '@app/advisers';
import { EnrolmentRulesModule } from '@app/enrolment';
import { FollowUpsModule } from '@app/follow-ups';
import { PolicyModule } from '@app/identity';
import { IdempotencyModule } from '@app/idempotency';
import { Module } from '@nestjs/common';
import { ExportWinsController } from './export-wins.controller';
import { ExportWinsPagesController } from './export-wins.pages.controller';
import { ExportWinsService } from './export-wins.service';
import { OpportunitiesController } from './opportunities.controller';
import { OpportunitiesPagesController } from './opportunities.pages.controller';
import { OpportunitiesService } from './opportunities.service';
import { OpportunityRules } from './opportunity-rules.file';

/** Export opportunities per case, the pipeline and export wins (config/opportunities.yaml, loaded at start-up). */
@Module({
  imports: [AdvisersCoreModule, EnrolmentRulesModule, FollowUpsModule, IdempotencyModule, PolicyModule],
  controllers: [
    OpportunitiesController,
    OpportunitiesPagesController,
    ExportWinsController,
    ExportWinsPagesController,
  ],
  providers: [
    OpportunitiesService,
    ExportWinsService,
    { provide: OpportunityRules, useFactory: () => OpportunityRules.load() },
  ],
  exports: [OpportunitiesService, ExportWinsService],
})
export class OpportunitiesModule {}
