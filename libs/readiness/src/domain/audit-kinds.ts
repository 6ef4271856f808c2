/** Who fills an audit in: the SME (its self-assessment) or its adviser. */
export const AUDIT_KINDS = ['self', 'adviser'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
