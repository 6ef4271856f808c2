import { isUUID } from 'class-validator';

/**
 * Whether a value is written like a UUID (8-4-4-4-12 hex digits, any version): what PostgreSQL's `uuid`
 * type accepts, so a value that passes never makes a query fail.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && isUUID(value, 'loose');
}
