import { AuditContext, AuditCtx } from '@app/audit-log';
import { Public, SignedLinkPages } from '@app/identity';
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
  private readonly pages: SignedLinkPages<OpenedSurvey, SurveyAnswersDto>;

  constructor(surveys: SurveyService) {
    this.pages = new SignedLinkPages({
      open: (token) => surveys.open(token),
      entity: 'survey',
      view: 'satisfaction/survey',
      titles: 'satisfaction.titles',
      dto: SurveyAnswersDto,
      answer: (opened, value, context) => surveys.answer(opened.survey.id, value, context),
      path: (token) => `/survey/${token}`,
      translations: 'satisfaction',
      answeredStatus: 409,
      model: () => ({}),
    });
  }

  @Get()
  page(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.pages.show(token, req, res);
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
