import { AuditContext, AuditCtx } from '@app/audit-log';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { type ErrorView, submitForm } from '@app/web';
import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { EXPERT_LANGUAGES, EXPERTISE_HEADINGS } from '../domain/expertise';
import { PeerProfileDto } from '../dto/peer.dto';
import { PeersService, type PeerView } from '../peers/peers.service';

const ERRORS = { translations: 'peers' };
const NOTICES = ['saved', 'withdrawn'] as const;

/**
 * The SME's page to offer help to other companies: opt in (with consent), change the offer, withdraw it,
 * and see the companies that offer help (by company only). The same service as /api/v1/peers.
 */
@ApiExcludeController()
@Roles('sme')
@Controller('peer')
export class PeerPagesController {
  constructor(private readonly peers: PeersService) {}

  @Get()
  async page(
    @CurrentUser() actor: Actor,
    @Query('notice') notice: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const own = await this.peers.mine(actor);
    await this.render(res, actor, own.profile?.status === 'active' ? formValues(own.profile) : {}, 200, {
      notice: NOTICES.find((n) => n === notice),
    });
  }

  @Post()
  async save(
    @CurrentUser() actor: Actor,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(res, {
      dto: PeerProfileDto,
      fields: {
        ...body,
        topics: body.topics ?? [],
        languages: body.languages ?? [],
        consent: body.consent ?? 'false',
      },
      run: ({ version, ...offer }) => this.peers.save(actor, offer as PeerProfileDto, version, context),
      redirect: () => '/peer?notice=saved',
      again: (status, errors) => this.render(res, actor, body, status, { errors }),
      errors: ERRORS,
    });
  }

  @Post('withdraw')
  async withdraw(
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await this.peers.withdraw(actor, context);
    res.redirect(303, '/peer?notice=withdrawn');
  }

  private async render(
    res: Response,
    actor: Actor,
    values: Record<string, unknown>,
    status: number,
    extra: { notice?: string; errors?: ErrorView },
  ): Promise<void> {
    const own = await this.peers.mine(actor);
    res.status(status).render('network/peer', {
      pageTitle: res.locals.t('peers.title'),
      own,
      values,
      others: own.eligible ? await this.peers.visibleTo(actor) : [],
      headings: EXPERTISE_HEADINGS,
      languages: EXPERT_LANGUAGES,
      notice: extra.notice,
      errorSummary: [],
      fieldErrors: {},
      ...extra.errors,
    });
  }
}

function formValues(profile: PeerView): Record<string, unknown> {
  return {
    markets: profile.markets.join(', '),
    topics: profile.topics,
    languages: profile.languages,
    capacityPerMonth: profile.capacityPerMonth,
    consent: 'true',
    version: profile.version,
  };
}
