import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';
import { PageCursors } from './page-cursors';

/** A `cursor` query parameter: the shape of a PageCursors token (its signature is checked by the list). */
export function IsPageCursor(): PropertyDecorator {
  const message = 'cursor must be the nextCursor of a previous page of this list';
  return applyDecorators(
    IsString({ message }),
    MaxLength(2100, { message }),
    Matches(PageCursors.FORMAT, { message }),
  );
}
