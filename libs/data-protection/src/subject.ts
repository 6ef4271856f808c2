import type { EntityManager } from 'typeorm';

/** Who a request is about, and the ids of the records that are theirs (their enrolments, companies, cases). */
export interface Subject {
  email: string;
  userId: string | null;
  name: string | null;
  role: string | null;
  enrolments: string[];
  companies: string[];
  cases: string[];
  bookings: string[];
}

/** Shorter names match too much unrelated text to be treated as "naming the person". */
const MIN_NAME_LENGTH = 4;

export function likePattern(value: string | null | undefined, minLength = 3): string | null {
  if (!value || value.trim().length < minLength) return null;
  return `%${value.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Finds the person by email (case-insensitive) and everything that is theirs: the enrolments they made,
 * the companies they are the contact of (or enrolled), and those companies' cases and bookings. An
 * unknown email gives a subject with no user and no records: its archive is empty but well-formed.
 */
export async function resolveSubject(m: EntityManager, email: string, userId?: string): Promise<Subject> {
  const normalised = email.trim().toLowerCase();
  const [user] = (await m.query(
    userId
      ? 'SELECT id, name, role, email FROM users WHERE id = $1'
      : 'SELECT id, name, role, email FROM users WHERE lower(email) = $1',
    [userId ?? normalised],
  )) as { id: string; name: string; role: string; email: string }[];
  if (!user)
    return {
      email: normalised,
      userId: null,
      name: null,
      role: null,
      enrolments: [],
      companies: [],
      cases: [],
      bookings: [],
    };
  const ids = async (sql: string, params: unknown[]): Promise<string[]> =>
    ((await m.query(sql, params)) as { id: string }[]).map((r) => r.id);
  const enrolments = await ids('SELECT id FROM enrolments WHERE user_id = $1 ORDER BY created_at', [user.id]);
  const companies = await ids(
    `SELECT id FROM companies WHERE primary_contact_id = $1
      OR id IN (SELECT company_id FROM enrolments WHERE user_id = $1) ORDER BY created_at`,
    [user.id],
  );
  const cases = await ids('SELECT id FROM cases WHERE company_id = ANY($1::uuid[]) ORDER BY opened_at', [
    companies,
  ]);
  const bookings = await ids('SELECT id FROM training_booking WHERE case_id = ANY($1::uuid[]) ORDER BY seq', [
    cases,
  ]);
  return {
    email: user.email.toLowerCase(),
    userId: user.id,
    name: user.name,
    role: user.role,
    enrolments,
    companies,
    cases,
    bookings,
  };
}

/** Whether the person's name is specific enough to search free text for. */
export function searchableName(subject: Subject): string | null {
  return subject.name && subject.name.trim().length >= MIN_NAME_LENGTH ? subject.name.trim() : null;
}

/**
 * Turns a row condition from PERSON_DATA_MAP into positional SQL: each `:placeholder` becomes `$n` with a
 * cast, numbered only for the placeholders the condition uses (Postgres refuses unused parameters).
 */
export function bindScope(condition: string, subject: Subject): { sql: string; params: unknown[] } {
  const values: Record<string, [unknown, string]> = {
    user: [subject.userId, 'uuid'],
    email: [subject.email, 'text'],
    emailLike: [likePattern(subject.email), 'text'],
    nameLike: [likePattern(searchableName(subject), MIN_NAME_LENGTH), 'text'],
    userLike: [likePattern(subject.userId), 'text'],
    enrolments: [subject.enrolments, 'uuid[]'],
    companies: [subject.companies, 'uuid[]'],
    cases: [subject.cases, 'uuid[]'],
    bookings: [subject.bookings, 'uuid[]'],
    ids: [
      [
        subject.userId,
        ...subject.enrolments,
        ...subject.companies,
        ...subject.cases,
        ...subject.bookings,
      ].filter((v): v is string => !!v),
      'text[]',
    ],
  };
  const params: unknown[] = [];
  const numbers = new Map<string, number>();
  const sql = condition.replace(/:([a-zA-Z]+)/g, (whole, name: string) => {
    const entry = values[name];
    if (!entry) return whole; // e.g. a `::text` cast
    if (!numbers.has(name)) {
      params.push(entry[0]);
      numbers.set(name, params.length);
    }
    return `$${numbers.get(name)}::${entry[1]}`;
  });
  return { sql, params };
}
