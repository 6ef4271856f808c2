import { AuditContext, AuditCtx } from '@app/audit-log';
import { Actor, CurrentUser, Roles } from '@app/identity';
import { RecordIdPipe } from '@app/web';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { staffTasks } from '../follow-up/staff-tasks';
import { InboxService } from '../inbox/inbox.service';
import { FollowUpTaskList, Inbox, MarkedAllRead, UnreadCount } from './follow-ups.responses';
import { ListFollowUpsQuery } from './list-follow-ups.query';

/** "Your tasks" for staff and the inbox for everyone. Tasks are read-only here: closing happens through the domains. */
@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller('api/v1')
export class FollowUpsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inboxes: InboxService,
  ) {}

  /** The same tasks as the "Your tasks" page: assigned to the caller, or escalated to them as the officer. */
  @Get('follow-ups')
  @ApiOkResponse({ type: FollowUpTaskList })
  @Roles('adviser', 'officer', 'admin')
  async tasks(@CurrentUser() actor: Actor, @Query() query: ListFollowUpsQuery): Promise<FollowUpTaskList> {
    const rows = await staffTasks(this.dataSource.manager, actor.id, query.status ?? 'open');
    return {
      items: rows.map((f) => ({
        id: f.id,
        caseId: f.caseId,
        kind: f.kind,
        status: f.status,
        step: f.step,
        dueAt: f.deadlineAt.toISOString(),
        nextReminderAt: f.status === 'scheduled' ? f.dueAt.toISOString() : null,
        assignedToYou: f.assigneeId === actor.id,
        escalatedToYou: f.status === 'escalated' && f.recipients.officer?.userId === actor.id,
        context: f.context,
      })),
    };
  }

  /** The caller's inbox, newest first, and how many of its messages they have not marked read. */
  @Get('notifications')
  @ApiOkResponse({ type: Inbox })
  async inbox(@CurrentUser() actor: Actor): Promise<Inbox> {
    const { messages, unreadCount } = await this.inboxes.inboxOf(actor.id);
    return {
      items: messages.map((n) => ({
        id: n.id,
        kind: n.kind,
        caseId: n.caseId,
        subject: n.subject,
        body: n.bodyText,
        createdAt: n.createdAt.toISOString(),
        readAt: n.readAt?.toISOString() ?? null,
        // The email's fate, so a person knows whether to expect it in their mailbox too.
        emailStatus: n.status,
      })),
      unreadCount,
    };
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: MarkedAllRead, description: 'Every message of the inbox marked read' })
  async markAllRead(
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
  ): Promise<{ marked: number; unreadCount: number }> {
    const marked = await this.inboxes.markAllRead(actor.id, context);
    return { marked, unreadCount: await this.inboxes.unreadCount(actor.id) };
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @ApiOkResponse({
    type: UnreadCount,
    description: 'The message marked read (again: no change); 404 unless it is yours',
  })
  async markRead(
    @Param('id', new RecordIdPipe('notification')) id: string,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
  ): Promise<{ unreadCount: number }> {
    await this.inboxes.markRead(actor.id, id, context);
    return { unreadCount: await this.inboxes.unreadCount(actor.id) };
  }
}
