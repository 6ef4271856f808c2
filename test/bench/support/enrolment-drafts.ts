import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { CompanyNames } from '../seed/company-names';

/** A complete draft enrolment of an SME account of its own, with a live bearer token for that account. */
export interface SubmitDraft {
  userId: string;
  enrolmentId: string;
  email: string;
  legalName: string;
  registrationNumber: string;
  token: string;
}

/** The columns a clone gets from the drafts factory itself; every other enrolment column is the template's. */
const OWN_COLUMNS = [
  'id',
  'user_id',
  'legal_name',
  'registration_number',
  'status',
  'company_id',
  'submitted_at',
  'version',
  'created_at',
  'updated_at',
];

/**
 * New companies' names come from the same register-like generator as the seeded ones (a seed of their
 * own), so a submit's near-duplicate search meets the collisions a real register has.
 */
const newCompanyNames = new CompanyNames(29);

/** The next register-like company name for a new draft (deterministic over a run). */
export function nextCompanyName(): string {
  return newCompanyNames.next();
}

/**
 * Drafts in bulk for the submit benchmark: SME accounts, bearer tokens and complete draft enrolments,
 * written with one statement each. A draft is a copy of `templateEnrolmentId` — one made through
 * `POST /api/v1/enrolments`, so every answer is one the API accepted — with its own owner, company name and
 * registration number. Tokens are stored as ApiTokensService stores them (sha256 of an `sme_` token), so
 * no argon2 sign-in is needed per account.
 */
export class EnrolmentDrafts {
  private made = 0;
  private readonly runTag = Date.now().toString(36).toUpperCase();

  constructor(
    private readonly db: Pool,
    private readonly templateEnrolmentId: string,
    private readonly templateUserId: string,
  ) {}

  async make(count: number): Promise<SubmitDraft[]> {
    const drafts: SubmitDraft[] = Array.from({ length: count }, () => {
      const n = ++this.made;
      return {
        userId: randomUUID(),
        enrolmentId: randomUUID(),
        email: `submit-${this.runTag.toLowerCase()}-${n}@bench.example`,
        legalName: nextCompanyName(),
        registrationNumber: `SB${this.runTag}${String(n).padStart(6, '0')}`,
        token: `sme_${randomBytes(32).toString('base64url')}`,
      };
    });
    const column = <K extends keyof SubmitDraft>(key: K) => drafts.map((d) => d[key]);
    const copied = await this.copiedColumns();
    await this.db.query(
      `WITH input AS (
         SELECT * FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[])
                    AS i(user_id, enrolment_id, email, legal_name, registration_number, token_hash)),
       u AS (
         INSERT INTO users (id, email, name, role, password_hash)
         SELECT i.user_id, i.email, 'Contact ' || i.legal_name, 'sme', t.password_hash
           FROM input i, users t WHERE t.id = $2
         RETURNING id),
       tok AS (
         INSERT INTO api_tokens (user_id, token_hash, expires_at)
         SELECT u.id, i.token_hash, now() + interval '30 days' FROM u JOIN input i ON i.user_id = u.id)
       INSERT INTO enrolments (${OWN_COLUMNS.join(', ')}, ${copied.join(', ')})
       SELECT i.enrolment_id, u.id, i.legal_name, i.registration_number, 'draft', NULL, NULL, 1, now(), now(),
              ${copied.map((c) => `t.${c}`).join(', ')}
         FROM u JOIN input i ON i.user_id = u.id, enrolments t
        WHERE t.id = $1`,
      [
        this.templateEnrolmentId,
        this.templateUserId,
        column('userId'),
        column('enrolmentId'),
        column('email'),
        column('legalName'),
        column('registrationNumber'),
        drafts.map((d) => createHash('sha256').update(d.token, 'utf8').digest('hex')),
      ],
    );
    return drafts;
  }

  private columns?: string[];

  /** Every enrolment column but the factory's own, read from the catalogue so new answers are copied too. */
  private async copiedColumns(): Promise<string[]> {
    if (!this.columns) {
      const { rows } = await this.db.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = 'enrolments' ORDER BY ordinal_position`,
      );
      this.columns = rows.map((r) => r.name).filter((name) => !OWN_COLUMNS.includes(name));
    }
    return this.columns;
  }
}
