import { Module } from '@nestjs/common';
import { AdvisersCoreModule } from './advisers-core.module';
import { AdvisersController } from './api/advisers.controller';
import { CasesController } from './api/cases.controller';
import { AdviserProfilesPagesController } from './pages/adviser-profiles.pages.controller';
import { CaseloadPagesController } from './pages/caseload.pages.controller';
import { InteractionPagesController } from './pages/interaction.pages.controller';

/** The api's side: the caseload and adviser JSON API and the staff pages, on top of the core module. */
@Module({
  imports: [AdvisersCoreModule],
  controllers: [
    CasesController,
    AdvisersController,
    CaseloadPagesController,
    InteractionPagesController,
    AdviserProfilesPagesController,
  ],
  exports: [AdvisersCoreModule],
})
export class AdvisersModule {}
