export const OUTCOME_KINDS = [
  'first_export_order',
  'new_market_entered',
  'distributor_signed',
  'export_win',
  'trade_visit_attended',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** Outcomes that prove the company exported (used by stage classification's "exports now"). */
export const EXPORTING_OUTCOMES: readonly OutcomeKind[] = [
  'first_export_order',
  'new_market_entered',
  'export_win',
];
