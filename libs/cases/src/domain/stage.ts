/** The programme's three stages of a company's exporting, in order. */
export const STAGES = ['non_exporter', 'passive_exporter', 'proactive_exporter'] as const;
export type Stage = (typeof STAGES)[number];
