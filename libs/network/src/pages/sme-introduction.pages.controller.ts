import { AuditContext, AuditCtx } from '@app/audit-log';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { type ErrorView, RecordIdPipe, submitForm } from '@app/web';
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequestIntroductionDto } from '../dto/introduction.dto';
import { IntroductionRequests } from '../introductions/introduction-requests.service';

const ERRORS = { translations: 'network' };

/**
 * The SME's side of the network, linked from its readiness results: the expert suggested for its case (name
 * and organisation, never contact details) and a short purpose to ask for an introduction, which goes to the
 * case's adviser to approve. Radios-free: one expert, one textarea, works without JavaScript.
 */
@ApiExcludeController()
@Roles('sme')
@Controller('cases/:id/expert-introduction')
export class SmeIntroductionPagesController {
  constructor(private readonly requests: IntroductionRequests) {}

  @Get()
  async page(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Query('notice') notice: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await this.render(res, actor, id, 200, { notice: notice === 'sent' ? 'sent' : undefined });
  }

  @Post()
  async ask(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await this.requests.recommendation(actor, id);
    await submitForm(res, {
      dto: RequestIntroductionDto,
      fields: { expertId: body.expertId ?? '', purpose: body.purpose ?? '' },
      run: (value) => this.requests.ask(actor, id, value, context),
      redirect: () => `/cases/${id}/expert-introduction?notice=sent`,
      again: (status, errors) => this.render(res, actor, id, status, { values: body, errors }),
      errors: ERRORS,
    });
  }

  private async render(
    res: Response,
    actor: Actor,
    caseId: string,
    status: number,
    state: { notice?: string; values?: Record<string, unknown>; errors?: ErrorView },
  ): Promise<void> {
    res.status(status).render('network/sme-introduction', {
      found: await this.requests.recommendation(actor, caseId),
      notice: state.notice,
      values: state.values ?? {},
      errorSummary: [],
      fieldErrors: {},
      ...state.errors,
    });
  }
}
