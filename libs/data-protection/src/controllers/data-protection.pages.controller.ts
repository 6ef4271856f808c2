import { AuditContext, AuditCtx } from '@app/audit-log';
import { Roles } from '@app/identity';
import { type ErrorView, RecordIdPipe, submitForm } from '@app/web';
import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DataProtectionService } from '../data-protection.service';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The service checks these forms; its field errors come back worded from `dataProtection.errors`. */
const ERRORS = { translations: 'dataProtection' };

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
    await submitForm(res, {
      value: { email: text(body.email) },
      run: ({ email }) => this.service.subjectAccess(email, context),
      redirect: ({ request }) => `/admin/data-protection?created=${request.id}`,
      again: (status, errors) => this.renderList(req, res, status, { access: { email: body.email }, errors }),
      errors: ERRORS,
    });
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
    await submitForm(res, {
      value: input,
      run: (value) => this.service.requestErasure(value, context),
      redirect: (request) => `/admin/data-protection/requests/${request.id}`,
      again: (status, errors) => this.renderList(req, res, status, { erasure: input, errors }),
      // Both forms have an email field; the erasure form's is `erasureEmail` on the page.
      errors: {
        ...ERRORS,
        refusal: (error) =>
          error.fields.map((f) => (f.field === 'email' ? { ...f, field: 'erasureEmail' } : f)),
      },
    });
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
    const decisionReason = text(body.decisionReason);
    await submitForm(res, {
      value: { decisionReason },
      run: () => this.service.approveErasure(id, decisionReason, context),
      redirect: () => `/admin/data-protection/requests/${id}?done=1`,
      again: (status, errors) => this.renderRequest(id, req, res, status, errors, decisionReason),
      errors: ERRORS,
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
      ...errors,
    });
  }
}
