/**
 * The version of the programme's terms for experts that the invitation page shows (its text is in the
 * locale files, `expertAccount.terms`). Accepting records this version and the time; change both together.
 */
export const EXPERT_TERMS_VERSION = '2026-12';

/** How long an invitation link works. */
export const INVITATION_DAYS = 14;
