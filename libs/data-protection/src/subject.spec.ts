import { makeRewriter } from './erasure/erasure-plan';
import { isPseudonym, pseudonymsFor } from './erasure/pseudonyms';
import { bindScope, Subject } from './subject';

const subject: Subject = {
  email: 'ana@sme.example',
  userId: '7d3c2a47-9a35-4d4a-9a57-1f0e1d0c2b11',
  name: 'Ana Example',
  role: 'sme',
  enrolments: ['e1'],
  companies: ['c1'],
  cases: ['k1', 'k2'],
  bookings: [],
};

describe('bindScope', () => {
  it('numbers only the placeholders a condition uses, with casts, and leaves ::casts alone', () => {
    const { sql, params } = bindScope(
      'case_id = ANY(:cases) OR recipients::text ILIKE :emailLike OR x = :user OR y = :user',
      subject,
    );
    expect(sql).toBe(
      'case_id = ANY($1::uuid[]) OR recipients::text ILIKE $2::text OR x = $3::uuid OR y = $3::uuid',
    );
    expect(params).toEqual([['k1', 'k2'], '%ana@sme.example%', subject.userId]);
  });

  it('escapes LIKE wildcards in the patterns', () => {
    const { params } = bindScope(':emailLike', { ...subject, email: 'a_b%c@x.example' });
    expect(params).toEqual(['%a\\_b\\%c@x.example%']);
  });
});

describe('pseudonyms and rewriting', () => {
  it('gives a person the same pseudonym every time, another person another one', () => {
    const a = pseudonymsFor(subject, 'secret-one-that-is-long-enough-123');
    expect(pseudonymsFor(subject, 'secret-one-that-is-long-enough-123')).toEqual(a);
    expect(
      pseudonymsFor({ ...subject, userId: 'other' }, 'secret-one-that-is-long-enough-123').name,
    ).not.toBe(a.name);
    expect(isPseudonym(a.name)).toBe(true);
    expect(isPseudonym(a.email)).toBe(true);
    expect(a.email).toBe(`${a.name}@erased.invalid`);
  });

  it('replaces the name and email case-insensitively in text and nested json, and is idempotent', () => {
    const p = pseudonymsFor(subject, 'k'.repeat(32));
    const rewrite = makeRewriter(subject, p);
    expect(rewrite.text('Called ANA EXAMPLE at Ana@SME.example')).toBe(`Called ${p.name} at ${p.email}`);
    const json = { recipients: { sme: { email: 'ana@sme.example', name: 'Ana Example' } }, n: 3 };
    expect(rewrite.json(json)).toEqual({ recipients: { sme: { email: p.email, name: p.name } }, n: 3 });
    expect(rewrite.names('nothing here')).toBe(false);
    const erased = makeRewriter({ ...subject, email: p.email, name: p.name }, p);
    expect(erased.text(`${p.name} ${p.email}`)).toBe(`${p.name} ${p.email}`);
  });
});
