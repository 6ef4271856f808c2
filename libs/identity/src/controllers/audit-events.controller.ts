import { AuditEvent, AuditLogService, withoutCaseContent } from '@app/audit-log';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditEventPage } from '../dto/audit-event.responses';
import type { Actor } from '../actor';
import { CurrentUser, Roles } from '../decorators';
import { PolicyService } from '../policy/policy.service';
import { AuditEventsQueryDto } from '../dto/audit-events-query.dto';

/**
 * The audit trail for officers and admins, newest first, keyset-paginated. Rows about case records show
 * their values only to those who may read every case (officers); admins see that a change happened, to
 * which fields, by whom and when.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('officer', 'admin')
@Controller('api/v1/audit-events')
export class AuditEventsController {
  constructor(
    private readonly audit: AuditLogService,
    private readonly policy: PolicyService,
  ) {}

  @Get()
  @ApiOkResponse({ type: AuditEventPage })
  async list(
    @Query() query: AuditEventsQueryDto,
    @CurrentUser() user: Actor,
  ): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
    const page = await this.audit.find(query);
    const items = this.policy.can(user, 'cases.view-all') ? page.items : page.items.map(withoutCaseContent);
    return { items, nextCursor: page.nextCursor ?? null };
  }
}
