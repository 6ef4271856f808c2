import { AuditLogModule } from '@app/audit-log';
import { ObservabilityModule } from '@app/observability';
import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { REPORT_EXPORTS_QUEUE, ReportExportProcessor } from './exports/report-export.processor';
import { ReportingRules } from './reporting-rules';

/** The worker's part of reporting: row-level exports (their queue, processor and expiry sweep). */
@Module({
  imports: [AuditLogModule, ObservabilityModule, BullModule.registerQueue({ name: REPORT_EXPORTS_QUEUE })],
  providers: [{ provide: ReportingRules, useFactory: () => ReportingRules.load() }, ReportExportProcessor],
  exports: [ReportExportProcessor],
})
export class ReportingWorkerModule {}
