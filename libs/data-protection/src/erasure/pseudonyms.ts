import { createHmac } from 'node:crypto';
import type { Subject } from '../subject';

export interface Pseudonyms {
  name: string;
  email: string;
}

/**
 * Stable pseudonyms: the same person always gets the same `erased-<hmac>`, so records that pointed at
 * them still group together (counts per person survive) while nobody can read who it was. Keyed with the
 * session secret so a pseudonym cannot be recomputed from a guessed email.
 */
export function pseudonymsFor(subject: Subject, secret: string): Pseudonyms {
  const digest = createHmac('sha256', secret)
    .update(subject.userId ?? subject.email)
    .digest('hex')
    .slice(0, 16);
  return { name: `erased-${digest}`, email: `erased-${digest}@erased.invalid` };
}

export function isPseudonym(value: string | null | undefined): boolean {
  return !!value && /^erased-[0-9a-f]{16}(@erased\.invalid)?$/.test(value);
}
