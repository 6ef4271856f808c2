import { randomBytes } from 'node:crypto';

// Crockford base32 without I, L, O, U: codes are read aloud and typed from paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A verification code like `SMT-7KQ2-M9XD-4HPA` (60 random bits: unguessable, short enough to type). */
export function newCertificateCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  return `SMT-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** Upper-cases and trims what a person typed; undefined when it cannot be a code. */
export function normaliseCertificateCode(input: string): string | undefined {
  const code = input.trim().toUpperCase();
  return /^SMT-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/.test(code)
    ? code
    : undefined;
}
