import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ListFollowUpsQuery {
  /** Only "me" for now: the signed-in staff member's own tasks. */
  @ApiProperty({ enum: ['me'] })
  @IsIn(['me'], { message: 'assignee must be "me"' })
  assignee!: string;

  @ApiPropertyOptional({ enum: ['open', 'all'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'all'], { message: 'status must be "open" or "all"' })
  status?: 'open' | 'all';
}
