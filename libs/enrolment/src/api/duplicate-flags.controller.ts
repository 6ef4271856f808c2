import { AuditContext, AuditCtx } from '@app/audit-log';
import { Actor, CurrentUser, Roles } from '@app/identity';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DuplicateFlagList, DuplicateFlagResponse } from '../dto/company.responses';
import { DuplicateFlagsService, DuplicateFlagView } from '../duplicate-flags.service';
import { DuplicateFlagQueryDto } from '../dto/enrolment-answers.dto';
import { MergeCompaniesDto } from '../dto/company.dto';
import { RecordIdPipe, type Page } from '@app/web';

/** Officers review companies flagged as possible duplicates at submit. */
@ApiTags('duplicate flags')
@ApiBearerAuth()
@Roles('officer', 'admin')
@Controller('api/v1/duplicate-flags')
export class DuplicateFlagsController {
  constructor(private readonly flags: DuplicateFlagsService) {}

  @Get()
  @ApiOkResponse({ type: DuplicateFlagList })
  @ApiOperation({
    summary: 'Flags in one status (default open), oldest first',
    description:
      'Paged: `limit` (1–200, default 50) a page, `nextCursor` passed back as `cursor` for the next.',
  })
  list(@Query() query: DuplicateFlagQueryDto): Promise<Page<DuplicateFlagView>> {
    const { cursor, limit, status } = query;
    return this.flags.list(status ?? 'open', { cursor, limit });
  }

  @Get(':id')
  @ApiOkResponse({ type: DuplicateFlagResponse })
  get(@Param('id', new RecordIdPipe('duplicate_flag')) id: string): Promise<DuplicateFlagView> {
    return this.flags.get(id);
  }

  @Post(':id/merge')
  @ApiOkResponse({ type: DuplicateFlagResponse })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Merge the flagged company into the one it matches (moves its enrolments, cases, contacts and SME ' +
      'accounts); when both have an open case, continuingCaseId names the one that continues',
  })
  merge(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('duplicate_flag')) id: string,
    @Body() body: MergeCompaniesDto,
    @AuditCtx() context: AuditContext,
  ): Promise<DuplicateFlagView> {
    return this.flags.merge(actor.id, id, context, body.continuingCaseId);
  }

  @Post(':id/dismiss')
  @ApiOkResponse({ type: DuplicateFlagResponse })
  @HttpCode(200)
  @ApiOperation({ summary: 'Not a duplicate: close the flag' })
  dismiss(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('duplicate_flag')) id: string,
    @AuditCtx() context: AuditContext,
  ): Promise<DuplicateFlagView> {
    return this.flags.dismiss(actor.id, id, context);
  }
}
