import { AuditLogModule } from '@app/audit-log';
import { EnrolmentRulesModule } from '@app/enrolment';
import { FollowUpsModule } from '@app/follow-ups';
import { PolicyModule } from '@app/identity';
import { MessagingModule } from '@app/messaging';
import { ExchangeRates } from '@app/web';
import { Module } from '@nestjs/common';
import { KpiDownloads } from './controllers/kpi-downloads';
import { ReportExportsController } from './controllers/report-exports.controller';
import { ReportExportsPagesController } from './controllers/report-exports.pages.controller';
import { ReportsController } from './controllers/reports.controller';
import { ReportsPagesController } from './controllers/reports.pages.controller';
import { StatisticsPagesController } from './controllers/statistics.pages.controller';
import { KpiReportService } from './kpi/kpi-report.service';
import { KpiSnapshots } from './kpi/kpi-snapshots';
import { ReportFiltersService } from './kpi/report-filters.service';
import { KpiLanguageService } from './kpi/kpi-language.service';
import { ReportExportsService } from './exports/report-exports.service';
import { ReportingRules } from './reporting-rules';
import { PublicStatisticsService } from './statistics/public-statistics.service';

/**
 * KPI reporting: one registry of KPI definitions computed by KpiReportService straight from the other
 * libs' tables (reporting may read every table; nobody imports reporting), the JSON/CSV/XLSX endpoint,
 * the officers' dashboard, the public statistics page and the api side of row-level exports (the worker
 * side is ReportingWorkerModule).
 */
@Module({
  imports: [FollowUpsModule, MessagingModule, AuditLogModule, PolicyModule, EnrolmentRulesModule],
  controllers: [
    ReportsController,
    ReportsPagesController,
    StatisticsPagesController,
    ReportExportsController,
    ReportExportsPagesController,
  ],
  providers: [
    { provide: ReportingRules, useFactory: () => ReportingRules.load() },
    { provide: ExchangeRates, useFactory: () => ExchangeRates.load() },
    KpiSnapshots,
    KpiReportService,
    KpiLanguageService,
    ReportFiltersService,
    PublicStatisticsService,
    KpiDownloads,
    ReportExportsService,
  ],
  exports: [KpiReportService],
})
export class ReportingModule {}
