import { IsPageCursor } from '@app/web';
import { CASE_STATUSES, CaseStatus, Stage, STAGES } from '@app/cases';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export const CASELOAD_SORTS = ['name', 'stage', 'lastContact', 'nextDue'] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];

const blankToUndefined = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() === ''
    ? undefined
    : typeof value === 'string'
      ? value.trim()
      : value;
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() === ''
    ? undefined
    : typeof value === 'string'
      ? Number(value)
      : value;

export const CASELOAD_SCOPES = ['mine', 'regions'] as const;
export type CaseloadScope = (typeof CASELOAD_SCOPES)[number];

/** Filters, sort and page of `GET /api/v1/cases` (the same names drive the caseload page's form). */
export class CaseloadQueryDto {
  @ApiPropertyOptional({ description: 'officers only: one adviser’s cases' })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsUUID()
  adviserId?: string;

  @ApiPropertyOptional({ description: 'officers only: cases waiting for an adviser' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' || value === true ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  unassigned?: boolean;

  @ApiPropertyOptional({
    enum: CASELOAD_SCOPES,
    description:
      "advisers only: 'mine' (default) for their own caseload, 'regions' for the cases in the regions an officer lets them see",
  })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(CASELOAD_SCOPES, { message: "scope must be 'mine' or 'regions'" })
  scope?: CaseloadScope;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  @MaxLength(60)
  region?: string;

  @ApiPropertyOptional({ enum: STAGES })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(STAGES)
  stage?: Stage;

  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ description: 'NACE code or its prefix, e.g. 10 or 10.11' })
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^\d{2}(\.\d{1,2})?$/, { message: 'sector must be a NACE code such as 10 or 10.11' })
  sector?: string;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2 target market' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? (value.trim() === '' ? undefined : value.trim().toUpperCase()) : value,
  )
  @Matches(/^[A-Z]{2}$/, { message: 'market must be an ISO 3166-1 alpha-2 code' })
  market?: string;

  @ApiPropertyOptional({ description: 'only cases whose agreed next step is past due' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' || value === true ? true : value === 'false' || value === '' ? undefined : value,
  )
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'no contact for at least this many days' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  noContactDays?: number;

  @ApiPropertyOptional({ description: 'company name or registration number' })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: CASELOAD_SORTS, default: 'nextDue' })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(CASELOAD_SORTS)
  sort?: CaseloadSort;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (opaque)' })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsPageCursor()
  cursor?: string;

  @ApiPropertyOptional({ default: 50, maximum: 100 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
