import { DYNAMIC_TABLE, type AllowedWrite } from './table-ownership';

/**
 * The only SQL that may write a table another lib owns (`npm run tables:check`). Keep it short: a new
 * entry needs a reason an owner's service cannot serve. Everything else calls the owner (e.g. a case's
 * columns change only through @app/cases' CasesService).
 */
export const ALLOWED_FOREIGN_WRITES: readonly AllowedWrite[] = [
  {
    writer: 'data-protection',
    file: 'libs/data-protection/src/erasure/erasure-plan.ts',
    table: DYNAMIC_TABLE,
    reason:
      'Erasure and retention rewrite or delete personal data in every table PERSON_DATA_MAP lists, in one ' +
      "transaction with the request's audit row. The map names each table and column; its coverage test fails " +
      'when a person-referencing column is missing from it. No owner writes its rows on its behalf.',
  },
];
