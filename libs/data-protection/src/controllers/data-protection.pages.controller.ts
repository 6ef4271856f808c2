import { AuditContext, AuditCtx } from '@app/audit-log';
import { csrfTokenFor, Roles } from '@app/identity';
import { DomainError, FieldError } from '@app/errors';
import { errorView, RecordIdPipe } from '@app/web';
import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DataProtectionService } from '../data-protection.service';

type Translate = (key: string, options?: Record<string, unknown>) => string;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The field errors a form shows again; anything else goes on to the global error filter. */
function fieldErrorsOf(error: unknown): readonly FieldError[] {
  if (error instanceof DomainError && error.fields.length) return error.fields;
  throw error;
}

export function sendArchive(res: Response, archive: Buffer, name: string): void {
  res.setHeader('Content-Type', 'application/zip');
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(archive);
}

/** Officers and admins: subject access requests (with download) and erasure requests (preview, approve). */
@ApiExcludeController()
@Roles('officer', 'admin')
@Controller('admin/data-protection')
export class DataProtectionPagesController {
  constructor(private readonly service: DataProtectionService) {}

  @Get()
  async list(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.renderList(req, res, 200);
  }

  @Post('access')
  async access(
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    try {
      const { request } = await this.service.subjectAccess(text(body.email), context);
      res.redirect(303, `/admin/data-protection?created=${request.id}`);
    } catch (error) {
      await this.renderList(req, res, 400, { access: { email: body.email }, errors: fieldErrorsOf(error) });
    }
  }

  @Get('requests/:id/archive')
  async archive(
    @Param('id', new RecordIdPipe('data_protection_request')) id: string,
    @Res() res: Response,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    sendArchive(res, await this.service.archiveOf(id, context), `subject-access-${id}.zip`);
  }

  @Post('erasure')
  async erasure(
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    const input = {
      email: text(body.email),
      reason: text(body.reason),
      confirmOpenCase: body.confirmOpenCase === 'yes',
    };
    try {
      const request = await this.service.requestErasure(input, context);
      res.redirect(303, `/admin/data-protection/requests/${request.id}`);
    } catch (error) {
      // Both forms have an email field; the erasure form's is `erasureEmail` on the page.
      const errors = fieldErrorsOf(error).map((f) =>
        f.field === 'email' ? { ...f, field: 'erasureEmail' } : f,
      );
      await this.renderList(req, res, 400, { erasure: input, errors });
    }
  }

  @Get('requests/:id')
  async show(
    @Param('id', new RecordIdPipe('data_protection_request')) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderRequest(id, req, res, 200);
  }

  @Post('requests/:id/approve')
  async approve(
    @Param('id', new RecordIdPipe('data_protection_request')) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    try {
      await this.service.approveErasure(id, text(body.decisionReason), context);
      res.redirect(303, `/admin/data-protection/requests/${id}?done=1`);
    } catch (error) {
      await this.renderRequest(id, req, res, 400, fieldErrorsOf(error), text(body.decisionReason));
    }
  }

  private async renderList(
    req: Request,
    res: Response,
    status: number,
    extra: { access?: unknown; erasure?: unknown; errors?: readonly FieldError[] } = {},
  ): Promise<void> {
    const t = res.locals.t as Translate;
    res.status(status).render('data-protection/requests', {
      staffPage: true,
      requests: await this.service.list(),
      created: typeof req.query.created === 'string' ? req.query.created : null,
      csrfToken: csrfTokenFor(req),
      access: extra.access ?? {},
      erasure: extra.erasure ?? {},
      ...(extra.errors ? this.errors(extra.errors, t) : {}),
    });
  }

  private async renderRequest(
    id: string,
    req: Request,
    res: Response,
    status: number,
    errors?: readonly FieldError[],
    decisionReason = '',
  ): Promise<void> {
    const t = res.locals.t as Translate;
    const request = await this.service.find(id);
    if (request.kind !== 'erasure') {
      res.redirect(303, `/admin/data-protection?created=${id}`);
      return;
    }
    const changes = await this.service.previewErasure(id);
    res.status(status).render('data-protection/erasure-request', {
      staffPage: true,
      request,
      changes,
      done: req.query.done === '1',
      ownRequest: request.requestedById === req.user?.id,
      decisionReason,
      csrfToken: csrfTokenFor(req),
      ...(errors ? this.errors(errors, t) : {}),
    });
  }

  private errors(errors: readonly FieldError[], t: Translate) {
    return errorView(errors, (e) =>
      t(`dataProtection.errors.${e.field}.${e.code ?? 'invalid'}`, { defaultValue: e.message }),
    );
  }
}
