import { IsRecordVersion, toList, toUpperList } from '@app/web';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { EXPERT_LANGUAGES, EXPERTISE_HEADINGS } from '../domain/expertise';

const toInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d{1,6}$/.test(value.trim()) ? Number(value) : value;
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === 'yes' ? true : value === 'false' ? false : value;

/**
 * An SME's offer to help other SMEs (PUT /api/v1/peers/me and the opt-in page): what it can talk about,
 * in which markets and languages, how often, and its consent to be introduced. The upper limit of
 * `capacityPerMonth` is config/network.yaml's `peers.maxCapacityPerMonth` (checked by the service).
 */
export class PeerProfileDto {
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 250,
    example: ['DE', 'AT'],
    description: 'ISO 3166-1 alpha-2',
  })
  @Transform(toUpperList)
  @IsArray()
  @ArrayMinSize(1, { message: 'markets must name at least one market' })
  @ArrayMaxSize(250)
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'each market must be an ISO 3166-1 alpha-2 code' })
  markets!: string[];

  @ApiProperty({
    enum: EXPERTISE_HEADINGS,
    isArray: true,
    example: ['product_market'],
    description: 'readiness headings the company can talk about from experience',
  })
  @Transform(toList)
  @IsArray()
  @ArrayMinSize(1, { message: 'topics must name at least one readiness heading' })
  @ArrayMaxSize(5)
  @IsIn(EXPERTISE_HEADINGS, { each: true, message: 'each topic must be a readiness heading code' })
  topics!: string[];

  @ApiProperty({ enum: EXPERT_LANGUAGES, isArray: true, example: ['es', 'en'] })
  @Transform(toList)
  @IsArray()
  @ArrayMinSize(1, { message: 'languages must name at least one language' })
  @ArrayMaxSize(3)
  @IsIn(EXPERT_LANGUAGES, { each: true, message: 'each language must be one of en, es, de' })
  languages!: string[];

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 50, example: 2, description: 'introductions a month' })
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(50)
  capacityPerMonth!: number;

  @ApiProperty({
    enum: [true],
    description: 'consent to be introduced to other SMEs of the programme (recorded with the time)',
  })
  @Transform(toBoolean)
  @IsBoolean()
  @IsIn([true], { message: 'consent must be given to offer help to other companies' })
  consent!: boolean;

  @IsRecordVersion('the profile version you saw (or send If-Match); omit when opting in')
  version?: number;
}
