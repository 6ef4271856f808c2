import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsInt,
  IsNumberString,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

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

  @ApiPropertyOptional({ description: 'ISO 8601; events at or after' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'from must be a date, like 2026-01-31 or 2026-01-31T09:00:00Z' })
  from?: Date;

  @ApiPropertyOptional({ description: 'ISO 8601; events before' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'to must be a date, like 2026-01-31 or 2026-01-31T09:00:00Z' })
  to?: Date;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsNumberString({ no_symbols: true }, { message: 'cursor must be the nextCursor of a previous page' })
  @MaxLength(20)
  cursor?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
