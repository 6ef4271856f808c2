import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { ValidateNestedObject } from './validate-nested-object';

/**
 * A list whose items are objects each valid as `type`, with optional size limits: what
 * `@IsArray() @ArrayMinSize(min) @ArrayMaxSize(max) @ValidateNestedObject({ each: true }) @Type(() => type)`
 * said, registered in the same order, so the same rule fails first.
 */
export function ListOf(
  type: () => new () => object,
  size: { min?: number; max?: number } = {},
): PropertyDecorator {
  return (target, property) => {
    Type(type)(target, property);
    ValidateNestedObject({ each: true })(target, property);
    if (size.max !== undefined) ArrayMaxSize(size.max)(target, property);
    if (size.min !== undefined) ArrayMinSize(size.min)(target, property);
    IsArray()(target, property);
  };
}
