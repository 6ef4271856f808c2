import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { TASK_STATUS_FILTERS, type TaskStatusFilter } from '../follow-up/staff-tasks';

/** `GET /api/v1/follow-ups`: the signed-in staff member's tasks, as on the "Your tasks" page. */
export class ListFollowUpsQuery {
  @ApiPropertyOptional({
    enum: ['me'],
    default: 'me',
    description:
      'Whose tasks: only "me" (the default), the follow-ups assigned to you and those escalated to you as the officer',
  })
  @IsOptional()
  @IsIn(['me'], { message: 'assignee must be "me"' })
  assignee?: 'me';

  @ApiPropertyOptional({
    enum: TASK_STATUS_FILTERS,
    default: 'open',
    description:
      '"open": still waiting for their condition (the default, as on /tasks); "all": closed ones too',
  })
  @IsOptional()
  @IsIn(TASK_STATUS_FILTERS, { message: 'status must be "open" or "all"' })
  status?: TaskStatusFilter;
}
