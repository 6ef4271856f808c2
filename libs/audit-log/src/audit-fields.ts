/**
 * The named fields of a record, as the audit trail shows it before and after a change: only what the trail
 * should show, never the whole entity (relations, hashes). Dates are left as they are; the audit row
 * writes them as ISO strings.
 */
export function auditFields<T extends object, K extends keyof T & string>(
  record: T,
  keys: readonly K[],
): Record<K, T[K]> {
  return Object.fromEntries(keys.map((key) => [key, record[key]])) as Record<K, T[K]>;
}
