import type { Actor } from './actor';
import { ROLES } from './role';
import { navigationFor } from './navigation';

const actor = (role: Actor['role']): Actor => ({ id: 'u1', email: 'a@b.example', name: 'A', role });
const t = (key: string): string => key;

describe('navigationFor', () => {
  it('gives nothing to a signed-out visitor', () => {
    expect(navigationFor(undefined, '/', t)).toBeUndefined();
  });

  it("starts every role at home and shows only that role's work", () => {
    for (const role of ROLES) expect(navigationFor(actor(role), '/home', t)?.[0].href).toBe('/home');
    const hrefs = (role: Actor['role']) => navigationFor(actor(role), '/home', t)!.map((i) => i.href);
    expect(hrefs('sme')).toEqual(['/home', '/training', '/inbox']);
    expect(hrefs('adviser')).toContain('/caseload');
    expect(hrefs('adviser')).not.toContain('/officer/advisers');
    expect(hrefs('officer')).toEqual(
      expect.arrayContaining(['/officer/advisers', '/enrolment-review', '/training/admin']),
    );
    expect(hrefs('officer')).not.toContain('/admin/users');
    expect(hrefs('admin')).toEqual(expect.arrayContaining(['/admin/users', '/admin/queues']));
    expect(hrefs('admin')).not.toContain('/caseload'); // admins manage accounts, not cases
    expect(hrefs('expert')).toEqual(['/home', '/expert', '/expert/profile']);
  });

  it('marks the most specific matching link as the current page', () => {
    const items = navigationFor(actor('officer'), '/training/admin/modules/new', t)!;
    expect(items.filter((i) => i.active).map((i) => i.href)).toEqual(['/training/admin']);
    const sme = navigationFor(actor('sme'), '/training/modules', t)!;
    expect(sme.filter((i) => i.active).map((i) => i.href)).toEqual(['/training']);
    const expert = navigationFor(actor('expert'), '/expert/profile', t)!;
    expect(expert.filter((i) => i.active).map((i) => i.href)).toEqual(['/expert/profile']);
  });
});
