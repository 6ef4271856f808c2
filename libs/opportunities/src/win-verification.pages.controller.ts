import { AuditContext, AuditCtx } from '@app/audit-log';
import { NotFoundError } from '@app/errors';
import { csrfTokenFor, Public } from '@app/identity';
import { submitForm, type ErrorView } from '@app/web';
import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { winYears } from './domain/win-rules';
import { WinAnswerDto } from './dto/win-answer.dto';
import { WinVerificationService, type OpenedWin } from './win-verification.service';

/**
 * The page a company opens from the emailed link to confirm or dispute a win: no sign-in (the signed,
 * single-use token is the credential), GOV.UK radios and a textarea that work without JavaScript, CSRF
 * by the signed double-submit cookie of signed-out forms, in the language the link asks for. A link that is
 * not ours, altered, or replaced by a newer one shows "not found"; an expired one says so (410).
 */
@ApiExcludeController()
@Public()
@Controller('export-wins/verify/:token')
export class WinVerificationPagesController {
  constructor(private readonly verification: WinVerificationService) {}

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
      dto: WinAnswerDto,
      fields: body,
      run: (value) => this.verification.answer(token, value, context),
      redirect: () => `/export-wins/verify/${token}`,
      again: async (status, errors) => {
        const now = status === 400 ? opened : await this.find(token);
        this.render(req, res, token, now, { status, values: body, errors });
      },
      errors: { translations: 'winVerification' },
    });
  }

  private async find(token: string): Promise<OpenedWin> {
    const opened = await this.verification.open(token);
    if (!opened) throw new NotFoundError('export_win');
    return opened;
  }

  private render(
    req: Request,
    res: Response,
    token: string,
    opened: OpenedWin,
    state: { status: number; values?: Record<string, unknown>; errors?: ErrorView },
  ): void {
    const { win } = opened;
    res.status(state.status).render('opportunities/verify', {
      pageTitle: res.locals.t(`winVerification.titles.${opened.state}`),
      state: opened.state,
      answer: win.verificationStatus,
      win: { ...win, years: winYears(win.firstYear, win.valuesMinor) },
      token,
      csrfToken: csrfTokenFor(req),
      values: state.values ?? {},
      ...(state.errors ?? { errorSummary: [], fieldErrors: {} }),
    });
  }
}
