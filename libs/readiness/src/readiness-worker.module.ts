import { AuditLogModule } from '@app/audit-log';
import { CaseTimelineModule } from '@app/case-timeline';
import { Module } from '@nestjs/common';
import { TrainingCompletedHandler } from './training-completed.handler';

/** The worker's side of readiness: event handlers only, no controllers and no questionnaire loading. */
@Module({
  imports: [AuditLogModule, CaseTimelineModule],
  providers: [TrainingCompletedHandler],
})
export class ReadinessWorkerModule {}
