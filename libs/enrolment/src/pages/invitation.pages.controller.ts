import { AuditContext, AuditCtx } from '@app/audit-log';
import { csrfTokenFor, Public } from '@app/identity';
import { type ErrorView, submitForm } from '@app/web';
import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CompanyProspects, type InvitationView } from '../companies/company-prospects';
import { AcceptInvitationDto } from '../dto/company.dto';

/**
 * The page an invited contact reaches from their email (no sign-in: the signed, expiring link is the key):
 * create an account and agree to be contacted, then sign in to check the answers staff noted and submit.
 * A forged, expired or used link is the not-found page.
 */
@ApiExcludeController()
@Public()
@Controller('invitations')
export class InvitationPagesController {
  constructor(private readonly prospects: CompanyProspects) {}

  @Get(':token')
  async invitationPage(
    @Param('token') token: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const invitation = await this.prospects.invitation(token);
    this.render(req, res, token, invitation, { name: invitation.contactName }, 200);
  }

  @Post(':token')
  async accept(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const invitation = await this.prospects.invitation(token);
    await submitForm(res, {
      dto: AcceptInvitationDto,
      fields: {
        name: body.name,
        password: body.password,
        consentToContact: body.consentToContact === 'true',
      },
      run: (value) => this.prospects.accept(token, value, context),
      redirect: () => `/invitations/${token}/done`,
      again: (status, errors) =>
        this.render(req, res, token, invitation, { name: body.name }, status, errors),
      errors: { translations: 'companies.invitation' },
    });
  }

  @Get(':token/done')
  done(@Res() res: Response): void {
    res.render('enrolment/invitation-done', { pageTitle: res.locals.t('companies.invitation.doneTitle') });
  }

  private render(
    req: Request,
    res: Response,
    token: string,
    invitation: InvitationView,
    values: Record<string, unknown>,
    status: number,
    errors?: ErrorView,
  ): void {
    res.status(status).render('enrolment/invitation', {
      pageTitle: res.locals.t('companies.invitation.title'),
      csrfToken: csrfTokenFor(req),
      token,
      invitation,
      values,
      errorSummary: [],
      fieldErrors: {},
      ...errors,
    });
  }
}
