import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery, type SchemaObject } from '@nestjs/swagger';
import { KPI_FORMATS, KPI_SELECTION_FIELD, SIZE_BANDS, STAGES_AT_ENROLMENT } from '../kpi/kpi-query';

/**
 * The KPI filters as the OpenAPI document describes them. The report and the export read them with their
 * own parser (kpi-query.ts), which also serves the HTML forms; this only documents what it accepts.
 */
export const KPI_FILTER_SCHEMAS: Record<string, SchemaObject> = {
  from: { type: 'string', format: 'date', description: 'first day (with `to`; not with financialYear)' },
  to: { type: 'string', format: 'date', description: 'last day (with `from`)' },
  financialYear: { type: 'string', pattern: '^\\d{4}$', description: 'a financial year, e.g. 2025' },
  quarter: { type: 'string', enum: ['1', '2', '3', '4'], description: 'a quarter of financialYear' },
  region: { type: 'string', maxLength: 60, description: 'a code from config/regions.yaml' },
  sector: { type: 'string', pattern: '^[A-Ua-u]$', description: 'a NACE Rev. 2 section letter' },
  adviserId: { type: 'string', format: 'uuid' },
  sizeBand: { type: 'string', enum: [...SIZE_BANDS] },
  stageAtEnrolment: { type: 'string', enum: [...STAGES_AT_ENROLMENT] },
};

/** How a CSV/XLSX is headed: words in the requester's language, or stable codes for programs. */
const HEADERS: SchemaObject = {
  type: 'string',
  enum: ['labels', 'keys'],
  default: 'labels',
  description:
    'CSV/XLSX column headers: `labels` in the requester’s language (Accept-Language, or a signed-in ' +
    'person’s language), `keys` the stable column codes (e.g. kpi_key, case_id) for programs',
};

/** Query parameters of GET /api/v1/reports/kpis. */
export function ApiKpiQuery(): MethodDecorator {
  return applyDecorators(
    ...Object.entries({
      ...KPI_FILTER_SCHEMAS,
      format: { type: 'string', enum: [...KPI_FORMATS], default: 'json' },
      headers: HEADERS,
      [KPI_SELECTION_FIELD]: {
        type: 'string',
        description: 'KPI keys, comma-separated (as on /reports/definitions); every KPI when absent',
      },
    } as Record<string, SchemaObject>).map(([name, schema]) =>
      ApiQuery({ name, required: false, schema, description: schema.description }),
    ),
  );
}

/** Body of POST /api/v1/reports/exports. */
export function ApiCaseExportBody(): MethodDecorator {
  return ApiBody({
    schema: {
      type: 'object',
      properties: {
        ...KPI_FILTER_SCHEMAS,
        format: { type: 'string', enum: ['csv', 'xlsx'], default: 'csv' },
        headers: HEADERS,
        includeContact: { type: 'boolean', description: "include the SMEs' contact details" },
        purpose: {
          type: 'string',
          minLength: 10,
          maxLength: 500,
          description: 'why contact details are needed (required with includeContact)',
        },
      },
    },
  });
}
