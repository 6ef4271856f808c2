import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsDate, MaxDate, MinDate } from 'class-validator';

/** The dates a filter may name: wide enough for any record, narrow enough for every database column. */
const EARLIEST = new Date('1900-01-01T00:00:00Z');
const LATEST = new Date('9999-12-31T23:59:59Z');

/**
 * A date or date-time query parameter (ISO 8601, e.g. `2026-01-31` or `2026-01-31T09:00:00Z`) as a Date
 * between 1900 and 9999: JavaScript accepts `-271821-04-20`, PostgreSQL does not.
 */
export function IsQueryDate(field: string): PropertyDecorator {
  const message = `${field} must be a date between 1900 and 9999, like 2026-01-31 or 2026-01-31T09:00:00Z`;
  return applyDecorators(
    Type(() => Date),
    IsDate({ message }),
    MinDate(EARLIEST, { message }),
    MaxDate(LATEST, { message }),
  );
}
