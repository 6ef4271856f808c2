import { AuditEvent, AuditLogService } from '@app/audit-log';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../decorators';
import { AuditEventsQueryDto } from '../dto/audit-events-query.dto';

/** The audit trail for officers and admins, newest first, keyset-paginated. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('officer', 'admin')
@Controller('api/v1/audit-events')
export class AuditEventsController {
  constructor(private readonly audit: AuditLogService) {}

  @Get()
  async list(
    @Query() query: AuditEventsQueryDto,
  ): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
    const page = await this.audit.find(query);
    return { items: page.items, nextCursor: page.nextCursor ?? null };
  }
}
