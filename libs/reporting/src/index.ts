export { ReportingModule } from './reporting.module';
export { KpiReportService, planKpiSources } from './kpi/kpi-report.service';
export { KpiSnapshots, kpiSourceParams, kpiSourceSql } from './kpi/kpi-snapshots';
export { KpiSnapshotProcessor, KPI_SNAPSHOTS_QUEUE } from './kpi/kpi-snapshot.processor';
export type { KpiScope } from './kpi/kpi-report.service';
export { KPI_DEFINITIONS, kpiSql } from './kpi/kpi-registry';
export type { KpiDefinition } from './kpi/kpi-registry';
export { ReportingRules } from './reporting-rules';
export type {
  KpiReport,
  KpiFilters,
  KpiValue,
  KpiGroup,
  KpiGroupKey,
  KpiUnit,
  KpiBreakdownRow,
  SizeBand,
} from './kpi/kpi-report';
export { KPI_CSV_COLUMNS, kpiReportToCsv, writeKpiReportXlsx } from './exports/kpi-formats';
export { streamCaseExport, caseExportSql } from './exports/case-rows';
export type { CaseExportFormat, CaseExportOptions } from './exports/case-rows';
export { ReportingWorkerModule } from './reporting-worker.module';
export { ReportExportProcessor, REPORT_EXPORTS_QUEUE } from './exports/report-export.processor';
export { ReportExportsService, REPORT_EXPORT_REQUESTED } from './exports/report-exports.service';
export type { ReportExportView } from './exports/report-exports.service';
export { ReportExport } from './exports/report-export.entity';
