import { AuditLogModule } from '@app/audit-log';
import { FollowUpsModule } from '@app/follow-ups';
import { JobQueuesModule, MessagingModule } from '@app/messaging';
import { Module } from '@nestjs/common';
import { REPORT_EXPORTS_QUEUE, ReportExportProcessor } from './exports/report-export.processor';
import { KPI_SNAPSHOTS_QUEUE, KpiSnapshotProcessor } from './kpi/kpi-snapshot.processor';
import { KpiSnapshots } from './kpi/kpi-snapshots';
import { ReportingRules } from './reporting-rules';

/**
 * The worker's part of reporting: row-level exports (their queue, processor and expiry sweep) and the
 * refresh that keeps the KPI summaries fresh.
 */
@Module({
  imports: [
    AuditLogModule,
    FollowUpsModule,
    MessagingModule,
    JobQueuesModule.register({ name: REPORT_EXPORTS_QUEUE }, { name: KPI_SNAPSHOTS_QUEUE }),
  ],
  providers: [
    { provide: ReportingRules, useFactory: () => ReportingRules.load() },
    ReportExportProcessor,
    KpiSnapshots,
    KpiSnapshotProcessor,
  ],
  exports: [ReportExportProcessor, KpiSnapshots],
})
export class ReportingWorkerModule {}
