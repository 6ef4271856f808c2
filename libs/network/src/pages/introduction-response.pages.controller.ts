import { AuditContext, AuditCtx } from '@app/audit-log';
import { NotFoundError } from '@app/errors';
import { csrfTokenFor, Public } from '@app/identity';
import { formatDate } from '@app/time';
import { AppConfig } from '@app/config';
import { submitForm, type ErrorView } from '@app/web';
import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { IntroductionAnswerDto } from '../dto/introduction.dto';
import { DECISIONS } from '../introductions/introduction-links';
import { IntroductionsService, type OpenedIntroduction } from '../introductions/introductions.service';

/**
 * The page an expert's emailed link opens: no sign-in (the signed token is the credential; experts have no
 * account), the request's purpose, company name and sector but never the SME's contact details, and one
 * form to accept or decline that works without JavaScript. Opening it changes nothing; the answer counts once.
 */
@ApiExcludeController()
@Public()
@Controller('introductions/respond/:token')
export class IntroductionResponsePagesController {
  constructor(
    private readonly introductions: IntroductionsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async page(
    @Param('token') token: string,
    @Query('decision') decision: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const opened = await this.find(token);
    const chosen = DECISIONS.find((d) => d === decision);
    this.render(req, res, token, opened, {
      status: opened.state === 'expired' ? 410 : 200,
      values: { decision: chosen },
    });
  }

  @Post()
  async answer(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const opened = await this.find(token);
    // Answered already (a second click, another tab): show the outcome, change and send nothing.
    if (opened.state !== 'open')
      return this.render(req, res, token, opened, { status: opened.state === 'expired' ? 410 : 200 });
    await submitForm(res, {
      dto: IntroductionAnswerDto,
      fields: { decision: body.decision ?? '' },
      run: (value) => this.introductions.respond(opened.introduction.id, value.decision, context),
      redirect: () => `/introductions/respond/${token}`,
      again: async (status, errors) => {
        const now = status === 400 ? opened : await this.find(token);
        this.render(req, res, token, now, { status, values: body, errors });
      },
      errors: { translations: 'network' },
    });
  }

  private async find(token: string): Promise<OpenedIntroduction> {
    const opened = await this.introductions.open(token);
    if (!opened) throw new NotFoundError('introduction');
    return opened;
  }

  private render(
    req: Request,
    res: Response,
    token: string,
    opened: OpenedIntroduction,
    state: { status: number; values?: Record<string, unknown>; errors?: ErrorView },
  ): void {
    const lang = typeof res.locals.lang === 'string' ? res.locals.lang : 'en';
    res.status(state.status).render('network/respond', {
      pageTitle: res.locals.t(`network.respond.titles.${opened.state}`),
      state: opened.state,
      token,
      request: {
        companyName: opened.companyName,
        sector: opened.sector,
        adviserName: opened.adviserName,
        purpose: opened.introduction.purpose,
        expiresOn: formatDate(opened.introduction.expiresAt, this.config.PROGRAMME_TIME_ZONE, lang),
      },
      csrfToken: csrfTokenFor(req),
      values: state.values ?? {},
      ...(state.errors ?? { errorSummary: [], fieldErrors: {} }),
    });
  }
}
