import type { Actor } from '@app/identity';
import type { Response } from 'express';

type NavItem = { href: string; text: string; active: boolean };

/** The layout's service navigation plus this lib's pages (the identity lib's list knows only its own). */
export function staffNavigation(res: Response, actor: Actor, current: string): NavItem[] {
  const base = (res.locals.navigation as NavItem[] | undefined) ?? [];
  const t = res.locals.t as (key: string) => string;
  const mine: [string, string][] = [['/caseload', 'advisers.nav.caseload']];
  if (actor.role === 'officer') mine.push(['/officer/advisers', 'advisers.nav.advisers']);
  return [
    ...base.filter((item) => !mine.some(([href]) => href === item.href)),
    ...mine.map(([href, key]) => ({ href, text: t(key), active: current === href })),
  ];
}
