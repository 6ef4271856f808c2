import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, Max, Min } from 'class-validator';
import { IsOptionalNotNull } from '@app/web';

export const BOOKING_ACTIONS = ['cancel', 'attend', 'no_show', 'complete'] as const;
export type BookingAction = (typeof BOOKING_ACTIONS)[number];

export class UpdateBookingDto {
  @ApiProperty({ enum: BOOKING_ACTIONS })
  @IsIn(BOOKING_ACTIONS)
  action!: BookingAction;

  @ApiPropertyOptional({
    type: 'integer',
    isArray: true,
    minimum: 0,
    maxItems: 50,
    description: 'Assessment modules (SME): the chosen option index for each question, in order',
  })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(0, { each: true })
  answers?: number[];

  @ApiPropertyOptional({
    description:
      'Assessment modules (staff only): a score 0-100 from an assessment taken outside the service',
    type: 'integer',
    minimum: 0,
    maximum: 100,
  })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(100)
  assessmentScore?: number;
}
