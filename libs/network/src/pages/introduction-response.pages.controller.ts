import { AuditContext, AuditCtx } from '@app/audit-log';
import { AppConfig } from '@app/config';
import { Public, SignedLinkPages } from '@app/identity';
import { formatDate } from '@app/time';
import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { IntroductionAnswerDto } from '../dto/introduction.dto';
import { DECISIONS } from '../introductions/introduction-links';
import { IntroductionsService, type OpenedIntroduction } from '../introductions/introductions.service';

/**
 * The page an expert's emailed link opens: no sign-in (the signed token is the credential; experts have no
 * account), the request's purpose, company name and sector but never the SME's contact details, and one
 * form to accept or decline that works without JavaScript. Opening it changes nothing; the answer counts
 * once: a second click (another tab) shows the outcome and changes and sends nothing.
 */
@ApiExcludeController()
@Public()
@Controller('introductions/respond/:token')
export class IntroductionResponsePagesController {
  private readonly pages: SignedLinkPages<OpenedIntroduction, IntroductionAnswerDto>;

  constructor(introductions: IntroductionsService, config: AppConfig) {
    this.pages = new SignedLinkPages({
      open: (token) => introductions.open(token),
      entity: 'introduction',
      view: 'network/respond',
      titles: 'network.respond.titles',
      dto: IntroductionAnswerDto,
      fields: (body) => ({ decision: body.decision ?? '' }),
      answer: (opened, value, context) =>
        introductions.respond(opened.introduction.id, value.decision, context),
      path: (token) => `/introductions/respond/${token}`,
      translations: 'network',
      answeredStatus: 200,
      model: (opened, res) => {
        const lang = typeof res.locals.lang === 'string' ? res.locals.lang : 'en';
        return {
          request: {
            companyName: opened.companyName,
            sector: opened.sector,
            adviserName: opened.adviserName,
            purpose: opened.introduction.purpose,
            expiresOn: formatDate(opened.introduction.expiresAt, config.PROGRAMME_TIME_ZONE, lang),
          },
        };
      },
    });
  }

  @Get()
  page(
    @Param('token') token: string,
    @Query('decision') decision: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.pages.show(token, req, res, { decision: DECISIONS.find((d) => d === decision) });
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
