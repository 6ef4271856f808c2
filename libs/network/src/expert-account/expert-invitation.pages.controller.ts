import { AuditContext, AuditCtx } from '@app/audit-log';
import { AppConfig } from '@app/config';
import {
  CurrentUser,
  Public,
  Roles,
  SignedLinkPages,
  SignedLinkPagesController,
  type Actor,
} from '@app/identity';
import { formatDate } from '@app/time';
import { RecordIdPipe } from '@app/web';
import { Controller, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AcceptExpertInvitationDto } from '../dto/expert-account.dto';
import { ExpertInvitationsService, type OpenedExpertInvitation } from './expert-invitations.service';
import { EXPERT_TERMS_VERSION } from './expert-terms';

/**
 * The page an expert's invitation link opens: no sign-in (the signed token is the credential), the
 * programme's terms and, when their address has no account yet, a password for the one accepting creates.
 * Works without JavaScript; accepted once (a second post shows the outcome and changes nothing).
 */
@ApiExcludeController()
@Public()
@Controller('expert-invitation/:token')
export class ExpertInvitationPagesController extends SignedLinkPagesController<
  OpenedExpertInvitation,
  AcceptExpertInvitationDto
> {
  constructor(invitations: ExpertInvitationsService, config: AppConfig) {
    super(
      new SignedLinkPages({
        open: (token) => invitations.open(token),
        entity: 'invitation',
        view: 'network/expert-invitation',
        titles: 'expertAccount.invitation.titles',
        dto: AcceptExpertInvitationDto,
        fields: (body) => ({
          acceptTerms: body.acceptTerms ?? '',
          ...(typeof body.password === 'string' && body.password !== '' ? { password: body.password } : {}),
        }),
        answer: (opened, value, context) => invitations.accept(opened.invitation.id, value, context),
        path: (token) => `/expert-invitation/${token}`,
        translations: 'expertAccount',
        answeredStatus: 200,
        model: (opened, res) => {
          const lang = typeof res.locals.lang === 'string' ? res.locals.lang : 'en';
          return {
            expert: opened.expert,
            needsPassword: opened.needsPassword,
            termsVersion: EXPERT_TERMS_VERSION,
            expiresOn: formatDate(opened.invitation.expiresAt, config.PROGRAMME_TIME_ZONE, lang),
          };
        },
      }),
    );
  }
}

/** The "Invite" button on the officers' expert page (the same service as the API). */
@ApiExcludeController()
@Roles('officer', 'admin')
@Controller('experts/:id/invitation')
export class ExpertInvitationButtonController {
  constructor(private readonly invitations: ExpertInvitationsService) {}

  @Post()
  async invite(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('expert')) id: string,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await this.invitations.invite(actor, id, context);
    res.redirect(303, `/experts/${id}?notice=invited`);
  }
}
