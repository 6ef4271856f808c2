import { CaseAccessService } from '@app/advisers';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { RecordIdPipe } from '@app/web';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PeerSuggestionsResponse } from '../dto/peer.responses';
import { PeerMatching, type PeerSuggestions } from './peer-matching.service';

/** The peer SMEs suggested for a case, each score explained; never the case's own company. */
@ApiTags('network')
@ApiBearerAuth()
@Roles('adviser', 'officer')
@Controller('api/v1/cases/:id')
export class CasePeersController {
  constructor(
    private readonly access: CaseAccessService,
    private readonly matching: PeerMatching,
  ) {}

  @Get('peer-suggestions')
  @ApiOkResponse({ type: PeerSuggestionsResponse })
  @ApiOperation({
    summary:
      'Peer SMEs ranked for the case like experts (weak headings, markets, sector, language, less load; config/network.yaml peers), each score broken down',
  })
  async suggestions(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
  ): Promise<PeerSuggestions> {
    return this.matching.suggest(await this.access.findWorkableCase(actor, id));
  }
}
