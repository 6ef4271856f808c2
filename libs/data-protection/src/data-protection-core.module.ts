import { AuditLogModule } from '@app/audit-log';
import { RedisModule } from '@app/redis';
import { PageCursors } from '@app/web';
import { Module } from '@nestjs/common';
import { DataProtectionService } from './data-protection.service';
import { QueuedJobsScanner } from './queue/queued-jobs.scanner';
import { loadRetentionRules } from './retention/retention-rules';
import { RETENTION_RULES, RetentionService } from './retention/retention.service';
import { SubjectAccessCollector } from './subject-access/subject-access.collector';

/**
 * Subject access, erasure and retention services, without HTTP: for the api, the worker and the CLI.
 * config/retention.yaml is loaded here, so a bad retention rule stops start-up naming the field.
 */
@Module({
  imports: [AuditLogModule, RedisModule],
  providers: [
    { provide: RETENTION_RULES, useFactory: () => loadRetentionRules() },
    PageCursors,
    QueuedJobsScanner,
    SubjectAccessCollector,
    DataProtectionService,
    RetentionService,
  ],
  exports: [RETENTION_RULES, DataProtectionService, RetentionService, QueuedJobsScanner],
})
export class DataProtectionCoreModule {}
