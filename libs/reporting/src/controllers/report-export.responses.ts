import { ApiProperty } from '@nestjs/swagger';
import { REPORT_EXPORT_STATUSES } from '../exports/report-export.entity';

const nullableTime = { type: 'string' as const, format: 'date-time', nullable: true };

export class ReportExportResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REPORT_EXPORT_STATUSES }) status!: string;
  @ApiProperty({ enum: ['csv', 'xlsx'] }) format!: string;
  @ApiProperty({ example: 'Cases opened 2026-04-01 to 2026-06-30, north-east' }) description!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The request as validated (format, dates, filters, includeContact, purpose, headers)',
  })
  filters!: Record<string, unknown>;
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
