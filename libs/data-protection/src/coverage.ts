import type { EntityManager } from 'typeorm';
import { isPersonColumn, PERSON_DATA_MAP } from './person-data-map';

export interface UncoveredColumn {
  table: string;
  column: string;
  /** Why the column was recognised as person-referencing. */
  because: 'foreign key to users' | 'column name';
  problem:
    'table not in the map' | 'column not in the map' | 'table neither in the SAR nor excluded with a reason';
}

/**
 * Person-referencing columns of the live schema (foreign keys to "users", or names matching
 * PERSON_COLUMN_RULES) that PERSON_DATA_MAP does not say how to handle. Empty when everything is covered.
 */
export async function findUncoveredPersonColumns(m: EntityManager): Promise<UncoveredColumn[]> {
  const columns = (await m.query(
    `SELECT c.table_name, c.column_name,
            EXISTS (
              SELECT 1 FROM information_schema.key_column_usage k
                JOIN information_schema.referential_constraints r ON r.constraint_name = k.constraint_name
                JOIN information_schema.constraint_column_usage u ON u.constraint_name = r.unique_constraint_name
               WHERE k.table_schema = 'public' AND k.table_name = c.table_name AND k.column_name = c.column_name
                 AND u.table_name = 'users'
            ) AS references_users
       FROM information_schema.columns c
       JOIN information_schema.tables t
         ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public'
      ORDER BY c.table_name, c.ordinal_position`,
  )) as { table_name: string; column_name: string; references_users: boolean }[];
  const uncovered: UncoveredColumn[] = [];
  for (const c of columns) {
    const byKey = c.references_users;
    if (!byKey && !isPersonColumn(c.column_name)) continue;
    const because = byKey ? 'foreign key to users' : 'column name';
    const coverage = PERSON_DATA_MAP[c.table_name];
    const found = { table: c.table_name, column: c.column_name, because } as const;
    if (!coverage) uncovered.push({ ...found, problem: 'table not in the map' });
    else if (!(c.column_name in coverage.columns))
      uncovered.push({ ...found, problem: 'column not in the map' });
    else if (!coverage.rows && !coverage.notes)
      uncovered.push({ ...found, problem: 'table neither in the SAR nor excluded with a reason' });
  }
  return uncovered;
}
