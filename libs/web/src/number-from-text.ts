import { Transform } from 'class-transformer';

const DECIMAL = /^-?\d{1,16}(\.\d{1,16})?$/;

/**
 * A number field that forms and query strings send as text: `"42"` becomes 42, anything else is left as
 * it came for the validators to refuse. `@Type(() => Number)` turned `true` into 1 and `" "`, `""` and
 * `[]` into 0, so a wrong value was stored as a plausible one (the fuzz found `employees: true` saved as 1
 * and an adviser's capacity `" "` saved as 0).
 */
export function NumberFromText(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && DECIMAL.test(value.trim()) ? Number(value.trim()) : value,
  );
}
