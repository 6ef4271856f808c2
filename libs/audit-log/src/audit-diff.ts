/** Field names whose values never reach the audit trail (matched case-insensitively, anywhere in the name). */
const SECRET_FIELD = /(password|secret|token|hash|apikey|api_key|otp)/i;
export const REDACTED = '[redacted]';

type Fields = Record<string, unknown>;

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Fields).map(([k, v]) => [k, normalise(v)]));
  }
  return value;
}

function redact(key: string, value: unknown): unknown {
  return SECRET_FIELD.test(key) ? REDACTED : value;
}

/**
 * The changed fields only: `before` holds their old values, `after` the new ones. A creation (no before)
 * keeps every field of `after`; a deletion every field of `before`. Secret-looking fields show as
 * "[redacted]" (that they changed is worth knowing; their value never is).
 */
export function auditDiff(
  before: Fields | null | undefined,
  after: Fields | null | undefined,
): { before: Fields | null; after: Fields | null } {
  const b = before ? (normalise(before) as Fields) : null;
  const a = after ? (normalise(after) as Fields) : null;
  if (!b || !a) {
    const only = (fields: Fields | null): Fields | null =>
      fields ? Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, redact(k, v)])) : null;
    return { before: only(b), after: only(a) };
  }
  const changedBefore: Fields = {};
  const changedAfter: Fields = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    const was = key in b ? b[key] : null;
    const now = key in a ? a[key] : null;
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    changedBefore[key] = redact(key, was);
    changedAfter[key] = redact(key, now);
  }
  return { before: changedBefore, after: changedAfter };
}
