export { AuditLogModule } from './audit-log.module';
export { AuditLogService } from './audit-log.service';
export type { AuditEntry, AuditQuery, AuditPage } from './audit-log.service';
export { AuditEvent } from './entities/audit-event.entity';
export { SYSTEM_AUDIT_CONTEXT } from './audit-context';
export type { AuditContext } from './audit-context';
export { AuditCtx, auditContextFrom } from './audit-ctx.decorator';
export { auditDiff, REDACTED } from './audit-diff';
export { withoutCaseContent, CASE_CONTENT, CASE_CONTENT_TYPES } from './case-content';
