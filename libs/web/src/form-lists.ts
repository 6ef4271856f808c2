/**
 * class-transformer `@Transform`s for list fields that forms and the API both send: forms send one value
 * as a string (or a comma-separated list typed in a box), the API sends arrays; nothing is an empty list.
 */
export const toList = ({ value }: { value: unknown }): unknown =>
  value === undefined || value === null || value === ''
    ? []
    : Array.isArray(value)
      ? value
      : typeof value === 'string'
        ? value.split(/[\s,]+/).filter(Boolean)
        : [value];

/** `toList`, each text trimmed and in capitals (country codes, NACE sections). */
export const toUpperList = ({ value }: { value: unknown }): unknown =>
  (toList({ value }) as unknown[]).map((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v));
