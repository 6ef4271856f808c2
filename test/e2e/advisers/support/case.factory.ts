import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface NewTestCase {
  legalName?: string;
  registrationNumber?: string;
  region?: string;
  naceCode?: string;
  targetMarkets?: string[];
  smeUserId?: string;
  stage?: 'non_exporter' | 'passive_exporter' | 'proactive_exporter';
  status?: 'awaiting_assignment' | 'active' | 'closed';
  assignedAdviserId?: string | null;
  openedAt?: Date;
}

export interface TestCase {
  id: string;
  companyId: string;
  enrolmentId: string;
  smeUserId: string;
}

/**
 * Inserts a company, its submitted enrolment and an open case straight into the tables. Suites start from
 * test/factories (buildCase: through the services) instead; this is left for those that need a case no
 * service wrote: the advisers demo-seed suite (the seed refuses a database that already has users), the
 * Redis-outage suite (it counts every outbox row written during the outage), and caseload and retention
 * (cases opened months or years ago, at stages and states the enrolment path does not open them in).
 */
export async function insertCase(dataSource: DataSource, input: NewTestCase = {}): Promise<TestCase> {
  const smeUserId = input.smeUserId ?? randomUUID();
  const naceCode = input.naceCode ?? '10.11';
  const section = naceSection(naceCode);
  const region = input.region ?? 'north-west';
  const legalName = input.legalName ?? `Test Company ${randomBytes(3).toString('hex')}`;
  const registrationNumber = input.registrationNumber ?? randomBytes(4).toString('hex').toUpperCase();
  const [company] = (await dataSource.query(
    `INSERT INTO companies (legal_name, registration_number, registration_country, region, nace_code, nace_section,
                            employees, turnover_minor, currency, social_profiles, primary_contact_id)
     VALUES ($1, $2, 'GB', $3, $4, $5, 20, 100000000, 'GBP', '[]', $6) RETURNING id`,
    [legalName, registrationNumber, region, naceCode, section, smeUserId],
  )) as { id: string }[];
  const [enrolment] = (await dataSource.query(
    `INSERT INTO enrolments (user_id, company_id, status, legal_name, registration_number, registration_country,
                             region, nace_code, nace_section, target_markets, submitted_at, version)
     VALUES ($1, $2, 'eligible', $3, $4, 'GB', $5, $6, $7, $8, now(), 1) RETURNING id`,
    [
      smeUserId,
      company.id,
      legalName,
      registrationNumber,
      region,
      naceCode,
      section,
      input.targetMarkets ?? [],
    ],
  )) as { id: string }[];
  const [row] = (await dataSource.query(
    `INSERT INTO cases (company_id, enrolment_id, stage, status, region, sector, assigned_adviser_id, opened_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1) RETURNING id`,
    [
      company.id,
      enrolment.id,
      input.stage ?? 'non_exporter',
      input.status ?? 'awaiting_assignment',
      region,
      naceCode,
      input.assignedAdviserId ?? null,
      input.openedAt ?? new Date(),
    ],
  )) as { id: string }[];
  return { id: row.id, companyId: company.id, enrolmentId: enrolment.id, smeUserId };
}

/** NACE Rev. 2 division → section letter (enough of the table for tests). */
function naceSection(code: string): string {
  const division = Number(code.slice(0, 2));
  if (division <= 3) return 'A';
  if (division <= 9) return 'B';
  if (division <= 33) return 'C';
  if (division <= 35) return 'D';
  if (division <= 39) return 'E';
  if (division <= 43) return 'F';
  if (division <= 47) return 'G';
  if (division <= 53) return 'H';
  if (division <= 56) return 'I';
  if (division <= 63) return 'J';
  return 'M';
}
