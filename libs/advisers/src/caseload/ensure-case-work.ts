import { Case } from '@app/enrolment';
import { EntityManager } from 'typeorm';
import { CaseWork } from '../entities/case-work.entity';

/**
 * The case's working row, created on first need with the enrolment's target markets (for the market
 * filter and scoring) and the SME's language. Safe under concurrency: ON CONFLICT keeps the first.
 */
export async function ensureCaseWork(m: EntityManager, kase: Case, language?: string): Promise<CaseWork> {
  const repo = m.getRepository(CaseWork);
  const existing = await repo.findOneBy({ caseId: kase.id });
  if (existing) return existing;
  // The enrolment's markets are copied by the insert itself (upper-cased ISO codes; none if it is gone).
  await m.query(
    `INSERT INTO case_work (case_id, target_markets, language)
     SELECT $1, COALESCE((SELECT ARRAY(SELECT upper(c) FROM unnest(e.target_markets) WITH ORDINALITY u(c, n) ORDER BY n)
                            FROM enrolments e WHERE e.id = $2), '{}'), $3
     ON CONFLICT (case_id) DO NOTHING`,
    [kase.id, kase.enrolmentId, language && /^(en|es|de)$/.test(language) ? language : 'en'],
  );
  return repo.findOneByOrFail({ caseId: kase.id });
}
