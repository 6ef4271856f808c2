import type { AuditLogService } from '@app/audit-log';
import { NotFoundError } from '@app/errors';
import type { Actor } from '../actor';
import { Intent, PolicyService, Resource } from './policy.service';

const actor = (id: string, role: Actor['role']): Actor => ({ id, role, email: `${id}@x.test`, name: id });
const smeA = actor('sme-a', 'sme');
const smeB = actor('sme-b', 'sme');
const adviserOn = actor('adv-1', 'adviser');
const adviserOff = actor('adv-2', 'adviser');
const officer = actor('off', 'officer');
const admin = actor('adm', 'admin');
const everyone = { smeA, smeB, adviserOn, adviserOff, officer, admin };

const caseOfA: Resource = {
  kind: 'case',
  type: 'case',
  id: 'c1',
  ownerIds: ['sme-a'],
  assignedAdviserId: 'adv-1',
  region: 'north',
};
const enrolmentOfA: Resource = { kind: 'application', type: 'enrolment', id: 'e1', ownerId: 'sme-a' };
const exportOfAdviser: Resource = { kind: 'personal', type: 'report_export', id: 'x1', ownerId: 'adv-1' };
const accountOfB: Resource = { kind: 'account', type: 'user', id: 'sme-b' };

/** Who of `everyone` the policy lets do `intent` with `resource`. */
const who = (intent: Intent, resource: Resource, options = {}): string[] =>
  Object.entries(everyone)
    .filter(([, a]) => new PolicyService({} as AuditLogService).allows(a, intent, resource, options))
    .map(([name]) => name);

describe('PolicyService', () => {
  const recorded: unknown[] = [];
  const audit = {
    recordDenial: async (d: object) => void recorded.push({ action: 'access.denied', ...d }),
  } as unknown as AuditLogService;
  const policy = new PolicyService(audit);

  it.each<[Intent, Resource, string[]]>([
    ['see', caseOfA, ['smeA', 'adviserOn', 'officer']],
    ['act', caseOfA, ['smeA', 'adviserOn', 'officer']],
    ['work', caseOfA, ['adviserOn', 'officer']],
    ['own', caseOfA, ['smeA']],
    ['see', enrolmentOfA, ['smeA', 'officer', 'admin']],
    ['own', enrolmentOfA, ['smeA']],
    ['work', enrolmentOfA, ['officer', 'admin']],
    ['see', exportOfAdviser, ['adviserOn']],
    ['see', accountOfB, ['smeB', 'admin']],
    ['work', accountOfB, ['admin']],
  ])('%s %j: %j', (intent, resource, expected) => {
    expect(who(intent, resource)).toEqual(expected);
  });

  it('lets an officer widen an adviser to a region, to read only', () => {
    expect(who('see', caseOfA, { adviserRegions: ['north'] })).toContain('adviserOff');
    expect(who('see', caseOfA, { adviserRegions: ['south'] })).not.toContain('adviserOff');
    expect(who('act', caseOfA, { adviserRegions: ['north'] })).not.toContain('adviserOff');
  });

  it('gives an SME nothing of a case whose owners were not looked up', () => {
    expect(who('see', { ...caseOfA, ownerIds: [] })).toEqual(['adviserOn', 'officer']);
  });

  it('answers a denial with 404 and audits it', async () => {
    await expect(policy.assert(smeB, 'see', caseOfA)).rejects.toBeInstanceOf(NotFoundError);
    expect(recorded).toContainEqual(
      expect.objectContaining({ action: 'access.denied', entityType: 'case', entityId: 'c1' }),
    );
    await expect(policy.assert(smeA, 'see', caseOfA)).resolves.toBeUndefined();
  });

  it('gives actions to roles', () => {
    expect(policy.can(officer, 'reports.export')).toBe(true);
    expect(policy.can(admin, 'reports.export')).toBe(false);
    expect(policy.can(admin, 'accounts.manage')).toBe(true);
    expect(policy.can(adviserOn, 'audit.read')).toBe(false);
  });
});
