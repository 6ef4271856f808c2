import type { Actor } from './actor';
import type { AnonymousCsrf } from './csrf';

declare global {
  namespace Express {
    interface Request {
      /** The signed-in caller, set by the identity middleware (session cookie or bearer token). */
      user?: Actor;
      /** How `user` was authenticated; CSRF applies to `session` only. */
      authMethod?: 'session' | 'bearer';
      /** Double-submit CSRF tokens for visitors who are not signed in (set by the identity middleware). */
      anonymousCsrf?: AnonymousCsrf;
    }
  }
}

declare module 'express-session' {
  interface SessionData {
    userId?: string;
    /** Epoch ms of sign-in (absolute timeout) and of the last request (idle timeout). */
    signedInAt?: number;
    lastSeenAt?: number;
  }
}

export {};
