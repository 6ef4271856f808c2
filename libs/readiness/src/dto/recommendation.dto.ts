import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsOptionalNotNull } from '@app/web';

export class DecideRecommendationDto {
  @ApiProperty({ enum: ['accepted', 'dropped'] })
  @IsIn(['accepted', 'dropped'])
  decision!: 'accepted' | 'dropped';

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class AddRecommendationDto {
  @ApiProperty({ enum: ['measure', 'training'] })
  @IsIn(['measure', 'training'])
  kind!: 'measure' | 'training';

  @ApiProperty({ pattern: '^[a-z0-9-]{2,60}$', description: 'Support-measure or training-module code' })
  @Matches(/^[a-z0-9-]{2,60}$/)
  code!: string;

  @ApiProperty({ minLength: 3, maxLength: 2000, description: 'Why the adviser adds it' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  note!: string;
}
