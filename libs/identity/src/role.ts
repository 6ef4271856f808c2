/** `expert`: someone who gives time to the network (libs/network), with an account from their invitation. */
export const ROLES = ['sme', 'adviser', 'officer', 'admin', 'expert'] as const;
export type Role = (typeof ROLES)[number];
/** Roles that work for the agency (created by an admin, never self-registered). */
export const STAFF_ROLES: readonly Role[] = ['adviser', 'officer', 'admin'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
