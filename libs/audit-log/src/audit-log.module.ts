import { Global, Module } from '@nestjs/common';
import { AuditLogService } from './audit-log.service';

/** Global: every domain lib records its mutations here without importing the module itself. */
@Global()
@Module({
  providers: [AuditLogService],
  exports: [AuditLogService],
})
export class AuditLogModule {}
