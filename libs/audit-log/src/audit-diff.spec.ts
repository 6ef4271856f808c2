import { auditDiff, REDACTED } from './audit-diff';

describe('auditDiff', () => {
  it('keeps only the fields that changed', () => {
    const diff = auditDiff(
      { name: 'Acme', employees: 10, region: 'north' },
      { name: 'Acme Ltd', employees: 10, region: 'north' },
    );
    expect(diff).toEqual({ before: { name: 'Acme' }, after: { name: 'Acme Ltd' } });
  });

  it('records added and removed fields as null on the other side', () => {
    expect(auditDiff({ a: 1 }, { b: 2 })).toEqual({ before: { a: 1, b: null }, after: { a: null, b: 2 } });
  });

  it('never stores a secret value, on creation or on change', () => {
    const created = auditDiff(null, { email: 'a@b.c', passwordHash: '$argon2id$...' });
    expect(created.after).toEqual({ email: 'a@b.c', passwordHash: REDACTED });
    const changed = auditDiff({ passwordHash: 'old', apiToken: 'x' }, { passwordHash: 'new', apiToken: 'x' });
    expect(changed).toEqual({ before: { passwordHash: REDACTED }, after: { passwordHash: REDACTED } });
    expect(JSON.stringify(changed)).not.toMatch(/old|new/);
  });

  it('compares dates and nested values by content', () => {
    const t = new Date('2026-01-01T00:00:00Z');
    expect(auditDiff({ at: t, tags: ['x'] }, { at: new Date(t), tags: ['x'] })).toEqual({
      before: {},
      after: {},
    });
    expect(auditDiff({ at: t }, { at: null }).before).toEqual({ at: '2026-01-01T00:00:00.000Z' });
  });
});
