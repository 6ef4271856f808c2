import { AuditContext, AuditCtx } from '@app/audit-log';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { Idempotent, TransactionManager } from '@app/idempotency';
import { ApiProblems, RecordIdPipe } from '@app/web';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EntityManager } from 'typeorm';
import { DataProtectionService } from '../data-protection.service';
import { ApproveDataProtectionRequestDto } from '../dto/approve-data-protection-request.dto';
import { CreateDataProtectionRequestDto } from '../dto/create-data-protection-request.dto';
import {
  ApprovalResponse,
  DataProtectionRequestPage,
  DataProtectionRequestResponse,
  ErasurePreviewResponse,
  requestJson,
} from '../dto/data-protection-request.response';
import { DataProtectionRequestsQueryDto } from '../dto/data-protection-requests-query.dto';
import { sendArchive } from './data-protection.pages.controller';

/**
 * Subject access and erasure requests for officers and admins, as on /admin/data-protection: the same
 * DataProtectionService calls, so the same four-eyes rules (403 `data_protection.*` with an
 * `access.denied` row) and the same audit rows. Other roles get 404.
 */
@ApiTags('data-protection')
@ApiBearerAuth()
@Roles('officer', 'admin')
@Controller('api/v1/data-protection/requests')
export class DataProtectionController {
  constructor(private readonly service: DataProtectionService) {}

  @Get()
  @ApiOkResponse({ type: DataProtectionRequestPage, description: 'Newest first' })
  async list(@Query() query: DataProtectionRequestsQueryDto): Promise<DataProtectionRequestPage> {
    const page = await this.service.page(query);
    return { items: page.items.map(requestJson), nextCursor: page.nextCursor };
  }

  /**
   * Records the request; nothing is collected or erased until a second officer or admin approves it. A
   * retry with the same `Idempotency-Key` gets the first answer and records nothing more.
   */
  @Post()
  @Idempotent({ headers: (body) => ({ Location: `/api/v1/data-protection/requests/${String(body.id)}` }) })
  @ApiCreatedResponse({ type: DataProtectionRequestResponse })
  async create(
    @Body() dto: CreateDataProtectionRequestDto,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
    @TransactionManager() manager: EntityManager,
  ): Promise<DataProtectionRequestResponse> {
    const request =
      dto.kind === 'access'
        ? await this.service.requestAccess({ email: dto.email, reason: dto.reason }, actor, context, manager)
        : await this.service.requestErasure(
            { email: dto.email, reason: dto.reason, confirmOpenCase: dto.confirmOpenCase },
            actor,
            context,
            manager,
          );
    return requestJson(request);
  }

  @Get(':id')
  @ApiOkResponse({ type: DataProtectionRequestResponse })
  async get(
    @Param('id', new RecordIdPipe('data_protection_request')) id: string,
  ): Promise<DataProtectionRequestResponse> {
    return requestJson(await this.service.find(id));
  }

  /** An erasure request's planned changes, changing nothing (empty once carried out). 404 for access requests. */
  @Get(':id/preview')
  @ApiOkResponse({ type: ErasurePreviewResponse })
  async preview(
    @Param('id', new RecordIdPipe('data_protection_request')) id: string,
  ): Promise<ErasurePreviewResponse> {
    return { changes: await this.service.previewErasure(id) };
  }

  /**
   * The second person's approval: an access request's archive may then be downloaded; an erasure is
   * carried out at once. 403 when the caller made the request, is its subject, or (erasing staff) is not
   * an admin. Approving a completed request changes nothing.
   */
  @Post(':id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: ApprovalResponse })
  async approve(
    @Param('id', new RecordIdPipe('data_protection_request')) id: string,
    @Body() dto: ApproveDataProtectionRequestDto,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
  ): Promise<ApprovalResponse> {
    const outcome = await this.service.approve(id, dto.decisionReason, actor, context);
    return { request: requestJson(await this.service.find(id)), counts: outcome.counts };
  }

  /** An approved access request's archive (zip), for its requester or approver only (each download audited). */
  @Get(':id/archive')
  @ApiOkResponse({
    description: 'The subject access archive (JSON + HTML summary), zipped',
    content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(409)
  async archive(
    @Param('id', new RecordIdPipe('data_protection_request')) id: string,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    sendArchive(res, await this.service.archiveOf(id, actor, context), `subject-access-${id}.zip`);
  }
}
