import type { Actor } from '@app/identity';
import type { AuditKind } from './audit-kinds';

/** Whose audit a person works on: an SME its self-assessment, staff the adviser's audit. */
export function auditKindOf(actor: Actor): AuditKind {
  return actor.role === 'sme' ? 'self' : 'adviser';
}
