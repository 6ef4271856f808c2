/** `expert`: someone who gives time to the network (libs/network), with an account from their invitation. */
export const ROLES = ['sme', 'adviser', 'officer', 'admin', 'expert'] as const;
export type Role = (typeof ROLES)[number];
/** Roles that work for the agency (created by an admin, never self-registered). */
export const STAFF_ROLES: readonly Role[] = ['adviser', 'officer', 'admin'];

/** Roles an admin creates accounts with: an expert's account comes with accepting their invitation. */
export const CREATABLE_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'expert');

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
