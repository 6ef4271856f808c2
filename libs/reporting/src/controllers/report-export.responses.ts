import { LANGUAGES } from '@app/web';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { REPORT_EXPORT_STATUSES } from '../exports/report-export.entity';
import { KPI_FILTER_SCHEMAS } from './kpi-query.openapi';

const nullableTime = { type: 'string' as const, format: 'date-time', nullable: true };

/** A KPI filter as the request documents it (a SchemaObject is what ApiProperty writes). */
const filter = (name: string) => KPI_FILTER_SCHEMAS[name] as ApiPropertyOptions;

/**
 * An export's request as validated and stored (CaseExportRequest): the KPI filters it was asked with (a
 * financial year or quarter resolved to `from`/`to`; no period: every case), the format and whether contact
 * details were included, and why.
 */
export class ReportExportFilters {
  @ApiProperty({ enum: ['csv', 'xlsx'] }) format!: string;
  @ApiPropertyOptional(filter('from')) from?: string;
  @ApiPropertyOptional(filter('to')) to?: string;
  @ApiPropertyOptional(filter('region')) region?: string;
  @ApiPropertyOptional(filter('sector')) sector?: string;
  @ApiPropertyOptional({
    ...filter('adviserId'),
    description: "The adviser whose caseload (an adviser's own export always carries their id)",
  })
  adviserId?: string;
  @ApiPropertyOptional(filter('sizeBand')) sizeBand?: string;
  @ApiPropertyOptional(filter('stageAtEnrolment')) stageAtEnrolment?: string;
  @ApiProperty({ description: "Whether the SMEs' contact details are included" }) includeContact!: boolean;
  @ApiPropertyOptional({ description: 'Why contact details are needed (with includeContact)' })
  purpose?: string;
  @ApiPropertyOptional({ enum: LANGUAGES, description: "The column headers' language; absent: English" })
  language?: string;
  @ApiPropertyOptional({ enum: ['keys'], description: '`keys`: stable column codes; absent: words' })
  headers?: string;
}

export class ReportExportResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REPORT_EXPORT_STATUSES }) status!: string;
  @ApiProperty({ enum: ['csv', 'xlsx'] }) format!: string;
  @ApiProperty({ example: 'Cases opened 2026-04-01 to 2026-06-30, north-east' }) description!: string;
  @ApiProperty({ type: ReportExportFilters, description: 'The request as validated and stored' })
  filters!: ReportExportFilters;
  @ApiProperty({ type: 'integer', minimum: 0 }) rowsWritten!: number;
  @ApiProperty({ type: 'integer', minimum: 0, nullable: true }) rowsExpected!: number | null;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 100,
    nullable: true,
    description: 'Null until counted',
  })
  percent!: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty(nullableTime) finishedAt!: string | null;
  @ApiProperty(nullableTime) expiresAt!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, nullable: true }) fileBytes!: number | null;
  @ApiProperty({ type: 'string', nullable: true }) error!: string | null;
  @ApiProperty({ type: 'string', format: 'uri-reference', nullable: true, description: 'Once ready' })
  downloadUrl!: string | null;
}

export class StartedReportExport extends ReportExportResponse {
  @ApiProperty({ description: 'An identical export of yours, still running or ready, answered instead' })
  reused!: boolean;
}

export class ReportExportList {
  @ApiProperty({
    type: ReportExportResponse,
    isArray: true,
    description: 'Your 20 most recent, newest first',
  })
  items!: ReportExportResponse[];
}
