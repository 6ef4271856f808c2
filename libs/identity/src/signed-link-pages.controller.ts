import { AuditContext, AuditCtx } from '@app/audit-log';
import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { OpenedLink, SignedLinkPages } from './signed-link-form';

/**
 * The two routes every emailed-link page has (GET shows the form, POST answers it), for a subclass that
 * adds its own `@Controller('<path>/:token')`, `@Public()` and the form it carries.
 */
export abstract class SignedLinkPagesController<O extends OpenedLink, D extends object> {
  protected constructor(
    private readonly pages: SignedLinkPages<O, D>,
    /** Values the page starts with, taken from the link's query (e.g. a decision chosen in the email). */
    private readonly prefill?: (query: Record<string, unknown>) => Record<string, unknown>,
  ) {}

  @Get()
  page(
    @Param('token') token: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.pages.show(token, req, res, this.prefill?.(query));
  }

  @Post()
  answer(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.pages.answer(token, body, context, req, res);
  }
}
