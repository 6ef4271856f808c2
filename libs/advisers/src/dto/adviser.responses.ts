import { ApiProperty } from '@nestjs/swagger';

const codes = (example: string, description?: string) => ({
  type: 'string' as const,
  isArray: true,
  example: [example],
  ...(description ? { description } : {}),
});

class AdviserProfileFields {
  @ApiProperty({ format: 'uuid', description: "The adviser's user id" }) userId!: string;
  @ApiProperty(codes('north-east', 'Regions whose new cases they take')) regions!: string[];
  @ApiProperty(codes('north-east', 'Regions whose cases they may see')) visibleRegions!: string[];
  @ApiProperty(codes('C', 'NACE sections')) naceSections!: string[];
  @ApiProperty(codes('DE', 'ISO 3166-1 alpha-2')) markets!: string[];
  @ApiProperty(codes('en')) languages!: string[];
  @ApiProperty({ type: 'integer', minimum: 0, example: 25 }) capacity!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) activeCases!: number;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) absentFrom!: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) absentTo!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) lastAssignedAt!: string | null;
}

/** A row of the advisers table: the profile with its load. */
export class AdviserLoadResponse extends AdviserProfileFields {
  @ApiProperty({ example: 'Sam Adviser' }) name!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Active cases whose next step is overdue' })
  overdue!: number;
}

export class AdviserList {
  @ApiProperty({ type: AdviserLoadResponse, isArray: true }) items!: AdviserLoadResponse[];
}

export class AdviserProfileResponse extends AdviserProfileFields {
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
}

export class SavedAdviserProfile {
  @ApiProperty({ type: AdviserProfileResponse }) profile!: AdviserProfileResponse;
  @ApiProperty({
    type: 'string',
    isArray: true,
    example: ['adviser.capacity_below_load'],
    description: 'Allowed, but the officer should know',
  })
  warnings!: string[];
}

class MovedCase {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) adviserId!: string;
}

export class RedistributionResponse {
  @ApiProperty({ type: MovedCase, isArray: true }) moved!: MovedCase[];
  @ApiProperty({
    type: 'string',
    format: 'uuid',
    isArray: true,
    description: 'Cases nobody had room for: they await assignment',
  })
  unassigned!: string[];
}
