import { ApiProperty } from '@nestjs/swagger';

const FOLLOW_UP_STATUSES = ['scheduled', 'due', 'sent', 'done', 'cancelled', 'escalated'];
const EMAIL_STATUSES = ['created', 'sending', 'sent', 'failed_temporary', 'failed_permanent'];

export class FollowUpTask {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'first-contact', description: "The rule's code: the kind of task" }) kind!: string;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) status!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Reminder steps fired so far' }) step!: number;
  @ApiProperty({ format: 'date-time', description: 'When the task is due' }) dueAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'While scheduled' })
  nextReminderAt!: string | null;
  @ApiProperty() assignedToYou!: boolean;
  @ApiProperty() escalatedToYou!: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Values for the wording (company name, dates)',
  })
  context!: Record<string, string>;
}

export class FollowUpTaskList {
  @ApiProperty({ type: FollowUpTask, isArray: true }) items!: FollowUpTask[];
}

export class InboxMessage {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'case-assigned.adviser' }) kind!: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) caseId!: string | null;
  @ApiProperty() subject!: string;
  @ApiProperty({ description: 'Plain text' }) body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) readAt!: string | null;
  @ApiProperty({ enum: EMAIL_STATUSES, description: "The email's fate" }) emailStatus!: string;
}

export class Inbox {
  @ApiProperty({ type: InboxMessage, isArray: true, description: 'Newest first' }) items!: InboxMessage[];
  @ApiProperty({ type: 'integer', minimum: 0 }) unreadCount!: number;
}

export class MarkedAllRead {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many were unread' }) marked!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) unreadCount!: number;
}

export class UnreadCount {
  @ApiProperty({ type: 'integer', minimum: 0 }) unreadCount!: number;
}
