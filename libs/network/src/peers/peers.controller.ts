import { AuditContext, AuditCtx } from '@app/audit-log';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { expectedVersion, withETag } from '@app/web';
import { Body, Controller, Delete, Get, Headers, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { PeerProfileDto } from '../dto/peer.dto';
import { OwnPeerProfileResponse, PeerList, PeerResponse, PublicPeerList } from '../dto/peer.responses';
import { PeersService, type OwnPeerProfile, type PeerView, type PublicPeerView } from './peers.service';

/**
 * Peers: an SME whose case reached passive or proactive offers to help others (its own profile under
 * `me`); other SMEs see peers by company only (`visible`); staff list every profile.
 */
@ApiTags('peers')
@ApiBearerAuth()
@Controller('api/v1/peers')
export class PeersController {
  constructor(private readonly peers: PeersService) {}

  @Get()
  @Roles('adviser', 'officer', 'admin')
  @ApiOkResponse({ type: PeerList })
  @ApiOperation({ summary: 'Every peer profile (active first), for staff' })
  async list(): Promise<{ items: PeerView[] }> {
    return { items: await this.peers.list() };
  }

  @Get('visible')
  @Roles('sme')
  @ApiOkResponse({ type: PublicPeerList })
  @ApiOperation({
    summary: 'The peers another SME may see: company name, sector, markets, topics (never contact details)',
  })
  async visible(@CurrentUser() actor: Actor): Promise<{ items: PublicPeerView[] }> {
    return { items: await this.peers.visibleTo(actor) };
  }

  @Get('me')
  @Roles('sme')
  @ApiOkResponse({ type: OwnPeerProfileResponse })
  @ApiOperation({ summary: "The SME's own offer to help others, and whether its case lets it make one" })
  async mine(@CurrentUser() actor: Actor): Promise<OwnPeerProfile> {
    return this.peers.mine(actor);
  }

  @Put('me')
  @Roles('sme')
  @ApiOkResponse({ type: PeerResponse })
  @ApiOperation({
    summary:
      'Opt in (consent recorded with the time) or change the offer (If-Match or `version`: the one read). 422 while the case is below passive exporter',
  })
  async save(
    @CurrentUser() actor: Actor,
    @Body() body: PeerProfileDto,
    @Headers('if-match') ifMatch: string | undefined,
    @AuditCtx() context: AuditContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PeerView> {
    return withETag(res, await this.peers.save(actor, body, expectedVersion(ifMatch, body.version), context));
  }

  @Delete('me')
  @Roles('sme')
  @ApiOkResponse({ type: PeerResponse })
  @ApiOperation({
    summary: 'Withdraw the consent: no longer suggested or shown; waiting introductions withdrawn',
  })
  async withdraw(
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PeerView> {
    return withETag(res, await this.peers.withdraw(actor, context));
  }
}
