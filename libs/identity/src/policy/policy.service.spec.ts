import type { AuditLogService } from '@app/audit-log';
import { NotFoundError } from '@app/errors';
import type { Actor } from '../actor';
import { PolicyService, Resource } from './policy.service';

const actor = (id: string, role: Actor['role']): Actor => ({ id, role, email: `${id}@x.test`, name: id });
const smeA = actor('sme-a', 'sme');
const smeB = actor('sme-b', 'sme');
const adviserOn = actor('adv-1', 'adviser');
const adviserOff = actor('adv-2', 'adviser');
const officer = actor('off', 'officer');
const admin = actor('adm', 'admin');

const caseOfA: Resource = {
  kind: 'sme-owned',
  type: 'case',
  id: 'c1',
  ownerId: 'sme-a',
  adviserIds: ['adv-1'],
  region: 'north',
};
const noteOnA: Resource = { ...caseOfA, kind: 'case-note', type: 'case_note' };

describe('PolicyService', () => {
  const recorded: unknown[] = [];
  const audit = {
    recordDenial: async (d: object) => void recorded.push({ action: 'access.denied', ...d }),
  } as unknown as AuditLogService;
  const policy = new PolicyService(audit);

  it.each([
    [smeA, true],
    [smeB, false],
    [adviserOn, true],
    [adviserOff, false],
    [officer, true],
    [admin, false],
  ])('case record visibility for %j', (who, expected) => {
    expect(policy.canSee(who, caseOfA)).toBe(expected);
  });

  it('hides case notes from the SME and from admins', () => {
    expect(policy.canSee(smeA, noteOnA)).toBe(false);
    expect(policy.canSee(admin, noteOnA)).toBe(false);
    expect(policy.canSee(adviserOn, noteOnA)).toBe(true);
    expect(policy.canSee(officer, noteOnA)).toBe(true);
  });

  it('lets an officer widen an adviser to a region', () => {
    expect(policy.canSee(adviserOff, caseOfA, { adviserRegions: ['north'] })).toBe(true);
    expect(policy.canSee(adviserOff, caseOfA, { adviserRegions: ['south'] })).toBe(false);
  });

  it('answers a denial with 404 and audits it', async () => {
    await expect(policy.assertCanSee(smeB, caseOfA)).rejects.toBeInstanceOf(NotFoundError);
    expect(recorded).toContainEqual(
      expect.objectContaining({ action: 'access.denied', entityType: 'case', entityId: 'c1' }),
    );
  });

  it('gives actions to roles', () => {
    expect(policy.can(officer, 'reports.export')).toBe(true);
    expect(policy.can(admin, 'reports.export')).toBe(false);
    expect(policy.can(admin, 'accounts.manage')).toBe(true);
    expect(policy.can(adviserOn, 'audit.read')).toBe(false);
  });
});
