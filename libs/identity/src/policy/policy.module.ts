import { AuditLogModule } from '@app/audit-log';
import { Module } from '@nestjs/common';
import { PolicyService } from './policy.service';

/** The access policy alone, for domain modules whose loaders ask it (they need none of identity's HTTP). */
@Module({
  imports: [AuditLogModule],
  providers: [PolicyService],
  exports: [PolicyService],
})
export class PolicyModule {}
