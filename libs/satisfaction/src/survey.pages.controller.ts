import { AuditContext, AuditCtx } from '@app/audit-log';
import { NotFoundError } from '@app/errors';
import { csrfTokenFor, Public } from '@app/identity';
import { submitForm, type ErrorView } from '@app/web';
import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SurveyAnswersDto } from './dto/survey-answers.dto';
import { SurveyService, type OpenedSurvey } from './survey.service';

/**
 * The satisfaction survey page: opened from the emailed link, no sign-in (the signed token is the
 * credential), GOV.UK radios and a textarea that work without JavaScript, in the language the link asks
 * for (the SME's). One answer per case.
 */
@ApiExcludeController()
@Public()
@Controller('survey/:token')
export class SurveyPagesController {
  constructor(private readonly surveys: SurveyService) {}

  @Get()
  async page(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const opened = await this.find(token);
    this.render(req, res, token, opened, { status: opened.state === 'expired' ? 410 : 200 });
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
    if (opened.state !== 'open')
      return this.render(req, res, token, opened, { status: opened.state === 'expired' ? 410 : 409 });
    await submitForm(res, {
      dto: SurveyAnswersDto,
      fields: body,
      run: (value) => this.surveys.answer(opened.survey.id, value, context),
      redirect: () => `/survey/${token}`,
      again: async (status, errors) => {
        const now = status === 400 ? opened : await this.find(token);
        this.render(req, res, token, now, { status, values: body, errors });
      },
      errors: { translations: 'satisfaction' },
    });
  }

  private async find(token: string): Promise<OpenedSurvey> {
    const opened = await this.surveys.open(token);
    if (!opened) throw new NotFoundError('survey');
    return opened;
  }

  private render(
    req: Request,
    res: Response,
    token: string,
    opened: OpenedSurvey,
    state: { status: number; values?: Record<string, unknown>; errors?: ErrorView },
  ): void {
    res.status(state.status).render('satisfaction/survey', {
      pageTitle: res.locals.t(`satisfaction.titles.${opened.state}`),
      state: opened.state,
      token,
      csrfToken: csrfTokenFor(req),
      values: state.values ?? {},
      ...(state.errors ?? { errorSummary: [], fieldErrors: {} }),
    });
  }
}
