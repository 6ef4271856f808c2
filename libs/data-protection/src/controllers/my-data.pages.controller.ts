import { AuditContext, AuditCtx } from '@app/audit-log';
import { CurrentUser, Roles } from '@app/identity';
import type { Actor } from '@app/identity';
import type { Language } from '@app/web';
import { Controller, Get, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataProtectionService } from '../data-protection.service';
import { sendArchive } from './data-protection.pages.controller';

/** An SME downloads everything held about itself: the subject access archive, for the signed-in user only. */
@ApiExcludeController()
@Roles('sme')
@Controller('account/my-data')
export class MyDataPagesController {
  constructor(private readonly service: DataProtectionService) {}

  @Get()
  @Render('data-protection/my-data')
  page(): Record<string, never> {
    return {};
  }

  @Get('archive')
  async archive(
    @CurrentUser() user: Actor,
    @Res() res: Response,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    const lang = res.locals.lang as Language;
    sendArchive(res, await this.service.ownData(user.id, context, lang), 'my-data.zip');
  }
}
