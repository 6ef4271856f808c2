import type { EntityManager } from 'typeorm';

/**
 * The names of an introduction's two sides, as its emails and pages show them: the expert's (or, when a peer
 * company was asked, that company's) and the company of the case.
 */
export async function introductionNames(
  m: EntityManager,
  introductionId: string,
): Promise<{ expertName: string; companyName: string }> {
  const [row] = (await m.query(
    `SELECT coalesce(e.name, pc.legal_name, '') AS "expertName", co.legal_name AS "companyName"
       FROM introductions i LEFT JOIN experts e ON e.id = i.expert_id
       LEFT JOIN peers p ON p.id = i.peer_id LEFT JOIN companies pc ON pc.id = p.company_id
       JOIN cases c ON c.id = i.case_id JOIN companies co ON co.id = c.company_id
      WHERE i.id = $1`,
    [introductionId],
  )) as { expertName: string; companyName: string }[];
  return row ?? { expertName: '', companyName: '' };
}
