import { DomainError } from '@app/errors';

/** The separation-of-duties rules of data-protection requests. */
export type DutyRule = 'second_person' | 'own_account' | 'staff_needs_admin' | 'not_party';

const MESSAGES: Record<DutyRule, string> = {
  second_person: 'You made this request: a second officer or admin must approve it',
  own_account:
    'Nobody may request or approve the erasure of their own account, or approve access to their own data',
  staff_needs_admin: 'Only an admin may request or approve erasing a staff account',
  not_party: 'Only the person who requested the archive, or the one who approved it, may download it',
};

/**
 * 403: the caller may see the request but this step needs someone else. Its field error lets a form show
 * the reason in its error summary (`decisionReason` on the approval form, `email` on a new request).
 */
export class DutyRefusedError extends DomainError {
  constructor(readonly rule: DutyRule) {
    super(`data_protection.${rule}`, MESSAGES[rule], 403, [
      {
        field: rule === 'second_person' || rule === 'not_party' ? 'decisionReason' : 'email',
        code: `data_protection.${rule}`,
        message: MESSAGES[rule],
      },
    ]);
  }
}
