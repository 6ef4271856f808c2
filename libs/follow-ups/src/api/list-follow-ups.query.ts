import { IsIn, IsOptional } from 'class-validator';

export class ListFollowUpsQuery {
  /** Only "me" for now: the signed-in staff member's own tasks. */
  @IsIn(['me'], { message: 'assignee must be "me"' })
  assignee!: string;

  @IsOptional()
  @IsIn(['open', 'all'], { message: 'status must be "open" or "all"' })
  status?: 'open' | 'all';
}
