import { Module } from '@nestjs/common';
import { SatisfactionCoreModule } from './satisfaction-core.module';
import { SurveyPagesController } from './survey.pages.controller';

/** The api's side: the survey page an SME opens from the emailed link. */
@Module({
  imports: [SatisfactionCoreModule],
  controllers: [SurveyPagesController],
  exports: [SatisfactionCoreModule],
})
export class SatisfactionModule {}
