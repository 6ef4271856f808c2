import type { Stage } from '@app/cases';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface NewReadinessCase {
  smeUserId?: string;
  assignedAdviserId?: string | null;
  stage?: Stage;
  exportedLast12Months?: boolean;
  exportMarkets?: string[];
  orderOrigin?: 'unsolicited' | 'plan' | null;
}

export interface ReadinessTestCase {
  id: string;
  companyId: string;
  enrolmentId: string;
}

/**
 * A company, its eligible enrolment (with the export-status answers classification reads) and an open
 * case, inserted straight into the tables: the readiness and progress suites test audits and stages, not
 * the enrolment flow, which has its own tests.
 */
export async function insertReadinessCase(
  dataSource: DataSource,
  input: NewReadinessCase = {},
): Promise<ReadinessTestCase> {
  const smeUserId = input.smeUserId ?? randomUUID();
  const legalName = `Readiness Test ${randomBytes(3).toString('hex')}`;
  const registrationNumber = randomBytes(5).toString('hex').toUpperCase();
  const [company] = (await dataSource.query(
    `INSERT INTO companies (legal_name, registration_number, registration_country, region, nace_code, nace_section,
                            employees, turnover_minor, currency, social_profiles, primary_contact_id)
     VALUES ($1, $2, 'GB', 'north-west', '10.11', 'C', 20, 100000000, 'GBP', '[]', $3) RETURNING id`,
    [legalName, registrationNumber, smeUserId],
  )) as { id: string }[];
  const [enrolment] = (await dataSource.query(
    `INSERT INTO enrolments (user_id, company_id, status, legal_name, registration_number, registration_country,
                             region, nace_code, nace_section, exported_last12_months, export_markets, order_origin,
                             submitted_at, version)
     VALUES ($1, $2, 'eligible', $3, $4, 'GB', 'north-west', '10.11', 'C', $5, $6, $7, now(), 1) RETURNING id`,
    [
      smeUserId,
      company.id,
      legalName,
      registrationNumber,
      input.exportedLast12Months ?? false,
      input.exportMarkets ?? [],
      input.orderOrigin ?? null,
    ],
  )) as { id: string }[];
  const [row] = (await dataSource.query(
    `INSERT INTO cases (company_id, enrolment_id, stage, status, region, sector, assigned_adviser_id, version)
     VALUES ($1, $2, $3, 'active', 'north-west', '10.11', $4, 1) RETURNING id`,
    [company.id, enrolment.id, input.stage ?? 'non_exporter', input.assignedAdviserId ?? null],
  )) as { id: string }[];
  return { id: row.id, companyId: company.id, enrolmentId: enrolment.id };
}

/** Every question of a questionnaire answered `value`, with overrides. */
export function allAnswers(
  codes: string[],
  value: number,
  overrides: Record<string, number> = {},
): Record<string, number> {
  return { ...Object.fromEntries(codes.map((code) => [code, value])), ...overrides };
}

export async function countRows(
  dataSource: DataSource,
  table: string,
  where = 'true',
  params: unknown[] = [],
): Promise<number> {
  const [row] = (await dataSource.query(
    `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
    params,
  )) as { n: number }[];
  return row.n;
}
