import { IsInt, Max, Min } from 'class-validator';

/**
 * A whole-number setting from `min` (and up to `max`, when given): `@IsInt() @Min(min) @Max(max)` in one
 * decorator, for the settings classes of the app and the programme-rule files.
 */
export function IntRange(min: number, max?: number): PropertyDecorator {
  return (target, property) => {
    IsInt()(target, property);
    Min(min)(target, property);
    if (max !== undefined) Max(max)(target, property);
  };
}
