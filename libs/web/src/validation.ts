import type { FieldError } from '@app/errors';
import { applyDecorators, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { IsDefined, ValidateIf, type ValidationOptions } from 'class-validator';

/** Flattens class-validator's nested errors into `company.registrationNumber`-style field errors. */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({
      field,
      code: code === 'whitelistValidation' ? 'unknownField' : code,
      message: code === 'whitelistValidation' ? `${field} is not a field this request accepts` : message,
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** A request body or query failed validation; the filter answers 400 problem+json with the field list. */
export class RequestValidationException extends BadRequestException {
  constructor(readonly fields: FieldError[]) {
    super({ message: 'The request has invalid fields', fields });
  }
}

/**
 * The one global pipe: strips nothing silently (unknown fields are errors), converts types, and stops at
 * the first failure per field so messages stay readable.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationException(toFieldErrors(errors)),
  });
}

/**
 * The field may be left out, but not sent as `null`: `@IsOptional()` lets null through as "not given",
 * and a service that copies given fields onto an entity then writes NULL into a NOT NULL column (a 500).
 * Use `@IsOptional()` only where null is a real value (clearing a date, a draft answer), and say
 * `nullable: true` in its `@ApiProperty`.
 */
export function IsOptionalNotNull(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_object, value) => value !== undefined),
    // IS_DEFINED constraints run before every other one, so null gets this message, not "must be an integer".
    IsDefined({ message: '$property must not be null', ...options }),
  );
}
