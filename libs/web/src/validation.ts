import { ValidateNestedObject } from '@app/config';
import type { FieldError } from '@app/errors';
import {
  type ArgumentMetadata,
  applyDecorators,
  BadRequestException,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsObject,
  IsString,
  MaxLength,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';

const unknownFieldMessage = (field: string) => `${field} is not a field this request accepts`;

/** Flattens class-validator's nested errors into `company.registrationNumber`-style field errors. */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({
      field,
      code: code === 'whitelistValidation' ? 'unknownField' : code,
      message: code === 'whitelistValidation' ? unknownFieldMessage(field) : message,
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
 * Keys class-transformer drops without a word (`__proto__`, `constructor`, `prototype` and every name an
 * object inherits, such as `toString`), so the whitelist never sees them and a request carrying one would
 * be accepted. No request field is named so; they are refused as unknown fields.
 */
const INHERITED_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Where, in a parsed body or query, a key class-transformer would drop silently sits (`a.b[2].toString`). */
export function inheritedKeyPaths(value: unknown): string[] {
  const found: string[] = [];
  // Iterative: a body nested thousands deep must not overflow the stack here.
  const stack: { node: unknown; at: string }[] = [{ node: value, at: '' }];
  while (stack.length && found.length < 20) {
    const { node, at } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    for (const key of Object.keys(node)) {
      const path = Array.isArray(node) ? `${at}[${key}]` : at ? `${at}.${key}` : key;
      if (!Array.isArray(node) && INHERITED_KEYS.has(key)) found.push(path);
      else stack.push({ node: (node as Record<string, unknown>)[key], at: path });
    }
  }
  return found;
}

/** The unknown-field errors for those keys, worded as the whitelist words its own. */
export function inheritedKeyErrors(value: unknown): FieldError[] {
  return inheritedKeyPaths(value).map((field) => ({
    field,
    code: 'unknownField',
    message: unknownFieldMessage(field),
  }));
}

class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const errors = inheritedKeyErrors(value);
      if (errors.length) throw new RequestValidationException(errors);
    }
    return super.transform(value, metadata);
  }
}

/**
 * The one global pipe: strips nothing silently (unknown fields are errors), converts types, and stops at
 * the first failure per field so messages stay readable.
 */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
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

/**
 * An optional nested part of a body: left out, or an object valid as `type` (never null), documented as
 * `type`. The decorators a DTO would otherwise stack, applied in the order they were stacked.
 */
export function OptionalNested(type: new () => object): PropertyDecorator {
  return applyDecorators(
    Type(() => type),
    ValidateNestedObject(),
    IsObject(),
    IsOptionalNotNull(),
    ApiPropertyOptional({ type }),
  );
}

/**
 * An optional list of strings: left out, or an array (never null) whose items are strings of at most
 * `maxLength` characters, documented as `string[]`. The decorators a DTO would otherwise stack, applied in
 * the order they were stacked.
 */
export function OptionalStringList(maxLength: number): PropertyDecorator {
  return applyDecorators(
    MaxLength(maxLength, { each: true }),
    IsString({ each: true }),
    IsArray(),
    IsOptionalNotNull(),
    ApiPropertyOptional({ type: [String] }),
  );
}
