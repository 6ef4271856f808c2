import { AuditLogService, withoutCaseContent } from '@app/audit-log';
import { pageErrors, validateForm } from '@app/web';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../actor';
import { CurrentUser, Roles } from '../decorators';
import { PolicyService } from '../policy/policy.service';
import { AuditEventsQueryDto } from '../dto/audit-events-query.dto';

/** Staff page over the same query as GET /api/v1/audit-events, with a GOV.UK filter form (a GET form). */
@ApiExcludeController()
@Roles('officer', 'admin')
@Controller('admin/audit')
export class AuditPagesController {
  constructor(
    private readonly audit: AuditLogService,
    private readonly policy: PolicyService,
  ) {}

  /** Case content shows only to those who may read every case (see AuditEventsController). */
  @Get()
  async list(
    @Query() raw: Record<string, string>,
    @CurrentUser() user: Actor,
    @Res() res: Response,
  ): Promise<void> {
    // Empty inputs from the filter form mean "any".
    const filled = Object.fromEntries(Object.entries(raw).filter(([k, v]) => v !== '' && k !== 'lang'));
    const { value: query, errors } = await validateForm(AuditEventsQueryDto, filled);
    const page = errors.length
      ? { items: [] }
      : await this.audit.find({ ...query, limit: query.limit ?? 50 });
    const next = page.nextCursor
      ? new URLSearchParams({ ...filled, cursor: page.nextCursor }).toString()
      : undefined;
    res.status(errors.length ? 400 : 200).render('identity/audit-events', {
      staffPage: true,
      values: raw,
      events: this.policy.can(user, 'cases.view-all') ? page.items : page.items.map(withoutCaseContent),
      nextUrl: next ? `/admin/audit?${next}` : undefined,
      ...pageErrors(res, errors, { translations: 'identity' }),
    });
  }
}
