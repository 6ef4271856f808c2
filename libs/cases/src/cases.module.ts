import { CaseTimelineModule } from '@app/case-timeline';
import { MessagingModule } from '@app/messaging';
import { Module } from '@nestjs/common';
import { CasesService } from './cases.service';
import { CaseClosureRules } from './closure/case-closure-rules';
import { CaseClosureService } from './closure/case-closure.service';

/**
 * The case row and every change to it (`CasesService`), and closing and reopening a case
 * (`CaseClosureService`, rules in config/case-closure.yaml, loaded once at start-up); imported by each lib
 * that changes a case.
 */
@Module({
  imports: [CaseTimelineModule, MessagingModule],
  providers: [
    CasesService,
    CaseClosureService,
    { provide: CaseClosureRules, useFactory: () => CaseClosureRules.load() },
  ],
  exports: [CasesService, CaseClosureService, CaseClosureRules],
})
export class CasesModule {}
