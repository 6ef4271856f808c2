import { CASE_CONTENT, withoutCaseContent } from './case-content';
import type { AuditEvent } from './entities/audit-event.entity';

const row = (over: Partial<AuditEvent>): AuditEvent => ({
  id: '1',
  occurredAt: new Date(0),
  actorId: 'a',
  action: 'case.summary_updated',
  entityType: 'case',
  entityId: 'c',
  before: { summary: 'old words' },
  after: { summary: 'new words' },
  requestId: null,
  ip: null,
  ...over,
});

describe('withoutCaseContent', () => {
  it('keeps who, when, which record and which fields, and replaces every value of a case record', () => {
    expect(withoutCaseContent(row({}))).toEqual(
      row({ before: { summary: CASE_CONTENT }, after: { summary: CASE_CONTENT } }),
    );
    expect(
      withoutCaseContent(
        row({ entityType: 'export_outcome', before: null, after: { note: 'x', valueMinor: 5 } }),
      ),
    ).toMatchObject({ before: null, after: { note: CASE_CONTENT, valueMinor: CASE_CONTENT } });
  });

  it('leaves rows about other records, and access decisions about cases, whole', () => {
    const user = row({ entityType: 'user', after: { email: 'a@b.example' } });
    expect(withoutCaseContent(user)).toBe(user);
    const denial = row({ action: 'access.denied', after: { role: 'adviser' } });
    expect(withoutCaseContent(denial)).toBe(denial);
  });
});
