import type { Role } from './role';

/** Who is acting: what guards put on `req.user` and what `@CurrentUser()` hands to a handler. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
}
