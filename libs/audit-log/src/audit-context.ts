/** Who did it and through which request: built by `@AuditCtx()` from the request, or by hand in jobs. */
export interface AuditContext {
  actorId: string | null;
  requestId?: string;
  ip?: string;
}

/** The context for work the system does on its own (worker jobs, seeds). */
export const SYSTEM_AUDIT_CONTEXT: AuditContext = { actorId: null };
