import { AuditContext, AuditCtx } from '@app/audit-log';
import { CaseAccessService } from '@app/advisers';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { type ErrorView, RecordIdPipe, submitForm } from '@app/web';
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import type { Response } from 'express';
import { RequestIntroductionDto, UpdateIntroductionDto } from '../dto/introduction.dto';
import { IntroductionFollowUps, type NextMatchOffer } from '../introductions/introduction-follow-ups';
import { IntroductionRequests } from '../introductions/introduction-requests.service';
import { IntroductionsService } from '../introductions/introductions.service';
import { ExpertMatching } from '../matching/expert-matching.service';
import { PeerMatching } from '../matching/peer-matching.service';

const ERRORS = { translations: 'network' };
const NOTICES = ['requested', 'withdrawn', 'requestDeclined'] as const;

/**
 * The experts section of a case, for its assigned adviser and officers: the suggested experts with each
 * score broken down, the introductions asked so far, and one form to ask for an introduction (radios and a
 * textarea: it works without JavaScript).
 */
@ApiExcludeController()
@Roles('adviser', 'officer')
@Controller()
export class CaseExpertsPagesController {
  constructor(
    private readonly access: CaseAccessService,
    private readonly matching: ExpertMatching,
    private readonly peerMatching: PeerMatching,
    private readonly introductions: IntroductionsService,
    private readonly followUps: IntroductionFollowUps,
    private readonly requests: IntroductionRequests,
  ) {}

  @Get('cases/:id/experts')
  async page(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Query('notice') notice: string | undefined,
    @Query('next') next: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await this.access.findWorkableCase(actor, id);
    // From the adviser's email after a decline or silence: the next match, one click away.
    const offer = next && isUUID(next) ? await this.followUps.offer(actor, id, next) : null;
    await this.render(res, actor, id, 200, { notice: NOTICES.find((n) => n === notice), offer });
  }

  @Post('cases/:id/introductions')
  async request(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await this.access.findWorkableCase(actor, id);
    await submitForm(res, {
      dto: RequestIntroductionDto,
      // The peers form says so (a hidden field): its radios name a peer, the experts form's an expert.
      fields: {
        ...(body.target === 'peer' ? { peerId: body.peerId ?? '' } : { expertId: body.expertId ?? '' }),
        purpose: body.purpose ?? '',
      },
      run: (value) => this.introductions.request(actor, id, value, context),
      redirect: () => `/cases/${id}/experts?notice=requested`,
      again: (status, errors) => this.render(res, actor, id, status, { values: body, errors }),
      errors: ERRORS,
    });
  }

  @Post('introductions/:id/withdraw')
  async withdraw(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('introduction')) id: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    const current = await this.introductions.get(actor, id);
    await submitForm(res, {
      dto: UpdateIntroductionDto,
      fields: { status: 'withdrawn', version: body.version },
      run: (value) => this.introductions.withdraw(actor, id, value.version, context),
      redirect: () => `/cases/${current.caseId}/experts?notice=withdrawn`,
      again: (status, errors) => this.render(res, actor, current.caseId, status, { errors }),
      errors: ERRORS,
    });
  }

  /** The adviser approves an SME's own request: the expert is asked with the SME's purpose. */
  @Post('introduction-requests/:id/approve')
  async approve(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('introduction_request')) id: string,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    const { caseId } = await this.requests.decide(actor, id, 'approve', context);
    res.redirect(303, `/cases/${caseId}/experts?notice=requested`);
  }

  /** The adviser declines an SME's own request: the SME is told. */
  @Post('introduction-requests/:id/decline')
  async decline(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('introduction_request')) id: string,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    const { caseId } = await this.requests.decide(actor, id, 'decline', context);
    res.redirect(303, `/cases/${caseId}/experts?notice=requestDeclined`);
  }

  private async render(
    res: Response,
    actor: Actor,
    caseId: string,
    status: number,
    state: {
      notice?: string;
      offer?: NextMatchOffer | null;
      values?: Record<string, unknown>;
      errors?: ErrorView;
    },
  ): Promise<void> {
    const kase = await this.access.findWorkableCase(actor, caseId);
    res.status(status).render('network/case-experts', {
      staffPage: true,
      caseId: kase.id,
      found: await this.matching.suggest(kase),
      peers: await this.peerMatching.suggest(kase),
      introductions: await this.introductions.listForCase(actor, kase.id),
      smeRequests: (await this.requests.forCase(kase.id)).filter((r) => r.status === 'pending'),
      notice: state.notice,
      offer: state.offer ?? null,
      values: state.values ?? {},
      errorSummary: [],
      fieldErrors: {},
      ...state.errors,
    });
  }
}
