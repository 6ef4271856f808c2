import { createHash } from 'node:crypto';
import type { FieldError } from '@app/errors';
import { translator } from '@app/web';
import { KPI_QUERY_FIELDS, parseKpiQuery, type KpiQueryContext } from '../kpi/kpi-query';
import type { CaseExportRequest } from './report-export.entity';

/** The fields a row-level export request may carry; anything else is refused by name. */
export const CASE_EXPORT_FIELDS: readonly string[] = [
  ...KPI_QUERY_FIELDS,
  'includeContact',
  'purpose',
  'headers',
];

const PERIOD_FIELDS = ['from', 'to', 'financialYear', 'quarter'];
const PURPOSE_MIN = 10;
const PURPOSE_MAX = 500;

/**
 * Checks a row-level export request (JSON body or form): the KPI filters with the KPI rules (a period is
 * optional here: no period means every case), csv or xlsx, and a recorded purpose whenever contact data is
 * asked for. Returns every field problem at once.
 */
export function parseCaseExportRequest(
  raw: Record<string, unknown>,
  ctx: KpiQueryContext,
): { value?: CaseExportRequest; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const filters: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!CASE_EXPORT_FIELDS.includes(key)) {
      errors.push({
        field: key,
        message: `${key} is not something an export can be asked for`,
        code: 'unknownField',
      });
    } else if (!['format', 'includeContact', 'purpose', 'headers'].includes(key)) {
      filters[key] = value;
    }
  }

  const format = raw.format === undefined || raw.format === '' ? 'csv' : raw.format;
  if (format !== 'csv' && format !== 'xlsx')
    errors.push({ field: 'format', message: 'Choose CSV or Excel (XLSX)', code: 'isIn' });

  const headers = raw.headers === undefined || raw.headers === '' ? 'labels' : raw.headers;
  if (headers !== 'labels' && headers !== 'keys')
    errors.push({ field: 'headers', message: 'headers must be labels or keys', code: 'isIn' });

  const includeContact = parseFlag(raw.includeContact);
  if (includeContact === undefined)
    errors.push({
      field: 'includeContact',
      message: 'includeContact must be true or false',
      code: 'isBoolean',
    });
  const purpose = typeof raw.purpose === 'string' ? raw.purpose.trim() : raw.purpose;
  if (purpose !== undefined && typeof purpose !== 'string')
    errors.push({ field: 'purpose', message: 'Give the purpose as text', code: 'isString' });
  else if (includeContact && (!purpose || purpose.length < PURPOSE_MIN))
    errors.push({
      field: 'purpose',
      message: `Say why you need contact details, in at least ${PURPOSE_MIN} characters`,
      code: 'purposeRequired',
    });
  else if (typeof purpose === 'string' && purpose.length > PURPOSE_MAX)
    errors.push({
      field: 'purpose',
      message: `Purpose must be ${PURPOSE_MAX} characters or fewer`,
      code: 'maxLength',
    });

  const parsed = parseKpiQuery(filters, ctx);
  errors.push(...parsed.errors);
  if (errors.length || !parsed.value) return { errors };

  const f = parsed.value.filters;
  const periodGiven = PERIOD_FIELDS.some((k) => typeof filters[k] === 'string' && filters[k] !== '');
  const value: CaseExportRequest = {
    format: format as 'csv' | 'xlsx',
    includeContact: includeContact === true,
  };
  if (periodGiven) {
    value.from = f.from;
    value.to = f.to;
  }
  if (f.region) value.region = f.region;
  if (f.sector) value.sector = f.sector;
  if (f.adviserId) value.adviserId = f.adviserId;
  if (f.sizeBand) value.sizeBand = f.sizeBand;
  if (f.stageAtEnrolment) value.stageAtEnrolment = f.stageAtEnrolment;
  if (value.includeContact && typeof purpose === 'string') value.purpose = purpose;
  if (headers === 'keys') value.headers = 'keys';
  return { value, errors };
}

/** Forms send "yes"/absent, JSON sends booleans; both are accepted, nothing else. */
function parseFlag(value: unknown): boolean | undefined {
  if (value === undefined || value === '' || value === false || value === 'false' || value === 'no')
    return false;
  if (value === true || value === 'true' || value === 'yes') return true;
  return undefined;
}

/** Two requests with the same key would produce the same file (the purpose is not part of the data). */
export function caseExportKey(request: CaseExportRequest): string {
  const { purpose: _purpose, ...data } = request;
  const canonical = JSON.stringify(
    Object.fromEntries(Object.entries(data).sort(([a], [b]) => a.localeCompare(b))),
  );
  return createHash('sha256').update(canonical).digest('hex');
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A short human description of the filters, for the list of exports and the audit trail. It names the
 * caseload the rows come from (the requester's own when `requestedBy` is that adviser), never "all cases"
 * for an export limited to one adviser. With a page's `t` (and its date and label wording), in the page's
 * language; in English (codes as they are) for the API.
 */
export function describeCaseExport(
  request: CaseExportRequest,
  requestedBy?: string,
  t: Translate = translator('en'),
  words: { date?: (day: string) => string; label?: (key: string, code: string) => string } = {},
): string {
  const date = words.date ?? ((day: string) => day);
  const label = words.label ?? ((_key: string, code: string) => code.replace('_', ' '));
  const parts: string[] = [];
  if (request.adviserId)
    parts.push(
      t(`reports.exports.describe.${request.adviserId === requestedBy ? 'yourCaseload' : 'oneAdviser'}`),
    );
  if (request.from && request.to)
    parts.push(t('reports.exports.describe.opened', { from: date(request.from), to: date(request.to) }));
  if (request.region)
    parts.push(t('reports.exports.describe.region', { region: label('enrolment.regions', request.region) }));
  if (request.sector) parts.push(t('reports.exports.describe.sector', { sector: request.sector }));
  if (request.sizeBand)
    parts.push(
      t('reports.exports.describe.size', { size: label('reports.exports.describe.sizes', request.sizeBand) }),
    );
  if (request.stageAtEnrolment)
    parts.push(
      t('reports.exports.describe.stage', { stage: label('advisers.stages', request.stageAtEnrolment) }),
    );
  if (request.includeContact) parts.push(t('reports.exports.describe.withContact'));
  return parts.length ? parts.join(', ') : t('reports.exports.describe.allCases');
}
