import { AuditContext, AuditCtx } from '@app/audit-log';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { RecordIdPipe } from '@app/web';
import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExpertInvitationResponse } from '../dto/network.responses';
import { ExpertInvitationsService, type ExpertInvitationView } from './expert-invitations.service';

/** Officers and admins invite an expert to join the programme (and so to have their own account). */
@ApiTags('experts')
@ApiBearerAuth()
@Roles('officer', 'admin')
@Controller('api/v1/experts/:id/invitation')
export class ExpertInvitationsController {
  constructor(private readonly invitations: ExpertInvitationsService) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: ExpertInvitationResponse })
  @ApiOperation({
    summary: 'Email the expert an invitation to accept the terms and complete their profile',
    description:
      "A signed link in the expert's first language, working once for 14 days; a new invitation replaces " +
      'the one before. 409 `expert.joined` once they accepted one, `expert.left` after they left.',
  })
  async invite(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('expert')) id: string,
    @AuditCtx() context: AuditContext,
  ): Promise<ExpertInvitationView> {
    return this.invitations.invite(actor, id, context);
  }
}
