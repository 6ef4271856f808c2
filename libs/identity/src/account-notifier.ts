import type { EntityManager } from 'typeorm';

/** A message to one person about their account or the service's security, in-app and by email. */
export interface AccountNotice {
  /** Email template key, e.g. `account.registration-attempt`. */
  kind: string;
  /** The same key twice sends one message (a retried request, several api processes). */
  idempotencyKey: string;
  recipient: { userId: string | null; email: string; name: string; language?: 'en' | 'es' | 'de' };
  values: Record<string, string>;
}

/**
 * How identity tells people things without depending on the messaging code (which depends on identity):
 * the api wires an implementation in through `IdentityModule.forRoot({ notifier })`. It writes in the
 * caller's transaction, so a notice exists exactly when the change that caused it commits.
 */
export interface AccountNotifier {
  notify(manager: EntityManager, notice: AccountNotice): Promise<void>;
}

export const ACCOUNT_NOTIFIER = Symbol('ACCOUNT_NOTIFIER');
