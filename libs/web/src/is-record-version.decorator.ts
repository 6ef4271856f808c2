import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { IsOptionalNotNull } from './validation';

/**
 * The `version` of a record a change is based on: a JSON number, or a form's hidden field as text. The
 * same whole numbers as `If-Match` (expectedVersion), up to what the version columns hold.
 */
export function IsRecordVersion(description = 'the version you saw (or send If-Match)'): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, type: 'integer', minimum: 1, maximum: 999_999_999 }),
    IsOptionalNotNull(),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value,
    ),
    IsInt({ message: 'version must be the version number you were shown' }),
    Min(1),
    Max(999_999_999),
  );
}
