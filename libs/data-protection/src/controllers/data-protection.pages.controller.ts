import { AuditContext, AuditCtx } from '@app/audit-log';
import type { DomainError } from '@app/errors';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { type ErrorView, RecordIdPipe, submitForm } from '@app/web';
import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DataProtectionService } from '../data-protection.service';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The service checks these forms; its field errors come back worded from `dataProtection.errors`. */
const ERRORS = { translations: 'dataProtection' };

/**
 * ERRORS for one of the two request forms on the list page: both have a field the service calls `field`,
 * so the refusal's error on it links to this form's own input, `onPage`.
 */
const formErrors = (field: string, onPage: string) => ({
  ...ERRORS,
  refusal: (error: DomainError) => error.fields.map((f) => (f.field === field ? { ...f, field: onPage } : f)),
});

/** The list page's two request forms: the access form's reason and the erasure form's email are renamed. */
const REQUEST_FORMS = {
  access: formErrors('reason', 'accessReason'),
  erasure: formErrors('email', 'erasureEmail'),
};

const MAX_REASON = 2000;

export function sendArchive(res: Response, archive: Buffer, name: string): void {
  res.setHeader('Content-Type', 'application/zip');
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(archive);
}

/**
 * Officers and admins: subject access and erasure requests, each approved by a second person (the rules are
 * DataProtectionService's): request, view (an erasure's preview), approve, and an approved archive's download.
 */
@ApiExcludeController()
@Roles('officer', 'admin')
@Controller('admin/data-protection')
export class DataProtectionPagesController {
  constructor(private readonly service: DataProtectionService) {}

  @Get()
  async list(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.renderList(req, res, 200);
  }

  /** A subject access request: recorded with its reason; the archive waits for a second person. */
  @Post('access')
  async access(
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    const input = { email: text(body.email), reason: text(body.reason) };
    await this.submitRequest(req, res, 'access', input, (value) =>
      this.service.requestAccess(value, actor, context),
    );
  }

  @Get('requests/:id/archive')
  async archive(
    @Param('id', new RecordIdPipe('data_protection_request')) id: string,
    @Res() res: Response,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    sendArchive(res, await this.service.archiveOf(id, actor, context), `subject-access-${id}.zip`);
  }

  @Post('erasure')
  async erasure(
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    const input = {
      email: text(body.email),
      reason: text(body.reason),
      confirmOpenCase: body.confirmOpenCase === 'yes',
    };
    await this.submitRequest(req, res, 'erasure', input, (value) =>
      this.service.requestErasure(value, actor, context),
    );
  }

  @Get('requests/:id')
  async show(
    @Param('id', new RecordIdPipe('data_protection_request')) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderRequest(id, req, res, 200);
  }

  /** The second person's approval: releases an access request's archive, or carries out an erasure. */
  @Post('requests/:id/approve')
  async approve(
    @Param('id', new RecordIdPipe('data_protection_request')) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    const decisionReason = text(body.decisionReason);
    await submitForm(res, {
      check: () => ({
        value: { decisionReason },
        errors:
          decisionReason.length > MAX_REASON
            ? [
                {
                  field: 'decisionReason',
                  code: 'maxLength',
                  message: `Keep the reason to ${MAX_REASON} characters`,
                },
              ]
            : [],
      }),
      run: () => this.service.approve(id, decisionReason, actor, context),
      redirect: () => `/admin/data-protection/requests/${id}?done=1`,
      again: (status, errors) => this.renderRequest(id, req, res, status, errors, decisionReason),
      errors: ERRORS,
    });
  }

  /** One of the list page's request forms: the new request's page, or the list again with this form's input. */
  private submitRequest<T extends object>(
    req: Request,
    res: Response,
    form: keyof typeof REQUEST_FORMS,
    input: T,
    request: (value: T) => Promise<{ id: string }>,
  ): Promise<void> {
    return submitForm(res, {
      value: input,
      run: request,
      redirect: (created) => `/admin/data-protection/requests/${created.id}`,
      again: (status, errors) => this.renderList(req, res, status, { [form]: input, errors }),
      errors: REQUEST_FORMS[form],
    });
  }

  private async renderList(
    req: Request,
    res: Response,
    status: number,
    extra: { access?: unknown; erasure?: unknown; errors?: ErrorView } = {},
  ): Promise<void> {
    res.status(status).render('data-protection/requests', {
      staffPage: true,
      requests: await this.service.list(),
      created: typeof req.query.created === 'string' ? req.query.created : null,
      access: extra.access ?? {},
      erasure: extra.erasure ?? {},
      ...extra.errors,
    });
  }

  private async renderRequest(
    id: string,
    req: Request,
    res: Response,
    status: number,
    errors?: ErrorView,
    decisionReason = '',
  ): Promise<void> {
    const request = await this.service.find(id);
    const changes = request.kind === 'erasure' ? await this.service.previewErasure(id) : [];
    const party = request.requestedById === req.user?.id || request.decidedById === req.user?.id;
    res.status(status).render(`data-protection/${request.kind}-request`, {
      staffPage: true,
      request,
      changes,
      done: req.query.done === '1',
      ownRequest: request.requestedById === req.user?.id,
      mayDownload: request.kind === 'access' && request.status === 'completed' && party,
      decisionReason,
      ...errors,
    });
  }
}
