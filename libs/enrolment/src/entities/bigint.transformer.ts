import type { ValueTransformer } from 'typeorm';

/** pg returns bigint as a string; amounts here stay well inside Number.MAX_SAFE_INTEGER (DTOs cap them). */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
