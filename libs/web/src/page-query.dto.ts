import { NumberFromText } from './number-from-text';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsPageCursor } from './is-page-cursor.decorator';

/** The paging fields of a list's query (`?cursor=…&limit=…`); a list's query DTO extends it. */
export class PageQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page (opaque)' })
  @IsOptional()
  @IsPageCursor()
  cursor?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @NumberFromText()
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
