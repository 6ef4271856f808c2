import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsPageCursor, IsQueryDate, NumberFromText } from '@app/web';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class AuditEventsQueryDto {
  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  entityId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a user id (UUID)' })
  actorId?: string;

  @ApiPropertyOptional({ description: 'ISO 8601, between 1900 and 9999; events at or after' })
  @IsOptional()
  @IsQueryDate('from')
  from?: Date;

  @ApiPropertyOptional({ description: 'ISO 8601, between 1900 and 9999; events before' })
  @IsOptional()
  @IsQueryDate('to')
  to?: Date;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (opaque)' })
  @IsOptional()
  @IsPageCursor()
  cursor?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @NumberFromText()
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
