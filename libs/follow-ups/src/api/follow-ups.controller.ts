import { Actor, CurrentUser, Roles } from '@app/identity';
import { Notification } from '@app/messaging';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { FollowUp, OPEN_FOLLOW_UP_STATUSES } from '../follow-up/follow-up.entity';
import { ListFollowUpsQuery } from './list-follow-ups.query';

/** "Your tasks" for staff and the inbox for everyone. Read-only: closing happens through the domains. */
@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller('api/v1')
export class FollowUpsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('follow-ups')
  @Roles('adviser', 'officer', 'admin')
  async tasks(@CurrentUser() actor: Actor, @Query() query: ListFollowUpsQuery): Promise<{ items: object[] }> {
    const qb = this.dataSource
      .getRepository(FollowUp)
      .createQueryBuilder('f')
      .where('f.assignee_id = :me', { me: actor.id })
      .orderBy('f.deadline_at', 'ASC')
      .limit(200);
    if ((query.status ?? 'open') === 'open')
      qb.andWhere('f.status IN (:...open)', { open: OPEN_FOLLOW_UP_STATUSES as string[] });
    const rows = await qb.getMany();
    return {
      items: rows.map((f) => ({
        id: f.id,
        caseId: f.caseId,
        kind: f.kind,
        status: f.status,
        step: f.step,
        dueAt: f.deadlineAt.toISOString(),
        nextReminderAt: f.status === 'scheduled' ? f.dueAt.toISOString() : null,
        context: f.context,
      })),
    };
  }

  @Get('notifications')
  async inbox(@CurrentUser() actor: Actor): Promise<{ items: object[] }> {
    const rows = await this.dataSource.getRepository(Notification).find({
      where: { recipientUserId: actor.id },
      order: { createdAt: 'DESC' },
      take: 100,
    });
    return {
      items: rows.map((n) => ({
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
    };
  }
}
