import { AdvisersCoreModule } from '@app/advisers';
import { EnrolmentRulesModule } from '@app/enrolment';
import { FollowUpsModule } from '@app/follow-ups';
import { PolicyModule } from '@app/identity';
import { IdempotencyModule } from '@app/idempotency';
import { MessagingModule } from '@app/messaging';
import { ExchangeRates, PageCursors } from '@app/web';
import { Module } from '@nestjs/common';
import { ExportWinsController } from './export-wins.controller';
import { ExportWinsPagesController } from './export-wins.pages.controller';
import { ExportWinsService } from './export-wins.service';
import { OpportunitiesController } from './opportunities.controller';
import { OpportunitiesPagesController } from './opportunities.pages.controller';
import { OpportunitiesService } from './opportunities.service';
import { OpportunityRules } from './opportunity-rules.file';
import { WinLinks } from './win-links';
import { WinMoney } from './win-money';
import { WinVerificationPagesController } from './win-verification.pages.controller';
import { WinVerificationService } from './win-verification.service';

/**
 * Export opportunities per case, the pipeline and export wins (config/opportunities.yaml and
 * config/exchange-rates.yaml, loaded at start-up).
 */
@Module({
  imports: [
    AdvisersCoreModule,
    EnrolmentRulesModule,
    FollowUpsModule,
    IdempotencyModule,
    MessagingModule,
    PolicyModule,
  ],
  controllers: [
    OpportunitiesController,
    OpportunitiesPagesController,
    ExportWinsController,
    ExportWinsPagesController,
    WinVerificationPagesController,
  ],
  providers: [
    OpportunitiesService,
    ExportWinsService,
    WinLinks,
    WinMoney,
    WinVerificationService,
    PageCursors,
    { provide: OpportunityRules, useFactory: () => OpportunityRules.load() },
    { provide: ExchangeRates, useFactory: () => ExchangeRates.load() },
  ],
  exports: [OpportunitiesService, ExportWinsService, WinVerificationService],
})
export class OpportunitiesModule {}
