import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength, MinLength, ValidationOptions } from 'class-validator';

/** Postgres text cannot hold NUL, and control characters are never meant in a form answer. */
// eslint-disable-next-line no-control-regex -- the point is to refuse control characters
const SINGLE_LINE = /^[^\u0000-\u001f\u007f]*$/;
// eslint-disable-next-line no-control-regex -- as above, but newlines and tabs are allowed
const MULTI_LINE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/** A one-line answer: a string of 1..max characters with no control characters. */
export function IsLine(max: number, options: ValidationOptions = {}): PropertyDecorator {
  return applyDecorators(
    IsString(options),
    MinLength(1, { ...options, message: '$property must not be empty' }),
    MaxLength(max, options),
    Matches(SINGLE_LINE, { ...options, message: '$property must not contain control characters' }),
  );
}

/** Free text that may span lines, up to max characters. */
export function IsParagraph(max: number, min = 0): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MinLength(min, { message: '$property must not be empty' }),
    MaxLength(max),
    Matches(MULTI_LINE, { message: '$property must not contain control characters' }),
  );
}
