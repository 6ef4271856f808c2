import { AdvisersCoreModule } from '@app/advisers';
import { FollowUpsModule } from '@app/follow-ups';
import { PolicyModule } from '@app/identity';
import { IdempotencyModule } from '@app/idempotency';
import { Module } from '@nestjs/common';
import { OpportunitiesController } from './opportunities.controller';
import { OpportunitiesPagesController } from './opportunities.pages.controller';
import { OpportunitiesService } from './opportunities.service';
import { OpportunityRules } from './opportunity-rules.file';

/** Export opportunities per case and the pipeline (config/opportunities.yaml, loaded at start-up). */
@Module({
  imports: [AdvisersCoreModule, FollowUpsModule, IdempotencyModule, PolicyModule],
  controllers: [OpportunitiesController, OpportunitiesPagesController],
  providers: [OpportunitiesService, { provide: OpportunityRules, useFactory: () => OpportunityRules.load() }],
  exports: [OpportunitiesService],
})
export class OpportunitiesModule {}
