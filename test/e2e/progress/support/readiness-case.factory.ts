import { buildSmeCase, ensureAdviserProfile, existingUser } from '../../../factories';
import type { TestApi } from '../../../support/test-api';
import { DataSource } from 'typeorm';

export interface NewReadinessCase {
  /** The SME who enrols (a new one when absent). */
  smeUserId?: string;
  /** Assigns the case to this adviser (given a profile first if they have none). */
  adviserId?: string;
  /** The provisional stage: a passive exporter is one that exported in the last 12 months. */
  stage?: 'non_exporter' | 'passive_exporter';
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
 * A case opened by an SME's eligible enrolment, submitted through the enrolment service (test/factories'
 * buildSmeCase) with the export-status answers classification reads: the readiness and progress suites
 * test audits and stages, starting from a case the services really made.
 */
export async function readinessCase(api: TestApi, input: NewReadinessCase = {}): Promise<ReadinessTestCase> {
  const exported = input.exportedLast12Months ?? input.stage === 'passive_exporter';
  const sme = input.smeUserId ? await existingUser(api, input.smeUserId) : undefined;
  if (input.adviserId) await ensureAdviserProfile(api, input.adviserId);
  const built = await buildSmeCase(api, {
    sme,
    adviserId: input.adviserId,
    answers: {
      company: { region: 'north-west', naceCode: '10.11' },
      // Submission needs a share and at least one market from an exporter ('unsolicited' reads as no plan).
      exportStatus: exported
        ? {
            exportedLast12Months: true,
            markets: input.exportMarkets ?? ['FR'],
            orderOrigin: input.orderOrigin ?? 'unsolicited',
          }
        : { exportedLast12Months: false, exportSharePercent: null, markets: [], orderOrigin: null },
    },
  });
  return { id: built.caseId, companyId: built.companyId, enrolmentId: built.enrolmentId };
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
