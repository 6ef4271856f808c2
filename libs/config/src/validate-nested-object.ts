import { IsObject, ValidateNested, type ValidationOptions } from 'class-validator';

/**
 * `@ValidateNested()` that also insists on an object. class-validator walks into an array as readily as
 * into an object, so `company: []` or `socialProfiles: [[]]` passed with no rule checked, and the service
 * then met a shape its types ruled out (a 500 on enrolment). With `{ each: true }` every item must be an
 * object. Pair it with `@Type(() => Dto)`, as `@ValidateNested()`.
 */
export function ValidateNestedObject(options?: ValidationOptions): PropertyDecorator {
  return (target, property) => {
    IsObject(options)(target, property);
    ValidateNested(options)(target, property);
  };
}
