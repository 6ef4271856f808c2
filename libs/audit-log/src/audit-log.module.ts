import { Global, Module } from '@nestjs/common';
import { PageCursors } from '@app/web';
import { AuditLogService } from './audit-log.service';

/** Global: every domain lib records its mutations here without importing the module itself. */
@Global()
@Module({
  providers: [AuditLogService, PageCursors],
  exports: [AuditLogService],
})
export class AuditLogModule {}
