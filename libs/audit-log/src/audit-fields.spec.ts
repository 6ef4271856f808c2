import { auditFields } from './audit-fields';

describe('auditFields', () => {
  it('keeps the named fields in their order, and nothing else', () => {
    const at = new Date('2026-01-02T03:04:05Z');
    const record = { id: 'x', name: 'Ada', hash: 'secret', retiredAt: at, tags: ['a'] };
    const fields = auditFields(record, ['name', 'retiredAt', 'tags']);
    expect(fields).toEqual({ name: 'Ada', retiredAt: at, tags: ['a'] });
    expect(Object.keys(fields)).toEqual(['name', 'retiredAt', 'tags']);
  });

  it('shows an unset field as undefined rather than leaving it out', () => {
    const record: { name?: string; email: string } = { email: 'a@example.test' };
    expect(auditFields(record, ['name', 'email'])).toEqual({ name: undefined, email: 'a@example.test' });
    expect('name' in auditFields(record, ['name'])).toBe(true);
  });
});
