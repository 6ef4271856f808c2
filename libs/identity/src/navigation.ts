import type { Actor } from './actor';
import type { Role } from './role';

interface NavItem {
  href: string;
  text: string;
  active: boolean;
}

/**
 * Where each role's work starts, in the order it appears in the service navigation. Pages deeper in a
 * journey (a case, an audit) are reached from these. The sign-out button is in the layout.
 */
const LINKS_BY_ROLE: Record<Role, [href: string, labelKey: string][]> = {
  sme: [
    ['/home', 'identity.nav.home'],
    ['/training', 'identity.nav.myTraining'],
    ['/inbox', 'followUps.nav.inbox'],
  ],
  adviser: [
    ['/home', 'identity.nav.home'],
    ['/caseload', 'identity.nav.caseload'],
    ['/companies', 'identity.nav.companies'],
    ['/tasks', 'followUps.nav.tasks'],
    ['/pipeline', 'identity.nav.pipeline'],
    ['/reports', 'reports.nav'],
  ],
  officer: [
    ['/home', 'identity.nav.home'],
    ['/caseload', 'identity.nav.caseload'],
    ['/companies', 'identity.nav.companies'],
    ['/tasks', 'followUps.nav.tasks'],
    ['/pipeline', 'identity.nav.pipeline'],
    ['/officer/advisers', 'identity.nav.advisers'],
    ['/experts', 'identity.nav.experts'],
    ['/enrolment-review', 'identity.nav.enrolmentReview'],
    ['/admin/data-protection', 'dataProtection.nav.requests'],
    ['/training/admin', 'identity.nav.trainingAdmin'],
    ['/reports', 'reports.nav'],
    ['/admin/audit', 'identity.nav.audit'],
  ],
  admin: [
    ['/home', 'identity.nav.home'],
    ['/admin/users', 'identity.nav.users'],
    ['/admin/queues', 'identity.nav.queues'],
    ['/admin/mail', 'followUps.nav.mail'],
    ['/admin/undelivered', 'followUps.nav.undelivered'],
    ['/admin/data-protection', 'dataProtection.nav.requests'],
    ['/admin/webhooks', 'webhooks.nav'],
    ['/experts', 'identity.nav.experts'],
    ['/admin/audit', 'identity.nav.audit'],
  ],
  // An expert's /home sends them on to their requests (libs/network).
  expert: [
    ['/home', 'identity.nav.home'],
    ['/expert', 'expertAccount.nav.requests'],
    ['/expert/profile', 'expertAccount.nav.profile'],
  ],
};

/** Service navigation items (GOV.UK service navigation) for the signed-in user; none when signed out. */
export function navigationFor(
  user: Actor | undefined,
  path: string,
  t: (key: string) => string,
): NavItem[] | undefined {
  if (!user) return undefined;
  const links = LINKS_BY_ROLE[user.role];
  // The most specific matching link is the active one (/training/admin, not /training, for officers).
  const active = links
    .map(([href]) => href)
    .filter((href) => path === href || path.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
  return links.map(([href, key]) => ({ href, text: t(key), active: href === active }));
}
