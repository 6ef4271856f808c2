import { AuditContext, AuditCtx } from '@app/audit-log';
import { csrfTokenFor, CurrentUser, Roles, type Actor } from '@app/identity';
import { DomainError, FieldError, InvalidInputError } from '@app/errors';
import { errorView } from '@app/web';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
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

/** The status a form shown again answers with: 400 for invalid input, 403 for a duty refusal. */
const statusOf = (error: unknown): number => (error instanceof DomainError ? error.status : 400);

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
    try {
      const request = await this.service.requestAccess(input, actor, context);
      res.redirect(303, `/admin/data-protection/requests/${request.id}`);
    } catch (error) {
      // Both forms have a reason field; the access form's is `accessReason` on the page.
      const errors = fieldErrorsOf(error).map((f) =>
        f.field === 'reason' ? { ...f, field: 'accessReason' } : f,
      );
      await this.renderList(req, res, statusOf(error), { access: input, errors });
    }
  }

  @Get('requests/:id/archive')
  async archive(
    @Param('id', new ParseUUIDPipe()) id: string,
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
    try {
      const request = await this.service.requestErasure(input, actor, context);
      res.redirect(303, `/admin/data-protection/requests/${request.id}`);
    } catch (error) {
      // Both forms have an email field; the erasure form's is `erasureEmail` on the page.
      const errors = fieldErrorsOf(error).map((f) =>
        f.field === 'email' ? { ...f, field: 'erasureEmail' } : f,
      );
      await this.renderList(req, res, statusOf(error), { erasure: input, errors });
    }
  }

  @Get('requests/:id')
  async show(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderRequest(id, req, res, 200);
  }

  /** The second person's approval: releases an access request's archive, or carries out an erasure. */
  @Post('requests/:id/approve')
  async approve(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    const decisionReason = text(body.decisionReason);
    try {
      if (decisionReason.length > MAX_REASON)
        throw new InvalidInputError([
          {
            field: 'decisionReason',
            code: 'maxLength',
            message: `Keep the reason to ${MAX_REASON} characters`,
          },
        ]);
      await this.service.approve(id, decisionReason, actor, context);
      res.redirect(303, `/admin/data-protection/requests/${id}?done=1`);
    } catch (error) {
      await this.renderRequest(id, req, res, statusOf(error), fieldErrorsOf(error), decisionReason);
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
